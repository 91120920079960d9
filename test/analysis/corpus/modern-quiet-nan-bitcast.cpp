// CORPUS: pure
// Issue 14 section 3: numeric_limits, NAN and std::bit_cast are pure.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
[[pure]] std::uint64_t nan_bits(double x) {
  double n = std::numeric_limits<double>::quiet_NaN();
  double m = NAN;
  double inf = std::numeric_limits<double>::infinity();
  return std::bit_cast<std::uint64_t>(x < 0 ? n : (x > 1e300 ? inf : m));
}
