// CORPUS: pure
// A by-value parameter is the function's own copy.
#include <string>
[[pure]] std::string shout(std::string s) {
  for (char &c : s) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}
