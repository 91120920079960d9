//===- Driver.cpp - purecc's main entry point -----------------------------===//
#include "Driver.h"
#include "CommandLine.h"
#include "CommandNames.h"
#include "DiagnosticCollector.h"
#include "JsonDiagnostics.h"
#include "Launcher.h"
#include "NamedFilesCheck.h"
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
  // Every violation is reported (and `--fix` sees every fix-it): Clang's
  // limit of 20 errors is meant for compile errors (adv77 F13). A limit the
  // command line sets comes later and wins.
  A = combineAdjusters(A, getInsertArgumentAdjuster("-ferror-limit=0",
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

/// Parses a header named on the command line as C++: Clang's driver takes
/// `.h` for a C header (and `.inl`, `.tpp`, `.ipp` for linker input), so
/// `purecc check sq.h -- -std=c++17` said "invalid argument '-std=c++17'
/// not allowed with 'C'" (adv111 F3); `clang++` treats `.h` as C++ too. A
/// `-x` the command gives wins.
ArgumentsAdjuster headerLanguageAdjuster() {
  return [](const CommandLineArguments &Args, StringRef File) {
    StringRef Ext = llvm::sys::path::extension(File);
    if (!llvm::is_contained({".h", ".inl", ".tpp", ".ipp", ".tcc"}, Ext))
      return Args;
    for (const std::string &A : Args)
      if (StringRef(A).starts_with("-x") || StringRef(A).starts_with("--language"))
        return Args;
    CommandLineArguments Out = Args;
    Out.insert(Out.begin() + (Out.empty() ? 0 : 1), {"-x", "c++-header"});
    return Out;
  };
}

/// Names the input in the compile command as the user wrote it on purecc's
/// command line. ClangTool opens every source by its absolute path, and the
/// rewrite's `#line` directives name the file as Clang opened it, so
/// `__FILE__` (and with it every `assert` message) of the rewritten program
/// changed from "src/a.cpp" to "/home/.../src/a.cpp": not the serial
/// program's output. With flags after `--` the command runs in the current
/// directory, where the spelled (relative) name opens the same file.
ArgumentsAdjuster spelledInputAdjuster(std::string Absolute, std::string Spelled) {
  return [Absolute = std::move(Absolute), Spelled = std::move(Spelled)](
             const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out = Args;
    for (std::string &A : Out)
      if (A == Absolute)
        A = Spelled;
    return Out;
  };
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

/// Runs the pipeline over Files in this process; Diags gets their
/// diagnostics.
FileOutcome runPipeline(const Options &O, const CompilationDatabase &DB,
                        const std::vector<std::string> &Files, DiagnosticCollector &Diags,
                        ArgumentsAdjuster Extra = nullptr) {
  FileOutcome Out;
  PipelineConfig Config = pipelineConfig(O);
  ClangTool Tool(DB, Files);
  Tool.setPrintErrorMessage(false);
  Tool.setDiagnosticConsumer(&Diags);
  Tool.appendArgumentsAdjuster(pureccAdjuster(O.Format));
  Tool.appendArgumentsAdjuster(headerLanguageAdjuster());
  if (Extra)
    Tool.appendArgumentsAdjuster(std::move(Extra));
  std::unique_ptr<ToolAction> Runner =
      makePipelineRunner(Config, Out.Result, ErrorCountLine::Print);
  llvm::CrashRecoveryContext CRC;
  Out.Crashed = !CRC.RunSafely([&] { Out.Status = Tool.run(Runner.get()); });
  return Out;
}

int runTool(Options &O) {
  const std::vector<std::string> Spelled = O.Files;
  if (!validateInputs(O.Files))
    return ExitUsage;
  std::string DBError;
  std::unique_ptr<CompilationDatabase> DB = loadDatabase(O, DBError);
  if (!DB)
    return usageError(DBError);
  std::unique_ptr<DiagnosticCollector> Diags = makeCollector(O.Format);

  // Checks: each file in a process of its own (NamedFilesCheck.h).
  if (O.Cmd == Command::Check)
    return checkFiles(O, *Diags, [&](const std::string &File) {
      std::unique_ptr<DiagnosticCollector> Unit = makeCollector(O.Format);
      FileOutcome Out = runPipeline(O, *DB, {File}, *Unit);
      Out.Records = Unit->records();
      return Out;
    });

  // A rewrite has one input.
  ArgumentsAdjuster AsSpelled;
  if (O.CompilerFlags && Spelled.size() == 1 && !llvm::sys::path::is_absolute(Spelled[0]))
    AsSpelled = spelledInputAdjuster(O.Files[0], Spelled[0]);
  FileOutcome Out = runPipeline(O, *DB, O.Files, *Diags, std::move(AsSpelled));
  if (Out.Crashed) {
    llvm::WithColor::error(llvm::errs(), "purecc")
        << "internal error while processing the input; please report it\n";
    return ExitInternal;
  }
  Diags->endRun();
  if (Out.Result.EmitFailed)
    return ExitUsage;
  if (Out.Status == 2)
    return usageError("no compile command for some input files in '" +
                      O.BuildDir.value_or(".") + "'");
  bool Errors = Out.Status != 0 || Diags->errorsInRun() > 0;
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
