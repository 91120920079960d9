// CORPUS: impure line=7 id=purecc-indirect-call
// R4 rejects calls through function pointers even when the target is a
// local known function (documented rule; a smarter checker could resolve it).
static int sq(int x) { return x * x; }
[[pure]] int apply_sq(int x) {
  int (*fp)(int) = &sq;
  return fp(x); // <- here
}
