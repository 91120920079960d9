// CORPUS: impure line=6 id=purecc-global-write
// The same, in a generic lambda instantiated for two types: one error.
int g_calls = 0;
auto outer = [](auto x) {
  auto in = [] [[pure]] (int y) {
    ++g_calls; // <- here
    return y;
  };
  return in(int(x));
};
int use() { return outer(1) + outer(2.5); }
