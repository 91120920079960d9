// CORPUS: impure line=7 id=purecc-impure-call
// A default member initializer that calls an impure function.
int g_ids = 0;
int fresh_id() { return ++g_ids; }
struct Item { int id = fresh_id(); int v = 0; };
[[pure]] int make(int v) {
  Item it; // <- here
  it.v = v;
  return it.v;
}
