// RUN: %purecc check --suggest %s -- -std=c++20 -Xclang -verify
//
// Suggestions name a function by its short name unless another function of
// the unit shares it: then both are named in full, as clang does.
#include <cstddef>

namespace doc {
namespace detail {
struct node_data {
  std::size_t n = 0;
  std::size_t size() const { return n; } // expected-remark {{function 'doc::detail::node_data::size' can be declared pure [purecc-suggest-pure]}}
};
} // namespace detail
struct Node {
  detail::node_data data;
  std::size_t size() const { return data.size(); } // expected-remark {{function 'doc::Node::size' can be declared pure [purecc-suggest-pure]}}
  bool empty() const { return size() == 0; } // expected-remark {{function 'empty' can be declared pure [purecc-suggest-pure]}}
};
} // namespace doc
