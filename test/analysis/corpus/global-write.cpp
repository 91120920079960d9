// CORPUS: impure line=5 id=purecc-global-write
// A write to a global is visible to the caller and to the next call.
int g_last = 0;
[[pure]] int remember(int x) {
  g_last = x; // <- here
  return x;
}
