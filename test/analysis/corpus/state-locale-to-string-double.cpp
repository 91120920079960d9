// CORPUS: impure line=5 id=purecc-impure-library
// std::to_string(double) is specified as sprintf("%f"): locale-dependent.
#include <string>
[[pure]] std::size_t digits(double x) {
  return std::to_string(x).size(); // <- here
}
