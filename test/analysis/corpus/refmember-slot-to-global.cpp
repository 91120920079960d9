// CORPUS: impure line=7 id=purecc-global-write
// A local aggregate whose reference member is bound to a global.
int g_hits = 0;
struct Slot { int &target; };
[[pure]] int record(int v) {
  Slot s{g_hits};
  s.target = v; // <- here
  return v;
}
