// CORPUS: pure
// Structured bindings over a pair, a struct, an array and a map.
#include <map>
#include <utility>
struct P { int a; double b; };
[[pure]] double unpack(int x) {
  auto [q, r] = std::pair{x / 3, x % 3};
  auto [a, b] = P{q, 0.5};
  int arr[2] = {r, a};
  auto &[u, w] = arr;
  std::map<int, int> m{{1, u}, {2, w}};
  int s = 0;
  for (const auto &[k, v] : m) s += k * v;
  return s + b;
}
