//===- ProjectCheck.cpp - purecc check over a whole compile database ------===//
#include "ProjectCheck.h"
#include "CompilerCommand.h"
#include "Driver.h"
#include "Pipeline.h"
#include "UnitCheck.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace llvm;
using namespace clang::tooling;

namespace purecc {
namespace {

/// One translation unit to check: where its command runs, the file to name
/// in the progress line, and the analysis command line.
struct Unit {
  std::string Directory;
  std::string File;
  std::vector<std::string> CommandLine;
};

/// What checking one unit found; Text is its diagnostics, printed whole.
struct UnitReport {
  std::string Text;
  unsigned PureFunctions = 0;
  unsigned Violations = 0;
  unsigned Suggestions = 0;
  bool CompileErrors = false;
  bool Crashed = false;
  std::vector<PureContract> Contracts;
  std::vector<std::string> CheckedDefinitions;
};

/// The command's C++ source: its only input, or the one the entry names.
const CommandInput *unitInput(const CompilerCommand &C, const CompileCommand &Entry) {
  const CommandInput *Found = nullptr;
  for (const CommandInput &In : C.Inputs) {
    if (In.Lang != SourceLanguage::Cxx)
      continue;
    SmallString<256> Abs(In.Path);
    sys::fs::make_absolute(Entry.Directory, Abs);
    SmallString<256> Named(Entry.Filename);
    sys::fs::make_absolute(Entry.Directory, Named);
    if (C.Inputs.size() == 1 || sys::path::remove_leading_dotslash(Abs) ==
                                    sys::path::remove_leading_dotslash(Named))
      Found = &In;
  }
  return Found;
}

/// The C++ units of the database, each once; Skipped counts the others.
std::vector<Unit> collectUnits(const CompilationDatabase &DB, unsigned &Skipped) {
  std::vector<Unit> Units;
  StringSet<> Seen;
  Skipped = 0;
  for (const CompileCommand &Entry : DB.getAllCompileCommands()) {
    ArrayRef<std::string> Argv = Entry.CommandLine;
    // A launcher or cache in front of the compiler is not the compiler.
    while (Argv.size() > 1 &&
           (isWrapperName(Argv[0]) || sys::path::filename(Argv[0]) == "purecc"))
      Argv = Argv.drop_front();
    std::string Error;
    std::optional<CompilerCommand> C = parseCompilerCommand(Argv, Error);
    const CommandInput *In = C && C->Mode != CompileMode::Preprocess ? unitInput(*C, Entry) : nullptr;
    if (!In) {
      ++Skipped;
      continue;
    }
    Unit U{Entry.Directory, Entry.Filename, analysisCommandLine(*C, *In)};
    std::string Key = U.Directory;
    for (const std::string &A : U.CommandLine)
      Key += '\0' + A;
    if (Seen.insert(Key).second)
      Units.push_back(std::move(U));
  }
  return Units;
}

UnitReport checkOneUnit(const Unit &U, const PipelineConfig &Config, WarnOnly Warn) {
  UnitReport Report;
  raw_string_ostream OS(Report.Text);
  auto Opts = stderrDiagnosticOptions();
  clang::TextDiagnosticPrinter Printer(OS, Opts.get());

  // A file system of the unit's own: relative paths in its command resolve
  // against its directory without touching the process's working directory,
  // which the other threads share.
  IntrusiveRefCntPtr<vfs::FileSystem> FS(vfs::createPhysicalFileSystem().release());
  if (std::error_code EC = FS->setCurrentWorkingDirectory(U.Directory)) {
    Report.Text = "error: cannot enter directory '" + U.Directory + "' of '" + U.File +
                  "': " + EC.message() + "\n";
    Report.CompileErrors = true;
    return Report;
  }
  IntrusiveRefCntPtr<clang::FileManager> Files(
      new clang::FileManager(clang::FileSystemOptions(), FS));
  UnitVerdict V = checkUnit(U.CommandLine, Config, *Files, Printer, Printer);
  Report.Crashed = V.Crashed;
  Report.PureFunctions = V.Result.PureFunctions;
  Report.Suggestions = V.Result.Suggestions;
  Report.Contracts = std::move(V.Result.Contracts);
  Report.CheckedDefinitions = std::move(V.Result.CheckedDefinitions);
  Report.Violations = Warn == WarnOnly::On ? V.PureccWarnings : V.PureccErrors;
  Report.CompileErrors = !V.Crashed && (V.ClangErrors > 0 || (!V.Completed && !V.PureccErrors));
  return Report;
}

std::string plural(unsigned N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

} // namespace

int checkProject(const Options &O) {
  auto Fail = [](const Twine &Message) {
    WithColor::error(errs(), "purecc") << Message << "\n";
    return ExitUsage;
  };
  // These print or change per-file state that a parallel run over a whole
  // project cannot keep apart; they need named input files.
  if (!O.DumpAfter.empty())
    return Fail("'--dump-after' needs input files; it cannot be used for a whole project");
  if (O.Fix == ApplyFixes::On)
    return Fail("'--fix' needs input files; it cannot be used for a whole project");
  if (O.Format != DiagnosticsFormat::Text)
    return Fail("'--diagnostics-format' needs input files; a whole project is checked as text");
  if (O.CompilerFlags)
    return Fail("compiler flags after '--' need input files; a whole project uses the flags "
                "in its compile_commands.json");

  SmallString<256> Json(*O.BuildDir);
  sys::path::append(Json, "compile_commands.json");
  std::string Error;
  std::unique_ptr<CompilationDatabase> DB =
      JSONCompilationDatabase::loadFromFile(Json, Error, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return Fail("cannot load '" + Json + "': " + Error);
  unsigned Skipped = 0;
  std::vector<Unit> Units = collectUnits(*DB, Skipped);
  if (Units.empty())
    return Fail("'" + Json + "' lists no C++ translation units");

  // `--remarks` plans every unit's rewrite (writing nothing) and prints its
  // remarks with the unit's other diagnostics.
  const PipelineConfig Config = pipelineConfig(O);

  // Crashes in one unit are reported and the others still run.
  CrashRecoveryContext::Enable();
  const bool Progress = sys::Process::StandardErrIsDisplayed();
  std::mutex OutputLock;
  std::atomic<size_t> Next{0};
  size_t Done = 0;
  unsigned PureFunctions = 0, Violations = 0, Suggestions = 0, BrokenFiles = 0, Crashes = 0;
  // Across units: a [[pure]] declaration a unit called without defining it
  // is trusted there; some unit must define and verify it.
  std::map<std::string, PureContract> Contracts;
  std::set<std::string> Checked;

  auto Worker = [&] {
    for (size_t I = Next++; I < Units.size(); I = Next++) {
      UnitReport R = checkOneUnit(Units[I], Config, O.Warn);
      std::lock_guard<std::mutex> Lock(OutputLock);
      if (Progress)
        errs() << "\r\033[K";
      errs() << R.Text;
      if (R.Crashed)
        WithColor::error(errs(), "purecc") << "internal error while checking '" << Units[I].File
                                           << "'; please report it\n";
      ++Done;
      PureFunctions += R.PureFunctions;
      Violations += R.Violations;
      Suggestions += R.Suggestions;
      BrokenFiles += R.CompileErrors;
      Crashes += R.Crashed;
      for (PureContract &C : R.Contracts)
        Contracts.emplace(C.LinkName, std::move(C)); // the first unit's location
      Checked.insert(R.CheckedDefinitions.begin(), R.CheckedDefinitions.end());
      if (Progress)
        errs() << "[" << Done << "/" << Units.size() << "] " << Units[I].File;
      errs().flush();
    }
  };
  unsigned Threads = std::max(1u, std::thread::hardware_concurrency());
  Threads = std::min<size_t>(Threads, Units.size());
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();

  if (Progress)
    errs() << "\r\033[K";
  for (const auto &[LinkName, C] : Contracts) {
    if (Checked.contains(LinkName))
      continue;
    errs() << C.Where << ": ";
    if (O.Warn == WarnOnly::On)
      WithColor::warning(errs(), "", /*DisableColors=*/true);
    else
      WithColor::error(errs(), "", /*DisableColors=*/true);
    errs() << "'" << C.Name << "' is declared pure and called, but no translation unit of the "
           << "project defines it: its purity was never checked "
           << "[purecc-unchecked-pure-declaration]\n";
    ++Violations;
  }
  errs() << plural(Units.size(), "file", "files") << ", "
         << plural(PureFunctions, "pure function", "pure functions") << " verified, "
         << plural(Violations, "violation", "violations");
  if (O.SuggestPure == Suggest::On)
    errs() << ", " << plural(Suggestions, "suggestion", "suggestions");
  if (Crashes)
    errs() << ", " << plural(Crashes, "file", "files") << " failed";
  if (BrokenFiles)
    errs() << ", " << plural(BrokenFiles, "file", "files") << " with compile errors";
  if (Skipped)
    errs() << " (" << plural(Skipped, "entry", "entries") << " not C++, skipped)";
  errs() << "\n";

  if (Crashes)
    return ExitInternal;
  if (BrokenFiles || (Violations && O.Warn == WarnOnly::Off))
    return ExitViolations;
  return ExitSuccess;
}

} // namespace purecc
