// CORPUS: impure line=6 id=purecc-global-write
// A [[pure]] lambda that writes a global.
int g_seen = 0;
int use(int x) {
  auto f = [] [[pure]] (int y) {
    g_seen = y; // <- here
    return y;
  };
  return f(x);
}
