//===- UnrecognizedLoops.h - why no transformation took a loop -----------===//
//
// A loop over pure calls that every transformation passed over (none
// returned Rewritten or Refused) still gets a remark that names the true
// reason: a recurrence (`h = h * 0.5 + f(i)`, `b /= e`), a maximum compared
// in another type than it is stored in or through a written cast, an update
// StepReasons.h explains, stores through a reference to an element
// (`auto &row = out[r]; row[c] = ...`), or, failing all of these,
// kNeitherReason. storesByIndexOnly tells the planner which remark kind a
// loop refused by its header gets (a map's, not a reduction's).
//
//   WhyNot = unrecognizedReason(PC, L);
//   if (WhyNot != kNeitherReason) Missed = Diag::RemarkMissedReduction;
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"

#include <string>

namespace purecc {

/// The remark's reason when a loop's body neither accumulates nor stores.
inline constexpr const char *kNeitherReason =
    "the loop body neither accumulates into a variable nor stores into elements by index";

/// Why no transformation recognized L (kNeitherReason when nothing
/// more specific is found).
std::string unrecognizedReason(PlanContext &PC, const LoopShape &L);

/// The last reason, when the planner found nothing more specific: a
/// variable from outside the body written in a form no transformation
/// takes (`work(i) > 880 ? ++c : c;`, `(void)(f(i) && ++e);`, a lambda
/// the body calls that adds into it, `std::back_inserter(x)`), or a data
/// member written through `this` (`best = d` in a member function), named
/// rather than said to be written nowhere (adv66 F5); empty when there is
/// none.
std::string unrecognizedWriteReason(PlanContext &PC, const LoopShape &L);

/// Whether Body's steps store into elements by index (`out[i] = f(i)`)
/// and accumulate into nothing (`s += ...`, `++n`, `m = std::max(m, ...)`
/// are steps of a reduction).
bool storesByIndexOnly(const clang::Stmt *Body);

} // namespace purecc
