// CORPUS: impure line=4 id=purecc-volatile
// Reading through a pointer to const volatile (memory-mapped I/O).
[[pure]] int read_reg(const volatile int *reg) {
  return *reg; // <- here
}
