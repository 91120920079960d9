//===- StepReasons.h - why a loop body's update is no reduction step ------===//
//
// A loop over pure calls that no transformation took stays serial with a
// remark that names the true reason. When the body updates something
// outside it in a way that looks like an accumulation but is none of the
// recognized steps (BodyWalk.h), the reason names that update: a bit-field
// member, an element at a constant index outside its array, an element at a
// computed index (`h[bucket(i)]++`), a volatile variable or member, a
// complex product (`z *= w`, `z = z * w`) or difference from the term
// (`z = w - z`), a type whose `+=` is not known to be
// associative, a prepend (`s = piece(i) + s`),
// `std::min({m, a, b})`, an append to a container other than a string or
// vector, a selection under a negated comparison (`if (!(d <= m))`), or a
// selection inside a nested loop; failing all of these, a variable that
// is simply overwritten (`last = f(i)`).
//
//   if (std::string Why = unrecognizedStepReason(PC, L); !Why.empty()) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"

#include <string>

namespace purecc {

/// The reason L's body updates an outer variable in a way no reduction,
/// selection or concatenation recognizes; empty when it finds none.
std::string unrecognizedStepReason(PlanContext &PC, const LoopShape &L);

/// Why `x = ...` that computes x from its own value (Shown: " ('x = ...')"
/// or empty) is no fold: each iteration starts from what the one before
/// left, which no grouping of the terms reproduces.
std::string recurrenceReason(const std::string &QuotedName, const std::string &Shown);

/// The last resort when nothing else explains L: an outer variable the body
/// overwrites (`last = f(i)`), which is no fold at all; empty when none.
std::string overwrittenReason(PlanContext &PC, const LoopShape &L);

} // namespace purecc
