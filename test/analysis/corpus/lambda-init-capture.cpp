// CORPUS: pure
// An init-capture moving a local vector into the closure.
#include <utility>
#include <vector>
[[pure]] int size_plus(int n) {
  std::vector<int> v(n > 0 ? n : 0, 1);
  auto f = [w = std::move(v)](int k) { return static_cast<int>(w.size()) + k; };
  return f(1);
}
