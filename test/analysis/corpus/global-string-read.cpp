// CORPUS: impure line=6 id=purecc-global-read
// A member call on a global std::string reads the global.
#include <string>
std::string g_name = "purecc";
[[pure]] std::size_t name_len(int extra) {
  return g_name.size() + extra; // <- here
}
