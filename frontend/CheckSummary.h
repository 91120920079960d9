//===- CheckSummary.h - the closing line of `purecc check` ----------------===//
//
// Every form of `purecc check` with text diagnostics (named files, with
// flags after `--` or from `-p <dir>`, or a whole project with `-p <dir>`,
// with or without --suggest and --fix) ends with one line on stderr, the
// same for all of them:
//
//   3 files, 4 pure functions verified, 1 violation, 2 suggestions, 1 file failed
//
// The suggestion count appears under --suggest; failed files (purecc's own
// internal errors), files with compile errors and skipped database entries
// only when there are some.
//
//   purecc::CheckSummary S;  S.Files = 3;  ...
//   S.print(llvm::errs(), O.SuggestPure);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/PurityChecker.h" // Suggest

#include "llvm/Support/raw_ostream.h"

namespace purecc {

struct CheckSummary {
  unsigned Files = 0;
  unsigned PureFunctions = 0; // declared [[pure]] and verified
  unsigned Violations = 0;    // purecc's errors (its warnings under --warn-only)
  unsigned Suggestions = 0;
  unsigned Failed = 0;        // units purecc itself failed on (exit status 3)
  unsigned Broken = 0;        // units with compile errors
  unsigned Skipped = 0;       // database entries that are not C++

  void print(llvm::raw_ostream &OS, Suggest Suggestions) const;
};

} // namespace purecc
