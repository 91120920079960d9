// CORPUS: impure line=6 id=purecc-global-read
// A [[pure]] member of a local class in a generic lambda.
int g_offset = 2;
auto outer = [](auto x) {
  struct Shift {
    [[pure]] int apply(int y) const { return y + g_offset; } // <- here
  };
  return Shift{}.apply(int(x));
};
int use() { return outer(1) + outer('a'); }
