// purecc/distributed.h — reductions and maps that may run on remote workers.
//
// A range task is a registered pure function of an index and captured
// values. distributed_reduce / distributed_map compute exactly what
// parallel_reduce / parallel_for compute over the same split tree
// (range_tree.h): locally on this process's cores, or — when the program
// runs under mpirun/srun with the purecc_rt_mpi backend (cluster.h) — cut
// into tree nodes that rank 0 hands to every rank. Each rank evaluates its
// nodes with the local tree on its own cores, and rank 0 combines the node
// results up the same tree, so a floating-point reduction is bitwise
// identical for every ranks x threads layout, including the plain local run.
// (Floating-point values travel by their exact bits, serialize.h, so a NaN
// result keeps its sign and payload.)
//
// Requirements: the function is `R leaf(std::int64_t i, A... captured)`, the
// combine `R combine(R, R)` is associative; R and every A have a purecc
// codec (serialize.h) and are default-constructible. Exceptions: as for
// parallel_reduce, the leftmost throwing node wins once nothing runs; remote
// ones arrive as described in remote_error.h.
//
// Example:
//   double term(std::int64_t i, double scale) { return std::sin(scale * i); }
//   double add(double a, double b) { return a + b; }
//   const purecc::reduce_task<term, add> sum_terms{"sum_terms", 0x1ULL, 0x2ULL};
//   ... double s = purecc::distributed_reduce(sum_terms, 0, n, 0.0, 0.5);
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/cluster.h"
#include "purecc/memo_fenv.h"
#include "purecc/parallel_for.h"
#include "purecc/reduce.h"
#include "purecc/serialize.h"
#include "purecc/shipped_rounding.h"
#include "purecc/task_registry.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace purecc {
namespace detail {

template <class Fn> struct range_fn_traits;
template <class Result, class... Args> struct range_fn_traits<Result (*)(std::int64_t, Args...)> {
  using result = Result;
  using args = std::tuple<std::remove_cvref_t<Args>...>;
};
template <class Result, class... Args> struct range_fn_traits<Result (*)(std::int64_t, Args...) noexcept>
    : range_fn_traits<Result (*)(std::int64_t, Args...)> {};

/// Decodes the whole argument tuple; trailing bytes are malformed input.
template <class Tuple> Tuple decode_task_args(std::string_view bytes, const char *what) {
  Tuple t{};
  ByteReader r(bytes);
  if (!r.read(t) || !r.at_end())
    throw task_decode_error(what);
  return t;
}

/// Canonical bytes of the arguments, each converted to the declared
/// parameter type, with the end offset of each argument. `rounding` is the
/// caller's mode (fegetround(), one may_ship_under accepted): the job
/// carries it, and its persisted results are keyed in the namespace a
/// memoized call made under it uses (memo_fenv.h).
template <class Tuple, class... Args>
RangeJob make_range_job(const TaskEntry &task, std::int64_t begin, std::int64_t end,
                        std::int64_t leaf, int rounding, const Args &...args) {
  static_assert(std::tuple_size_v<Tuple> == sizeof...(Args),
                "purecc: a range task gets exactly the captured arguments its function declares");
  RangeJob job;
  job.task = &task;
  job.begin = begin;
  job.end = end;
  job.leaf = leaf;
  job.memo_namespace = namespace_under(compiler_namespace(), fp_modes{rounding, 0, 0, 0});
  job.rounding = encode_rounding(rounding).value_or(rounding_code::to_nearest);
  ByteWriter w(job.args);
  [&]<std::size_t... Indices>(std::index_sequence<Indices...>) {
    auto one = [&]<class Decl>(const auto &arg, std::type_identity<Decl>) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(arg)>, Decl>)
        w.write(arg);
      else
        w.write(static_cast<Decl>(arg));
      job.arg_ends.push_back(job.args.size());
    };
    (void)one; // unused for a task without captured arguments
    (one(args, std::type_identity<std::tuple_element_t<Indices, Tuple>>{}), ...);
  }(std::index_sequence_for<Args...>{});
  return job;
}

/// The value of node [begin, end) from the backend's node results: the
/// node itself if it was run as one, else its two halves combined.
template <class Value, class Combine>
Value assemble_node(const std::map<std::int64_t, std::pair<std::int64_t, Value>> &nodes, std::int64_t begin,
                std::int64_t end, std::int64_t leaf, Combine &combine) {
  auto it = nodes.find(begin);
  if (it != nodes.end() && it->second.first == end)
    return it->second.second;
  if (range_length(begin, end) <= static_cast<std::uint64_t>(leaf))
    throw std::logic_error("purecc: the cluster backend returned no result for a leaf");
  const std::int64_t mid = split_point(begin, end, leaf);
  Value left = assemble_node<Value>(nodes, begin, mid, leaf, combine);
  Value right = assemble_node<Value>(nodes, mid, end, leaf, combine);
  return combine(std::move(left), std::move(right));
}

inline std::int64_t leaf_of(std::int64_t begin, std::int64_t end, const leaf_size *chosen) {
  return effective_leaf_size(begin, end, chosen);
}

