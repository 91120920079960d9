// CORPUS: impure line=4 id=purecc-indirect-call
// R4: calls through a function pointer are not allowed (the target is unknown).
[[pure]] int apply(int (*fp)(int), int x) {
  return fp(x); // <- here
}
