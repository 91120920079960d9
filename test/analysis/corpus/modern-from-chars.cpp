// CORPUS: pure
// std::from_chars is locale-independent.
#include <charconv>
#include <string_view>
[[pure]] int parse(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc{} ? v : -1;
}
