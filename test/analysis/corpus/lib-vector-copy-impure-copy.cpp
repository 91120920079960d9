// CORPUS: impure line=11 id=purecc-impure-call|purecc-impure-library
// Copying a vector<T> copies each T.
#include <vector>
int g_copies = 0;
struct Rec {
  int v = 0;
  Rec() = default;
  Rec(const Rec &o) : v(o.v) { ++g_copies; }
};
[[pure]] std::size_t f(const std::vector<Rec> &in) {
  std::vector<Rec> copy = in; // <- here
  return copy.size();
}
