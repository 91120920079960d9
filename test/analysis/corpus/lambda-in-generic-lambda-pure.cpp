// CORPUS: pure
// A pure lambda in a generic lambda, instantiated for two types.
auto outer = [](auto x) {
  auto in = [] [[pure]] (int y) { return y * y + 1; };
  return in(int(x));
};
int use() { return outer(1) + outer(2.0); }
