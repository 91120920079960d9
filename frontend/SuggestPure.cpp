//===- SuggestPure.cpp - `purecc check --suggest` -------------------------===//
#include "SuggestPure.h"

namespace purecc {

void reportSuggestions(const PurityFacts &Facts, Reporter &R) {
  for (const PureSuggestion &S : Facts.suggestions())
    // The remark points at the name, where a reader looks for the function;
    // the attribute goes before the whole declaration.
    R.report(S.FD->getLocation(), Diag::SuggestPure)
        << S.FD << clang::FixItHint::CreateInsertion(S.InsertLoc, "[[pure]] ");
}

} // namespace purecc
