// CORPUS: impure line=4 id=purecc-inline-asm
// Inline assembly cannot be checked.
[[pure]] int barrier(int x) {
  asm volatile("" ::: "memory"); // <- here
  return x;
}
