// CORPUS: impure line=6 id=purecc-impure-call
// new-expression of a type whose constructor writes a global.
int g_live = 0;
struct Obj { int v; explicit Obj(int x) : v(x) { ++g_live; } };
[[pure]] int alloc(int x) {
  Obj *o = new Obj(x); // <- here
  int v = o->v;
  delete o;
  return v;
}
