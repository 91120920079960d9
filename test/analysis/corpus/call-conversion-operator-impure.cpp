// CORPUS: impure line=9 id=purecc-impure-call
// An implicit conversion operator that writes a global.
int g_conversions = 0;
struct Meters {
  double v;
  operator double() const { ++g_conversions; return v; }
};
[[pure]] double half(Meters m) {
  return m / 2; // <- here
}
