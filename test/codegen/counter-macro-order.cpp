// A rewrite that moves text or writes it twice changes how '__COUNTER__'
// expands: a selection's two-pass form moves the block that updates the
// best after the rest of the body (adv37 t07), a loop's start is written in
// the trip count and again in the leaf (t09), and hoisted calls expand
// their arguments before the rest of their statement (t08). Such code
// stays serial, with a remark that says so.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK-DAG: counter-macro-order.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] double dist(long i) {
  double s = 0;
  for (int k = 0; k < 2000; ++k)
    s += (double)((i * 7 + k) % 13);
  return s + (double)(i % 101);
}

int main(int argc, char **) {
  long n = 3000 + argc;
  double best = 1e300;
  long arg = -1, tag = -1;
  for (long i = 0; i < n; ++i) {
    double d = dist(i);
    if (d < best) {
      best = d;
      arg = i;
      tag = __COUNTER__;
    }
    long c = __COUNTER__;
    (void)c;
  }
  // CHECK-DAG: counter-macro-order.cpp:[[@LINE-10]]:3: remark: loop not parallelized: the loop body changes the preprocessor's state ('__COUNTER__' or a directive in it), and the selection's final pass would run the block that updates 'best' after the rest of the body [purecc-missed-reduction]
  std::printf("%a %ld %ld\n", best, arg, tag);

  long s = 0;
  for (long i = __COUNTER__ + 5; i < n; i += 3)
    s += fib(10 + i % 9);
  // CHECK-DAG: counter-macro-order.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's header expands '__COUNTER__', which the rewritten loop would expand once more [purecc-missed-reduction]
  std::printf("%ld\n", s);

  long x = __COUNTER__ * 1000000 + fib(22 + argc + __COUNTER__) + fib(21 + argc);
  // CHECK-DAG: counter-macro-order.cpp:[[@LINE-1]]:36: remark: calls to 'fib' and 'fib' not parallelized: the expression changes the preprocessor's state ('__COUNTER__' or a directive in it), and the calls would move before the rest of it [purecc-missed-parallel-calls]
  long y = fib(20 + argc);
  long z = __COUNTER__ + fib(19 + argc + __COUNTER__);
  // CHECK-DAG: counter-macro-order.cpp:[[@LINE-1]]:26: remark: calls to 'fib' and 'fib' not parallelized: its statement changes the preprocessor's state ('__COUNTER__' or a directive in it), and the call to 'fib' would move before the rest of it [purecc-missed-parallel-calls]
  std::printf("%ld %ld %ld %d\n", x, y, z, __COUNTER__);
}
// OUT: 0x1.76a8p+13 0 0
// OUT-NEXT: 686602
// OUT-NEXT: 3214129 10946 121398 7
