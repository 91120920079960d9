// CORPUS: pure
// holds_alternative, get_if and get on a local variant.
#include <string>
#include <variant>
[[pure]] std::size_t len(int x) {
  std::variant<int, std::string> v = std::string(static_cast<std::size_t>(x > 0 ? x : 0), 'a');
  if (std::holds_alternative<int>(v)) return 0;
  if (const auto *s = std::get_if<std::string>(&v)) return s->size();
  return std::get<std::string>(v).size();
}
