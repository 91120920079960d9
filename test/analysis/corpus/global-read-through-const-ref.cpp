// CORPUS: impure line=6 id=purecc-global-read
// A const reference to a mutable global still reads the global.
int g_offset = 5;
[[pure]] int shifted(int x) {
  const int &r = g_offset;
  return x + r; // <- here
}
