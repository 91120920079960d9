// CORPUS: impure line=6 id=purecc-nonconst-member
// CORPUS: impure line=6 id=purecc-this-write
// A pure lambda must not be mutable, and `++n` writes its closure's member
// (an init-capture by copy, like `[n]`).
int use(int x) {
  auto f = [n = 0] [[pure]] (int y) mutable { return ++n + y; }; // <- here
  return f(x);
}
