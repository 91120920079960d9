// CORPUS: impure line=5 id=purecc-nonconst-member
// A pure member function must be const or static.
struct Counter {
  int n = 0;
  [[pure]] int peek() { return n; } // <- here
};
int use(Counter &c) { return c.peek(); }
