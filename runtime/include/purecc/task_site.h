// purecc/task_site.h — reductions that codegen rewrote, shippable to remote workers.
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
// 2+ ranks it is distributed_reduce: same tree, same bits.
#pragma once

#include "purecc/distributed.h"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace purecc {

/// A string literal usable as a template argument (the task's id).
///   purecc::reduce_at<"main#r12", ...>
template <std::size_t N> struct site_id {
  char text[N];
  constexpr site_id(const char (&s)[N]) noexcept { // NOLINT: implicit on purpose
    for (std::size_t i = 0; i < N; ++i)
      text[i] = s[i];
  }
};

namespace detail {

/// The leaf closure `R(std::int64_t, const A &...)` as a result type and a
/// tuple of its (decayed) captured-value types.
template <class F> struct closure_traits : closure_traits<decltype(&F::operator())> {};
template <class C, class R, class... A> struct closure_traits<R (C::*)(std::int64_t, A...) const> {
  using result = std::remove_cvref_t<R>;
  using args = std::tuple<std::remove_cvref_t<A>...>;
};

/// The task entry of one reduction site and its registration, as one
/// object so that the entry exists before the registry sees it.
class site_registration {
public:
  site_registration(const char *id, std::uint64_t hi, std::uint64_t lo, task_thunk thunk)
      : entry_(id, hi, lo, thunk), registrar_(entry_) {}
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
  template <class... A>
  static value_type node(std::int64_t begin, std::int64_t end, std::int64_t leaf, const A &...args) {
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

  static inline const site_registration registration{Id.text, Hi, Lo, &thunk};
};

template <site_id Id, std::uint64_t Hi, std::uint64_t Lo, class Leaf> struct map_site {
  using value_type = typename closure_traits<Leaf>::result;
  using args_tuple = typename closure_traits<Leaf>::args;

  /// leaf(i, args...) for i in [begin, end), on this process's cores.
  template <class... A>
  static std::vector<value_type> node(std::int64_t begin, std::int64_t end, std::int64_t leaf,
                                      const A &...args) {
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

  static inline const site_registration registration{Id.text, Hi, Lo, &thunk};
};

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
  using Site = detail::reduce_site<Id, Hi, Lo, Leaf, Combine>;
  using T = typename Site::value_type;
  // Odr-using the registration instantiates it: every rank registers the
  // site at start-up, before any rank reaches this call.
  static_cast<void>(&Site::registration);
  ClusterBackend *cluster = end > begin ? detail::cluster_for_call() : nullptr;
  if (!cluster) [[likely]]
    return parallel_reduce(begin, end, std::move(identity),
                           [&](std::int64_t i) -> T { return leaf(i, args...); }, combine);
  const TaskEntry &task = Site::registration.entry();
  const std::int64_t leaf_len = detail::leaf_of(begin, end, nullptr);
  RangeJob job =
      detail::make_range_job<typename Site::args_tuple>(task, begin, end, leaf_len, args...);
  std::map<std::int64_t, std::pair<std::int64_t, T>> nodes;
  for (NodeResult &r : cluster->run(job)) {
    std::optional<T> v = from_bytes<T>(r.bytes);
    if (!v)
      throw task_decode_error(task.id());
    nodes.emplace(r.begin, std::pair<std::int64_t, T>(r.end, std::move(*v)));
  }
  auto join = [&](T a, T b) -> T { return combine(std::move(a), std::move(b)); };
  return detail::assemble_node<T>(nodes, begin, end, leaf_len, join);
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
  using Site = detail::map_site<Id, Hi, Lo, Leaf>;
  using R = typename Site::value_type;
  static_cast<void>(&Site::registration); // registered on every rank at start-up
  auto local = [&] {
    parallel_for(begin, end, [&](std::int64_t i) { store(i, leaf(i, args...)); });
  };
  ClusterBackend *cluster = end > begin ? detail::cluster_for_call() : nullptr;
  if (!cluster) [[likely]]
    return local();
  const TaskEntry &task = Site::registration.entry();
  const std::int64_t leaf_len = detail::leaf_of(begin, end, nullptr);
  RangeJob job =
      detail::make_range_job<typename Site::args_tuple>(task, begin, end, leaf_len, args...);
  std::vector<NodeResult> results;
  try {
    results = cluster->run(job);
  } catch (...) {
    return local();
  }
  for (NodeResult &r : results) {
    std::optional<std::vector<R>> v = from_bytes<std::vector<R>>(r.bytes);
    if (!v || static_cast<std::int64_t>(v->size()) != r.end - r.begin)
      throw task_decode_error(task.id());
    for (std::int64_t i = r.begin; i < r.end; ++i)
      store(i, std::move((*v)[static_cast<std::size_t>(i - r.begin)]));
  }
}

} // namespace purecc
