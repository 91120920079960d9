#pragma once
#include <minidoc/node.h>

#include <string>

namespace minidoc {
/// Parses "[a, [b, c], d]" into a tree of nodes.
Node parse(const std::string &text);
/// Whether c may appear in a plain scalar.
bool is_plain(char c);
} // namespace minidoc
