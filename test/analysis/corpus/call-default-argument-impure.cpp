// CORPUS: impure line=6|8 id=purecc-impure-call
// An impure call hidden in a default argument runs at the call site (the
// error may point at the default argument or at the call).
int g_seq = 0;
int next_seq() { return ++g_seq; }
int tag(int x, int id = next_seq()) { return x * 100 + id; } // <- here (the default argument)
[[pure]] int tagged(int x) {
  return tag(x); // <- here
}
