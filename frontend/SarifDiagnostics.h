//===- SarifDiagnostics.h - `--diagnostics-format=sarif` ------------------===//
//
// Collects the diagnostics of the whole run and writes one SARIF 2.1.0 log to
// standard output, in the shape GitHub code scanning reads
// (`github/codeql-action/upload-sarif`):
//
//   runs[0].tool.driver   name "purecc", version, rules[]: every purecc ID
//                         of Diagnostics.def, then each Clang flag that fired
//   runs[0].results[]     ruleId, ruleIndex, level (error, warning, note),
//                         message.text, locations[].physicalLocation,
//                         relatedLocations (the notes), fixes (the fix-its)
//
// Files under the current directory are written relative to it, with
// uriBaseId "%SRCROOT%" (so code scanning can match them to the checkout);
// others as absolute file:// URIs. Columns count UTF-16 code units, the
// SARIF default.
//
//   purecc::SarifDiagnostics Diags(llvm::outs());
//   Tool.setDiagnosticConsumer(&Diags);  ...  Diags.endRun();
//
//===----------------------------------------------------------------------===//
#pragma once

#include "DiagnosticCollector.h"

#include "llvm/Support/raw_ostream.h"

namespace purecc {

class SarifDiagnostics : public DiagnosticCollector {
public:
  explicit SarifDiagnostics(llvm::raw_ostream &OS) : OS(OS) {}
  /// Writes the log; called once, after every unit has been processed.
  void endRun() override;

private:
  llvm::raw_ostream &OS;
};

/// A diagnostic message format from Diagnostics.def made readable as a rule
/// description: "%0 attribute takes no arguments" -> "'…' attribute takes no
/// arguments", "%select{a|b}1" -> "{a|b}".
std::string describeFormat(llvm::StringRef Format);

} // namespace purecc
