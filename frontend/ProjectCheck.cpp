//===- ProjectCheck.cpp - purecc check over a whole compile database ------===//
#include "ProjectCheck.h"
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
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <optional>
#include <poll.h>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

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

/// A unit's report crosses from the child that checked it to the parent as
/// length-prefixed fields (both ends are this executable).
class ReportWriter {
public:
  void number(uint64_t N) { Bytes.append(reinterpret_cast<const char *>(&N), sizeof(N)); }
  void text(StringRef S) {
    number(S.size());
    Bytes.append(S.data(), S.size());
  }
  std::string Bytes;
};

class ReportReader {
public:
  explicit ReportReader(StringRef Bytes) : Rest(Bytes) {}
  bool number(uint64_t &N) {
    if (Rest.size() < sizeof(N))
      return false;
    std::memcpy(&N, Rest.data(), sizeof(N));
    Rest = Rest.drop_front(sizeof(N));
    return true;
  }
  bool text(std::string &S) {
    uint64_t N = 0;
    if (!number(N) || Rest.size() < N)
      return false;
    S = Rest.take_front(N).str();
    Rest = Rest.drop_front(N);
    return true;
  }
  bool done() const { return Rest.empty(); }

private:
  StringRef Rest;
};

std::string encodeReport(const UnitReport &R) {
  ReportWriter W;
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
  return std::move(W.Bytes);
}

std::optional<UnitReport> decodeReport(StringRef Bytes) {
  UnitReport R;
  ReportReader In(Bytes);
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

/// A unit being checked by a child process: the read end of the pipe its
/// report comes through, and the bytes read so far.
struct Child {
  pid_t Pid = -1;
  int Fd = -1;
  size_t Unit = 0;
  std::string Bytes;
};

bool writeAll(int Fd, StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(Fd, Bytes.data(), Bytes.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Bytes = Bytes.drop_front(size_t(N));
  }
  return true;
}

/// Starts a child that checks Units[I] and writes its report to a pipe.
/// Forked, not exec'd: the child has the parsed options and the database
/// already, and the parent has no other threads to leave locks behind.
std::optional<Child> startChild(const std::vector<Unit> &Units, size_t I,
                                const PipelineConfig &Config, WarnOnly Warn) {
  int Pipe[2];
  if (::pipe2(Pipe, O_CLOEXEC) != 0)
    return std::nullopt;
  errs().flush();
  pid_t Pid = ::fork();
  if (Pid < 0) {
    ::close(Pipe[0]);
    ::close(Pipe[1]);
    return std::nullopt;
  }
  if (Pid == 0) {
    ::close(Pipe[0]);
    // A fault that escapes recovery here kills this child only, silently:
    // the parent names the unit.
    setCrashMode(CrashMode::DieBySignal);
    UnitReport R = checkOneUnit(Units[I], Config, Warn);
    ::_exit(writeAll(Pipe[1], encodeReport(R)) ? 0 : ExitInternal);
  }
  ::close(Pipe[1]);
  return Child{Pid, Pipe[0], I, {}};
}

/// Reads what Child C has written; false at the end of its report.
bool readSome(Child &C) {
  char Buf[1 << 16];
  ssize_t N = ::read(C.Fd, Buf, sizeof(Buf));
  if (N < 0 && (errno == EINTR || errno == EAGAIN))
    return true;
  if (N <= 0)
    return false;
  C.Bytes.append(Buf, size_t(N));
  return true;
}

/// Waits for a child whose pipe has closed; its report, or one that says
/// the unit failed if the child did not end cleanly.
UnitReport finishChild(Child &C) {
  ::close(C.Fd);
  int Status = 0;
  while (::waitpid(C.Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(Status) && WEXITSTATUS(Status) == 0)
    if (std::optional<UnitReport> R = decodeReport(C.Bytes))
      return std::move(*R);
  UnitReport Failed;
  Failed.Crashed = true;
  return Failed;
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

  // A unit on which purecc fails is reported and the others still run. Each
  // unit is checked in a child process of its own rather than on a thread:
  // a fault that crash recovery cannot undo cleanly (a stack overflow in
  // Clang or in an analysis walk, one inside malloc holding its lock, heap
  // corruption, a fatal signal, the kernel's OOM killer) ends that child
  // only, and the parent's state and the other units' are untouched. fork()
  // costs ~1 ms per unit against hundreds for the check itself (measured in
  // docs/build-integration.md), and the parent stays single-threaded so
  // that forking it is safe.
  enableCrashRecovery();
  const bool Progress = sys::Process::StandardErrIsDisplayed();
  size_t Done = 0;
  unsigned PureFunctions = 0, Violations = 0, Suggestions = 0, BrokenFiles = 0, Crashes = 0;
  // Across units: a [[pure]] declaration a unit called without defining it
  // is trusted there; some unit must define and verify it.
  std::map<std::string, PureContract> Contracts;
  std::set<std::string> Checked;

  auto Record = [&](UnitReport R, size_t I) {
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
  };

  const size_t Jobs = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                       Units.size());
  std::vector<Child> Running;
  size_t NextUnit = 0;
  while (NextUnit < Units.size() || !Running.empty()) {
    while (Running.size() < Jobs && NextUnit < Units.size()) {
      size_t I = NextUnit++;
      if (std::optional<Child> C = startChild(Units, I, Config, O.Warn))
        Running.push_back(std::move(*C));
      else if (Running.empty()) // no process to be had: check it here
        Record(checkOneUnit(Units[I], Config, O.Warn), I);
      else {
        --NextUnit; // retry when a running child has ended
        break;
      }
    }
    if (Running.empty())
      continue;
    std::vector<pollfd> Fds;
    for (const Child &C : Running)
      Fds.push_back({C.Fd, POLLIN, 0});
    if (::poll(Fds.data(), Fds.size(), -1) < 0)
      continue; // EINTR
    for (size_t K = Running.size(); K-- > 0;) {
      if (!Fds[K].revents || readSome(Running[K]))
        continue;
      Record(finishChild(Running[K]), Running[K].Unit);
      Running.erase(Running.begin() + K);
    }
  }

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
