// Several unsequenced calls that throw: C++ leaves their order unspecified
// (g++ evaluates a call's arguments right to left, clang++ left to right),
// so the serial program's exception depends on its compiler. The rewritten
// program throws the leftmost call's exception, at every thread count and
// with either compiler: its branches run left to right when they run
// inline, a throw skips the ones to its right, and when they run in
// parallel the leftmost exception is rethrown. A pure function with such a
// group gets no serial clone (the clone would evaluate in the compiler's
// order); one whose group has a single call that may throw keeps it.
// Not an %e2e test: the serial g++ build throws the right operand's.
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 | FileCheck %s --check-prefix=PLAN
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20
// RUN: %cxx -O1 -Wall -Wextra -Wshadow -Werror %rt_cflags %t.cpp %rt_link -o %t.gxx
// RUN: %clangxx -O1 -Wall -Wextra -Wshadow -Werror %rt_cflags %t.cpp %rt_link -o %t.clangxx
// RUN: bash -c 'for b in %t.gxx %t.clangxx; do for t in 1 2 4; do OMP_NUM_THREADS=$t $b || exit 1; done; done' | sort | uniq -c | FileCheck %s --implicit-check-not=negative

#include <cstdio>
#include <stdexcept>
#include <string>

[[pure]] long checked_sqrt(long x) {
  if (x < 0)
    throw std::domain_error("negative: " + std::to_string(x));
  long r = 0;
  while ((r + 1) * (r + 1) <= x)
    ++r;
  return r;
}
[[pure]] long sqrt_nothrow(long x) noexcept {
  long r = 0;
  while ((r + 1) * (r + 1) <= x)
    ++r;
  return r;
}

// Both operands may throw: no serial clone.
[[pure]] long two(long a, long b) { return checked_sqrt(a) + checked_sqrt(b); }
// PLAN: parallel-calls [[@LINE-1]]:{{[0-9]+}} checked_sqrt checked_sqrt
// PLAN-NOT: fast-clone {{.*}} two
// Only one may throw: the clone stays.
[[pure]] long one(long a, long b) { return checked_sqrt(a) + sqrt_nothrow(b); }
// PLAN: parallel-calls [[@LINE-1]]:{{[0-9]+}} checked_sqrt sqrt_nothrow
// PLAN: fast-clone {{[0-9:]+}} one purecc_serial_one_{{[0-9]+}}

long add(long x, long y) { return x + y; }

int main() {
  // Repeated, so that at 2 and 4 threads some calls find an idle worker
  // and some do not: the answer never changes.
  for (int k = 0; k < 20; ++k) {
    try {
      std::printf("%ld\n", two(-7, -9));
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("operands: %s\n", e.what());
    }
    try {
      std::printf("%ld\n", add(checked_sqrt(-1), checked_sqrt(-2)));
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("arguments: %s\n", e.what());
    }
    try {
      std::printf("%ld\n", one(-3, 10));
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("one throws: %s\n", e.what());
    }
  }
}
// Six runs (two compilers, three thread counts), each the same:
// CHECK:      6 arguments: negative: -1{{$}}
// CHECK-NEXT: 6 one throws: negative: -3{{$}}
// CHECK-NEXT: 6 operands: negative: -7{{$}}
