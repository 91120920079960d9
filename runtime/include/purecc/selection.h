// purecc/selection.h — the records of an argmin/argmax loop, in loop order.
//
// A loop that keeps the best term and what goes with it,
//   for (i ...) { double d = dist(i); if (d < best) { best = d; name = label(i); } }
// runs its block exactly for its *records*: the terms that beat the best of
// all earlier terms (and the initial value). purecc shares such a loop in two
// passes. The tree reduction (reduce.h) evaluates only the terms: each
// iteration adds its term, its index and the values its block reads, and the
// ordered combine keeps, of a right partial, only the terms that beat the
// best of the left one. Every record of the whole range survives (a term
// that does not beat the best of its own part does not beat the best of
// everything before it either). A final serial pass then runs the user's
// block for the survivors in order, with the loop's own comparison against
// the user's `best` — so the block runs exactly where the loop runs it, and
// an exception it throws is the loop's.
//
// `Better` is the loop's comparison, `term Rel best`: std::less<> for `<`
// (the first of equal terms kept), std::less_equal<> for `<=` (the last),
// std::greater<>, std::greater_equal<>. A NaN term compares false and is
// never a record. When an iteration throws (evaluating its term, or other
// code of the body), fail() keeps the exception: the combine drops
// everything to its right, records before it (and the throwing iteration's
// own, when its term was added before the throw) still run their block,
// and rethrow() then throws it, as the loop would have. selection_stop lets
// later iterations skip their body once an earlier one has thrown.
//
// Records cost memory only while a term beats its part's best: on random
// input a few per leaf, on a monotone one every iteration (as many times as
// the serial loop runs its block).
//
// Example (what purecc emits, abridged):
//   using sel = purecc::selection_records<std::less<>, double, std::string>;
//   purecc::selection_stop stop;
//   sel all = purecc::parallel_reduce(0, n, sel{}, [&](std::int64_t i) {
//       sel one; if (stop.passed(i)) return one;
//       try { std::string s = label(i); one.add(i, dist(i), s); }
//       catch (...) { stop.note(i); one.fail(std::current_exception()); }
//       return one; }, sel::merge{});
//   for (auto &r : all.records())
//     if (r.key < best) { std::string s = std::get<0>(std::move(r.carried)); best = r.key; name = s; }
//   all.rethrow();
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace purecc {

/// The lowest iteration of a selection whose body threw: iterations after it
/// are never reached by the serial loop, so their bodies need not run.
class selection_stop {
 public:
  /// Whether iteration `at` comes after one that threw.
  bool passed(std::int64_t at) const noexcept {
    return at > first_.load(std::memory_order_relaxed);
  }
  /// Iteration `at` threw.
  void note(std::int64_t at) noexcept {
    std::int64_t seen = first_.load(std::memory_order_relaxed);
    while (at < seen && !first_.compare_exchange_weak(seen, at, std::memory_order_relaxed)) {
    }
  }

 private:
  std::atomic<std::int64_t> first_{std::numeric_limits<std::int64_t>::max()};
};

/// The records of a part of a selection's range (see the file comment).
template <class Better, class Key, class... Carried>
class selection_records {
 public:
  struct record {
    std::int64_t at;
    Key key;
    std::tuple<Carried...> carried;
  };

  /// Iteration `at` compares `key`; its block would read `carried`.
  void add(std::int64_t at, Key key, Carried... carried) {
    if constexpr (std::is_floating_point_v<Key>)
      if (__builtin_isnan(key)) return;  // compares false with everything
    push(record{at, std::move(key), std::tuple<Carried...>(std::move(carried)...)});
  }

  /// The iteration being run threw `error` (after the records it added).
  void fail(std::exception_ptr error) noexcept { error_ = std::move(error); }

  /// The ordered combine: `left` covers the iterations before `right`'s.
  struct merge {
    selection_records operator()(selection_records left, selection_records right) const {
      if (left.error_) return left;  // the loop never reaches right's iterations
      for (record& r : right.earlier_) left.push(std::move(r));
      if (right.last_) left.push(std::move(*right.last_));
      left.error_ = std::move(right.error_);
      return left;
    }
  };

  /// The records in loop order (the best of the range last).
  std::vector<record>& records() {
    if (last_) {
      earlier_.push_back(std::move(*last_));
      last_.reset();
    }
    return earlier_;
  }

  /// Throws the exception of the iteration that threw, if one did.
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  /// Keeps r when it beats the best so far (the last record).
  void push(record&& r) {
    if (last_) {
      if (!Better{}(r.key, last_->key)) return;
      earlier_.push_back(std::move(*last_));
    }
    last_.emplace(std::move(r));
  }

  // The last record apart, so that one iteration's partial allocates nothing.
  std::vector<record> earlier_;
  std::optional<record> last_;
  std::exception_ptr error_;
};

}  // namespace purecc
