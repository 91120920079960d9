// CORPUS: pure
// assert only ends the program when it fails; a call that returns changed nothing.
#include <cassert>
[[pure]] int checked_div(int a, int b) {
  assert(b != 0);
  return a / b;
}
