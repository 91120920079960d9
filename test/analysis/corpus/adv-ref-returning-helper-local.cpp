// CORPUS: pure
// The same helper shape returning a reference into a local array.
static int &at(int *a, int i) { return a[i]; }
[[pure]] int store(int v) {
  int a[4] = {};
  at(a, 2) = v;
  return a[2];
}
