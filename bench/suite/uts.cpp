// uts.cpp — an unbalanced tree search in the style of UTS (the binomial
// tree T3): the root has `size` children, every other node has 8 children
// with probability 0.124 and none otherwise, decided by a deterministic hash
// of the node, so subtrees range from 1 node to tens of thousands and no
// cutoff fits them all. Each node costs a few dozen ns of hashing, like
// UTS's SHA-1 step. Counts the nodes. The serial original of the suite's uts.
#include <cstdint>

#include "suite.h"

constexpr int kBranch = 8;
constexpr std::uint64_t kThreshold = 0x1fbe76c8b4395800ULL;  // 0.124 * 2^64
constexpr int kHashRounds = 8;

// The identity of child i of the node `parent` (UTS: SHA-1 of parent, i).
[[pure]] std::uint64_t child_id(std::uint64_t parent, int i) {
  std::uint64_t h = parent ^ (0x632be59bd9b4e019ULL * static_cast<std::uint64_t>(i + 1));
  for (int k = 0; k < kHashRounds; ++k) h = suite::mix(h);
  return h;
}

[[pure]] int children(std::uint64_t id) { return id < kThreshold ? kBranch : 0; }

[[pure]] long subtree(std::uint64_t id) {
  long nodes = 1;
  int n = children(id);
  for (int i = 0; i < n; ++i) nodes += subtree(child_id(id, i));
  return nodes;
}

[[pure]] long tree(long root_children) {
  long nodes = 1;
  for (long i = 0; i < root_children; ++i) nodes += subtree(child_id(0, static_cast<int>(i)));
  return nodes;
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  long b0 = suite::size_arg(argc, argv, 100000);
  suite::timer t;
  long r = tree(b0);
  suite::report(r, t);
}
#endif
