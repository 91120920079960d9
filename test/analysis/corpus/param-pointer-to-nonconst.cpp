// CORPUS: impure line=3 id=purecc-param-indirection
// R3: a pointer to non-const in the interface.
[[pure]] int first(int *xs) { // <- here
  return xs[0];
}
