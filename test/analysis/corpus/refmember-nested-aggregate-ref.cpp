// CORPUS: impure line=8 id=purecc-global-write
// A reference member two aggregates deep, bound to a global.
int g_out = 0;
struct Inner { int &r; };
struct Outer { Inner in; };
[[pure]] int deep(int v) {
  Outer o{{g_out}};
  o.in.r = v; // <- here
  return v;
}
