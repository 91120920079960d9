// CORPUS: impure line=8|9 id=purecc-impure-call|purecc-impure-library
// A std::set whose comparator writes a global.
#include <set>
int g_compares = 0;
struct Less { bool operator()(int a, int b) const { ++g_compares; return a < b; } };
[[pure]] int f(int a, int b) {
  std::set<int, Less> s;
  s.insert(a); // <- here (the library may compare on any insert)
  s.insert(b); // <- here
  return static_cast<int>(s.size());
}
