// CORPUS: impure line=5 id=purecc-global-write
// A conditional expression that picks which global to write.
int g_even = 0, g_odd = 0;
[[pure]] int tally(int x) {
  (x % 2 ? g_odd : g_even) = x; // <- here
  return x;
}
