// CORPUS: pure
// views::iota and views::take.
#include <ranges>
[[pure]] long sum_first(int n) {
  long s = 0;
  for (int i : std::views::iota(1) | std::views::take(n)) s += i;
  return s;
}
