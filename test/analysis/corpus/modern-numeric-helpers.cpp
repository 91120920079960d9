// CORPUS: pure
// gcd, lcm, min, max, clamp, midpoint, lerp, exchange, popcount, to_chars.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <numeric>
#include <utility>
[[pure]] long helpers(long a, long b, unsigned u) {
  long g = std::gcd(a, b) + std::lcm(a, 3L);
  long m = std::min(a, b) + std::max(a, b) + std::clamp(a, 0L, 10L);
  long mid = std::midpoint(a, b);
  double l = std::lerp(0.0, 1.0, 0.5);
  long old = std::exchange(g, 0L);
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, a);
  return old + m + mid + static_cast<long>(l) + std::popcount(u) + (r.ptr - buf);
}
