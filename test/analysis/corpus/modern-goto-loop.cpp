// CORPUS: pure
// A loop written with goto.
[[pure]] int digits(unsigned x) {
  int n = 0;
again:
  ++n;
  x /= 10;
  if (x != 0) goto again;
  return n;
}
