// purecc/append.h — moving one partial of a concatenation onto the end of
// another.
//
// A loop that appends to a std::vector (`v.push_back(e)`, `v.emplace_back(..)`)
// becomes a parallel reduction whose partials are vectors joined in order.
// The range insert `to.insert(to.end(), make_move_iterator(..), ..)` is the
// fast way to join them, but std::vector::insert requires the element type
// to be move-assignable: its middle-insert path is compiled even when the
// position is the end. push_back does not require it, so a serial loop
// appending elements with a reference or const member (`struct R { long &r; }`)
// compiled and its rewrite did not. Such elements are moved over one at a
// time, which needs only what push_back needs.
//
// Example (the combine of `for (..) v.push_back(f(i));`):
//   [](std::vector<T> l, std::vector<T> r) { purecc::append_moved(l, r); return l; }
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <iterator>
#include <type_traits>
#include <utility>

namespace purecc {

/// Moves the elements of `from` to the end of `to`, in order.
template <class Container> void append_moved(Container &to, Container &from) {
  if constexpr (std::is_move_assignable_v<typename Container::value_type>) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  } else {
    to.reserve(to.size() + from.size());
    for (auto &&e : from)
      to.push_back(std::move(e));
  }
}

} // namespace purecc
