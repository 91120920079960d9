//===- UnitCheck.h - check one translation unit on behalf of a build ------===//
//
// When purecc checks a translation unit for a build (launcher mode, or
// `purecc check -p` over a whole project) the unit is compiled by another
// compiler, usually g++, with warnings of its own. purecc must then report
// its own findings, not Clang's opinion of the code: Clang's warnings and
// remarks are dropped, Clang's errors (with their notes) go to one sink and
// purecc's diagnostics (custom Clang diagnostics, with their notes) to
// another, each kind counted; Clang's "N errors generated" line is not
// printed either. Each call has its own Clang instance, so calls on
// different threads are independent.
//
//   clang::TextDiagnosticPrinter Out(llvm::errs(), purecc::stderrDiagnosticOptions().get());
//   purecc::UnitVerdict V = purecc::checkUnit(CommandLine, Config, *Files, Out, Out);
//   if (V.PureccErrors) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Pipeline.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"

#include <string>
#include <vector>

namespace purecc {

/// Splits and counts a unit's diagnostics (see the file comment).
class UnitDiagnostics : public clang::DiagnosticConsumer {
public:
  /// PureccOut and ClangErrorsOut may be the same consumer.
  UnitDiagnostics(clang::DiagnosticConsumer &PureccOut, clang::DiagnosticConsumer &ClangErrorsOut)
      : PureccOut(PureccOut), ClangErrorsOut(ClangErrorsOut) {}

  unsigned pureccErrors() const { return PureccErrors; }
  unsigned pureccWarnings() const { return PureccWarnings; }
  unsigned clangErrors() const { return ClangErrors; }

  void BeginSourceFile(const clang::LangOptions &LO, const clang::Preprocessor *PP) override;
  void EndSourceFile() override;
  void finish() override;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

private:
  enum class Sink { Purecc, ClangError, Dropped };

  clang::DiagnosticConsumer &PureccOut;
  clang::DiagnosticConsumer &ClangErrorsOut;
  Sink LastSink = Sink::Dropped; // where a note goes: after what it explains
  unsigned PureccErrors = 0, PureccWarnings = 0, ClangErrors = 0;
};

/// What running the pipeline over one unit found.
struct UnitVerdict {
  bool Crashed = false;      // purecc crashed (reported by the caller)
  bool Completed = false;    // the driver and the frontend action both ran
  unsigned PureccErrors = 0, PureccWarnings = 0, ClangErrors = 0;
  PipelineResult Result;
};

/// Runs the pipeline as Config says over the unit that CommandLine (a Clang
/// command line, see analysisCommandLine) compiles, looking files up
/// through Files.
UnitVerdict checkUnit(const std::vector<std::string> &CommandLine, const PipelineConfig &Config,
                      clang::FileManager &Files, clang::DiagnosticConsumer &PureccOut,
                      clang::DiagnosticConsumer &ClangErrorsOut);

/// Options for a TextDiagnosticPrinter whose text ends up on standard error:
/// coloured when standard error is a terminal that shows colours.
llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> stderrDiagnosticOptions();

} // namespace purecc
