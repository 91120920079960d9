// CORPUS: pure
// A static member function with a pure body.
struct Math {
  [[pure]] static int cube(int x) { return x * x * x; }
};
int use(int x) { return Math::cube(x); }
