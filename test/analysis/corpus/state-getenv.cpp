// CORPUS: impure line=5 id=purecc-impure-library
// The environment is global state.
#include <cstdlib>
[[pure]] bool verbose(int x) {
  return x > 0 && std::getenv("VERBOSE") != nullptr; // <- here
}
