// CORPUS: impure line=13 id=purecc-impure-call|purecc-impure-library
// vector<T>::push_back copies a T whose copy constructor writes a global.
#include <vector>
int g_copies = 0;
struct Rec {
  int v;
  explicit Rec(int x) : v(x) {}
  Rec(const Rec &o) : v(o.v) { ++g_copies; }
};
[[pure]] int f(int x) {
  std::vector<Rec> v;
  Rec r(x);
  v.push_back(r); // <- here
  return v[0].v;
}
