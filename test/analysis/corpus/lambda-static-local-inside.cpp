// CORPUS: impure line=5 id=purecc-impure-call
// A lambda with a static local counter.
[[pure]] int calls(int x) {
  auto f = [](int y) { static int n = 0; return y + ++n; };
  return f(x); // <- here
}
