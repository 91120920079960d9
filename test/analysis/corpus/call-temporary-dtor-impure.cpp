// CORPUS: impure line=6 id=purecc-impure-call
// A temporary whose destructor writes a global.
int g_released = 0;
struct Lease { int v; ~Lease() { ++g_released; } };
[[pure]] int leased(int x) {
  return Lease{x}.v; // <- here
}
