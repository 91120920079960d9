// CORPUS: pure
// A ranges pipeline over a const vector with pure lambdas.
#include <ranges>
#include <vector>
[[pure]] long even_squares(const std::vector<int> &v) {
  long s = 0;
  for (int x : v | std::views::filter([](int y) { return y % 2 == 0; })
                 | std::views::transform([](int y) { return y * y; }))
    s += x;
  return s;
}
