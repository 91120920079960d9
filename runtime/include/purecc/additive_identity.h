// purecc/additive_identity.h — the neutral element of a floating-point sum
// in the current rounding mode.
//
// A tree reduction starts each leaf's private accumulator (and answers an
// empty range) with the identity of `+`, which must leave every term as it
// is, signed zeros included, or the sign of a zero sum changes with the
// tree. IEEE 754 (6.3) gives an exact zero sum of opposite-signed zeros the
// sign +0 in every rounding mode but roundTowardNegative, where it is -0:
//   round to nearest, up, toward zero:  +0 + -0 == +0, so -0 is neutral
//                                        (-0 + +0 == +0, -0 + -0 == -0);
//   round down (FE_DOWNWARD):            +0 + -0 == -0, so +0 is neutral
//                                        (+0 + -0 == -0, +0 + +0 == +0).
// A program that calls std::fesetround(FE_DOWNWARD) before a rewritten sum
// of +0.0 terms printed -0 with a fixed -0.0 start where its serial loop
// printed +0 (adv45 t02, t03). So the start is read from the mode the
// reduction runs under (the caller's: docs/runtime.md, "Floating-point
// environment"), once per leaf.
//
// Value is a floating-point type or a std::complex of one (each part is a sum
// of its own). Cost: one fegetround(), a read of the control register.
//
// Example (what a `double` sum's private accumulator becomes):
//   double acc = purecc::additive_identity<double>();   // -0.0, or +0.0 under FE_DOWNWARD
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <cfenv>
#include <type_traits>

// Not <complex>: it brings <cmath>, whose global 'y1' and 'j0' a user's
// program may name (test/codegen/runtime-include.cpp); a std::complex is
// told by its value_type.
namespace purecc {

/// The zero that `x + zero == x` holds for (bits included) in the current
/// rounding mode: -0.0, or +0.0 under FE_DOWNWARD; for a std::complex
/// that zero in both parts.
template <class Value> Value additive_identity() noexcept {
  if constexpr (requires { typename Value::value_type; }) {
    using Part = typename Value::value_type;
    return Value(additive_identity<Part>(), additive_identity<Part>());
  } else {
    static_assert(std::is_floating_point_v<Value>, "additive_identity: a floating-point type");
#if defined(FE_DOWNWARD)
    if (std::fegetround() == FE_DOWNWARD)
      return Value(0);
#endif
    return -Value(0);
  }
}

/// v itself, with its value hidden from the compiler's constant folding.
/// Unless -frounding-math, g++ and clang++ take the rounding mode to be
/// round-to-nearest and fold `s += r` with `s` known to be -0.0 into
/// `s = r`; under FE_DOWNWARD -0.0 + +0.0 is -0.0, not r. The serial loop
/// adds at run time, so the merge of a rewritten sum into the user's
/// accumulator must too (adv47 t34: serial -0, rewritten 0). Cost: v is
/// stored to memory and read back, once per merge.
///   purecc::unfolded(s) += purecc::parallel_reduce(...);
template <class Value> Value &unfolded(Value &v) noexcept {
  __asm__ volatile("" : "+m"(v));
  return v;
}

/// init + total, added at run time (see unfolded): the rewrite of
/// `std::accumulate(first, last, init)` and `std::reduce(first, last, init)`
/// over floating-point terms, whose init the compiler may know as -0.0
/// (`std::accumulate(b, e, -0.0)` under FE_DOWNWARD: serial -0, folded 0).
///   return purecc::unfolded_add<double>(-0.0, purecc::parallel_reduce(...));
template <class Value> Value unfolded_add(Value init, Value total) noexcept {
  unfolded(init) += total;
  return init;
}

} // namespace purecc
