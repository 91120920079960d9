// CORPUS: pure
// std::optional of a plain value.
#include <optional>
[[pure]] int half_or(int x, int fallback) {
  std::optional<int> h;
  if (x % 2 == 0) h = x / 2;
  return h.value_or(fallback);
}
