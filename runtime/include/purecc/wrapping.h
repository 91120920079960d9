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
/// std::is_integral, which strict -std=c++20 libstdc++ does not give
/// `__int128` either (adv48 t25: `p = p * e` with an `__int128` e skipped
/// the wrapping operator and overflowed).
template <class Int> inline constexpr bool is_integer = std::is_integral_v<Int>;
#ifdef __SIZEOF_INT128__
template <> inline constexpr bool is_integer<int128> = true;
template <> inline constexpr bool is_integer<uint128> = true;
#endif
/// The unsigned type of Int's promoted type: `unsigned` for `short`,
/// `unsigned short` and `int`; `unsigned long` for `long`;
/// `unsigned __int128` for `__int128`.
template <class Int>
using wrapping_unsigned_t = typename unsigned_of<decltype(+std::declval<Int>())>::type;
} // namespace detail

/// The unsigned type of Int's promoted type, in which wrapping<Int> keeps
/// its bits.
///   static_assert(std::is_same_v<purecc::wrapping_unsigned_t<short>, unsigned>);
template <class Int> using wrapping_unsigned_t = detail::wrapping_unsigned_t<Int>;

/// A leaf's private partial of an Int sum or product: the user's own steps
/// (`p += e`, `p -= e`, `p *= e`, `++p`, `p = p + e`, `p = e * p`) applied to
/// a partial that starts from the identity wrap modulo 2^N where in Int
/// they would overflow (adv47 t38, t55, t58: `int h = 0; h *= 3;` never
/// leaves 0 serially, a partial that starts from 1 does). The bits are
/// those of the serial steps modulo 2^N, whatever integer type e has (a
/// wider e is reduced first: + and * commute with that). Written as a
/// class, not as the unsigned type itself, so that the user's steps need
/// no conversion a -Wsign-conversion build would reject.
///   purecc::wrapping<int> partial = 1;
///   partial *= 3;            // in unsigned: no overflow
///   int result = partial;    // the bits, as an int
template <class Int> class wrapping {
  using Bits = detail::wrapping_unsigned_t<Int>;
  Bits bits_;

  template <class Term> static constexpr Bits bits_of(Term x) noexcept {
    if constexpr (std::is_same_v<Term, wrapping>)
      return x.bits_;
    else
      return static_cast<Bits>(x);
  }
  template <class Term>
  static constexpr bool is_operand = detail::is_integer<Term> || std::is_enum_v<Term> ||
                                  std::is_same_v<Term, wrapping>;

public:
  constexpr wrapping(Int value = Int{}) noexcept : bits_(static_cast<Bits>(value)) {}
  constexpr operator Int() const noexcept { return static_cast<Int>(bits_); }

  template <class Term> requires is_operand<Term>
  constexpr wrapping &operator+=(Term x) noexcept {
    bits_ = static_cast<Bits>(bits_ + bits_of(x));
    return *this;
  }
  template <class Term> requires is_operand<Term>
  constexpr wrapping &operator-=(Term x) noexcept {
    bits_ = static_cast<Bits>(bits_ - bits_of(x));
    return *this;
  }
  template <class Term> requires is_operand<Term>
  constexpr wrapping &operator*=(Term x) noexcept {
    bits_ = static_cast<Bits>(bits_ * bits_of(x));
    return *this;
  }
  // A class convertible to Int (one conversion, as the serial step makes).
  constexpr wrapping &operator+=(Int x) noexcept { return *this += wrapping(x); }
  constexpr wrapping &operator-=(Int x) noexcept { return *this -= wrapping(x); }
  constexpr wrapping &operator*=(Int x) noexcept { return *this *= wrapping(x); }
  constexpr wrapping &operator++() noexcept { return *this += 1; }
  constexpr wrapping &operator--() noexcept { return *this -= 1; }
  constexpr wrapping operator++(int) noexcept {
    wrapping before = *this;
    ++*this;
    return before;
  }
  constexpr wrapping operator--(int) noexcept {
    wrapping before = *this;
    --*this;
    return before;
  }

  template <class Term> requires is_operand<Term>
  friend constexpr wrapping operator+(wrapping a, Term x) noexcept { return a += x; }
  template <class Term> requires(is_operand<Term> && !std::is_same_v<Term, wrapping>)
  friend constexpr wrapping operator+(Term x, wrapping a) noexcept { return a += x; }
  template <class Term> requires is_operand<Term>
  friend constexpr wrapping operator-(wrapping a, Term x) noexcept { return a -= x; }
  template <class Term> requires is_operand<Term>
  friend constexpr wrapping operator*(wrapping a, Term x) noexcept { return a *= x; }
  template <class Term> requires(is_operand<Term> && !std::is_same_v<Term, wrapping>)
  friend constexpr wrapping operator*(Term x, wrapping a) noexcept { return a *= x; }
};

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
