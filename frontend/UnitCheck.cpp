//===- UnitCheck.cpp - check one translation unit on behalf of a build ----===//
#include "UnitCheck.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Process.h"

using namespace clang;

namespace purecc {

void UnitDiagnostics::BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) {
  PureccOut.BeginSourceFile(LO, PP);
  if (&ClangErrorsOut != &PureccOut)
    ClangErrorsOut.BeginSourceFile(LO, PP);
}

void UnitDiagnostics::EndSourceFile() {
  PureccOut.EndSourceFile();
  if (&ClangErrorsOut != &PureccOut)
    ClangErrorsOut.EndSourceFile();
}

void UnitDiagnostics::finish() {
  PureccOut.finish();
  if (&ClangErrorsOut != &PureccOut)
    ClangErrorsOut.finish();
}

void UnitDiagnostics::HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  // purecc reports through custom diagnostic IDs (diagnostics/Diagnostics.h),
  // which Clang numbers after all of its own.
  bool FromPurecc = Info.getID() >= diag::DIAG_UPPER_LIMIT;
  if (Level != DiagnosticsEngine::Note) {
    if (FromPurecc)
      LastSink = Sink::Purecc;
    else if (Level >= DiagnosticsEngine::Error)
      LastSink = Sink::ClangError;
    else
      LastSink = Sink::Dropped;
  }
  switch (LastSink) {
  case Sink::Purecc:
    if (Level >= DiagnosticsEngine::Error)
      ++PureccErrors;
    else if (Level == DiagnosticsEngine::Warning)
      ++PureccWarnings;
    PureccOut.HandleDiagnostic(Level, Info);
    break;
  case Sink::ClangError:
    if (Level >= DiagnosticsEngine::Error)
      ++ClangErrors;
    ClangErrorsOut.HandleDiagnostic(Level, Info);
    break;
  case Sink::Dropped:
    break;
  }
}

UnitVerdict checkUnit(const std::vector<std::string> &CommandLine, const PipelineConfig &Config,
                      FileManager &Files, DiagnosticConsumer &PureccOut,
                      DiagnosticConsumer &ClangErrorsOut) {
  UnitVerdict V;
  UnitDiagnostics Diags(PureccOut, ClangErrorsOut);
  std::unique_ptr<tooling::ToolAction> Runner =
      makePipelineRunner(Config, V.Result, ErrorCountLine::Suppress);
  tooling::ToolInvocation Invocation(CommandLine, Runner.get(), &Files,
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Diags);
  llvm::CrashRecoveryContext CRC;
  V.Crashed = !CRC.RunSafely([&] { V.Completed = Invocation.run(); });
  V.PureccErrors = Diags.pureccErrors();
  V.PureccWarnings = Diags.pureccWarnings();
  V.ClangErrors = Diags.clangErrors();
  return V;
}

llvm::IntrusiveRefCntPtr<DiagnosticOptions> stderrDiagnosticOptions() {
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Opts(new DiagnosticOptions);
  Opts->ShowColors = llvm::sys::Process::StandardErrHasColors();
  return Opts;
}

} // namespace purecc
