// CORPUS: impure line=11 id=purecc-impure-call|purecc-impure-library
// An unordered_map whose hash functor writes a global.
#include <cstddef>
#include <unordered_map>
int g_hashes = 0;
struct CountingHash {
  std::size_t operator()(int k) const { ++g_hashes; return static_cast<std::size_t>(k); }
};
[[pure]] int f(int k) {
  std::unordered_map<int, int, CountingHash> m;
  m.emplace(k, 1); // <- here
  return static_cast<int>(m.size());
}
