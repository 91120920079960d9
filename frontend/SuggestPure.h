//===- SuggestPure.h - `purecc check --suggest` ---------------------------===//
//
// Turns the verify step's suggestions (unannotated main-file functions that
// would pass every purity rule) into remarks a user can act on, each with a
// fix-it that inserts the attribute, so `--suggest --fix` annotates them:
//
//   a.cpp:3:5: remark: function 'square' can be declared pure [purecc-suggest-pure]
//       3 | int square(int x) { return x * x; }
//         | ~~~ ^
//         | [[pure]]
//
//   purecc::reportSuggestions(Facts, R);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "diagnostics/Diagnostics.h"
#include "analysis/PurityChecker.h"

namespace purecc {

/// One purecc-suggest-pure remark per suggestion, in source order.
void reportSuggestions(const PurityFacts &Facts, Reporter &R);

} // namespace purecc
