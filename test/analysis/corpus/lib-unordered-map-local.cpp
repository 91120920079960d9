// CORPUS: pure
// A local unordered_map with std::hash.
#include <string>
#include <unordered_map>
[[pure]] int most_common(const std::string &s) {
  std::unordered_map<char, int> m;
  int best = 0;
  for (char c : s) best = ++m[c] > best ? m[c] : best;
  return best;
}
