// CORPUS: pure
// Issue 14 section 3: std::complex arithmetic on locals.
#include <complex>
[[pure]] int mandel_iters(double re, double im) {
  std::complex<double> c(re, im), z = 0;
  int n = 0;
  while (n < 50 && std::norm(z) <= 4.0) { z = z * z + c; ++n; }
  return n + static_cast<int>(std::abs(z) > 2.0);
}
