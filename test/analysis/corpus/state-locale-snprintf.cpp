// CORPUS: impure line=6 id=purecc-impure-library|purecc-io
// snprintf("%f") prints the global locale's decimal point.
#include <cstdio>
[[pure]] int width(double x) {
  char buf[64];
  return std::snprintf(buf, sizeof buf, "%.3f", x); // <- here
}
