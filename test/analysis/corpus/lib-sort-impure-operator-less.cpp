// CORPUS: impure line=11 id=purecc-impure-call|purecc-impure-library
// std::sort over vector<T> calls T's operator<, which writes a global.
#include <algorithm>
#include <vector>
int g_compares = 0;
struct Key {
  int k;
  bool operator<(const Key &o) const { ++g_compares; return k < o.k; }
};
[[pure]] int smallest(std::vector<Key> v) {
  std::sort(v.begin(), v.end()); // <- here
  return v.empty() ? 0 : v.front().k;
}
