// A floating-point product stays serial, whatever '--fp-reassoc' says: a
// leaf multiplies its terms alone, starting from 1, and that partial may
// overflow or underflow where the serial running product, which starts
// from the user's value, does not. Here every term is about 1e10: the
// serial product of 0.0 stays 0, a partial of a few hundred terms is
// inf, and 0 * inf is NaN (adv47 t39, t40, t54). A sum's tree differs in
// its last bits only; a product's can differ in every bit.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

[[pure]] double heavy(long i) {
  double s = 0;
  for (int k = 0; k < 100; ++k)
    s += double((i * 7 + k) % 13);
  return 1e10 + s;
}

int main() {
  double p = 0.0;
  for (long i = 0; i < 20000; ++i)
    p *= heavy(i);
  // REMARK: fp-products.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'p' is a floating-point product, which purecc does not reassociate: a partial product of some terms alone may overflow or underflow where the serial running product does not (0 times a partial that overflowed is NaN, not 0) [purecc-missed-reduction]

  double h[4] = {};
  for (long i = 0; i < 20000; ++i)
    h[i % 4] *= heavy(i);
  // REMARK: fp-products.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'h' are floating-point products, which purecc does not reassociate: a partial product of some terms alone may overflow or underflow where the serial running product does not (0 times a partial that overflowed is NaN, not 0) [purecc-missed-reduction]

  std::vector<double> w(20000);
  for (long i = 0; i < 20000; ++i)
    w[i] = heavy(i);
  // REMARK: fp-products.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  double a = std::accumulate(w.begin(), w.end(), 0.0, std::multiplies<>());
  // REMARK: fp-products.cpp:[[@LINE-1]]:14: remark: call to 'std::accumulate' not parallelized: the result is a floating-point product, which purecc does not reassociate: a partial product of some terms alone may overflow or underflow where the serial running product does not (0 times a partial that overflowed is NaN, not 0) [purecc-missed-algorithm]

  // Integer products wrap alike in any order: still rewritten.
  unsigned long q = 1;
  for (long i = 0; i < 20000; ++i)
    q *= static_cast<unsigned long>(heavy(i)) | 1u;
  // REMARK: fp-products.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'q' [purecc-reduction]
  std::printf("%g %g %g %g %g %g %lu\n", p, h[0], h[1], h[2], h[3], a, q);
}
// OUT: 0 0 0 0 0 0 {{[0-9]+}}
