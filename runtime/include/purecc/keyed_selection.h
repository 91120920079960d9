// purecc/keyed_selection.h — std::min_element, max_element and
// minmax_element whose comparator compares one key of each argument.
//
// min_element_by_key(first, last, key, less) returns what
// std::min_element(first, last, comp) returns when comp(a, b) is
// less(key(a), key(b)) for every pair of elements. It computes
// key(first[i]) for every element in parallel (parallel_for: the key is
// the costly part), then runs std::min_element itself over the keys with
// `less`. The library's scan gets the same answer to every comparison at
// the same positions (the library's scan depends on nothing else: both
// ranges are random-access), so it returns the same position, whatever the
// comparison: a NaN key that compares false both ways, -0.0 equal to
// +0.0, ties kept first or last as the library keeps them, and
// minmax_element's pairwise steps. This is exact for any `less`, not only
// for a strict weak ordering, where a tree of partial scans is not.
//
// A range of fewer than two elements is answered as the library answers
// it, with no key computed (the library compares nothing there). `key` is
// called once per element, concurrently: it must be pure and must not
// throw (purecc checks both before it rewrites). The keys take one value
// per element of memory while the call runs.
//
// Example:
//   auto it = purecc::min_element_by_key(v.begin(), v.end(),
//       [](long a) -> double { return cost(a); },
//       [](double x, double y) { return x < y; });
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <source_location>
#include <type_traits>
#include <utility>

#include "purecc/parallel_for.h"

namespace purecc {
namespace detail {

/// What scan(keys, keys + m) answers, with each key position taken back to
/// the element it is the key of: keys[i] is key(first[i]), computed in
/// parallel. With fewer than two elements the library compares nothing, so
/// no key is computed (m = 0) and the scan's answer, its `keys`, is `first`.
template <class It, class Key, class Scan>
auto scan_keys(It first, It last, Key& key, Scan scan, const std::source_location& where) {
  using KeyValue = std::decay_t<std::invoke_result_t<Key&, std::iter_reference_t<It>>>;
  const auto n = static_cast<std::int64_t>(last - first);
  const std::int64_t m = n < 2 ? 0 : n;
  std::unique_ptr<KeyValue[]> keys(new KeyValue[static_cast<std::size_t>(m)]);
  if (m > 0)
    parallel_for(
        0, m,
        [&](std::int64_t i) {
          keys[i] = std::invoke(key, first[static_cast<std::iter_difference_t<It>>(i)]);
        },
        where);
  auto element = [&](KeyValue* at) { return first + (at - keys.get()); };
  auto found = scan(keys.get(), keys.get() + m);
  if constexpr (std::is_pointer_v<decltype(found)>)
    return element(found);
  else
    return std::pair<It, It>{element(found.first), element(found.second)};
}

}  // namespace detail

/// std::min_element(first, last, comp) for comp(a, b) == less(key(a), key(b)).
///   auto it = purecc::min_element_by_key(v.begin(), v.end(), cost, std::less<>());
template <std::random_access_iterator It, class Key, class Less>
It min_element_by_key(It first, It last, Key key, Less less,
                      const std::source_location& where = std::source_location::current()) {
  return detail::scan_keys(
      first, last, key, [&](auto b, auto e) { return std::min_element(b, e, less); }, where);
}

/// std::max_element(first, last, comp) for comp(a, b) == less(key(a), key(b)).
///   auto it = purecc::max_element_by_key(v.begin(), v.end(), cost, std::less<>());
template <std::random_access_iterator It, class Key, class Less>
It max_element_by_key(It first, It last, Key key, Less less,
                      const std::source_location& where = std::source_location::current()) {
  return detail::scan_keys(
      first, last, key, [&](auto b, auto e) { return std::max_element(b, e, less); }, where);
}

/// std::minmax_element(first, last, comp) for comp(a, b) == less(key(a), key(b)).
///   auto [lo, hi] = purecc::minmax_element_by_key(v.begin(), v.end(), cost, std::less<>());
template <std::random_access_iterator It, class Key, class Less>
std::pair<It, It> minmax_element_by_key(
    It first, It last, Key key, Less less,
    const std::source_location& where = std::source_location::current()) {
  return detail::scan_keys(
      first, last, key, [&](auto b, auto e) { return std::minmax_element(b, e, less); }, where);
}

}  // namespace purecc
