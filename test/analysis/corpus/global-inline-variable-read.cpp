// CORPUS: impure line=5 id=purecc-global-read
// A C++17 inline variable is a global.
inline int g_mode = 0;
[[pure]] int by_mode(int x) {
  return g_mode ? x : -x; // <- here
}
