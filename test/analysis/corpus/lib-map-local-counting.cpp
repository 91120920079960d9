// CORPUS: pure
// A local map used as a counter.
#include <map>
#include <string>
[[pure]] int distinct_words(const std::string &s) {
  std::map<std::string, int> counts;
  std::string w;
  for (char c : s) {
    if (c == ' ') { if (!w.empty()) ++counts[w]; w.clear(); }
    else w += c;
  }
  if (!w.empty()) ++counts[w];
  return static_cast<int>(counts.size());
}
