// CORPUS: impure line=6 id=purecc-impure-call|purecc-global-read
// A lambda that reads a global, called by the pure function.
int g_bias = 1;
[[pure]] int biased(int x) {
  auto f = [](int y) { return y + g_bias; };
  return f(x); // <- here
}
