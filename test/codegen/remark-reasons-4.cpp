// Never silent, and the true reason (4), from adv29: a pure function whose
// body a macro writes (its '[[pure]]' is hidden in the macro's definition;
// it was the macro's name where it is used that became a comment, which
// broke the build), a fold expression's calls (one text for the whole
// pack), the form of std::transform with two input ranges; and a
// declaration of one variable of a type it defines runs its calls in
// parallel (it was said to declare several variables).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK-DAG: remark-reasons-4.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

#define DEFINE_FIB(name) \
  [[pure]] long name(long n) { return n < 2 ? n : name(n - 1) + name(n - 2); }
DEFINE_FIB(macro_fib)
// CHECK-DAG: remark-reasons-4.cpp:[[@LINE-1]]:12: remark: body of 'macro_fib' not rewritten: its body is written in the macro 'DEFINE_FIB' [purecc-not-rewritten]

template <class... Ts> [[pure]] long folded(Ts... ns) { return (fib(ns) + ...); }
// CHECK: remark-reasons-4.cpp:[[@LINE-1]]:65: remark: calls to 'fib', 'fib' and 'fib' not parallelized: the calls are expanded from one pack ('...'), whose one text cannot hold a task for each [purecc-missed-parallel-calls]

[[pure]] long mix(long a, long b) { return fib(a % 12 + 5) ^ b; }

long one_struct(long k) {
  struct {
    long x, y;
  } s{fib(k), fib(k - 1)};
  // CHECK: remark-reasons-4.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  return s.x - s.y;
}

int main(int argc, char **) {
  long k = 20 + argc;
  std::vector<long> v(2000, 3), w(2000, 4), out(2000);
  std::transform(v.begin(), v.end(), w.begin(), out.begin(), mix);
  // CHECK: remark-reasons-4.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' not parallelized: only the form with one input range ('std::transform(first, last, out, f)') is rewritten [purecc-missed-algorithm]
  long h = 0;
  for (long x : out)
    h += x;
  // CHECK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  std::printf("%ld %ld %ld %ld\n", macro_fib(k), folded(k, k - 1, k - 2), one_struct(k), h);
  // CHECK: remark-reasons-4.cpp:[[@LINE-1]]:36: remark: calls to 'macro_fib' and 'folded' run in parallel [purecc-parallel-calls]
  // OUT: 10946 21892 4181 {{[0-9]+}}
  return 0;
}
