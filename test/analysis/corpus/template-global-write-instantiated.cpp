// CORPUS: impure line=5 id=purecc-global-write
// A template that writes a global, instantiated.
int g_count = 0;
template <class T> [[pure]] T ident(T x) {
  g_count = 1; // <- here
  return x;
}
double use() { return ident(2.5); }
