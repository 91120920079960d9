// CORPUS: pure
// Returning a pointer to memory the function allocated is allowed.
[[pure]] int *boxed(int x) { return new int(x); }
