#pragma once
#include <minidoc/node.h>

#include <string>

namespace minidoc {
/// Writes a node back as text ("[a, [b, c], d]").
std::string emit(const Node &n);
} // namespace minidoc
