// CORPUS: impure line=5 id=purecc-impure-call
// An immediately invoked lambda that writes a global.
int g_flag = 0;
[[pure]] int flagged(int x) {
  [] { g_flag = 1; }(); // <- here
  return x;
}
