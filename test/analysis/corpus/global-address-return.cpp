// CORPUS: pure
// Returning a pointer-to-const to a global: the address is constant and
// nothing is read or written.
int g_cell = 0;
[[pure]] const int *where() { return &g_cell; }
