// purecc/task_site.h — reductions, maps and parallel calls that codegen
// rewrote, shippable to remote workers.
//
// Why: distributed.h's reduce_task needs a namespace-scope function for the
// leaf, so codegen would have to move the user's loop body out of its
// function (and out of its line numbers). A reduction site instead keeps the
// body where it is, in a *captureless* lambda whose parameters are the
// values it reads (captured by name, so the body's text is unchanged):
//
//   s += purecc::reduce_at<"main#r412", 0x1234ULL, 0x5678ULL>(0, n, 0.0,
//       [](std::int64_t i, [[maybe_unused]] const double &scale) -> double {
//         double s = 0.0; s += std::sin(scale * i); return s; },
//       [](double a, double b) { return a + b; }, scale);
//
// The site's template arguments give the task a stable id (codegen: the
// enclosing function's mangled name and the loop's offset in it) and a
// fingerprint; naming reduce_at instantiates a TaskEntry for that (id, leaf
// type) that registers itself during static initialization on every rank,
// before `main`, whether or not this rank ever calls the site. Its thunk
// default-constructs the closure (captureless lambdas are
// default-constructible in C++20) and evaluates split-tree nodes of it.
//
// A map site does the same for `out[i] = e`: the leaf returns e, and a
// second lambda (which never travels) stores it.
//
// Run without a cluster (no purecc_rt_mpi linked, or not under mpirun, or
// from inside a parallel region or a shipped node) reduce_at is exactly
// parallel_reduce over the same tree: one pointer load more per call, and
// the registration (a map insert per site) at start-up. Under a cluster of
// 2+ ranks it is distributed_reduce: same tree, same bits. Given the local
// run's leaf size (codegen's purecc::leaf_size{1024} for loop-free bodies),
// a range of fewer than 64 leaves stays local even then.
//
// Parallel calls: a branch `[&] { return fib(n - 1); }` whose call can
// travel is instead
//
//   purecc::call_at<"_Z3fibi#call", 0x..ULL, 0x..ULL>(
//       [](const int &purecc_arg_0) -> long { return fib(purecc_arg_0); }, n - 1)
//
// inside purecc::invoke_at(...), which is parallel_invoke without a cluster;
// under one, branches near the root are offered to idle ranks, and inside a
// branch a worker runs for rank 0 they are offered on the worker's board,
// from which the worker hands one back to an idle rank 0
// (cluster.h's CallOffer, docs/distributed.md "Parallel calls").
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/distributed.h"
#include "purecc/invoke.h"
#include "purecc/remote_error.h"

#include <concepts>
#include <cstddef>
#include <exception>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace purecc {

/// A string literal usable as a template argument: the task's id, then,
/// after a NUL, the linker symbols (space-separated) its fingerprint
/// depends on that its unit does not define, which MemoSite completes from
/// the linked program's notes (memo_link.h), so that an edit in another
/// file changes the key of the task's persisted results.
///   purecc::reduce_at<"main#r12", ...>
///   purecc::reduce_at<"main#r12\0" "_Z6kerneld", ...>
template <std::size_t Length> struct site_id {
  char text[Length];
  constexpr site_id(const char (&s)[Length]) noexcept { // NOLINT: implicit on purpose
    for (std::size_t i = 0; i < Length; ++i)
      text[i] = s[i];
  }
  /// The symbols after the id's NUL ("" when none): `text` is the id.
  constexpr const char *linked() const noexcept {
    std::size_t end = 0;
    while (text[end] != '\0')
      ++end;
    return end + 1 < Length ? text + end + 1 : text + end;
  }
};

namespace detail {

/// The leaf closure `Result(std::int64_t, const Args &...)` as a result type and a
/// tuple of its (decayed) captured-value types.
template <class Fn> struct closure_traits : closure_traits<decltype(&Fn::operator())> {};
template <class Closure, class Result, class... Args> struct closure_traits<Result (Closure::*)(std::int64_t, Args...) const> {
  using result = std::remove_cvref_t<Result>;
  using args = std::tuple<std::remove_cvref_t<Args>...>;
};

/// The task entry of one reduction site and its registration, as one
/// object so that the entry exists before the registry sees it.
class site_registration {
public:
  site_registration(const char *id, std::uint64_t hi, std::uint64_t lo, task_thunk thunk,
                    const char *linked)
      : entry_(id, hi, lo, thunk, linked), registrar_(entry_) {}
  const TaskEntry &entry() const noexcept { return entry_; }

private:
  TaskEntry entry_;
  TaskRegistrar registrar_;
};

template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Combine>
struct reduce_site {
  using value_type = typename closure_traits<Leaf>::result;
  using args_tuple = typename closure_traits<Leaf>::args;

