// purecc/reduce.h — deterministic parallel tree reduction over an index range.
//
// parallel_reduce(begin, end, identity, leaf, combine) computes
//   combine(... combine(leaf(begin), leaf(begin + 1)) ..., leaf(end - 1))
// re-associated along the fixed split tree of range_tree.h: inside a leaf
// the values are folded left to right starting from leaf(first index), and
// the leaves are combined pairwise up the tree. `combine` must be
// associative; `identity` is returned for an empty range only (it should
// be neutral: 0 for an integer +, but -0.0 for a floating-point +, since
// -0.0 + +0.0 is +0.0). The tree depends only on the range and the
// leaf size, so the result — including the rounding of a floating-point sum
// — is bitwise identical for every thread count and schedule. It may differ
// in the last bits from a plain left-to-right loop, which associates
// differently.
//
// If leaf or combine throw, the exception of the leftmost throwing index
// is rethrown once no part of the reduction is running any more (indices
// to its right may or may not have been evaluated). Work the serial loop
// would never have reached stops at the next chunk boundary: once a leaf
// has thrown at index k, no node of the tree that starts after k begins
// (a leaf already running finishes; its result is discarded). Long reductions draw a progress
// bar on stderr (see progress.h).
//
// Example:
//   double s = purecc::parallel_reduce(0, 100'000'000, 0.0,
//       [](std::int64_t i) { return std::sin(double(i)); },
//       [](double a, double b) { return a + b; });
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>
#include <concepts>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <source_location>
#include <tuple>
#include <type_traits>
#include <utility>

#include "purecc/invoke.h"
#include "purecc/progress.h"
#include "purecc/range_tree.h"

namespace purecc {
namespace detail {

/// Thrown by a node of the tree that would start after a leaf to its left
/// has thrown: the serial loop never reaches it. It never escapes
/// parallel_reduce, because the real exception lies in a branch to its left
/// and parallel_invoke rethrows the leftmost one.
struct skipped_after_throw {};

/// Test seam, not API: called with the index of a leaf call that threw,
/// once the reduction has recorded it (runtime tests wait on it to order
/// their threads without sleeping).
inline void (*on_leaf_throw_recorded)(std::int64_t) = nullptr;

/// How a leaf folds its indices: from the values leaf(i) returns
/// (parallel_reduce), or by letting leaf(acc, i) update one private
/// accumulator that starts as a copy of the identity
/// (parallel_reduce_in_place).
enum class leaf_fold { values, in_place };

template <class Value, class Leaf, class Combine, leaf_fold Fold = leaf_fold::values>
struct reduce_job {
  reduce_job(std::int64_t size, Leaf& l, Combine& c, const Value* start = nullptr)
      : leaf_size(size), leaf(l), combine(c), identity(start) {}
  reduce_job(const reduce_job&) = delete;
  reduce_job& operator=(const reduce_job&) = delete;

  std::int64_t leaf_size;
  Leaf& leaf;
  Combine& combine;
  /// leaf_fold::in_place: what each leaf's private accumulator starts from.
  const Value* identity;
  /// The lowest index whose leaf call (or in-leaf combine) has thrown so far.
  mutable std::atomic<std::int64_t> first_throw{std::numeric_limits<std::int64_t>::max()};

  void record_throw(std::int64_t i) const noexcept {
    std::int64_t seen = first_throw.load(std::memory_order_acquire);
    while (i < seen && !first_throw.compare_exchange_weak(seen, i, std::memory_order_acq_rel)) {
    }
    if (on_leaf_throw_recorded) on_leaf_throw_recorded(i);
  }

  /// One leaf: a left-to-right fold that starts from the first value.
  Value fold(std::int64_t begin, std::int64_t end) const {
    std::int64_t i = begin;
    try {
      if constexpr (Fold == leaf_fold::in_place) {
        Value acc(*identity);
        for (; i < end; ++i) leaf(acc, i);
        return acc;
      } else if constexpr (std::is_move_assignable_v<Value>) {
        Value acc(leaf(i));
        for (++i; i < end; ++i) acc = combine(std::move(acc), leaf(i));
        return acc;
      } else {
        // A Value that cannot be assigned (the std::optional<T> of an
        // ordered reduction over a T with a 'const' member, adv37 t04):
        // each step constructs the next partial in place of the last. The
        // extra move is the compiler's (OrderedReductions.cpp refuses
        // types whose moves run code of the user's).
        std::optional<Value> acc(std::in_place, leaf(i));
        for (++i; i < end; ++i) acc.emplace(combine(std::move(*acc), leaf(i)));
        return std::move(*acc);
      }
    } catch (...) {
      record_throw(i);
      throw;
    }
  }

