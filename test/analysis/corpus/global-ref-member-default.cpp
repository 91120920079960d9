// CORPUS: pure
// An unused reference member defaulted to a global is neither a read nor a write.
int g_sink = 0;
struct Cfg {
  int v;
  int &sink = g_sink;
};
[[pure]] int value(int x) {
  Cfg c{x};
  return c.v + 1;
}
