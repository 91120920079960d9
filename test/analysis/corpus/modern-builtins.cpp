// CORPUS: pure
// Compiler builtins without side effects.
[[pure]] int bits(unsigned x) {
  if (__builtin_expect(x == 0, 0)) return -1;
  return __builtin_popcount(x) + __builtin_ctz(x);
}
