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
//===----------------------------------------------------------------------===//
#include "CommandNames.h"
#include "QuickCommand.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr int ExitUsage = 2; // as the full tool's (frontend/Driver.h)

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

int runCore(const std::vector<std::string> &Args) {
  std::string Dir = ownDirectory();
  if (Dir.empty())
    return fail("cannot find its own executable (/proc/self/exe)");
  for (const std::string &Candidate : {Dir + "/purecc-core", Dir + "/../libexec/purecc/purecc-core"}) {
    if (!purecc::isExecutableFile(Candidate))
      continue;
    std::vector<std::string> Argv{Candidate};
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    return execProgram(Candidate, Argv, /*SearchPath=*/false);
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
  return runCore(Args);
}
