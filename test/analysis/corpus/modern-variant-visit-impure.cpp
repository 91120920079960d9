// CORPUS: impure line=10 id=purecc-impure-call|purecc-impure-library
// std::visit runs a visitor that writes a global.
#include <variant>
int g_visits = 0;
struct Visitor {
  int operator()(int i) const { ++g_visits; return i; }
  int operator()(double d) const { return static_cast<int>(d); }
};
[[pure]] int as_int(const std::variant<int, double> &v) {
  return std::visit(Visitor{}, v); // <- here
}
