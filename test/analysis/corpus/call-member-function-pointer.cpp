// CORPUS: impure line=5 id=purecc-indirect-call
// A call through a pointer to member function.
struct S { int v; int get() const { return v; } };
[[pure]] int call(const S &s, int (S::*m)() const) {
  return (s.*m)(); // <- here
}
