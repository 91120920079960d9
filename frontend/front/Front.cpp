//===- Front.cpp - the `purecc` executable: a small front without LLVM ----===//
//
// `purecc` is what builds run, once per compile when it is the compiler
// launcher. Loading LLVM and Clang costs ~0.1 s of CPU, paid by every
// compile, most of which have nothing to do with purecc. So `purecc` is this
// small program: for a compiler command that QuickCommand.h can pass through
// it execs the real compiler itself; for everything else — `purecc check`,
// `rewrite`, `cache`, and compiles that may use purecc — it execs the full
// tool, `purecc-core`, with the same arguments. The full tool lives next to
// this executable in a build tree, and in <prefix>/libexec/purecc when
// installed.
//
// The front runs purecc-core as a child rather than becoming it, so that a
// core that dies by a crash signal anyway (a stack overflow, say: see
// CrashGuard.h) still ends the documented way: one line and exit status 3,
// or, for a compile, the user's original source compiled by the real
// compiler with a one-line warning: purecc's fault never breaks a build.
// For the same reason the front makes the private directory a compile's
// rewritten copy goes to (PURECC_WORK_DIR, read by Launcher.cpp) and
// removes it when the core has ended, however it ended.
//
//===----------------------------------------------------------------------===//
#include "CommandNames.h"
#include "QuickCommand.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int ExitUsage = 2;    // as the full tool's (frontend/Driver.h)
constexpr int ExitInternal = 3; // likewise

int fail(const std::string &Message) {
  std::fprintf(stderr, "purecc: error: %s\n", Message.c_str());
  return ExitUsage;
}

/// This executable's directory, from /proc/self/exe (symlinks resolved, so
/// a `purecc` linked into PATH still finds its own install).
std::string ownDirectory() {
  std::string Buf(4096, '\0');
  ssize_t N = ::readlink("/proc/self/exe", Buf.data(), Buf.size() - 1);
  if (N <= 0)
    return {};
  Buf.resize(static_cast<size_t>(N));
  size_t Slash = Buf.rfind('/');
  return Slash == std::string::npos ? std::string() : Buf.substr(0, Slash);
}

/// Replaces this process with Program; returns only on failure.
int execProgram(const std::string &Program, const std::vector<std::string> &Args, bool SearchPath) {
  std::vector<char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  std::fflush(nullptr);
  if (SearchPath)
    ::execvp(Program.c_str(), Argv.data());
  else
    ::execv(Program.c_str(), Argv.data());
  return fail("cannot run '" + Program + "': " + std::strerror(errno));
}

/// A directory for one compile's rewritten copy, handed to the core in
/// PURECC_WORK_DIR: a core that dies by a signal cannot remove its own.
class WorkDir {
public:
  WorkDir() {
    const char *Tmp = nullptr;
    for (const char *Name : {"TMPDIR", "TMP", "TEMP", "TEMPDIR"}) // as LLVM looks
      if ((Tmp = std::getenv(Name)) && *Tmp)
        break;
    std::string Template = std::string(Tmp && *Tmp ? Tmp : "/tmp") + "/purecc-XXXXXX";
    if (::mkdtemp(Template.data()))
      Path = Template;
  }
  ~WorkDir() { remove(); }
  /// Only the core's files are in it, none in a folder of their own.
  void remove() {
    if (Path.empty())
      return;
    if (DIR *D = ::opendir(Path.c_str())) {
      while (const dirent *E = ::readdir(D))
        if (std::strcmp(E->d_name, ".") != 0 && std::strcmp(E->d_name, "..") != 0)
          ::unlink((Path + "/" + E->d_name).c_str());
      ::closedir(D);
    }
    ::rmdir(Path.c_str());
    Path.clear();
  }
  const std::string &path() const { return Path; }

private:
  std::string Path;
};

/// The core being waited for, for the forwarding handler.
volatile pid_t Child = 0;

