// CORPUS: impure line=6 id=purecc-global-write
// A helper returns a reference to a global; the write happens in the caller.
int g_slot = 0;
int &slot() { return g_slot; }
[[pure]] int store(int v) {
  slot() = v; // <- here
  return v;
}
