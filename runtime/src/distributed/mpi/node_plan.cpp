// Guided, tree-aligned hand-out order of rank 0 (see node_plan.h).
#include "node_plan.h"

#include "purecc/range_tree.h"

#include <algorithm>

namespace purecc::mpi {

NodePlan::NodePlan(std::int64_t begin, std::int64_t end, std::int64_t leaf, std::int64_t divisor)
    : leaf_(std::max<std::int64_t>(leaf, 1)), divisor_(std::max<std::int64_t>(divisor, 1)),
      remaining_(purecc::detail::range_length(begin, end)) {
  if (remaining_ > 0)
    pending_.emplace_back(begin, end);
}

std::optional<std::pair<std::int64_t, std::int64_t>> NodePlan::next() {
  if (pending_.empty())
    return std::nullopt;
  auto node = pending_.back();
  pending_.pop_back();
  const std::uint64_t d = static_cast<std::uint64_t>(divisor_);
  const std::uint64_t target =
      std::max<std::uint64_t>(static_cast<std::uint64_t>(leaf_), (remaining_ + d - 1) / d);
  while (true) {
    const std::uint64_t n = purecc::detail::range_length(node.first, node.second);
    if (n <= target || n <= static_cast<std::uint64_t>(leaf_))
      break;
    const std::int64_t mid = purecc::detail::split_point(node.first, node.second, leaf_);
    pending_.emplace_back(mid, node.second);
    node.second = mid;
  }
  remaining_ -= purecc::detail::range_length(node.first, node.second);
  return node;
}

} // namespace purecc::mpi
