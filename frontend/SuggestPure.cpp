//===- SuggestPure.cpp - `purecc check --suggest` -------------------------===//
#include "SuggestPure.h"

#include "llvm/ADT/StringMap.h"

namespace purecc {

void reportSuggestions(const PurityFacts &Facts, Reporter &R) {
  if (Facts.suggestions().empty())
    return;
  // A short name shared by two different functions of the unit ('size' of
  // two classes) is ambiguous: those are named in full, as clang does.
  llvm::StringMap<std::string> FirstQualified;
  llvm::StringMap<bool> Ambiguous;
  auto Note = [&](const clang::FunctionDecl *FD) {
    if (!FD->getIdentifier())
      return;
    std::string Q = FD->getQualifiedNameAsString();
    auto [It, New] = FirstQualified.try_emplace(FD->getName(), Q);
    if (!New && It->second != Q)
      Ambiguous[FD->getName()] = true;
  };
  for (const PureSuggestion &S : Facts.suggestions())
    Note(S.FD);
  for (const clang::FunctionDecl *FD : Facts.declaredPure())
    Note(FD);
  for (const PureSuggestion &S : Facts.suggestions()) {
    std::string Name = S.FD->getIdentifier() && Ambiguous.count(S.FD->getName())
                           ? S.FD->getQualifiedNameAsString()
                           : S.FD->getNameAsString();
    // The remark points at the name, where a reader looks for the function;
    // the attribute goes before the whole declaration.
    R.report(S.FD->getLocation(), Diag::SuggestPure)
        << ("'" + Name + "'") << clang::FixItHint::CreateInsertion(S.InsertLoc, "[[pure]] ");
  }
}

} // namespace purecc
