// Sibling calls as people write them (issue #15): through a lambda held by
// a variable (captures by reference read at the call; a generic lambda that
// recurses through itself), a pointer converted from a captureless lambda,
// a pointer chosen by '?:' between pure functions, and statements with
// other statements between them (the later call moves before them). What
// stays serial says why: a lambda that prints, a pointer that is assigned
// or may hold an impure function, a capture written in the expression, a
// statement between two calls that writes or declares what the later one
// reads, may throw, or is not known to be pure; a lambda that may throw
// keeps the later call after it, and the first exception in serial order
// escapes.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=REWRITE < %t.out.cpp
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long fib2(long n) { return n < 2 ? n : fib2(n - 1) + fib2(n - 2); }
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:49: remark: calls to 'fib2' and 'fib2' run in parallel [purecc-parallel-calls]
[[pure]] long chk(long n) {
  if (n == 13)
    throw std::runtime_error("chk 13");
  return fib(n);
}
long loud(long n) {
  std::printf("loud %ld\n", n);
  return fib(n);
}

int main(int argc, char **) {
  long k = 20 + argc;
  auto lf = [](long m) { return fib(m); };
  long x = lf(k) + lf(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'lf' and 'lf' run in parallel [purecc-parallel-calls]
  long (*cp)(long) = argc > 1 ? fib : fib2;
  long z = cp(k) + cp(k - 3);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'cp' and 'cp' run in parallel [purecc-parallel-calls]
  long (*lp)(long) = [](long m) { return fib(m) + 1; };
  long w = lp(k) + lp(k - 4);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'lp' and 'lp' run in parallel [purecc-parallel-calls]
  long off = argc;
  auto lr = [&off](long m) { return fib(m + off); };
  long u = lr(k) + lr(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'lr' and 'lr' run in parallel [purecc-parallel-calls]
  long u2 = (off = 2, lr(k) + lr(k - 1));
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:23: remark: calls to 'lr' and 'lr' not parallelized: 'off' is written in the same expression [purecc-missed-parallel-calls]
  auto lo = [](long m) { std::printf("m=%ld\n", m); return fib(m); };
  long t = lo(k - 8) + lo(k - 9);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'lo' and 'lo' not parallelized: the lambda 'lo' is no pure code: 'printf' performs I/O [purecc-missed-parallel-calls]
  long (*ap)(long) = fib;
  if (argc > 5)
    ap = fib2;
  long s = ap(k) + ap(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'ap' and 'ap' not parallelized: 'ap' is assigned on line [[@LINE-2]] ('ap = fib2'): which function a call through it reaches is not followed [purecc-missed-parallel-calls]
  long (*mp)(long) = argc > 5 ? fib : loud;
  long r = mp(k) + mp(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:12: remark: calls to 'mp' and 'mp' not parallelized: 'loud', which 'mp' may point to, is not known to be pure [purecc-missed-parallel-calls]
  long a1 = lf(k - 2);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'lf' and 'lf' run in parallel [purecc-parallel-calls]
  long a2 = lf(k - 3);
  long e = 0;
  auto le = [&e](long m) { return fib(m + e % 3); };
  e = le(k);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:7: remark: calls to 'lf' and 'le' not parallelized: 'e' is declared between them, and the call to 'le' reads it [purecc-missed-parallel-calls]
  long e2 = le(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'le', 'fib', 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::vector<long> v;
  long g1 = fib(k);
  v.push_back(k);
  long g2 = fib(k - 1);
  long h1 = fib(k);
  v.push_back(h1);
  long h2 = fib(k - 1 + long(v.size() % 2));
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'fib' and 'fib' not parallelized: 'v' is written between them ('v.push_back(h1)'), and the call to 'fib' reads it [purecc-missed-parallel-calls]
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-2]]:13: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long q1 = fib(k);
  std::printf("between\n");
  long q2 = fib(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'fib' and 'fib' not parallelized: 'printf' between them is not known to be pure: it may write what the call to 'fib' reads [purecc-missed-parallel-calls]
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-2]]:13: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long c1 = fib(k);
  ++k;
  long c2 = fib(k - 2);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'fib' and 'fib' not parallelized: 'k' is written between them ('++k'), and the call to 'fib' reads it [purecc-missed-parallel-calls]
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-2]]:13: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long d1 = fib(k);
  long j = 3;
  long d2 = fib(k - j);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'fib' and 'fib' not parallelized: 'j' is declared between them, and the call to 'fib' reads it [purecc-missed-parallel-calls]
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-2]]:13: remark: calls to 'fib', 'fib' and 'chk' run in parallel [purecc-parallel-calls]
  long f1 = fib(k);
  long spare = f1 + 1;
  long f2 = chk(k - 5);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'chk' and 'fib' not parallelized: 'chk' may throw, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  std::vector<long> vs{1, 2};
  long i1 = fib(k);
  long unused = vs.at(1);
  long i2 = fib(k - 2);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'fib' and 'fib' not parallelized: 'vs.at', which may throw, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  auto rf = [](const auto &self, long n) -> long { return n < 2 ? n : self(self, n - 1) + self(self, n - 2); };
  long rr = rf(rf, k) + rf(rf, k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'rf' and 'rf' run in parallel [purecc-parallel-calls]
  auto lc = [](long m) { return chk(m); };
  try {
    long y = lf(k) + lc(13);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:14: remark: calls to 'lf' and 'lc' run in parallel [purecc-parallel-calls]
    std::printf("not reached %ld\n", y);
  } catch (const std::exception &ex) {
    std::printf("caught %s\n", ex.what());
  }
  long y2 = lc(k) + lc(k - 1);
// CHECK-DAG: sibling-lambdas.cpp:[[@LINE-1]]:13: remark: calls to 'lc' and 'lc' not parallelized: the call to 'lc' comes after the lambda 'lc', which may throw [purecc-missed-parallel-calls]
  std::printf("%ld %ld\n", rr, y2);
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld\n", x, z, w, u, u2, t, s, r, a1, a2, e, e2);
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %zu\n", g1, g2, h1, h2, q1, q2, c1, c2, d1, d2, f1, spare, f2, i1 + i2 + unused, v.size());
  return 0;
}

// REWRITE: ::purecc::parallel_invoke([&] { return lf(k); }, [&] { return lf(k - 1); }); long x = purecc_r{{[0-9]+}} + purecc_r{{[0-9]+}};
// REWRITE: auto [purecc_r8, purecc_r9, purecc_r10, purecc_r11] = ::purecc::parallel_invoke([&] { return le(k - 1); }, [&] { return fib(k); }, [&] { return fib(k - 1); }, [&] { return fib(k); }); long e2 = purecc_r8;
// REWRITE: std::vector<long> v;
// REWRITE: long g1 = purecc_r9;
// REWRITE: v.push_back(k);
// REWRITE: long g2 = purecc_r10;
// REWRITE: long h1 = purecc_r11;
// OUT: m=13
// OUT-NEXT: m=12
// OUT-NEXT: loud 21
// OUT-NEXT: loud 20
// OUT-NEXT: between
// OUT-NEXT: caught chk 13
// OUT-NEXT: 28657 28657
// OUT-NEXT: 17711 13530 12545 28657 46368 377 17711 17711 4181 2584 10946 17711
// OUT-NEXT: 10946 6765 10946 6765 10946 6765 10946 6765 17711 4181 17711 17712 1597 24478 2
