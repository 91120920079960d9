// CORPUS: pure
// std::tuple, std::tie and std::apply on locals.
#include <tuple>
[[pure]] int swap_sum(int x, int y) {
  int a, b;
  std::tie(a, b) = std::make_tuple(y, x);
  auto t = std::tuple{a, b, 1};
  return std::apply([](int p, int q, int r) { return p * 100 + q * 10 + r; }, t);
}
