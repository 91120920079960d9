// CORPUS: impure line=6 id=purecc-global-write
// A local pointer to a global: the write lands on the global.
int g_total = 0;
[[pure]] int add(int x) {
  int *p = &g_total;
  *p += x; // <- here
  return x;
}
