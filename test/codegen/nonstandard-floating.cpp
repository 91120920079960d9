// Sums, maxima, selections and histograms of '__float128' and '_Float16'
// stay serial: strict -std=c++20 gives these types no std::numeric_limits
// (whose infinity() is then 0) and no std::is_floating_point, so the
// identities the rewrite needs are not there (adv48 t21, t22: the rewritten
// sums did not compile). 'float', 'double' and 'long double' are rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] __float128 q(long i) {
  __float128 x = -1000 - i % 97;
  for (int k = 0; k < 100; ++k)
    x = x * 0.999 - 0.5;
  return x;
}
[[pure]] _Float16 h(long i) {
  float x = float(i % 13);
  for (int k = 0; k < 100; ++k)
    x = x * 0.5f + 1;
  return static_cast<_Float16>(x);
}

int main() {
  __float128 s = 0;
  for (long i = 0; i < 5000; ++i)
    s += q(i);
  // REMARK: nonstandard-floating.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 's' has type '__float128', which has no parallel '+' reduction [purecc-missed-reduction]
  __float128 m = -1e30;
  for (long i = 0; i < 5000; ++i) {
    __float128 v = q(i);
    if (v > m)
      m = v;
  }
  // REMARK: nonstandard-floating.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'm' has type '__float128', which has no parallel 'max' reduction [purecc-missed-reduction]
  long arg = -1;
  __float128 best = 1e30;
  for (long i = 0; i < 5000; ++i) {
    __float128 v = q(i);
    if (v < best) {
      best = v;
      arg = i;
    }
  }
  // REMARK: nonstandard-floating.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'best' has type '__float128', which has no parallel selection [purecc-missed-reduction]
  _Float16 t = 0;
  for (long i = 0; i < 5000; ++i)
    t += h(i);
  // REMARK: nonstandard-floating.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 't' has type '_Float16', which has no parallel '+' reduction [purecc-missed-reduction]
  _Float16 hs[4] = {};
  for (long i = 0; i < 5000; ++i)
    hs[i % 4] += h(i);
  // REMARK: nonstandard-floating.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'hs' have type '_Float16', which has no parallel '+' reduction [purecc-missed-reduction]
  double d = 0;
  for (long i = 0; i < 5000; ++i)
    d += static_cast<double>(q(i));
  // REMARK: nonstandard-floating.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'd' [purecc-reduction]
  std::printf("%.6g %.6g %ld %.6g %.6g %.6g %.3f\n", static_cast<double>(s), static_cast<double>(m),
              arg, static_cast<double>(best), static_cast<double>(t), static_cast<double>(hs[1]), d);
  // OUT: -4.97808e+06 -952.396 96 -1039.26 4096 2500 -4978075.495
}
