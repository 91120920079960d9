// CORPUS: impure line=5 id=purecc-impure-library|purecc-global-read
// Reading errno makes the result depend on an earlier call's side effect.
#include <cerrno>
[[pure]] int last_error(int x) {
  return x + errno; // <- here
}
