// CORPUS: impure line=5 id=purecc-global-read
// Reading a mutable global makes the result depend on more than the arguments.
int g_scale = 3;
[[pure]] int scaled(int x) {
  return x * g_scale; // <- here
}
