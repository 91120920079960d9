//===- CheckSummary.cpp - the closing line of `purecc check` --------------===//
#include "CheckSummary.h"

#include <string>

namespace purecc {
namespace {

std::string plural(unsigned N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

} // namespace

void CheckSummary::print(llvm::raw_ostream &OS, Suggest WithSuggestions) const {
  OS << plural(Files, "file", "files") << ", "
     << plural(PureFunctions, "pure function", "pure functions") << " verified, "
     << plural(Violations, "violation", "violations");
  if (WithSuggestions == Suggest::On)
    OS << ", " << plural(Suggestions, "suggestion", "suggestions");
  if (Failed)
    OS << ", " << plural(Failed, "file", "files") << " failed";
  if (Broken)
    OS << ", " << plural(Broken, "file", "files") << " with compile errors";
  if (Skipped)
    OS << " (" << plural(Skipped, "entry", "entries") << " not C++, skipped)";
  OS << "\n";
}

} // namespace purecc
