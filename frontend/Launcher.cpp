//===- Launcher.cpp - purecc in front of a real compiler ------------------===//
#include "Launcher.h"
#include "CompilerCommand.h"
#include "CrashGuard.h"
#include "Driver.h"
#include "Emit.h"
#include "CommandLine.h"
#include "Pipeline.h"
#include "PreScan.h"
#include "UnitCheck.h"

#include "analysis/Attributes.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unistd.h>

using namespace llvm;

namespace purecc {
namespace {

int launcherError(const Twine &Message) {
  WithColor::error(errs(), "purecc") << Message << "\n";
  return ExitUsage;
}

/// The pass-through path: this process becomes the real command, so the
/// compile runs exactly as it would without purecc (same arguments,
/// environment, signals and exit status).
int execCommand(const std::vector<std::string> &Args) {
  std::vector<char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  outs().flush();
  errs().flush();
  ::execvp(Argv[0], Argv.data());
  return launcherError("cannot run '" + Args[0] + "': " + std::strerror(errno));
}

/// Runs a command and returns its exit status; with ErrorFile, its stderr
/// goes to that file instead of ours.
int runCommand(const std::vector<std::string> &Args, std::optional<StringRef> ErrorFile = {}) {
  std::string Program = Args[0];
  if (Program.find('/') == std::string::npos) {
    ErrorOr<std::string> Found = sys::findProgramByName(Program);
    if (!Found)
      return launcherError("cannot run '" + Program + "': not found in PATH");
    Program = *Found;
  }
  SmallVector<StringRef, 64> Argv(Args.begin(), Args.end());
  std::string Error;
  bool ExecFailed = false;
  outs().flush();
  errs().flush();
  std::optional<StringRef> Redirects[] = {std::nullopt, std::nullopt, ErrorFile};
  int Status = sys::ExecuteAndWait(Program, Argv, std::nullopt,
                                   ErrorFile ? ArrayRef(Redirects) : ArrayRef<std::optional<StringRef>>(),
                                   0, 0, &Error, &ExecFailed);
  if (ExecFailed)
    return launcherError("cannot run '" + Args[0] + "': " + Error);
  if (Status < 0) { // killed by a signal
    WithColor::error(errs(), "purecc") << "'" << Args[0] << "' failed: " << Error << "\n";
    return ExitViolations;
  }
  return Status;
}

/// Whether the compiler is Clang (clang++, or c++ linked to it) rather than
/// GCC: the two spell "ignore unknown attributes" differently.
bool isClang(StringRef Compiler) {
  std::string Program = Compiler.str();
  if (Program.find('/') == std::string::npos)
    if (ErrorOr<std::string> Found = sys::findProgramByName(Program))
      Program = *Found;
  SmallString<256> Real;
  if (sys::fs::real_path(Program, Real))
    Real = Program;
  return sys::path::filename(Real).contains("clang");
}

/// A private directory for the rewritten source: nothing else lives in it,
/// so `#include "x.h"` can only find x.h where the original file would.
/// Under the `purecc` front it is the one the front made (PURECC_WORK_DIR),
/// which the front removes however this process ends; this process then
/// removes only what it wrote there.
class TempDir {
public:
  bool create(std::string &Error) {
    if (const char *Given = std::getenv("PURECC_WORK_DIR"); Given && *Given) {
      Path = Given;
      ::unsetenv("PURECC_WORK_DIR"); // not the compiler's business
      if (sys::fs::is_directory(Path)) {
        Owned = false;
        return true;
      }
    }
    SmallString<128> P;
    if (std::error_code EC = sys::fs::createUniqueDirectory("purecc", P)) {
      Error = EC.message();
      return false;
    }
    Path = std::string(P);
    return true;
  }
  ~TempDir() {
    if (Owned) {
      sys::fs::remove_directories(Path);
    } else if (!Path.empty()) {
      sys::fs::remove(File);
      sys::fs::remove(Path); // empty now, unless someone else wrote there
    }
  }
  /// The path of the one file this directory holds, named Name.
  std::string file(StringRef Name) {
    SmallString<256> P(Path);
    sys::path::append(P, Name);
    File = std::string(P);
    return File;
  }
  const std::string &path() const { return Path; }

private:
  std::string Path;
  std::string File;
  bool Owned = true;
};

std::string absoluteDir(StringRef File) {
  SmallString<256> Dir(File);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  sys::path::remove_filename(Dir);
  return std::string(Dir);
}

/// A path as it appears in a Make rule written by GCC or Clang.
std::string makeEscape(StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    else if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

/// A path inside a C string literal (a #line directive).
std::string literalEscape(StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (C == '\\' || C == '"')
      Out += '\\';
    Out += C;
  }
  return Out;
}

/// Makes the dependency file name the user's source instead of the
/// rewritten copy, so that Make and Ninja rebuild when the user edits it;
/// and the headers found through the launcher's `-iquote <OriginalDir>` by
/// the path g++ writes for them from the original, the source's directory
/// as spelled (`src/x.h` for `src/a.cpp`, `x.h` for `a.cpp`), not an
/// absolute one: a build tree moved elsewhere would depend on the old place
/// (adv108 F2).
bool patchDepFile(StringRef DepFile, StringRef Rewritten, StringRef Original,
                  StringRef OriginalDir) {
  auto Buffer = MemoryBuffer::getFile(DepFile, /*IsText=*/true);
  if (!Buffer)
    return true; // no dependency file was written: nothing names the copy
  std::string Text = (*Buffer)->getBuffer().str();
  bool Changed = false;
  // Whole paths only: each starts a word of the rule.
  auto Replace = [&](const std::string &From, const std::string &To) {
    for (size_t Pos = Text.find(From); Pos != std::string::npos; Pos = Text.find(From, Pos)) {
      bool Starts = Pos == 0 || Text[Pos - 1] == ' ' || Text[Pos - 1] == '\n' ||
                    Text[Pos - 1] == '\t' || Text[Pos - 1] == ':';
      if (!Starts) {
        Pos += From.size();
        continue;
      }
      Text.replace(Pos, From.size(), To);
      Pos += To.size();
      Changed = true;
    }
  };
  Replace(makeEscape(Rewritten), makeEscape(Original));
  if (!sys::path::is_absolute(Original)) {
    SmallString<256> Spelled = sys::path::parent_path(Original);
    Replace(makeEscape(OriginalDir) + "/", Spelled.empty() ? "" : makeEscape(Spelled) + "/");
  }
  return !Changed || emitFile(DepFile, Text);
}

/// PURECC_REMARKS=1 (any value but empty or "0") prints the remarks of
/// `--remarks` during the build: the launcher has no options of its own, and
/// the environment reaches every compile of a build tool.
Remarks remarksFromEnvironment() {
  const char *V = std::getenv("PURECC_REMARKS");
  return V && *V && std::strcmp(V, "0") != 0 ? Remarks::On : Remarks::Off;
}

/// The first line of a compiler's output that reports an error, for the
/// one-line warning of a failed compile of the rewritten copy.
std::string firstErrorLine(StringRef Output) {
  SmallVector<StringRef, 16> Lines;
  Output.split(Lines, '\n');
  for (StringRef L : Lines)
    if (L.contains("error"))
      return L.trim().str();
  return Lines.empty() ? std::string() : Lines.front().trim().str();
}

/// Whether Clang rejected the command's flags rather than the source: every
/// error it printed carries no file location ("error: invalid value
/// 'ISO-8859-1' in '-fexec-charset=ISO-8859-1'", "error: the '387' unit is
/// not supported with this instruction set"). Then the argument of Args an
/// error quotes (the flag itself, or the value after its '='), or "" when
/// none is quoted; std::nullopt when an error is about the source.
std::optional<std::string> rejectedFlag(StringRef Errors, const std::vector<std::string> &Args) {
  SmallVector<StringRef, 8> Lines;
  Errors.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  bool FlagErrors = false;
  std::string Flag;
  for (StringRef L : Lines) {
    if (!L.starts_with("error: ")) {
      if (L.contains(": error: "))
        return std::nullopt; // "m.cpp:3:7: error: ..."
      continue;
    }
    FlagErrors = true;
    for (size_t Open = L.find('\''); Open != StringRef::npos && Flag.empty();) {
      size_t Close = L.find('\'', Open + 1);
      if (Close == StringRef::npos)
        break;
      StringRef Quoted = L.slice(Open + 1, Close);
      for (const std::string &A : Args)
        if (!Quoted.empty() &&
            (A == Quoted || StringRef(A).ends_with(("=" + Quoted).str()))) {
          Flag = A;
          break;
        }
      Open = L.find('\'', Close + 1);
    }
  }
  if (!FlagErrors)
    return std::nullopt;
  return Flag;
}

/// What checking the source in process found.
enum class CheckOutcome { Rewritten, Violations, ClangRejected, Failed };

/// Parses, verifies and rewrites Input into Output with the command's
/// flags; purecc's diagnostics go to stderr as they come, Clang's errors to
/// ClangErrors.
CheckOutcome checkAndRewrite(const CompilerCommand &C, const CommandInput &Input,
                             const std::string &RuntimeInclude, const std::string &Output,
                             std::string &ClangErrors, bool &TestsOpenMPMacro) {
  Options O; // what `purecc rewrite <source> -o <Output>` would run
  O.Cmd = Command::Rewrite;
  O.Output = Output;
  O.ShowRemarks = remarksFromEnvironment();
  const PipelineConfig Config = pipelineConfig(O);

  auto StderrOpts = stderrDiagnosticOptions();
  clang::TextDiagnosticPrinter ToStderr(errs(), StderrOpts.get());
  raw_string_ostream ClangOS(ClangErrors);
  IntrusiveRefCntPtr<clang::DiagnosticOptions> BufferOpts(new clang::DiagnosticOptions);
  clang::TextDiagnosticPrinter ToBuffer(ClangOS, BufferOpts.get());
  IntrusiveRefCntPtr<clang::FileManager> Files(
      new clang::FileManager(clang::FileSystemOptions()));
  UnitVerdict V = checkUnit(analysisCommandLine(C, Input, {RuntimeInclude}), Config, *Files,
                            ToStderr, ToBuffer);
  if (V.Crashed)
    return CheckOutcome::Failed;
  if (V.PureccErrors)
    return CheckOutcome::Violations;
  if (V.ClangErrors || !V.Completed)
    return CheckOutcome::ClangRejected;
  TestsOpenMPMacro = V.Result.TestsOpenMPMacro;
  return V.Result.EmitFailed ? CheckOutcome::Failed : CheckOutcome::Rewritten;
}

/// Whether the command turns C++ exceptions off: the last of
/// -fexceptions / -fno-exceptions wins, as in the compilers.
bool exceptionsDisabled(const std::vector<std::string> &Args) {
  bool Disabled = false;
  for (const std::string &A : Args)
    if (A == "-fno-exceptions")
      Disabled = true;
    else if (A == "-fexceptions")
      Disabled = false;
  return Disabled;
}

/// The compile of one C++ source that uses purecc: check, rewrite, compile
/// the rewritten copy. Wrappers are Args' leading ccache-like entries.
int compileThroughPurecc(const std::vector<std::string> &Args, size_t CompilerAt,
                         const CompilerCommand &C, const CommandInput &Input) {
  registerAttributes();
  TempDir Dir;
  std::string Error;
  if (!Dir.create(Error))
    return launcherError("cannot create a temporary directory: " + Error);
  SmallString<256> Copy(Dir.file(sys::path::filename(Input.Path)));
  sys::RemoveFileOnSignal(Copy);
  // That put LLVM's signal handlers over crash recovery's; recovery goes
  // back on top (and passes what it does not recover on to them), so that a
  // fault while checking still ends in the fallback below (CrashGuard.h).
  CrashRecoveryContext::Disable();
  enableCrashRecovery();
  std::string RuntimeInclude = runtimeIncludeDir();

  // The rewrite hides the main file's purecc attributes; those in headers
  // stay, and the compiler does not know them.
  const char *QuietAttributes = isClang(C.Args[0]) ? "-Wno-unknown-attributes" : "-Wno-attributes";
  // The runtime's headers are system headers to the user's build: its
  // warning flags (-Wsign-conversion, -Weffc++, ...) are for the user's code.
  std::vector<std::string> Unchanged = Args;
  Unchanged.push_back("-isystem");
  Unchanged.push_back(RuntimeInclude);
  Unchanged.push_back(QuietAttributes);

  std::string ClangErrors;
  bool TestsOpenMPMacro = false;
  switch (checkAndRewrite(C, Input, RuntimeInclude, std::string(Copy), ClangErrors,
                          TestsOpenMPMacro)) {
  case CheckOutcome::Rewritten:
    break;
  case CheckOutcome::Violations:
    return ExitViolations;
  case CheckOutcome::Failed:
    // purecc's own fault must not break the build: the user's source, as
    // written, is a correct serial program.
    WithColor::warning(errs(), "purecc")
        << "internal error while rewriting '" << Input.Path
        << "'; compiled without purecc (please report it)\n";
    return runCommand(Unchanged);
  case CheckOutcome::ClangRejected: {
    // Most often the code simply does not compile: let the real compiler
    // say so in its own words. If it compiles it anyway, purecc could not
    // check it, and an object that looks checked must not be left behind.
    int Status = runCommand(Unchanged);
    if (Status != 0)
      return Status;
    errs() << ClangErrors;
    sys::fs::remove(C.ObjectFile);
    // A flag only g++ takes (a charset Clang has no converter for, the
    // x87 unit for SSE targets) is named, so the user knows what to change
    // (adv72 F4: Clang's "invalid value" line alone read like a compile
    // error of the source).
    if (std::optional<std::string> Flag = rejectedFlag(ClangErrors, Args))
      return launcherError(
          "cannot check '" + Input.Path + "': Clang, which purecc checks it with, does not accept " +
          (Flag->empty() ? std::string("this command's flags") : "'" + *Flag + "'") +
          " (errors above); compile this file without purecc, or without that flag");
    return launcherError("cannot check '" + Input.Path +
                         "': Clang rejects it with these flags (errors above)");
  }
  }

  // The copy is compiled with -fopenmp, which defines `_OPENMP`; code that
  // tests it would then mean something else than in the user's build
  // (adv82 F1, F2): compiled as written (purecc-openmp-macro said so).
  if (TestsOpenMPMacro)
    return runCommand(Unchanged);

  auto Original = MemoryBuffer::getFile(Input.Path, /*IsText=*/true);
  auto Rewritten = MemoryBuffer::getFile(Copy, /*IsText=*/true);
  if (!Original || !Rewritten)
    return launcherError("cannot read '" + Input.Path + "' back");
  StringRef Text = (*Rewritten)->getBuffer();
  if (Text == (*Original)->getBuffer()) {
    // Nothing to rewrite here (the attributes are in headers, or the
    // pre-scan's match was a comment): compile the user's file itself.
    return runCommand(Unchanged);
  }
  // purecc's runtime reports a task's exception to its caller, so its
  // headers use try/catch, which g++ rejects under -fno-exceptions (Clang
  // accepts it in system headers, where the runtime's are): the file is
  // compiled as written, and the user is told why nothing in it runs in
  // parallel (the check above still ran).
  if (!isClang(C.Args[0]) && exceptionsDisabled(C.Args)) {
    int Status = runCommand(Unchanged);
    if (Status == 0)
      WithColor::note(errs(), "purecc")
          << "'" << Input.Path << "' is compiled with '-fno-exceptions', but purecc's "
          << "parallel runtime needs exceptions with g++: compiled as written, without parallel "
          << "code or memoization\n";
    return Status;
  }
  // A byte-order mark is only valid at the very start, where #line goes.
  Text.consume_front("\xEF\xBB\xBF");
  if (!emitFile(Copy, "#line 1 \"" + literalEscape(Input.Path) + "\"\n" + Text.str()))
    return ExitUsage;
  // `__TIMESTAMP__` is the compiled file's modification time: the copy
  // keeps the original's (adv56 t01).
  sys::fs::file_status Stamp;
  if (!sys::fs::status(Input.Path, Stamp))
    if (int FD; !sys::fs::openFileForWrite(Copy, FD, sys::fs::CD_OpenExisting, sys::fs::OF_Append)) {
      (void)sys::fs::setLastAccessAndModificationTime(FD, Stamp.getLastAccessedTime(),
                                                      Stamp.getLastModificationTime());
      ::close(FD);
    }

  // The rewritten copy sees the original's directory first for "x.h", as
  // the original did; then the runtime's headers and OpenMP.
  std::string OriginalDir = absoluteDir(Input.Path);
  std::vector<std::string> Command(Args.begin(), Args.begin() + CompilerAt);
  Command.push_back(C.Args[0]);
  Command.push_back("-iquote");
  Command.push_back(OriginalDir);
  for (size_t I = 1; I < C.Args.size(); ++I)
    Command.push_back(I == Input.Index ? std::string(Copy) : C.Args[I]);
  Command.push_back("-isystem");
  Command.push_back(RuntimeInclude);
  Command.push_back("-fopenmp");
  Command.push_back(QuietAttributes);
  Command.push_back("-fdebug-prefix-map=" + Dir.path() + "=" + OriginalDir);

  // The compiler's diagnostics are held back until it is known whether the
  // rewritten copy compiled: if it did not, the fault is purecc's (the
  // source passed Clang's parse; a g++ warning on generated code under
  // -Werror, an error in generated code), and the user's build must not
  // break for it. The original source is compiled as written instead, after
  // one warning line, exactly as for an internal error while rewriting.
  SmallString<256> ErrorPath;
  if (std::error_code EC = sys::fs::createTemporaryFile("purecc-compile", "txt", ErrorPath))
    return launcherError("cannot create a temporary file: " + EC.message());
  sys::RemoveFileOnSignal(ErrorPath);
  int Status = runCommand(Command, StringRef(ErrorPath));
  std::string Diagnostics;
  if (auto Buffer = MemoryBuffer::getFile(ErrorPath, /*IsText=*/true))
    Diagnostics = (*Buffer)->getBuffer().str();
  sys::fs::remove(ErrorPath);
  sys::DontRemoveFileOnSignal(ErrorPath);
  if (Status != 0) {
    // Only once the original compiled is the fault known to be purecc's:
    // a source g++ rejects as written gets the compiler's errors alone.
    int OriginalStatus = runCommand(Unchanged);
    if (OriginalStatus == 0)
      WithColor::warning(errs(), "purecc")
          << "the rewritten '" << Input.Path << "' does not compile ("
          << firstErrorLine(Diagnostics) << "); compiled without purecc (please report it)\n";
    return OriginalStatus;
  }
  errs() << Diagnostics; // the compiler's warnings, as it printed them
  if (C.DepFile && !patchDepFile(*C.DepFile, Copy, Input.Path, OriginalDir))
    return ExitUsage;
  return Status;
}

} // namespace

int runLauncher(const std::vector<std::string> &Args) {
  size_t CompilerAt = 0;
  while (CompilerAt + 1 < Args.size() && isWrapperName(Args[CompilerAt]))
    ++CompilerAt;
  std::string Error;
  std::optional<CompilerCommand> C =
      parseCompilerCommand(ArrayRef(Args).drop_front(CompilerAt), Error);
  if (!C || C->Mode == CompileMode::Preprocess)
    return execCommand(Args);

  IncludeSearch Search{C->QuoteDirs, C->AngleDirs, C->SystemDirs, C->ForcedIncludes,
                       C->Defines, C->UnfollowedIncludes};
  addEnvironmentDirs(Search);
  std::vector<const CommandInput *> UsesPurecc;
  for (const CommandInput &In : C->Inputs)
    if (In.Lang == SourceLanguage::Cxx && mayUsePurecc(In.Path, Search))
      UsesPurecc.push_back(&In);
  if (UsesPurecc.empty())
    return execCommand(Args);

  const std::string &Path = UsesPurecc.front()->Path;
  if (C->Mode == CompileMode::Link)
    return launcherError("'" + Path + "' uses purecc attributes: compile it with '-c' through "
                         "purecc, then link the object with the purecc runtime");
  if (C->Inputs.size() != 1)
    return launcherError("'" + Path + "' uses purecc attributes: compile it in a command of "
                         "its own (one source per command)");
  return compileThroughPurecc(Args, CompilerAt, *C, *UsesPurecc.front());
}

std::string runtimeIncludeDir() {
  // Installed: <prefix>/libexec/purecc/purecc-core and <prefix>/include/purecc.
  std::string Exe = sys::fs::getMainExecutable("purecc", (void *)&runtimeIncludeDir);
  SmallString<256> Dir(sys::path::parent_path(Exe));
  sys::path::append(Dir, PURECC_CORE_TO_INCLUDE_DIR);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  SmallString<256> Umbrella(Dir);
  sys::path::append(Umbrella, "purecc", "purecc.h");
  if (!Exe.empty() && sys::fs::exists(Umbrella))
    return std::string(Dir);
  return PURECC_SOURCE_RUNTIME_INCLUDE_DIR;
}

} // namespace purecc
