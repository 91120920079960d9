// CORPUS: pure
// Capturing locals by value.
[[pure]] int affine(int a, int b, int x) {
  auto f = [a, b](int y) { return a * y + b; };
  return f(x) + f(x + 1);
}