/// Whether a call made under the floating-point modes `m` may ship. The
/// rounding mode travels with the task (shipped_rounding.h) when the wire
/// has a code for it; an enabled trap does not: a trap on another rank
/// kills that rank, and the job ends differently from the serial program's
/// SIGFPE, so then the work stays on this rank's cores, where
/// purecc/branch_fenv.h enables the trap on every thread. Nor do the
/// flush-to-zero bits (memo_fenv.h): the wire has no code for them, so
/// under them the work stays here too, where branch_fenv.h carries them;
/// nor x86's other controls (an x87 precision other than extended, an SSE
/// rounding other than the x87 one), for the same reason.
inline bool may_ship_under(const fp_modes &m) noexcept {
  return m.traps == 0 && m.flush == 0 && m.control == 0 && encode_rounding(m.rounding).has_value();
}

/// Whether a range call goes to the cluster: a backend with 2+ ranks, and
/// never from inside a task already running on some rank (nested
/// parallelism inside a shipped node stays on that rank's cores), nor
/// under modes that may not ship (may_ship_under). `rounding` receives the
/// caller's rounding mode, which the job carries.
inline ClusterBackend *cluster_for_call(int &rounding) noexcept {
  ClusterBackend *c = active_cluster();
  if (!c || c->size() < 2 || !may_ship_from_this_thread())
    return nullptr;
  const fp_modes m = current_fp_modes();
  rounding = m.rounding;
  return may_ship_under(m) ? c : nullptr;
}

} // namespace detail

/// A registered reduction: Leaf is `Result(std::int64_t, Args...)`, Combine `Result(Result, Result)`.
/// Declare it at namespace scope (it registers itself during static
/// initialization); the id and fingerprint must be the same in every rank's
/// build — codegen derives them from the mangled name and the AST.
///   const purecc::reduce_task<term, add> sum_terms{"sum_terms", 0x1ULL, 0x2ULL};
template <auto Leaf, auto Combine> class reduce_task {
  using traits = detail::range_fn_traits<decltype(Leaf)>;

public:
  using value_type = std::remove_cvref_t<decltype(Combine(std::declval<typename traits::result>(),
                                                          std::declval<typename traits::result>()))>;
  using args_tuple = typename traits::args;

  reduce_task(const char *id, std::uint64_t fingerprint_hi, std::uint64_t fingerprint_lo)
      : entry_(id, fingerprint_hi, fingerprint_lo, &thunk), registrar_(entry_) {}
  const TaskEntry &entry() const noexcept { return entry_; }

  /// The value of node [begin, end) of the split tree with leaf size `leaf`.
  template <class... Args> static value_type node(std::int64_t begin, std::int64_t end,
                                               std::int64_t leaf, const Args &...args) {
    auto leaf_fn = [&](std::int64_t i) { return Leaf(i, args...); };
    auto combine = [](value_type a, value_type b) { return Combine(std::move(a), std::move(b)); };
    detail::reduce_job<value_type, decltype(leaf_fn), decltype(combine)> job{leaf, leaf_fn,
                                                                               combine};
    return job.node(begin, end, nullptr);
  }

private:
  static std::string thunk(std::string_view args, std::int64_t begin, std::int64_t end,
                           std::int64_t leaf) {
    auto t = detail::decode_task_args<args_tuple>(args, "reduction");
    return to_bytes(std::apply([&](const auto &...a) { return node(begin, end, leaf, a...); }, t));
  }

  TaskEntry entry_;
  TaskRegistrar registrar_;
};

/// A registered map: Fn is `Result(std::int64_t, Args...)`.
///   const purecc::map_task<square> squares{"square", 0x3ULL, 0x4ULL};
template <auto Fn> class map_task {
  using traits = detail::range_fn_traits<decltype(Fn)>;

public:
  using value_type = std::remove_cvref_t<typename traits::result>;
  using args_tuple = typename traits::args;

  map_task(const char *id, std::uint64_t fingerprint_hi, std::uint64_t fingerprint_lo)
      : entry_(id, fingerprint_hi, fingerprint_lo, &thunk), registrar_(entry_) {}
  const TaskEntry &entry() const noexcept { return entry_; }

  /// Fn(i, args...) for i in [begin, end), on this process's cores, over
  /// the split tree with leaf size `leaf`.
  template <class... Args> static std::vector<value_type> node(std::int64_t begin, std::int64_t end,
                                                            std::int64_t leaf, const Args &...args) {
    std::vector<value_type> out(static_cast<std::size_t>(end - begin));
    parallel_for(begin, end, [&](std::int64_t i) { out[static_cast<std::size_t>(i - begin)] = Fn(i, args...); },
                 leaf_size{leaf});
    return out;
  }

private:
  static std::string thunk(std::string_view args, std::int64_t begin, std::int64_t end,
                           std::int64_t leaf) {
    auto t = detail::decode_task_args<args_tuple>(args, "map");
    return to_bytes(std::apply([&](const auto &...a) { return node(begin, end, leaf, a...); }, t));
  }

  TaskEntry entry_;
  TaskRegistrar registrar_;
};

