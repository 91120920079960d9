// CORPUS: pure
// Binding a reference to a global reads nothing.
int g_sink = 0;
[[pure]] int same(int x) {
  int &unused = g_sink;
  (void)&unused;
  return x;
}
