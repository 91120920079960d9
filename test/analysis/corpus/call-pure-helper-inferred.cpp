// CORPUS: pure
// Helpers with visible pure bodies are inferred pure, transitively.
static int sq(int x) { return x * x; }
inline int sum_sq(int a, int b) { return sq(a) + sq(b); }
[[pure]] int norm2(int a, int b) { return sum_sq(a, b); }
