//===- ProjectCheck.cpp - purecc check over a whole compile database ------===//
#include "ProjectCheck.h"
#include "CheckSummary.h"
#include "ChildUnits.h"
#include "CompilerCommand.h"
#include "CrashGuard.h"
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
#include <map>
#include <optional>
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
  // against its directory without touching the process's working directory
  // (a unit checked in process, when no child can be started, shares it).
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

/// A unit's report crosses from the child that checked it to the parent.
std::string encodeReport(const UnitReport &R) {
  WireWriter W;
  W.text(R.Text);
  for (uint64_t N : {uint64_t(R.PureFunctions), uint64_t(R.Violations), uint64_t(R.Suggestions),
                     uint64_t(R.CompileErrors), uint64_t(R.Crashed), uint64_t(R.Contracts.size())})
    W.number(N);
  for (const PureContract &C : R.Contracts) {
    W.text(C.LinkName);
    W.text(C.Name);
    W.text(C.Where);
  }
  W.number(R.CheckedDefinitions.size());
  for (const std::string &D : R.CheckedDefinitions)
    W.text(D);
  return W.take();
}

std::optional<UnitReport> decodeReport(StringRef Bytes) {
  UnitReport R;
  WireReader In(Bytes);
  uint64_t Pure, Violations, Suggestions, Broken, Crashed, Contracts, Checked;
  if (!In.text(R.Text) || !In.number(Pure) || !In.number(Violations) ||
      !In.number(Suggestions) || !In.number(Broken) || !In.number(Crashed) ||
      !In.number(Contracts))
    return std::nullopt;
  R.PureFunctions = unsigned(Pure);
  R.Violations = unsigned(Violations);
  R.Suggestions = unsigned(Suggestions);
  R.CompileErrors = Broken != 0;
  R.Crashed = Crashed != 0;
  for (uint64_t I = 0; I < Contracts; ++I) {
    PureContract C;
    if (!In.text(C.LinkName) || !In.text(C.Name) || !In.text(C.Where))
      return std::nullopt;
    R.Contracts.push_back(std::move(C));
  }
  if (!In.number(Checked))
    return std::nullopt;
  for (uint64_t I = 0; I < Checked; ++I)
    if (!In.text(R.CheckedDefinitions.emplace_back()))
      return std::nullopt;
  if (!In.done())
    return std::nullopt;
  return R;
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

  // A unit on which purecc fails is reported and the others still run: each
  // unit is checked in a child process of its own (ChildUnits.h), as many at
  // a time as there are cores. Its report is printed whole when it ends.
  enableCrashRecovery();
  const bool Progress = sys::Process::StandardErrIsDisplayed();
  size_t Done = 0;
  CheckSummary Summary;
  Summary.Files = unsigned(Units.size());
  Summary.Skipped = Skipped;
  // Across units: a [[pure]] declaration a unit called without defining it
  // is trusted there; some unit must define and verify it.
  std::map<std::string, PureContract> Contracts;
  std::set<std::string> Checked;

  auto Record = [&](size_t I, std::optional<std::string> Bytes) {
    std::optional<UnitReport> Decoded = Bytes ? decodeReport(*Bytes) : std::nullopt;
    UnitReport R = Decoded ? std::move(*Decoded) : UnitReport{};
    R.Crashed |= !Decoded;
    if (Progress)
      errs() << "\r\033[K";
    errs() << R.Text;
    if (R.Crashed)
      WithColor::error(errs(), "purecc") << "internal error while checking '" << Units[I].File
                                         << "'; please report it\n";
    ++Done;
    Summary.PureFunctions += R.PureFunctions;
    Summary.Violations += R.Violations;
    Summary.Suggestions += R.Suggestions;
    Summary.Broken += R.CompileErrors;
    Summary.Failed += R.Crashed;
    for (PureContract &C : R.Contracts)
      Contracts.emplace(C.LinkName, std::move(C)); // the first unit's location
    Checked.insert(R.CheckedDefinitions.begin(), R.CheckedDefinitions.end());
    if (Progress)
      errs() << "[" << Done << "/" << Units.size() << "] " << Units[I].File;
    errs().flush();
  };
  runInChildren(
      Units.size(), std::max(1u, std::thread::hardware_concurrency()),
      [&](size_t I) { return encodeReport(checkOneUnit(Units[I], Config, O.Warn)); }, Record);

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
    ++Summary.Violations;
  }
  Summary.print(errs(), O.SuggestPure);

  if (Summary.Failed)
    return ExitInternal;
  if (Summary.Broken || (Summary.Violations && O.Warn == WarnOnly::Off))
    return ExitViolations;
  return ExitSuccess;
}

} // namespace purecc
