// CORPUS: pure
// A generic lambda used with two types.
[[pure]] double mix(int i, double d) {
  auto twice = [](auto x) { return x + x; };
  return twice(i) + twice(d);
}
