// CORPUS: impure line=5 id=purecc-impure-library
// rand() advances a hidden global state.
#include <cstdlib>
[[pure]] int jitter(int x) {
  return x + std::rand() % 3; // <- here
}
