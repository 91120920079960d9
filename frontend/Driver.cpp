//===- Driver.cpp - purecc's main entry point -----------------------------===//
#include "Driver.h"
#include "CommandLine.h"
#include "CommandNames.h"
#include "DiagnosticCollector.h"
#include "FixApplier.h"
#include "JsonDiagnostics.h"
#include "Launcher.h"
#include "Pipeline.h"
#include "ProjectCheck.h"
#include "SarifDiagnostics.h"

#include "analysis/Attributes.h"

#include "clang/Basic/Version.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include "purecc/cache_admin.h"

#include <iostream>
#include <memory>

using namespace clang;
using namespace clang::tooling;

namespace purecc {
namespace {

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "purecc") << Message << "\n";
  return ExitUsage;
}

/// Checks that every input exists and can be read, and makes it absolute.
bool validateInputs(std::vector<std::string> &Files) {
  for (std::string &F : Files) {
    if (llvm::sys::fs::is_directory(F)) {
      usageError("'" + F + "' is a directory, not a source file");
      return false;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(F);
    if (!Buffer) {
      usageError("cannot read '" + F + "': " + Buffer.getError().message());
      return false;
    }
    llvm::SmallString<256> Abs(F);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    F = std::string(Abs);
  }
  return true;
}

/// The compile flags: after `--`, from `-p <dir>`, or found next to the
/// sources, in that order; with none of them, Clang's defaults.
std::unique_ptr<CompilationDatabase> loadDatabase(const Options &O,
                                                  std::string &Error) {
  if (O.CompilerFlags)
    return std::make_unique<FixedCompilationDatabase>(".", *O.CompilerFlags);
  if (O.BuildDir) {
    auto DB = CompilationDatabase::loadFromDirectory(*O.BuildDir, Error);
    if (!DB)
      Error = "cannot load compile_commands.json from '" + *O.BuildDir + "'";
    return DB;
  }
  std::string Ignored;
  if (auto DB = CompilationDatabase::autoDetectFromSource(O.Files.front(), Ignored))
    return DB;
  return std::make_unique<FixedCompilationDatabase>(".", std::vector<std::string>{});
}

/// Makes a compile command fit for purecc's in-process Clang: Clang's own
/// builtin headers (the tool does not live next to them), no output files.
ArgumentsAdjuster pureccAdjuster(DiagnosticsFormat Format) {
  ArgumentsAdjuster A = getClangStripOutputAdjuster();
  A = combineAdjusters(A, getClangStripDependencyFileAdjuster());
  A = combineAdjusters(A, getClangSyntaxOnlyAdjuster());
  A = combineAdjusters(A, getInsertArgumentAdjuster(
                              "-resource-dir=" PURECC_CLANG_RESOURCE_DIR,
                              ArgumentInsertPosition::BEGIN));
  // `[] [[pure]] (int x) {...}` is where an attribute names a lambda's call
  // operator; purecc accepts it in C++20 too, without Clang's C++23 warning.
  A = combineAdjusters(A, getInsertArgumentAdjuster("-Wno-c++23-lambda-attributes",
                                                    ArgumentInsertPosition::END));
  // With a JSON or SARIF document on stdout, Clang's "N errors generated."
  // (printed only with carets on) would be noise on stderr.
  if (Format != DiagnosticsFormat::Text)
    A = combineAdjusters(A, getInsertArgumentAdjuster("-fno-caret-diagnostics",
                                                      ArgumentInsertPosition::END));
  return A;
}

/// One consumer for the whole run, so that JSON and SARIF are one document
/// and --fix sees every unit's fix-its.
std::unique_ptr<DiagnosticCollector> makeCollector(DiagnosticsFormat F) {
  switch (F) {
  case DiagnosticsFormat::Text: return std::make_unique<TextDiagnostics>();
  case DiagnosticsFormat::Json: return std::make_unique<JsonDiagnostics>(llvm::outs());
  case DiagnosticsFormat::Sarif: return std::make_unique<SarifDiagnostics>(llvm::outs());
  }
  return std::make_unique<TextDiagnostics>();
}

int runTool(Options &O) {
  if (!validateInputs(O.Files))
    return ExitUsage;
  std::string DBError;
  std::unique_ptr<CompilationDatabase> DB = loadDatabase(O, DBError);
  if (!DB)
    return usageError(DBError);

  PipelineConfig Config = pipelineConfig(O);
  PipelineResult Result;

  std::unique_ptr<DiagnosticCollector> Diags = makeCollector(O.Format);
  std::unique_ptr<ToolAction> Runner = makePipelineRunner(Config, Result, ErrorCountLine::Print);

  // One ClangTool per file: given several, it prints "[i/n] Processing file
  // x." before each compile command, and counts commands against files
  // ("[9/8]" for a file the database lists with several commands).
  // ClangTool::run answers 1 when some unit failed, 2 when some file has no
  // compile command; a failure wins.
  int Status = 0;
  auto RunAll = [&] {
    for (const std::string &File : O.Files) {
      ClangTool Tool(*DB, File);
      Tool.setPrintErrorMessage(false);
      Tool.setDiagnosticConsumer(Diags.get());
      Tool.appendArgumentsAdjuster(pureccAdjuster(O.Format));
      int FileStatus = Tool.run(Runner.get());
      if (FileStatus == 1 || Status == 0)
        Status = FileStatus;
    }
  };
  llvm::CrashRecoveryContext CRC;
  bool Survived = CRC.RunSafely(RunAll);
  if (!Survived) {
    llvm::WithColor::error(llvm::errs(), "purecc")
        << "internal error while processing the input; please report it\n";
    return ExitInternal;
  }
  Diags->endRun();
  if (Result.EmitFailed)
    return ExitUsage;
  if (Status == 2)
    return usageError("no compile command for some input files in '" +
                      O.BuildDir.value_or(".") + "'");
  if (O.Fix == ApplyFixes::On && applyFixIts(Diags->records()) == FixOutcome::Failed)
    return ExitUsage;
  // Files named with -p are part of a project check: the same closing line
  // as `check -p` (ProjectCheck.cpp). A check of files with flags after
  // `--` stays silent when clean, like a compiler.
  if (O.Cmd == Command::Check && O.BuildDir && O.Format == DiagnosticsFormat::Text) {
    auto Plural = [](unsigned N, const char *One, const char *Many) {
      return std::to_string(N) + " " + (N == 1 ? One : Many);
    };
    llvm::errs() << Plural(unsigned(O.Files.size()), "file", "files") << ", "
                 << Plural(Result.PureFunctions, "pure function", "pure functions")
                 << " verified, "
                 << Plural(unsigned(Diags->errorsInRun()), "violation", "violations");
    if (O.SuggestPure == Suggest::On)
      llvm::errs() << ", " << Plural(Result.Suggestions, "suggestion", "suggestions");
    llvm::errs() << "\n";
  }
  bool Errors = Status != 0 || Diags->errorsInRun() > 0;
  return Errors ? ExitViolations : ExitSuccess;
}

} // namespace