  /// The value of node [begin, end) of the split tree with leaf size `leaf`.
  template <class... Args>
  static value_type node(std::int64_t begin, std::int64_t end, std::int64_t leaf, const Args &...args) {
    Leaf body{};
    Combine join{};
    auto leaf_fn = [&](std::int64_t i) -> value_type { return body(i, args...); };
    auto combine = [&](value_type a, value_type b) -> value_type {
      return join(std::move(a), std::move(b));
    };
    reduce_job<value_type, decltype(leaf_fn), decltype(combine)> job{leaf, leaf_fn, combine};
    return job.node(begin, end, nullptr);
  }

  static std::string thunk(std::string_view args, std::int64_t begin, std::int64_t end,
                           std::int64_t leaf) {
    auto t = decode_task_args<args_tuple>(args, Id.text);
    return to_bytes(std::apply([&](const auto &...a) { return node(begin, end, leaf, a...); }, t));
  }

  static inline const site_registration registration{Id.text, Hi, Lo, &thunk, Id.linked()};
};

template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf> struct map_site {
  using value_type = typename closure_traits<Leaf>::result;
  using args_tuple = typename closure_traits<Leaf>::args;

  /// leaf(i, args...) for i in [begin, end), on this process's cores.
  template <class... Args>
  static std::vector<value_type> node(std::int64_t begin, std::int64_t end, std::int64_t leaf,
                                      const Args &...args) {
    Leaf body{};
    std::vector<value_type> out(static_cast<std::size_t>(end - begin));
    parallel_for(
        begin, end,
        [&](std::int64_t i) { out[static_cast<std::size_t>(i - begin)] = body(i, args...); },
        leaf_size{leaf});
    return out;
  }

  static std::string thunk(std::string_view args, std::int64_t begin, std::int64_t end,
                           std::int64_t leaf) {
    auto t = decode_task_args<args_tuple>(args, Id.text);
    return to_bytes(std::apply([&](const auto &...a) { return node(begin, end, leaf, a...); }, t));
  }

  static inline const site_registration registration{Id.text, Hi, Lo, &thunk, Id.linked()};
};

} // namespace detail

namespace detail {

/// A range that stays on this process even under a cluster: the caller
/// gave a leaf size (codegen does for a loop-free body whose bound is not a
/// constant: its iterations cost nanoseconds) and the range holds fewer
/// than cluster_min_leaves leaves of it. A remote node costs ~0.1 ms on
/// loopback (docs/distributed.md, Numbers); 64 leaves of 1024 loop-free
/// iterations are about that much work in all, so shipping any part of
/// them could only lose.
inline constexpr std::int64_t cluster_min_leaves = 64;
inline bool too_small_for_cluster(std::int64_t begin, std::int64_t end,
                                  const leaf_size *chosen) noexcept {
  return chosen && chosen->value > 0 &&
         range_length(begin, end) <
             static_cast<std::uint64_t>(cluster_min_leaves) * static_cast<std::uint64_t>(chosen->value);
}

template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Combine, class... Args>
typename closure_traits<Leaf>::result
reduce_at_impl(std::int64_t begin, std::int64_t end, typename closure_traits<Leaf>::result identity,
               Leaf leaf, Combine combine, const leaf_size *chosen, const Args &...args) {
  using Site = reduce_site<Id, Hi, Lo, Leaf, Combine>;
  using Value = typename Site::value_type;
  // Odr-using the registration instantiates it: every rank registers the
  // site at start-up, before any rank reaches this call.
  static_cast<void>(&Site::registration);
  int rounding = FE_TONEAREST;
  ClusterBackend *cluster = end > begin && !too_small_for_cluster(begin, end, chosen)
                                ? cluster_for_call(rounding)
                                : nullptr;
  if (!cluster) [[likely]] {
    auto leaf_fn = [&](std::int64_t i) -> Value { return leaf(i, args...); };
    return reduce_range<Value>(begin, end, std::move(identity), leaf_fn, combine, chosen);
  }
  const TaskEntry &task = Site::registration.entry();
  const std::int64_t leaf_len = leaf_of(begin, end, chosen);
  RangeJob job = make_range_job<typename Site::args_tuple>(task, begin, end, leaf_len, rounding,
                                                           args...);
  std::map<std::int64_t, std::pair<std::int64_t, Value>> nodes;
  for (NodeResult &r : cluster->run(job)) {
    std::optional<Value> v = from_bytes<Value>(r.bytes);
    if (!v)
      throw task_decode_error(task.id());
    nodes.emplace(r.begin, std::pair<std::int64_t, Value>(r.end, std::move(*v)));
  }
  auto join = [&](Value a, Value b) -> Value { return combine(std::move(a), std::move(b)); };
  return assemble_node<Value>(nodes, begin, end, leaf_len, join);
}

template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Store, class... Args>
void map_at_impl(std::int64_t begin, std::int64_t end, Leaf leaf, Store store,
                 const leaf_size *chosen, const Args &...args) {
  using Site = map_site<Id, Hi, Lo, Leaf>;
  using Result = typename Site::value_type;
  static_cast<void>(&Site::registration); // registered on every rank at start-up
  auto local = [&] {
    auto body = [&](std::int64_t i) { store(i, leaf(i, args...)); };
    if (chosen)
      parallel_for(begin, end, body, *chosen);
    else
      parallel_for(begin, end, body);
  };
  int rounding = FE_TONEAREST;
  ClusterBackend *cluster = end > begin && !too_small_for_cluster(begin, end, chosen)
                                ? cluster_for_call(rounding)
                                : nullptr;
  if (!cluster) [[likely]]
    return local();
  const TaskEntry &task = Site::registration.entry();
  const std::int64_t leaf_len = leaf_of(begin, end, chosen);
  RangeJob job = make_range_job<typename Site::args_tuple>(task, begin, end, leaf_len, rounding,
                                                           args...);
  std::vector<NodeResult> results;
  try {
    results = cluster->run(job);
  } catch (...) {
    return local();
  }
  for (NodeResult &r : results) {
    std::optional<std::vector<Result>> v = from_bytes<std::vector<Result>>(r.bytes);
    if (!v || static_cast<std::int64_t>(v->size()) != r.end - r.begin)
      throw task_decode_error(task.id());
    for (std::int64_t i = r.begin; i < r.end; ++i)
      store(i, std::move((*v)[static_cast<std::size_t>(i - r.begin)]));
  }
}

} // namespace detail

