// CORPUS: pure
// A template taking a callable, instantiated with a pure lambda.
template <class F> int apply_twice(F f, int x) { return f(f(x)); }
[[pure]] int quad(int x) {
  return apply_twice([](int y) { return 2 * y; }, x);
}
