// CORPUS: impure line=5 id=purecc-impure-library
// strtod reads the decimal point of the global C locale.
#include <cstdlib>
[[pure]] double parse(const char *s) {
  return std::strtod(s, nullptr); // <- here
}
