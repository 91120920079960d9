// CORPUS: impure line=4|5 id=purecc-volatile
// R2: any access to a volatile object is rejected.
[[pure]] int spin(int x) {
  volatile int v = x; // <- here
  return v + 1; // <- here
}
