#include <minidoc/emit.h>

namespace minidoc {

std::string emit(const Node &n) {
  if (n.is_scalar())
    return n.scalar();
  std::string out = "[";
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += emit(n[i]);
  }
  return out + "]";
}

} // namespace minidoc