/// Signals meant for this process (a build tool stopping the compile) are
/// the core's too.
void forward(int Signal) {
  if (Child > 0)
    ::kill(Child, Signal);
}

/// Signals that mean the core itself went wrong, not that someone stopped it.
bool isCrashSignal(int Signal) {
  for (int S : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS})
    if (Signal == S)
      return true;
  return false;
}

/// Runs Program with Args as a child and returns how it ended (waitpid's
/// status); a non-empty Work is its PURECC_WORK_DIR.
int runAndWait(const std::string &Program, const std::vector<std::string> &Args,
               const std::string &Work) {
  std::vector<char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  std::fflush(nullptr);
  pid_t Parent = ::getpid();
  pid_t Pid = ::fork();
  if (Pid < 0)
    return -1;
  if (Pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // the front killed outright: so is the core
    if (::getppid() != Parent)
      ::_exit(ExitInternal);
    if (!Work.empty())
      ::setenv("PURECC_WORK_DIR", Work.c_str(), 1); // the front has no other threads
    ::execv(Program.c_str(), Argv.data());
    std::fprintf(stderr, "purecc: error: cannot run '%s': %s\n", Program.c_str(),
                 std::strerror(errno));
    ::_exit(ExitUsage);
  }
  Child = Pid;
  struct sigaction SA {};
  SA.sa_handler = forward;
  sigemptyset(&SA.sa_mask);
  for (int Signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
    ::sigaction(Signal, &SA, nullptr);
  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0)
    if (errno != EINTR)
      return -1;
  return Status;
}

int runCore(const std::vector<std::string> &Args, bool IsCompile) {
  std::string Dir = ownDirectory();
  if (Dir.empty())
    return fail("cannot find its own executable (/proc/self/exe)");
  for (const std::string &Candidate : {Dir + "/purecc-core", Dir + "/../libexec/purecc/purecc-core"}) {
    if (!purecc::isExecutableFile(Candidate))
      continue;
    std::vector<std::string> Argv{Candidate};
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    WorkDir Work;
    if (!IsCompile)
      Work.remove();
    int Status = runAndWait(Candidate, Argv, Work.path());
    Work.remove();
    if (Status == -1)
      return fail("cannot run '" + Candidate + "': " + std::strerror(errno));
    if (WIFEXITED(Status))
      return WEXITSTATUS(Status);
    int Signal = WTERMSIG(Status);
    if (!isCrashSignal(Signal)) {
      // Stopped from outside: end the same way, as the build tool expects.
      std::signal(Signal, SIG_DFL);
      std::raise(Signal);
      return 128 + Signal;
    }
    if (!IsCompile) {
      std::fprintf(stderr, "purecc: error: internal error: %s; please report it\n",
                   strsignal(Signal));
      return ExitInternal;
    }
    // purecc's fault must not break the build: compile the source as the
    // user wrote it, telling the compiler to ignore purecc's attributes.
    std::fprintf(stderr,
                 "purecc: warning: internal error (%s) while rewriting; compiled without "
                 "purecc (please report it)\n",
                 strsignal(Signal));
    std::vector<std::string> Plain = Args;
    size_t CompilerAt = 0;
    while (CompilerAt + 1 < Plain.size() && purecc::isWrapperName(Plain[CompilerAt]))
      ++CompilerAt;
    bool Clang = Plain[CompilerAt].find("clang") != std::string::npos;
    Plain.push_back(Clang ? "-Wno-unknown-attributes" : "-Wno-attributes");
    return execProgram(Plain[0], Plain, /*SearchPath=*/true);
  }
  return fail("cannot find 'purecc-core' in '" + Dir + "' or '" + Dir +
              "/../libexec/purecc': the installation is incomplete");
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> Args(argv + 1, argv + argc);
  if (purecc::isCompilerCommand(Args) &&
      purecc::classifyQuickly(Args) == purecc::QuickVerdict::PassThrough)
    return execProgram(Args[0], Args, /*SearchPath=*/true);
  return runCore(Args, purecc::isCompilerCommand(Args));
}