int runDriver(const char *Argv0, const std::vector<std::string> &Args) {
  (void)Argv0;
  // `purecc g++ -c a.cpp ...`: a compile to run through purecc.
  if (isCompilerCommand(Args))
    return runLauncher(Args);
  // `purecc cache stats|clear|prune`: the memo store's administration lives
  // in the runtime, next to the store it administers.
  if (!Args.empty() && Args[0] == "cache")
    return purecc::cache_command({Args.begin() + 1, Args.end()}, std::cout, std::cerr);
  registerAttributes();
  ParseResult Parsed = parseCommandLine(Args);
  if (!Parsed.Opts)
    return usageError(Parsed.Error);
  Options &O = *Parsed.Opts;
  switch (O.Cmd) {
  case Command::Help:
    llvm::outs() << helpText();
    return ExitSuccess;
  case Command::Version:
    llvm::outs() << "purecc version " PURECC_VERSION_STRING "\n"
                 << "built on " << clang::getClangFullVersion() << "\n";
    return ExitSuccess;
  case Command::Check:
  case Command::Rewrite:
    if (O.Cmd == Command::Check && O.Files.empty())
      return checkProject(O); // -p <dir> without files: the whole project
    return runTool(O);
  }
  return ExitInternal;
}

} // namespace purecc
