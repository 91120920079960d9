// purecc/parallel_for.h — parallel map over an index range.
//
// parallel_for(begin, end, body) calls body(i) once for every i in
// [begin, end), in parallel when workers are idle, and returns when all
// calls are done. It walks the same split tree as parallel_reduce (see
// range_tree.h), so it nests, opens the OpenMP team when called from
// serial code, costs almost nothing when every core is busy, and draws a
// progress bar for long maps (see progress.h). Each leaf runs its indices
// in increasing order. If body throws, the exception of the leftmost
// throwing index is rethrown once no body call is running any more
// (indices to its right may or may not have been visited).
//
// Example:
//   std::vector<double> out(n);
//   purecc::parallel_for(0, n, [&](std::int64_t i) { out[i] = f(in[i]); });
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <concepts>
#include <cstdint>
#include <source_location>

#include "purecc/invoke.h"
#include "purecc/reduce.h"

namespace purecc {
namespace detail {

template <class Body>
void for_range(std::int64_t begin, std::int64_t end, Body& body, const leaf_size* chosen,
               const std::source_location& where) {
  auto leaf = [&body](std::int64_t i) {
    body(i);
    return unit{};
  };
  auto combine = [](unit, unit) { return unit{}; };
  (void)reduce_range<unit>(begin, end, unit{}, leaf, combine, chosen, where);
}

}  // namespace detail

/// Calls body(i) for every i in [begin, end); see the file comment.
///   purecc::parallel_for(0, 3, [&](std::int64_t i) { v[i] = i * i; });
template <class Body>
  requires std::invocable<Body&, std::int64_t>
void parallel_for(std::int64_t begin, std::int64_t end, Body&& body,
                  const std::source_location& where = std::source_location::current()) {
  detail::for_range(begin, end, body, nullptr, where);
}

/// The same with an explicit number of indices per leaf (task granule).
///   purecc::parallel_for(0, n, body, purecc::leaf_size{1});  // costly items
template <class Body>
  requires std::invocable<Body&, std::int64_t>
void parallel_for(std::int64_t begin, std::int64_t end, Body&& body, leaf_size size,
                  const std::source_location& where = std::source_location::current()) {
  detail::for_range(begin, end, body, &size, where);
}

}  // namespace purecc
