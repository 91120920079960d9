// CORPUS: impure line=5 id=purecc-impure-library
// The floating-point environment is global (per-thread) state.
#include <cfenv>
[[pure]] double down(double x) {
  std::fesetround(FE_DOWNWARD); // <- here
  return x + 0.1;
}