/// parallel_reduce(begin, end, identity, leaf(i, args...), combine) whose
/// nodes may run on other ranks. Leaf and Combine must be captureless
/// lambdas; `args` are the values the leaf reads, passed to it after the
/// index (each needs a purecc::codec to travel). See the file comment.
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Combine, class... Args>
  requires std::is_empty_v<Leaf> && std::is_empty_v<Combine>
typename detail::closure_traits<Leaf>::result
reduce_at(std::int64_t begin, std::int64_t end,
          typename detail::closure_traits<Leaf>::result identity, Leaf leaf, Combine combine,
          const Args &...args) {
  return detail::reduce_at_impl<Id, Hi, Lo>(begin, end, std::move(identity), leaf, combine,
                                            nullptr, args...);
}

/// The same with the local run's leaf size (codegen passes
/// purecc::leaf_size{1024} for a loop-free body): the tree is the one
/// parallel_reduce(..., size) builds, and a range of fewer than 64 leaves
/// never leaves this process (detail::too_small_for_cluster).
///   purecc::reduce_at<"f#r9", 0x1ULL, 0x2ULL>(0, n, 0L, leaf, combine, purecc::leaf_size{1024}, k);
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Combine, class... Args>
  requires std::is_empty_v<Leaf> && std::is_empty_v<Combine>
typename detail::closure_traits<Leaf>::result
reduce_at(std::int64_t begin, std::int64_t end,
          typename detail::closure_traits<Leaf>::result identity, Leaf leaf, Combine combine,
          leaf_size size, const Args &...args) {
  return detail::reduce_at_impl<Id, Hi, Lo>(begin, end, std::move(identity), leaf, combine, &size,
                                            args...);
}

/// parallel_for(begin, end, [&](i) { store(i, leaf(i, args...)); }) whose
/// leaves may run on other ranks: a map `out[i] = e` is
///   purecc::map_at<"main#m80", 0x..ULL, 0x..ULL>(0, n,
///       [](std::int64_t i, [[maybe_unused]] const double &w) -> double { return w * f(i); },
///       [&](std::int64_t i, auto &&v) { out[i] = std::forward<decltype(v)>(v); }, w);
/// Only `leaf` travels; `store` writes each result on rank 0. If an element
/// throws under a cluster, the map runs again here, so that the exception
/// and the elements written before it are exactly the local run's (pure
/// code throws the same way twice).
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Store, class... Args>
  requires std::is_empty_v<Leaf>
