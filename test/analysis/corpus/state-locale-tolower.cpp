// CORPUS: impure line=5 id=purecc-impure-library
// tolower depends on the global C locale.
#include <cctype>
[[pure]] int lower(int c) {
  return std::tolower(c); // <- here
}
