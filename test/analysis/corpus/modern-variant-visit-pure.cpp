// CORPUS: pure
// std::visit with a pure overloaded visitor.
#include <variant>
template <class... F> struct overloaded : F... { using F::operator()...; };
template <class... F> overloaded(F...) -> overloaded<F...>;
[[pure]] double as_number(const std::variant<int, double, bool> &v) {
  return std::visit(overloaded{[](int i) { return double(i); },
                               [](double d) { return d; },
                               [](bool b) { return b ? 1.0 : 0.0; }}, v);
}
