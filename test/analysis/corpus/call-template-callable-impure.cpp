// CORPUS: impure line=7 id=purecc-impure-call
// The same template instantiated with a functor that writes a global.
int g_steps = 0;
struct Counting { int operator()(int y) const { ++g_steps; return y + 1; } };
template <class F> int apply_twice(F f, int x) { return f(f(x)); }
[[pure]] int plus2(int x) {
  return apply_twice(Counting{}, x); // <- here
}
