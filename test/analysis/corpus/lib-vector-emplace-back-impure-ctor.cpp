// CORPUS: impure line=8 id=purecc-impure-call|purecc-impure-library
// vector<T>::emplace_back runs T's constructor, which writes a global.
#include <vector>
int g_made = 0;
struct Rec { int v; explicit Rec(int x) : v(x) { ++g_made; } };
[[pure]] int f(int x) {
  std::vector<Rec> v;
  v.emplace_back(x); // <- here
  return v.back().v;
}
