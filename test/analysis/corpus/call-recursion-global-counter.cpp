// CORPUS: impure line=5 id=purecc-global-write
// A recursive function that counts its depth in a global.
int g_max_depth = 0;
[[pure]] int depth(int n) {
  if (n > 0) g_max_depth = n; // <- here
  return n <= 0 ? 0 : 1 + depth(n - 1);
}
