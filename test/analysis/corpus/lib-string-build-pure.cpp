// CORPUS: pure
// Building and searching a local std::string.
#include <string>
[[pure]] std::string greet(const std::string &name) {
  std::string s = "hello, ";
  s += name;
  s.append("!");
  return s.find("hello") == 0 ? s : std::string{};
}
