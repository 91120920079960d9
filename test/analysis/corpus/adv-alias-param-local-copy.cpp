// CORPUS: pure
// Aliases of a const parameter and writes to a local copy.
#include <string>
[[pure]] std::string trimmed(const std::string &s) {
  const std::string &alias = s;
  std::string copy = alias;
  while (!copy.empty() && copy.back() == ' ') copy.pop_back();
  while (!copy.empty() && copy.front() == ' ') copy.erase(copy.begin());
  return copy;
}
