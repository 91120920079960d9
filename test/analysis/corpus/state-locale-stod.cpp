// CORPUS: impure line=5 id=purecc-impure-library
// std::stod reads the decimal point of the global C locale.
#include <string>
[[pure]] double parse(const std::string &s) {
  return std::stod(s); // <- here
}
