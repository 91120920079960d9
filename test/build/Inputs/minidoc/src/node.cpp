#include <minidoc/node.h>

#include <cassert>
#include <vector>

namespace minidoc {

std::size_t Node::size() const { return m_children.size(); }

bool Node::is_scalar() const { return m_children.empty(); }

std::size_t count_nodes(const Node &n) {
  std::size_t total = 1;
  for (std::size_t i = 0; i < n.size(); ++i)
    total += count_nodes(n[i]);
  return total;
}

std::size_t depth(const Node &n) {
  assert(n.size() < 1000000);
  std::size_t deepest = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    std::size_t d = depth(n[i]);
    deepest = d > deepest ? d : deepest;
  }
  return deepest + 1;
}

// Pointers held in a container, as a parser's work list keeps them.
std::size_t scalar_bytes(const std::vector<const Node *> &nodes) {
  std::size_t bytes = 0;
  for (const Node *n : nodes)
    bytes += n->scalar().size();
  return bytes + (nodes.empty() ? 0 : nodes.back()->scalar().size() - nodes[0]->scalar().size());
}

} // namespace minidoc
