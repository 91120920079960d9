// purecc/range_tree.h — the fixed split tree of parallel_for/parallel_reduce.
//
// An index range [begin, end) is cut into leaves of `leaf` consecutive
// indices (the last one may be shorter), and the leaves are combined by a
// binary tree that always splits at the middle leaf boundary. The shape
// depends only on (begin, end, leaf) — never on the thread count or on which
// thread ran what — which is what makes parallel_reduce bitwise
// reproducible. Parallelism comes from running the two halves of a node as
// parallel_invoke branches, so halves become tasks only when a worker idles.
//
// The leaf size is either given per call with purecc::leaf_size{k}, or
// chosen from the range length alone (auto_leaf_size): about 256 leaves for
// short ranges, so even a few expensive items spread over all cores, and
// leaves of max_auto_leaf_size (1024) indices for long ranges, so the tree
// costs nothing next to the work.
//
// Example:
//   purecc::parallel_for(0, n, body, purecc::leaf_size{64});
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <algorithm>
#include <cstdint>

namespace purecc {

/// Indices per leaf of the split tree; values < 1 count as 1.
///   purecc::parallel_reduce(0, n, 0.0, leaf, combine, purecc::leaf_size{4096});
struct leaf_size {
  std::int64_t value;
};

/// The largest leaf the automatic choice uses (long ranges).
///   static_assert(purecc::auto_leaf_size(1 << 30) == purecc::max_auto_leaf_size);
inline constexpr std::int64_t max_auto_leaf_size = 1024;
/// The automatic choice aims at this many leaves for shorter ranges.
///   static_assert(purecc::auto_leaf_size(10 * purecc::auto_leaf_count) == 10);
inline constexpr std::int64_t auto_leaf_count = 256;

/// The leaf size used when none is given: ceil(n / 256) clamped to
/// [1, 1024]. A function of the range length only, hence deterministic.
///   static_assert(purecc::auto_leaf_size(1'000'000'000) == 1024);
constexpr std::int64_t auto_leaf_size(std::int64_t n) noexcept {
  if (n <= 0) return 1;
  std::int64_t per_leaf = n / auto_leaf_count + (n % auto_leaf_count != 0 ? 1 : 0);
  return std::clamp<std::int64_t>(per_leaf, 1, max_auto_leaf_size);
}

namespace detail {

/// Where a node [begin, end) with more than one leaf is split: after the
/// first half (rounded down) of its leaves. Overflow-free for any range.
constexpr std::int64_t split_point(std::int64_t begin, std::int64_t end,
                                   std::int64_t leaf) noexcept {
  std::uint64_t n = static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(begin);
  std::uint64_t l = static_cast<std::uint64_t>(leaf);
  std::uint64_t leaves = n / l + (n % l != 0 ? 1 : 0);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(begin) + (leaves / 2) * l);
}

/// The range length as an unsigned count (end > begin may span > INT64_MAX).
constexpr std::uint64_t range_length(std::int64_t begin, std::int64_t end) noexcept {
  return end > begin ? static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(begin) : 0;
}

}  // namespace detail
}  // namespace purecc
