// CORPUS: impure line=8 id=purecc-impure-call|purecc-impure-library
// vector<T>::resize default-constructs Ts whose constructor writes a global.
#include <vector>
int g_made = 0;
struct Cell { int v = 0; Cell() { ++g_made; } };
[[pure]] int f(int n) {
  std::vector<Cell> v;
  v.resize(n > 0 ? n : 0); // <- here
  return static_cast<int>(v.size());
}
