// CORPUS: impure line=10 id=purecc-global-write
// The handler writes a global.
#include <stdexcept>
int g_failures = 0;
[[pure]] int parse_digit(char c) {
  try {
    if (c < '0' || c > '9') throw std::invalid_argument("digit");
    return c - '0';
  } catch (...) {
    g_failures = 1; // <- here
    return -1;
  }
}
