// CORPUS: impure line=8 id=purecc-nonlocal-write|purecc-param-write
// Issue 14 section 2: a local aggregate's reference member bound to memory
// reached through a parameter; writing through it writes that memory.
struct Slot { int &target; };
struct Ctx { int *counter; };
[[pure]] int bump(const Ctx &c, int v) {
  Slot s{*c.counter};
  s.target = v; // <- here
  return v;
}
