// CORPUS: impure line=7 id=purecc-impure-call
// Overload resolution picks the overload that writes a global.
int g_conv = 0;
int norm(int x) { return x < 0 ? -x : x; }
double norm(double x) { ++g_conv; return x < 0 ? -x : x; }
[[pure]] double use(double x) {
  return norm(x); // <- here
}
