// CORPUS: pure
// A lambda declared [[pure]] with a pure body.
[[pure]] int squares(int n) {
  auto sq = [] [[pure]] (int x) { return x * x; };
  int s = 0;
  for (int i = 0; i < n; ++i) s += sq(i);
  return s;
}