  /// One node of the split tree; reports finished chunks to `meter`.
  Value node(std::int64_t begin, std::int64_t end, progress_meter* meter) const {
    if (begin > first_throw.load(std::memory_order_acquire)) throw skipped_after_throw{};
    std::uint64_t n = range_length(begin, end);
    if (meter && (n <= static_cast<std::uint64_t>(meter->grain()) ||
                  n <= static_cast<std::uint64_t>(leaf_size))) {
      Value result = node(begin, end, nullptr);
      meter->advance(static_cast<std::int64_t>(n));
      return result;
    }
    if (n <= static_cast<std::uint64_t>(leaf_size)) return fold(begin, end);
    std::int64_t mid = split_point(begin, end, leaf_size);
    if (!spawn_room_available()) [[likely]] {
      // Every core busy: plain recursion. Without parallel_invoke's
      // run-every-branch guard a throw skips the unstarted right half,
      // which a serial loop would not have reached either.
      Value left = node(begin, mid, meter);
      Value right = node(mid, end, meter);
      return combine(std::move(left), std::move(right));
    }
    auto [left, right] = parallel_invoke([&] { return node(begin, mid, meter); },
                                         [&] { return node(mid, end, meter); });
    return combine(std::move(left), std::move(right));
  }
};

inline std::int64_t effective_leaf_size(std::int64_t begin, std::int64_t end,
                                        const leaf_size* chosen) noexcept {
  if (chosen) return chosen->value < 1 ? 1 : chosen->value;
  std::uint64_t n = range_length(begin, end);
  constexpr auto cap = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  return auto_leaf_size(static_cast<std::int64_t>(n < cap ? n : cap));
}

template <class Value, leaf_fold Fold = leaf_fold::values, class Leaf, class Combine>
Value reduce_range(std::int64_t begin, std::int64_t end, Value identity, Leaf& leaf, Combine& combine,
               const leaf_size* chosen,
               const std::source_location& where = std::source_location::current()) {
  if (end <= begin) return identity;
  // A call made in one of n elements is n times further from the root of
  // its call tree than the loop (call_width.h): one of a million is deep
  // already, one of four is not.
  call_width_scope width(call_width_times(t_call_width, range_length(begin, end)));
  reduce_job<Value, Leaf, Combine, Fold> job(effective_leaf_size(begin, end, chosen), leaf, combine,
                                             &identity);
  std::uint64_t n = range_length(begin, end);
  // Leaves only: no tree, no meter (a single leaf is no "long map" worth a
  // bar, and this keeps tiny reductions as cheap as a loop).
  if (n <= static_cast<std::uint64_t>(job.leaf_size)) return job.fold(begin, end);
  std::unique_ptr<progress_meter> meter;
  // One address per instantiation, so per call site (each has its own
  // lambda type): repeated runs of a site roll into one bar (progress.h).
  static constexpr char site_key = 0;
  if (n <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    meter = progress_meter::start(static_cast<std::int64_t>(n),
                                  progress_site{&site_key, where.file_name(), where.line()});
  return job.node(begin, end, meter.get());
}

}  // namespace detail

/// Reduces leaf(i) for i in [begin, end) with the associative `combine`;
/// see the file comment. Value is the type of `identity`; leaf must return
/// something convertible to Value and combine must accept (Value, Value).
///   long long squares = purecc::parallel_reduce(0, 1000, 0LL,
///       [](std::int64_t i) { return i * i; }, std::plus<>());
template <class Value, class Leaf, class Combine>
  requires std::invocable<Leaf&, std::int64_t> && std::invocable<Combine&, Value, Value>
Value parallel_reduce(std::int64_t begin, std::int64_t end, Value identity, Leaf&& leaf,
                  Combine&& combine,
                  const std::source_location& where = std::source_location::current()) {
  return detail::reduce_range<Value>(begin, end, std::move(identity), leaf, combine, nullptr, where);
}

/// The same with an explicit leaf size: the tree (and so the rounding of a
/// floating-point result) is then fixed by (begin, end, size) alone.
///   double s = purecc::parallel_reduce(0, n, 0.0, f, std::plus<>(),
///                                      purecc::leaf_size{4096});
template <class Value, class Leaf, class Combine>
  requires std::invocable<Leaf&, std::int64_t> && std::invocable<Combine&, Value, Value>
Value parallel_reduce(std::int64_t begin, std::int64_t end, Value identity, Leaf&& leaf,
                  Combine&& combine, leaf_size size,
                  const std::source_location& where = std::source_location::current()) {
  return detail::reduce_range<Value>(begin, end, std::move(identity), leaf, combine, &size, where);
}

namespace detail {

/// The elements of a private accumulator: a container's size(), the sum
/// of a tuple's parts' (several histograms), 1 for anything else.
template <class Value> std::uint64_t private_elements(const Value &v) {
  if constexpr (requires { v.size(); }) {
    return static_cast<std::uint64_t>(v.size());
  } else if constexpr (requires { std::tuple_size<Value>::value; }) {
    return std::apply([](const auto &...part) { return (std::uint64_t{0} + ... + private_elements(part)); },
                      v);
  } else {
    return 1;
  }
}

/// Indices of copied elements one index may pay for: a leaf of L indices
/// makes and joins one private copy, so leaves hold at least elements /
/// this many indices and the copies cost at most this many element
/// operations per index (adv46 t13: 16M bins over 30000 samples made 256
/// copies of 128 MB, 360 times slower than the loop; now one leaf).
inline constexpr std::uint64_t copied_elements_per_index = 16;

/// The leaf size of an in-place reduction: the given or automatic one,
/// raised so that the private copies stay within
/// copied_elements_per_index element operations per index. A function of
/// the range, the size and the copy's elements: deterministic.
inline leaf_size in_place_leaf_size(std::int64_t begin, std::int64_t end, const leaf_size *chosen,
                                    std::uint64_t elements) noexcept {
  std::int64_t leaf = effective_leaf_size(begin, end, chosen);
  std::uint64_t floor = elements / copied_elements_per_index;
  constexpr auto cap = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (floor > static_cast<std::uint64_t>(leaf))
    leaf = static_cast<std::int64_t>(floor < cap ? floor : cap);
  return leaf_size{leaf};
}

}  // namespace detail

/// The same tree with a private accumulator per leaf, for values too large
/// to make one per index (the bins of a histogram): each leaf starts from a
/// copy of `identity` and calls step(acc, i) for its indices in order; the
/// partials are merged up the tree with join(left, std::move(right)), which
/// folds the right partial into the left one (left = left (+) right). The
/// result is what a leaf of the whole range would hold, re-associated along
/// the tree as for parallel_reduce (so bitwise the same for every thread
/// count); an empty range returns identity. Exceptions as parallel_reduce's.
/// A leaf holds at least private_elements(identity) / 16 indices, so that
/// copying and joining the private accumulators costs at most 16 element
/// operations per index (detail::in_place_leaf_size): a histogram of many
/// more bins than samples runs as one leaf.
///   std::vector<long> bins = purecc::parallel_reduce_in_place(0, n,
///       std::vector<long>(16),
///       [](std::vector<long>& acc, std::int64_t i) { ++acc[bucket(i)]; },
///       [](std::vector<long>& l, std::vector<long>&& r) {
///         for (std::size_t k = 0; k < l.size(); ++k) l[k] += r[k];
///       });
template <class Value, class Step, class Join>
  requires std::invocable<Step&, Value&, std::int64_t> && std::invocable<Join&, Value&, Value&&>
Value parallel_reduce_in_place(std::int64_t begin, std::int64_t end, Value identity, Step&& step,
                               Join&& join,
                               const std::source_location& where = std::source_location::current()) {
  auto combine = [&join](Value left, Value right) {
    join(left, std::move(right));
    return left;
  };
  leaf_size size = detail::in_place_leaf_size(begin, end, nullptr, detail::private_elements(identity));
  return detail::reduce_range<Value, detail::leaf_fold::in_place>(begin, end, std::move(identity),
                                                                  step, combine, &size, where);
}

/// The same with an explicit leaf size (see parallel_reduce).
template <class Value, class Step, class Join>
  requires std::invocable<Step&, Value&, std::int64_t> && std::invocable<Join&, Value&, Value&&>
Value parallel_reduce_in_place(std::int64_t begin, std::int64_t end, Value identity, Step&& step,
                               Join&& join, leaf_size size,
                               const std::source_location& where = std::source_location::current()) {
  auto combine = [&join](Value left, Value right) {
    join(left, std::move(right));
    return left;
  };
  leaf_size raised = detail::in_place_leaf_size(begin, end, &size, detail::private_elements(identity));
  return detail::reduce_range<Value, detail::leaf_fold::in_place>(begin, end, std::move(identity),
                                                                  step, combine, &raised, where);
}

}  // namespace purecc
