// CORPUS: impure line=7 id=purecc-global-read
// A string_view over a global string reads the global's characters.
#include <string>
#include <string_view>
std::string g_text = "abc";
[[pure]] std::size_t len_plus(std::size_t n) {
  std::string_view v = g_text; // <- here
  return v.size() + n;
}
