//===- JsonDiagnostics.h - `--diagnostics-format=json` --------------------===//
//
// Collects the diagnostics of the whole run and, at the end, writes one JSON
// document to standard output, for editors and scripts:
//
//   {"tool": "purecc", "version": "0.1.0", "diagnostics": [
//     {"level": "error", "message": "...", "id": "purecc-global-write",
//      "file": "/src/a.cpp", "line": 3, "column": 5,
//      "ranges": [{"file": ..., "start": {"line": 3, "column": 5},
//                  "end": {"line": 3, "column": 9}}],
//      "fixits": [{"file": ..., "start": ..., "end": ..., "replacement": "..."}],
//      "notes": [ ...the same fields, without "notes"... ]}]}
//
// "id" is purecc's stable ID, a Clang warning flag ("-Wunused-variable"), or
// null for Clang's own errors. Columns count bytes, as in Clang's text
// output; range and fix-it ends are one past the last character.
//
//   purecc::JsonDiagnostics Diags(llvm::outs());
//   Tool.setDiagnosticConsumer(&Diags);  ...  Diags.endRun();
//
//===----------------------------------------------------------------------===//
#pragma once

#include "DiagnosticCollector.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace purecc {

/// The JSON form of one diagnostic (with its notes).
llvm::json::Value toJson(const DiagnosticRecord &R);

class JsonDiagnostics : public DiagnosticCollector {
public:
  explicit JsonDiagnostics(llvm::raw_ostream &OS) : OS(OS) {}
  /// Writes the document; called once, after every unit has been processed.
  void endRun() override;

private:
  llvm::raw_ostream &OS;
};

} // namespace purecc
