// A run of call statements where a statement's pure call is an operand of
// built-in arithmetic (`long f = argc + slow(k);`, `e += slow(k);`), not
// its whole value (found by adv24, R1: such statements got no run and no
// remark). The call joins the run; the rest of the expression stays where
// it stands and reads the result there. When the rest may throw or has an
// effect (a call not known to be pure, a write), the statement stays
// serial and says so; the rest may read the earlier results.
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=TEXT < %t.rw.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: statements-operand-calls.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// REMARK: statements-operand-calls.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]
[[pure]] double wave(long n) { return n < 2 ? 0.5 : wave(n - 1) - wave(n - 2) / 3.0; }
// REMARK: statements-operand-calls.cpp:[[@LINE-1]]:53: remark: calls to 'wave' and 'wave' run in parallel [purecc-parallel-calls]

long plus_after(long k, int argc) {
  long e = fib(k);
  long f = argc + slow(k);
  // REMARK: statements-operand-calls.cpp:[[@LINE-2]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  // TEXT: long f = argc + purecc_r{{[0-9]+}};
  return e + f;
}

long operand_first(long k, int argc) {
  long e = -fib(k) * 2 + argc;
  long f = (long)(short)argc + slow(k - 1);
  // REMARK: statements-operand-calls.cpp:[[@LINE-2]]:13: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  // TEXT: long e = -purecc_r{{[0-9]+}} * 2 + argc;
  return e + f;
}

// The same variable stored twice, and a compound assignment that reads it
// where it stands, after the first store.
long same_target(long k, int argc) {
  long e = fib(k);
  e = e + slow(k + argc);
  long g = fib(k - 2);
  g += slow(k - 2) * argc;
  // REMARK: statements-operand-calls.cpp:[[@LINE-4]]:12: remark: calls to 'fib', 'slow', 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  // TEXT: e = e + purecc_r{{[0-9]+}};
  // TEXT: g += purecc_r{{[0-9]+}} * argc;
  return e + g;
}

// Floating point: a -0.0 and a NaN operand keep their serial values.
double floating(long k, double z) {
  double a = wave(k) * z;
  double b = z + wave(k + 1);
  // REMARK: statements-operand-calls.cpp:[[@LINE-2]]:14: remark: calls to 'wave' and 'wave' run in parallel [purecc-parallel-calls]
  return a + b;
}

// Serial: the rest may throw (saying so), or the call reads the earlier
// result.
long rest_throws(long k, int argc) {
  long e = fib(k);
  std::vector<long> v(argc == 1 ? 3 : 1);
  long f = v.at(0) + slow(k);
  // REMARK: statements-operand-calls.cpp:[[@LINE-1]]:22: remark: calls to 'fib' and 'slow' not parallelized: 'v.at', which may throw, is computed with the result of 'slow', and the serial program may not make the call then [purecc-missed-parallel-calls]
  return e + f;
}
long reads_earlier(long k) {
  long e = fib(k);
  long f = 1 + slow(e % 7 + k);
  // (No remark: 'slow' needs the result of 'fib', so they are no siblings.)
  return e + f;
}

long loud(long x) {
  std::printf("loud %ld\n", x);
  return x;
}
long rest_calls(long k) {
  long e = fib(k);
  long f = slow(k) + loud(3);
  // REMARK: statements-operand-calls.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: 'loud', called in the same expression as 'slow', is not known to be pure [purecc-missed-parallel-calls]
  return e + f;
}
long rest_writes(long k, int argc) {
  long e = fib(k);
  long f = ++argc + slow(k);
  // REMARK: statements-operand-calls.cpp:[[@LINE-1]]:21: remark: calls to 'fib' and 'slow' not parallelized: 'argc' is written in the same expression as 'slow' [purecc-missed-parallel-calls]
  return e + f + argc;
}
// The rest may read the earlier result: it is computed where it stands.
long rest_reads_earlier(long k) {
  long e = fib(k);
  long f = (e > 0) + slow(k);
  // REMARK: statements-operand-calls.cpp:[[@LINE-2]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  return e + f;
}

int main(int argc, char **) {
  long k = 22 + argc;
  std::printf("%ld %ld %ld\n", plus_after(k, argc), operand_first(k, argc), same_target(k, argc));
  // OUT: 75026 -28655 132339
  std::printf("%ld %ld\n", rest_throws(k, argc), reads_earlier(k));
  // OUT-NEXT: 75025 860698
  std::printf("%.17g %.17g %.17g\n", floating(k, -0.0), floating(k, 3.0), floating(k, NAN));
  // OUT-NEXT: 9.4083821157946008e-07 3.0000009408382118 nan
  long rc = rest_calls(k);
  // OUT-NEXT: loud 3
  std::printf("%ld %ld %ld\n", rc, rest_writes(k, argc), rest_reads_earlier(k));
  // OUT-NEXT: 75028 75029 75026
}