namespace detail {

template <auto Leaf, auto Combine, class... Args>
typename reduce_task<Leaf, Combine>::value_type
distributed_reduce_impl(const reduce_task<Leaf, Combine> &task, std::int64_t begin,
                        std::int64_t end, typename reduce_task<Leaf, Combine>::value_type identity,
                        const leaf_size *chosen, const Args &...args) {
  using Value = typename reduce_task<Leaf, Combine>::value_type;
  using Tuple = typename reduce_task<Leaf, Combine>::args_tuple;
  if (end <= begin)
    return identity;
  const std::int64_t leaf = leaf_of(begin, end, chosen);
  int rounding = FE_TONEAREST;
  ClusterBackend *cluster = cluster_for_call(rounding);
  auto combine = [](Value a, Value b) { return Combine(std::move(a), std::move(b)); };
  if (!cluster) {
    auto leaf_fn = [&](std::int64_t i) { return Leaf(i, args...); };
    return reduce_range<Value>(begin, end, std::move(identity), leaf_fn, combine, chosen);
  }
  RangeJob job = make_range_job<Tuple>(task.entry(), begin, end, leaf, rounding, args...);
  std::map<std::int64_t, std::pair<std::int64_t, Value>> nodes;
  for (NodeResult &r : cluster->run(job)) {
    std::optional<Value> v = from_bytes<Value>(r.bytes);
    if (!v)
      throw task_decode_error(task.entry().id());
    nodes.emplace(r.begin, std::pair<std::int64_t, Value>(r.end, std::move(*v)));
  }
  return assemble_node<Value>(nodes, begin, end, leaf, combine);
}

template <auto Fn, class... Args>
std::vector<typename map_task<Fn>::value_type>
distributed_map_impl(const map_task<Fn> &task, std::int64_t begin, std::int64_t end,
                     const leaf_size *chosen, const Args &...args) {
  using Result = typename map_task<Fn>::value_type;
  using Tuple = typename map_task<Fn>::args_tuple;
  if (end <= begin)
    return {};
  const std::int64_t leaf = leaf_of(begin, end, chosen);
  int rounding = FE_TONEAREST;
  ClusterBackend *cluster = cluster_for_call(rounding);
  if (!cluster)
    return map_task<Fn>::node(begin, end, leaf, args...);
  RangeJob job = make_range_job<Tuple>(task.entry(), begin, end, leaf, rounding, args...);
  std::vector<Result> out(static_cast<std::size_t>(end - begin));
  for (NodeResult &r : cluster->run(job)) {
    std::optional<std::vector<Result>> v = from_bytes<std::vector<Result>>(r.bytes);
    if (!v || static_cast<std::int64_t>(v->size()) != r.end - r.begin)
      throw task_decode_error(task.entry().id());
    std::move(v->begin(), v->end(), out.begin() + (r.begin - begin));
  }
  return out;
}

} // namespace detail

/// Reduces Leaf(i, args...) over [begin, end) with Combine; `identity` is
/// the result of an empty range. Same tree as parallel_reduce with the
/// automatic leaf size.
///   double s = purecc::distributed_reduce(sum_terms, 0, n, 0.0, 0.5);
template <auto Leaf, auto Combine, class... Args>
typename reduce_task<Leaf, Combine>::value_type
distributed_reduce(const reduce_task<Leaf, Combine> &task, std::int64_t begin, std::int64_t end,
                   typename reduce_task<Leaf, Combine>::value_type identity, const Args &...args) {
  return detail::distributed_reduce_impl(task, begin, end, std::move(identity), nullptr, args...);
}

/// The same with an explicit leaf size (the tree's granule).
///   double s = purecc::distributed_reduce(sum_terms, 0, n, 0.0, purecc::leaf_size{64}, 0.5);
template <auto Leaf, auto Combine, class... Args>
typename reduce_task<Leaf, Combine>::value_type
distributed_reduce(const reduce_task<Leaf, Combine> &task, std::int64_t begin, std::int64_t end,
                   typename reduce_task<Leaf, Combine>::value_type identity, leaf_size size,
                   const Args &...args) {
  return detail::distributed_reduce_impl(task, begin, end, std::move(identity), &size, args...);
}

/// {Fn(begin, args...), ..., Fn(end - 1, args...)}.
///   std::vector<long> sq = purecc::distributed_map(squares, 0, n);
template <auto Fn, class... Args>
std::vector<typename map_task<Fn>::value_type>
distributed_map(const map_task<Fn> &task, std::int64_t begin, std::int64_t end, const Args &...args) {
  return detail::distributed_map_impl(task, begin, end, nullptr, args...);
}

/// The same with an explicit leaf size.
///   auto v = purecc::distributed_map(squares, 0, n, purecc::leaf_size{1});
template <auto Fn, class... Args>
std::vector<typename map_task<Fn>::value_type>
distributed_map(const map_task<Fn> &task, std::int64_t begin, std::int64_t end, leaf_size size,
                const Args &...args) {
  return detail::distributed_map_impl(task, begin, end, &size, args...);
}

} // namespace purecc