void map_at(std::int64_t begin, std::int64_t end, Leaf leaf, Store store, const Args &...args) {
  detail::map_at_impl<Id, Hi, Lo>(begin, end, leaf, store, nullptr, args...);
}

/// The same with the local run's leaf size (see reduce_at's).
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class Store, class... Args>
  requires std::is_empty_v<Leaf>
void map_at(std::int64_t begin, std::int64_t end, Leaf leaf, Store store, leaf_size size,
            const Args &...args) {
  detail::map_at_impl<Id, Hi, Lo>(begin, end, leaf, store, &size, args...);
}

// ---- parallel calls ----------------------------------------------------------

namespace detail {

/// The call leaf `Result(const Args &...)` of a branch as a result type and a tuple
/// of its (decayed) argument types.
template <class Fn> struct call_traits : call_traits<decltype(&Fn::operator())> {};
template <class Closure, class Result, class... Args> struct call_traits<Result (Closure::*)(Args...) const> {
  using result = std::remove_cvref_t<Result>;
  using args = std::tuple<std::remove_cvref_t<Args>...>;
};

/// The registry entry of one shippable call: decodes the arguments, calls
/// the leaf (the pure function) and encodes its result.
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf> struct call_site {
  using value_type = typename call_traits<Leaf>::result;
  using args_tuple = typename call_traits<Leaf>::args;

  static std::string thunk(std::string_view args, std::int64_t, std::int64_t, std::int64_t) {
    auto t = decode_task_args<args_tuple>(args, Id.text);
    return to_bytes(std::apply(Leaf{}, t));
  }

  static inline const site_registration registration{Id.text, Hi, Lo, &thunk, Id.linked()};
};

template <class Branch> struct is_call_branch : std::false_type {};

} // namespace detail

/// One branch of invoke_at that other ranks can run: the pure function
/// call `leaf(args...)` (a captureless lambda around the user's call, whose
/// parameters are the call's arguments). The arguments are evaluated by
/// the caller (codegen emits call_at only for arguments that cannot throw)
/// and held by reference until the end of the full expression.
///   purecc::call_at<"_Z3fibi#call", 0x..ULL, 0x..ULL>([](const int &a) -> long { return fib(a); }, n - 1)
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class... Args>
class call_branch {
public:
  using site = detail::call_site<Id, Hi, Lo, Leaf>;
  using value_type = typename site::value_type;

  explicit call_branch(const Args &...args) noexcept : args_(args...) {}
  /// The call, here.
  value_type operator()() const { return std::apply(Leaf{}, args_); }
  /// The call as a task message: its entry, canonical argument bytes and
  /// the caller's rounding mode (fegetround()).
  RangeJob job(int rounding) const {
    return std::apply(
        [rounding](const Args &...a) {
          return detail::make_range_job<typename site::args_tuple>(site::registration.entry(), 0,
                                                                   0, 0, rounding, a...);
        },
        args_);
  }

private:
  std::tuple<const Args &...> args_;
};

namespace detail {
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class... Args>
struct is_call_branch<call_branch<Id, Hi, Lo, Leaf, Args...>> : std::true_type {};
} // namespace detail

/// A branch for invoke_at whose call may run on another rank. Leaf must be
/// a captureless lambda; see call_branch.
template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf, class... Args>
  requires std::is_empty_v<Leaf>
call_branch<Id, Hi, Lo, Leaf, Args...> call_at(Leaf, const Args &...args) noexcept {
  // Odr-using the registration registers the call on every rank at start-up.
  static_cast<void>(&detail::call_site<Id, Hi, Lo, Leaf>::registration);
  return call_branch<Id, Hi, Lo, Leaf, Args...>(args...);
}

