// CORPUS: pure
// Designated initializers, if and switch with initializers.
struct Opts { int width = 1; int height = 1; bool square = false; };
[[pure]] int area(int w, int h) {
  Opts o{.width = w, .height = h};
  if (int a = o.width * o.height; a > 0) return a;
  switch (int z = w + h; z) {
  case 0: return 0;
  default: return -1;
  }
}
