// CORPUS: impure line=6 id=purecc-impure-call
// Mutual recursion where the other function counts its calls in a global.
int g_depth = 0;
bool is_odd(unsigned n);
[[pure]] bool is_even(unsigned n) {
  return n == 0 ? true : is_odd(n - 1); // <- here
}
bool is_odd(unsigned n) { ++g_depth; return n == 0 ? false : is_even(n - 1); }
