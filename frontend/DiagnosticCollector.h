//===- DiagnosticCollector.h - diagnostics kept for the whole run ---------===//
//
// One DiagnosticConsumer serves every translation unit of a run (the driver
// installs it with ClangTool::setDiagnosticConsumer). It turns each Clang
// diagnostic into a DiagnosticRecord right away -- file, line and column are
// resolved while that unit's SourceManager still exists -- so that after the
// run the records can be printed as one JSON or SARIF document, or their
// fix-its applied. Notes are attached to the diagnostic they explain.
//
// Subclasses decide how the run is presented (TextDiagnostics below,
// JsonDiagnostics.h, SarifDiagnostics.h):
//
//   purecc::JsonDiagnostics Diags;
//   Tool.setDiagnosticConsumer(&Diags);
//   Tool.run(&Factory);
//   Diags.endRun();                        // writes the JSON document
//   if (Diags.errorsInRun()) return 1;
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace purecc {

/// A point in a file. Line and Column are 1-based and count bytes, as in
/// Clang's text output; Utf16Column counts UTF-16 code units (what SARIF
/// consumers such as GitHub code scanning expect).
struct SourcePosition {
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Utf16Column = 0;
};

/// A range of characters in one file; End is one past the last character.
struct SourceSpan {
  std::string File; // absolute path
  SourcePosition Begin, End;
};

/// Identifies the exact text a fix-it was computed against, so that a file
/// edited since it was parsed is never patched at stale offsets.
struct FileFingerprint {
  uint64_t Size = 0;
  uint64_t Hash = 0;
  bool operator==(const FileFingerprint &) const = default;
};

/// One replacement of Length bytes at Offset by Replacement (an insertion
/// when Length is 0), in file coordinates (never inside a macro expansion).
struct FixIt {
  SourceSpan Span;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
  bool BeforePreviousInsertions = false;
  FileFingerprint Fingerprint;
};

/// Where a diagnostic's ID comes from.
enum class IdOrigin { None, Purecc, ClangFlag };

struct DiagnosticRecord {
  clang::DiagnosticsEngine::Level Level = clang::DiagnosticsEngine::Error;
  std::string Message;             // without purecc's bracketed ID
  std::string Id;                  // "purecc-global-write", "-Wunused-variable" or ""
  IdOrigin Origin = IdOrigin::None;
  std::optional<SourceSpan> Location; // Begin == End: a point
  std::vector<SourceSpan> Ranges;
  std::vector<FixIt> FixIts;
  std::vector<DiagnosticRecord> Notes;
};

/// "error", "warning", "remark", "note" (and "fatal").
llvm::StringRef levelName(clang::DiagnosticsEngine::Level L);

class DiagnosticCollector : public clang::DiagnosticConsumer {
public:
  void BeginSourceFile(const clang::LangOptions &LO,
                       const clang::Preprocessor *PP) override;
  void EndSourceFile() override;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

  /// Called once, after the last unit: JSON and SARIF write their document.
  /// (Clang calls DiagnosticConsumer::finish() after every unit.)
  virtual void endRun() {}

  /// Every diagnostic of the run, in the order reported, notes attached.
  const std::vector<DiagnosticRecord> &records() const { return Records; }
  /// Errors over the whole run (getNumErrors() counts one unit only).
  unsigned errorsInRun() const { return RunErrors; }

  /// Takes over the records of a unit checked in another process
  /// (ChildUnits.h), which presented them there: they join the run's
  /// records and errors, for the document endRun() writes and for --fix.
  void adopt(std::vector<DiagnosticRecord> Unit);

protected:
  /// Called for every diagnostic after it has been recorded.
  virtual void present(clang::DiagnosticsEngine::Level, const clang::Diagnostic &) {}

private:
  DiagnosticRecord makeRecord(clang::DiagnosticsEngine::Level Level,
                              const clang::Diagnostic &Info);
  FileFingerprint fingerprint(const clang::SourceManager &SM, clang::FileID FID);

  std::vector<DiagnosticRecord> Records;
  unsigned RunErrors = 0;
  clang::LangOptions DefaultLangOpts;
  const clang::LangOptions *LangOpts = &DefaultLangOpts;
  // Per unit: FileIDs are only meaningful within one SourceManager.
  llvm::DenseMap<clang::FileID, FileFingerprint> Fingerprints;
};

/// `--diagnostics-format=text`: Clang's own printer (carets, colour on a
/// terminal, `-fno-color-diagnostics` and friends honoured), built for each
/// unit from that unit's diagnostic options.
class TextDiagnostics : public DiagnosticCollector {
public:
  void BeginSourceFile(const clang::LangOptions &LO,
                       const clang::Preprocessor *PP) override;
  void EndSourceFile() override;

protected:
  void present(clang::DiagnosticsEngine::Level Level,
               const clang::Diagnostic &Info) override;

private:
  std::unique_ptr<clang::TextDiagnosticPrinter> Printer;
  bool InFile = false;
};

} // namespace purecc