namespace detail {

/// One branch of invoke_at under a cluster: its outcome, and the offer
/// through which another rank (or another waiting thread here) may run it.
template <class Branch> struct cluster_branch : CallOffer {
  static_assert(!std::is_reference_v<Branch>);
  using Result = call_result_t<Branch>;
  Branch *branch = nullptr;
  bool offered = false;
  std::optional<Result> value{};
  std::exception_ptr failure{};

  /// Runs the branch here. Its exception is described as a shipped
  /// branch's would be (remote_error.h): whether a branch travels depends
  /// on timing, and the type the caller catches must not.
  void run_here() noexcept {
    call_width_scope scope(width);
    try {
      value.emplace(call_as_value(*branch));
    } catch (...) {
      failure = as_cluster_exception(0);
    }
  }
  /// After the branch is done: a shipped one's result bytes become a value.
  void collect() {
    if (value || failure)
      return; // run here (by the caller or a helping thread)
    if (error) {
      failure = error;
      return;
    }
    if constexpr (is_call_branch<Branch>::value) {
      std::optional<Result> v = from_bytes<Result>(result);
      if (!v)
        failure = std::make_exception_ptr(task_decode_error(job.task ? job.task->id() : "call"));
      else
        value.emplace(std::move(*v));
    }
  }
};

template <class... Branches, std::size_t... Indices>
std::tuple<call_result_t<Branches>...> invoke_on_cluster(ClusterBackend &cluster, int rounding,
                                                  std::index_sequence<Indices...>, Branches &...b) {
  constexpr std::size_t last = sizeof...(Branches) - 1;
  const std::uint64_t width = call_width_times(t_call_width, sizeof...(Branches));
  if (width >= g_call_offer_width.load(std::memory_order_relaxed)) {
    // Too deep to offer: local, but each branch knows its width (the
    // thread that runs it may be another one, whose own width is 1).
    return parallel_invoke([&] {
      call_width_scope scope(width);
      return call_as_value(b);
    }...);
  }
  std::tuple<cluster_branch<Branches>...> branches;
  auto prepare = [&]<std::size_t Index, class Branch>(cluster_branch<Branch> &c, Branch &fn) {
    c.branch = &fn;
    c.width = width;
    c.run = [](CallOffer *self) noexcept { static_cast<cluster_branch<Branch> *>(self)->run_here(); };
    // The last branch runs here anyway; only calls can travel.
    if constexpr (Index < last && is_call_branch<Branch>::value) {
      // A branch whose arguments cannot be encoded (say, out of memory)
      // just runs here; an exception must not leave offers behind.
      try {
        c.job = fn.job(rounding);
      } catch (...) {
        return;
      }
      c.offered = cluster.offer_call(c);
    }
  };
  (prepare.template operator()<Indices>(std::get<Indices>(branches), b), ...);
  // Local part: every branch nobody took, on this process's cores; the
  // last (never offered) first, so that an idle rank has the time to take
  // the offered ones (inline, parallel_invoke runs left to right). Every
  // branch runs, so the order changes nothing but where they run.
  parallel_invoke([&] {
    auto &c = std::get<last - Indices>(branches);
    if (!c.offered || cluster.withdraw_call(c))
      c.run_here();
    return unit{};
  }...);
  ((std::get<Indices>(branches).offered ? cluster.wait_call(std::get<Indices>(branches)) : void()), ...);
  (std::get<Indices>(branches).collect(), ...);
  // The leftmost exception wins, as in parallel_invoke.
  std::exception_ptr first;
  ((first = first ? first : std::get<Indices>(branches).failure), ...);
  if (first)
    std::rethrow_exception(first);
  return std::tuple<call_result_t<Branches>...>{std::move(*std::get<Indices>(branches).value)...};
}

} // namespace detail

/// parallel_invoke(b...) whose call_at branches may run on other ranks:
/// under a cluster of 2+ ranks, near the root of the call tree, the
/// branches are offered to idle ranks (all but the last) — on a worker,
/// inside a branch rank 0 shipped, to rank 0 when it runs out of work; the
/// others, and everything without a cluster, run as parallel_invoke runs them. Results
/// and the leftmost-exception rule are parallel_invoke's; an exception from
/// another rank arrives as described in remote_error.h.
///   auto [a, b] = purecc::invoke_at(purecc::call_at<...>(leaf, n - 1),
///                                   purecc::call_at<...>(leaf, n - 2));
template <class... Branches>
  requires(sizeof...(Branches) >= 2 && (std::is_invocable_v<Branches &> && ...))
std::tuple<detail::call_result_t<Branches>...> invoke_at(Branches &&...b) {
  if (detail::g_call_offer_width.load(std::memory_order_relaxed) == 0) [[likely]]
    return parallel_invoke(b...);
  ClusterBackend *cluster = call_cluster();
  // The rounding mode travels with the offered branches; an enabled trap
  // keeps them here (detail::may_ship_under, purecc/distributed.h).
  const fp_modes modes = current_fp_modes();
  if (!cluster || !detail::may_ship_under(modes))
    return parallel_invoke(b...);
  return detail::invoke_on_cluster(*cluster, modes.rounding, std::index_sequence_for<Branches...>{},
                                   b...);
}

} // namespace purecc
