// CORPUS: impure line=6|7 id=purecc-impure-library
// A string stream formats through a copy of the global locale (global state).
#include <sstream>
#include <string>
[[pure]] std::string fmt(double x) {
  std::ostringstream os; // <- here
  os << x; // <- here
  return os.str();
}
