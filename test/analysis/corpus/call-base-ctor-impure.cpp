// CORPUS: impure line=7 id=purecc-impure-call
// A derived object whose base constructor writes a global.
int g_made = 0;
struct Base { Base() { ++g_made; } };
struct Derived : Base { int v = 1; };
[[pure]] int build(int x) {
  Derived d; // <- here
  return d.v + x;
}
