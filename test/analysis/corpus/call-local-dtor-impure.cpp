// CORPUS: impure line=6|8 id=purecc-impure-call
// A local whose destructor writes a global (at the declaration or at the end of its scope).
int g_closed = 0;
struct Guard { ~Guard() { ++g_closed; } };
[[pure]] int guarded(int x) {
  Guard g; // <- here
  return x;
} // <- here
