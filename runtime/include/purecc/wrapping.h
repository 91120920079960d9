// purecc/wrapping.h — the integer sum and product of two partial results,
// wrapping as the serial loop's steps may.
//
// A loop `int h; ... h += 3000000u;` adds in `unsigned` at every step and
// converts the sum back to `int`: modulo 2^32, well defined (C++20). A tree
// reduction combines its partial results afterwards, and `lhs + rhs` of
// two `int`s overflows where the serial steps wrapped: undefined behaviour
// the serial program does not have, which -fsanitize=signed-integer-overflow
// or -ftrapv turn into a trap (adv46 t14, t15). Two `unsigned short`
// partials promote to `int`, and 65535 * 65535 overflows it (adv46 t21).
// So partial results combine, and fold into the user's accumulator, in the
// unsigned type of their promoted type, and convert back: the same bits the
// serial steps leave whenever they are defined, since + and * commute with
// reduction modulo 2^N.
//
// Example (the combine of an `int` sum, and its merge after the loop):
//   [](int lhs, int rhs) { return purecc::wrapping_add(lhs, rhs); }
//   s = purecc::wrapping_add(s, purecc::parallel_reduce(...));
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <type_traits>
#include <utility>

namespace purecc {
namespace detail {
/// std::make_unsigned, which strict -std=c++20 libstdc++ does not give
/// `__int128` (adv47 t08, t09: an `__int128` sum did not compile).
template <class Int> struct unsigned_of {
  using type = std::make_unsigned_t<Int>;
};
#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;
template <> struct unsigned_of<int128> {
  using type = uint128;
};
template <> struct unsigned_of<uint128> {
  using type = uint128;
};
#endif
/// The unsigned type of Int's promoted type: `unsigned` for `short`,
/// `unsigned short` and `int`; `unsigned long` for `long`;
/// `unsigned __int128` for `__int128`.
template <class Int>
using wrapping_unsigned_t = typename unsigned_of<decltype(+std::declval<Int>())>::type;
} // namespace detail

/// lhs + rhs modulo 2^N, as an Int (an integer type other than bool).
template <class Int> constexpr Int wrapping_add(Int lhs, Int rhs) noexcept {
  using Unsigned = detail::wrapping_unsigned_t<Int>;
  return static_cast<Int>(static_cast<Unsigned>(static_cast<Unsigned>(lhs) +
                                                static_cast<Unsigned>(rhs)));
}

/// lhs * rhs modulo 2^N, as an Int (an integer type other than bool).
template <class Int> constexpr Int wrapping_mul(Int lhs, Int rhs) noexcept {
  using Unsigned = detail::wrapping_unsigned_t<Int>;
  return static_cast<Int>(static_cast<Unsigned>(static_cast<Unsigned>(lhs) *
                                                static_cast<Unsigned>(rhs)));
}

} // namespace purecc
