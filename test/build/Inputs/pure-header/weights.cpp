#include "weights.h"
[[pure]] long weight(long x) noexcept {
  long w = 0;
  while (x) {
    w += x & 1;
    x >>= 1;
  }
  return w;
}
[[pure]] long total_weight(const std::vector<long> &v) {
  long s = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    s += weight(v[i]);
  return s;
}
