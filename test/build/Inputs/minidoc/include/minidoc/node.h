#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace minidoc {
namespace detail {
struct node_data;
}

/// One node of a document: a scalar or a sequence of child nodes.
class Node {
public:
  Node() : m_scalar(), m_children() {}
  explicit Node(const std::string &scalar) : m_scalar(scalar), m_children() {}

  void push_back(const Node &child) { m_children.push_back(child); }
  std::size_t size() const;
  bool is_scalar() const;
  const std::string &scalar() const { return m_scalar; }
  const Node &operator[](std::size_t i) const { return m_children[i]; }
  const std::vector<Node> &children() const { return m_children; }

private:
  std::string m_scalar;
  std::vector<Node> m_children;
};

/// Counts every node of the tree below and including n.
std::size_t count_nodes(const Node &n);
/// The depth of the tree (a scalar has depth 1).
std::size_t depth(const Node &n);
} // namespace minidoc
