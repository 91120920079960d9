// node_plan.h — which split-tree node rank 0 hands out next.
//
// Why this shape: every handed-out piece must be a node of the split tree
// (range_tree.h) so the results combine exactly as the local reduction's
// do. Pieces are taken left to right; each is the leftmost untaken node,
// halved until it is no larger than max(leaf, remaining / divisor) — large
// pieces first, smaller toward the end (guided self-scheduling), so the last
// pieces finish together. The sequence depends only on (range, leaf,
// divisor), not on timing; with the fixed divisor a rerun takes the same
// nodes, which is what lets a resumed run find its persisted results.
//
// Usage:
//   purecc::mpi::NodePlan plan(0, n, leaf, purecc::mpi::NodePlan::kDivisor);
//   while (auto node = plan.next()) ship(node->first, node->second);
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace purecc::mpi {

class NodePlan {
public:
  static constexpr std::int64_t kDivisor = 64;
  NodePlan(std::int64_t begin, std::int64_t end, std::int64_t leaf, std::int64_t divisor);
  /// The next node [first, second), or nullopt when the range is handed out.
  std::optional<std::pair<std::int64_t, std::int64_t>> next();
  bool exhausted() const noexcept { return pending_.empty(); }
  /// Elements not handed out yet.
  std::uint64_t remaining() const noexcept { return remaining_; }

private:
  std::int64_t leaf_;
  std::int64_t divisor_;
  std::uint64_t remaining_;
  std::vector<std::pair<std::int64_t, std::int64_t>> pending_; // back = leftmost
};

} // namespace purecc::mpi
