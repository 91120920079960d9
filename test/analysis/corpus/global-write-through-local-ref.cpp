// CORPUS: impure line=6 id=purecc-global-write
// A local reference to a global: the write lands on the global.
int g_total = 0;
[[pure]] int add(int x) {
  int &r = g_total;
  r = x; // <- here
  return x;
}
