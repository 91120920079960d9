// CORPUS: impure line=6 id=purecc-impure-call
// A helper that writes a global makes its pure caller impure.
int g_calls = 0;
int helper(int x) { ++g_calls; return x + 1; }
[[pure]] int use(int x) {
  return helper(x) * 2; // <- here
}
