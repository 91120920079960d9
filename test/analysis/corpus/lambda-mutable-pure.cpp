// CORPUS: impure line=4 id=purecc-nonconst-member
// A pure lambda must not be mutable.
int use(int x) {
  auto f = [n = 0] [[pure]] (int y) mutable { return ++n + y; }; // <- here
  return f(x);
}
