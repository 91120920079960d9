//===- NamedFilesCheck.cpp - purecc check over the files named -------------===//
#include "NamedFilesCheck.h"
#include "CheckSummary.h"
#include "ChildUnits.h"
#include "Driver.h"
#include "FixApplier.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace purecc {
namespace {

void writeSpan(WireWriter &W, const SourceSpan &S) {
  W.text(S.File);
  for (const SourcePosition &P : {S.Begin, S.End})
    for (unsigned N : {P.Line, P.Column, P.Utf16Column})
      W.number(N);
}

bool readSpan(WireReader &In, SourceSpan &S) {
  if (!In.text(S.File))
    return false;
  for (SourcePosition *P : {&S.Begin, &S.End})
    if (!In.number(P->Line) || !In.number(P->Column) || !In.number(P->Utf16Column))
      return false;
  return true;
}

void writeRecord(WireWriter &W, const DiagnosticRecord &R) {
  W.number(uint64_t(R.Level));
  W.text(R.Message);
  W.text(R.Id);
  W.number(uint64_t(R.Origin));
  W.number(R.Location.has_value());
  if (R.Location)
    writeSpan(W, *R.Location);
  W.number(R.Ranges.size());
  for (const SourceSpan &S : R.Ranges)
    writeSpan(W, S);
  W.number(R.FixIts.size());
  for (const FixIt &F : R.FixIts) {
    writeSpan(W, F.Span);
    W.number(F.Offset);
    W.number(F.Length);
    W.text(F.Replacement);
    W.number(F.BeforePreviousInsertions);
    W.number(F.Fingerprint.Size);
    W.number(F.Fingerprint.Hash);
  }
  W.number(R.Notes.size());
  for (const DiagnosticRecord &N : R.Notes)
    writeRecord(W, N);
}

bool readRecord(WireReader &In, DiagnosticRecord &R) {
  uint64_t Level, Origin, HasLocation, Count;
  if (!In.number(Level) || !In.text(R.Message) || !In.text(R.Id) || !In.number(Origin) ||
      !In.number(HasLocation))
    return false;
  R.Level = clang::DiagnosticsEngine::Level(Level);
  R.Origin = IdOrigin(Origin);
  if (HasLocation && !readSpan(In, R.Location.emplace()))
    return false;
  if (!In.number(Count))
    return false;
  for (uint64_t I = 0; I < Count; ++I)
    if (!readSpan(In, R.Ranges.emplace_back()))
      return false;
  if (!In.number(Count))
    return false;
  for (uint64_t I = 0; I < Count; ++I) {
    FixIt &F = R.FixIts.emplace_back();
    uint64_t Before;
    if (!readSpan(In, F.Span) || !In.number(F.Offset) || !In.number(F.Length) ||
        !In.text(F.Replacement) || !In.number(Before) || !In.number(F.Fingerprint.Size) ||
        !In.number(F.Fingerprint.Hash))
      return false;
    F.BeforePreviousInsertions = Before != 0;
  }
  if (!In.number(Count))
    return false;
  for (uint64_t I = 0; I < Count; ++I)
    if (!readRecord(In, R.Notes.emplace_back()))
      return false;
  return true;
}

std::string encodeOutcome(const FileOutcome &O) {
  WireWriter W;
  W.number(uint64_t(int64_t(O.Status)));
  W.number(O.Crashed);
  W.number(O.Result.PureFunctions);
  W.number(O.Result.Suggestions);
  W.number(O.Records.size());
  for (const DiagnosticRecord &R : O.Records)
    writeRecord(W, R);
  return W.take();
}

std::optional<FileOutcome> decodeOutcome(llvm::StringRef Bytes) {
  FileOutcome O;
  WireReader In(Bytes);
  uint64_t Status, Crashed, Count;
  if (!In.number(Status) || !In.number(Crashed) || !In.number(O.Result.PureFunctions) ||
      !In.number(O.Result.Suggestions) || !In.number(Count))
    return std::nullopt;
  O.Status = int(int64_t(Status));
  O.Crashed = Crashed != 0;
  for (uint64_t I = 0; I < Count; ++I)
    if (!readRecord(In, O.Records.emplace_back()))
      return std::nullopt;
  if (!In.done())
    return std::nullopt;
  return O;
}

} // namespace

int checkFiles(const Options &O, DiagnosticCollector &Run,
               llvm::function_ref<FileOutcome(const std::string &File)> CheckOne) {
  CheckSummary Summary;
  Summary.Files = unsigned(O.Files.size());
  bool Errors = false, Unlisted = false;
  auto Record = [&](size_t I, std::optional<std::string> Bytes) {
    std::optional<FileOutcome> Out = Bytes ? decodeOutcome(*Bytes) : std::nullopt;
    if (!Out || Out->Crashed) {
      llvm::WithColor::error(llvm::errs(), "purecc")
          << "internal error while checking '" << O.Files[I] << "'; please report it\n";
      ++Summary.Failed;
      return;
    }
    Summary.PureFunctions += Out->Result.PureFunctions;
    Summary.Suggestions += Out->Result.Suggestions;
    Unlisted |= Out->Status == 2;
    using Level = clang::DiagnosticsEngine::Level;
    unsigned PureccErrors = 0, ClangErrors = 0;
    for (const DiagnosticRecord &R : Out->Records) {
      bool Purecc = R.Origin == IdOrigin::Purecc;
      if (R.Level >= Level::Error)
        ++(Purecc ? PureccErrors : ClangErrors);
      Summary.Violations += Purecc && (O.Warn == WarnOnly::On ? R.Level == Level::Warning
                                                              : R.Level >= Level::Error);
    }
    // A failed run without an error of purecc's did not compile.
    Summary.Broken += ClangErrors > 0 || (Out->Status == 1 && PureccErrors == 0);
    Errors |= Out->Status != 0 || PureccErrors + ClangErrors > 0;
    Run.adopt(std::move(Out->Records));
  };
  // One at a time: each child prints its diagnostics itself, as it goes,
  // like a compiler given several files (no progress lines: the summary
  // line closes the run).
  auto Work = [&](size_t I) { return encodeOutcome(CheckOne(O.Files[I])); };
  runInChildren(O.Files.size(), 1, Work, Record);

  Run.endRun();
  bool FixFailed = false;
  if (O.Fix == ApplyFixes::On && !Unlisted)
    FixFailed = applyFixIts(Run.records()) == FixOutcome::Failed;
  // A usage error is its one line (the database lists no command at all:
  // a file it does not list borrows the command of the most similar one).
  if (O.Format == DiagnosticsFormat::Text && !(Unlisted && !Summary.Failed))
    Summary.print(llvm::errs(), O.SuggestPure);
  if (Summary.Failed)
    return ExitInternal;
  if (Unlisted) {
    llvm::WithColor::error(llvm::errs(), "purecc")
        << "no compile command for some input files in '" << O.BuildDir.value_or(".") << "'\n";
    return ExitUsage;
  }
  if (FixFailed)
    return ExitUsage;
  return Errors ? ExitViolations : ExitSuccess;
}

} // namespace purecc
