// CORPUS: pure
// A count-down loop with continue writing a local array.
[[pure]] int odd_sum(int n) {
  int buf[32] = {};
  for (int i = (n < 32 ? n : 32) - 1; i >= 0; --i) {
    if (i % 2 == 0) continue;
    buf[i] = i;
  }
  int s = 0;
  for (int v : buf) s += v;
  return s;
}
