// CORPUS: pure
// A const member works on a local copy of its object.
struct Acc {
  int v = 0;
  void bump(int d) { v += d; }
  [[pure]] int plus(int d) const {
    Acc c = *this;
    c.bump(d);
    return c.v;
  }
};
int use(const Acc &a) { return a.plus(2); }
