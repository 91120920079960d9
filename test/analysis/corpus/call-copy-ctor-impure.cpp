// CORPUS: impure line=11 id=purecc-impure-call
// Passing by value runs the copy constructor, which writes a global.
int g_copies = 0;
struct Tracked {
  int v;
  Tracked(int x) : v(x) {}
  Tracked(const Tracked &o) : v(o.v) { ++g_copies; }
};
static int get(Tracked t) { return t.v; }
[[pure]] int read(const Tracked &t) {
  return get(t); // <- here
}
