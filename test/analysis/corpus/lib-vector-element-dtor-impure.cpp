// CORPUS: impure line=7|9 id=purecc-impure-call|purecc-impure-library
// A local vector<T> destroys its Ts, and ~T writes a global.
#include <vector>
int g_freed = 0;
struct Res { int v = 0; ~Res() { ++g_freed; } };
[[pure]] int f(int n) {
  std::vector<Res> v(n > 0 ? n : 1); // <- here
  return static_cast<int>(v.size());
} // <- here
