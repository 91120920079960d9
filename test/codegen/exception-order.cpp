// Several unsequenced calls that may throw: C++ leaves their order
// unspecified (g++ evaluates a call's arguments right to left, clang++ left
// to right), so the serial program's exception depends on its compiler. The
// rewritten program runs no such pair in parallel (the later call comes
// after one that may throw: docs/codegen.md, "Speculation"), so each build
// throws what its own serial build throws, at every thread count. A group's
// one call that may throw is its last: its exception is the serial
// program's whatever the order, and its function keeps the serial clone.
// Not an %e2e test: that compares both builds with the serial g++ build.
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 | FileCheck %s --check-prefix=PLAN
// RUN: %purecc rewrite --remarks %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=parallel-calls
// RUN: %cxx -std=c++20 -O1 -w %s -o %t.serial.gxx
// RUN: %clangxx -std=c++20 -O1 -w %s -o %t.serial.clangxx
// RUN: %cxx -O1 -Wall -Wextra -Wshadow -Werror %rt_cflags %t.cpp %rt_link -o %t.gxx
// RUN: %clangxx -O1 -Wall -Wextra -Wshadow -Werror %rt_cflags %t.cpp %rt_link -o %t.clangxx
// RUN: bash -c 'for c in gxx clangxx; do %t.serial.$c > %t.expected || exit 1; for t in 1 2 4; do OMP_NUM_THREADS=$t %t.$c > %t.actual || exit 1; diff %t.expected %t.actual || exit 1; done; done'
// RUN: %t.serial.gxx | FileCheck %s --check-prefixes=CHECK,GXX
// RUN: %t.serial.clangxx | FileCheck %s --check-prefixes=CHECK,CLANG

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

// Both operands may throw: they stay in order.
[[pure]] long two(long a, long b) { return checked_sqrt(a) + checked_sqrt(b); }
// REMARK: exception-order.cpp:[[@LINE-1]]:44: remark: calls to 'checked_sqrt' and 'checked_sqrt' not parallelized: the call to 'checked_sqrt' comes after another call to 'checked_sqrt', which may throw [purecc-missed-parallel-calls]
// PLAN-NOT: {{.*}} two
// Only the last may throw: parallel, and the clone stays.
[[pure]] long one(long a, long b) { return sqrt_nothrow(b) + checked_sqrt(a); }
// REMARK: exception-order.cpp:[[@LINE-1]]:44: remark: calls to 'sqrt_nothrow' and 'checked_sqrt' run in parallel [purecc-parallel-calls]
// PLAN: parallel-calls [[@LINE-2]]:{{[0-9]+}} sqrt_nothrow checked_sqrt
// PLAN: fast-clone {{[0-9:]+}} one purecc_serial_one_{{[0-9]+}}

long add(long x, long y) { return x + y; }
long add3(long x, long y, long z) { return x + y + z; }

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
      // REMARK: exception-order.cpp:[[@LINE-1]]:32: remark: calls to 'checked_sqrt' and 'checked_sqrt' not parallelized: the call to 'checked_sqrt' comes after another call to 'checked_sqrt', which may throw [purecc-missed-parallel-calls]
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("arguments: %s\n", e.what());
    }
    // A call that cannot throw beside two that may: hoisting it with the
    // first would run that one before the last, which g++ evaluates first
    // (adv52 t126: "caught one" where the serial g++ build said "two").
    try {
      std::printf("%ld\n", add3(sqrt_nothrow(5), checked_sqrt(-1), checked_sqrt(-2)));
      // REMARK: exception-order.cpp:[[@LINE-1]]:33: remark: calls to 'sqrt_nothrow', 'checked_sqrt' and 'checked_sqrt' not parallelized: the call to 'sqrt_nothrow' may come after 'checked_sqrt', which may throw, and the compiler chooses which runs first [purecc-missed-parallel-calls]
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("three arguments: %s\n", e.what());
    }
    // So may a built-in operator's operands (adv52 t74: g++ evaluated
    // `chk(2) * 0` first).
    try {
      std::printf("%ld\n", sqrt_nothrow(5) + checked_sqrt(-1) + checked_sqrt(-2) * 0);
      // REMARK: exception-order.cpp:[[@LINE-1]]:28: remark: calls to 'sqrt_nothrow', 'checked_sqrt' and 'checked_sqrt' not parallelized: the call to 'checked_sqrt' and another call to 'checked_sqrt' may both throw, and the compiler chooses which runs first [purecc-missed-parallel-calls]
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("operators: %s\n", e.what());
    }
    try {
      std::printf("%ld\n", one(-3, 10));
    } catch (const std::exception &e) {
      if (k == 0)
        std::printf("one throws: %s\n", e.what());
    }
  }
}
// CHECK:      operands: negative: -7{{$}}
// GXX-NEXT:   arguments: negative: -2{{$}}
// CLANG-NEXT: arguments: negative: -1{{$}}
// GXX-NEXT:   three arguments: negative: -2{{$}}
// CLANG-NEXT: three arguments: negative: -1{{$}}
// CHECK-NEXT: operators: negative: {{-1|-2}}{{$}}
// CHECK-NEXT: one throws: negative: -3{{$}}
