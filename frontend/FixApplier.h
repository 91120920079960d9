//===- FixApplier.h - `purecc check --fix` --------------------------------===//
//
// Applies the fix-its of a run's diagnostics to the files they name, like
// clang's -fixit:
//   - fix-its of errors, warnings and remarks are applied; a note's fix-its
//     are alternatives for the user to choose from, and are not;
//   - if Clang reported a compile error that has no fix-it, the source may
//     not mean what the other fix-its assume: nothing is changed (purity
//     violations do not count: code that breaks a purity rule compiles);
//   - the same fix-it reported twice (a header seen by two units) is applied
//     once; one that overlaps an earlier one is skipped with a warning;
//   - a file that changed on disk since Clang read it is not touched.
// Every file is written atomically (emitFile: temporary file, then rename),
// and no file is written until every file's edits have been worked out.
//
//   purecc::FixOutcome Out = purecc::applyFixIts(Diags.records());
//   if (Out == purecc::FixOutcome::Failed) return 2;
//
//===----------------------------------------------------------------------===//
#pragma once

#include "DiagnosticCollector.h"

#include <vector>

namespace purecc {

enum class FixOutcome {
  Applied, // every applicable fix-it was applied (possibly none)
  Refused, // compile errors without fix-its: nothing was changed
  Failed,  // a file changed on disk or could not be written (reported)
};

/// Applies the fix-its; prints one line per changed file
/// ("purecc: fixed '<file>' (<n> fix-its)") and one per problem on stderr.
FixOutcome applyFixIts(const std::vector<DiagnosticRecord> &Records);

} // namespace purecc
