// CORPUS: impure line=5 id=purecc-global-read
// A [[pure]] lambda declared in a generic lambda's body.
int g_scale = 3;
auto outer = [](auto x) {
  auto in = [] [[pure]] (int y) { return y * g_scale; }; // <- here
  return in(int(x));
};
int use() { return outer(1); }
