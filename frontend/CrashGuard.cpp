//===- CrashGuard.cpp - no internal fault escapes purecc-core -------------===//
#include "CrashGuard.h"
#include "Driver.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ErrorHandling.h"

#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace purecc {
namespace {

CrashMode GMode = CrashMode::ExitInternal;

constexpr int CrashSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};

/// Writes with write(2) only: called from signal handlers.
void writeLine(const char *A, const char *B = "", const char *C = "") {
  for (const char *S : {"purecc: error: internal error: ", A, B, C, "; please report it\n"})
    if (ssize_t Ignored = ::write(STDERR_FILENO, S, std::strlen(S)); Ignored < 0)
      return;
}

[[noreturn]] void dieBy(int Signal) {
  std::signal(Signal, SIG_DFL);
  std::raise(Signal);
  ::_exit(128 + Signal); // not reached
}

void onCrashSignal(int Signal) {
  if (GMode == CrashMode::DieBySignal)
    dieBy(Signal); // the front reports it and compiles the original
  writeLine(strsignal(Signal));
  ::_exit(ExitInternal);
}

void onFatalError(void *, const char *Reason, bool) {
  // Inside a recovery context LLVM unwinds to it once this returns, and the
  // code that started the context reports the failure.
  if (llvm::CrashRecoveryContext::GetCurrent())
    return;
  if (GMode == CrashMode::DieBySignal)
    dieBy(SIGABRT);
  writeLine(Reason);
  ::_exit(ExitInternal);
}

void onTerminate() {
  if (GMode == CrashMode::DieBySignal)
    dieBy(SIGABRT);
  std::string What = "uncaught exception";
  if (std::exception_ptr E = std::current_exception()) {
    try {
      std::rethrow_exception(E);
    } catch (const std::exception &X) {
      What += ": ";
      What += X.what();
    } catch (...) {
    }
  }
  writeLine(What.c_str());
  ::_exit(ExitInternal);
}

/// Handlers run on their own stack, so that a stack overflow reaches them.
/// 64 KiB: recovery's handler and our last-resort one need a few KiB.
void installSignalHandlers() {
  static char AltStack[64 * 1024];
  stack_t SS{};
  SS.ss_sp = AltStack;
  SS.ss_size = sizeof(AltStack);
  ::sigaltstack(&SS, nullptr);
  struct sigaction SA {};
  SA.sa_handler = onCrashSignal;
  SA.sa_flags = SA_ONSTACK | SA_NODEFER | SA_RESETHAND;
  sigemptyset(&SA.sa_mask);
  for (int Signal : CrashSignals)
    ::sigaction(Signal, &SA, nullptr);
}

/// Recurses until the stack overflows; the bound (never reached) keeps the
/// compiler from proving the recursion infinite.
[[gnu::noinline]] unsigned recurseDeeply(unsigned Depth, unsigned Limit) {
  volatile char Frame[512];
  Frame[Depth % sizeof(Frame)] = static_cast<char>(Depth);
  if (Depth == Limit)
    return Frame[0];
  return recurseDeeply(Depth + 1, Limit) + Frame[Depth % sizeof(Frame)];
}

} // namespace

void installCrashGuard(CrashMode Mode) {
  GMode = Mode;
  installSignalHandlers();
  llvm::install_fatal_error_handler(onFatalError);
  std::set_terminate(onTerminate);
  // Enabled last: its handlers chain to ours when no recovery context runs.
  enableCrashRecovery();
}

void enableCrashRecovery() {
  llvm::CrashRecoveryContext::Enable();
  // LLVM 19 installs its handler with sa_flags 0: on an overflowed stack the
  // kernel cannot push the handler's frame and kills the process, so the
  // overflow escapes recovery. The same handler, run on the alternate stack,
  // unwinds (longjmp) to the recovery context like any other crash.
  for (int Signal : CrashSignals) {
    struct sigaction Current {};
    if (::sigaction(Signal, nullptr, &Current) != 0 || (Current.sa_flags & SA_ONSTACK))
      continue;
    Current.sa_flags |= SA_ONSTACK;
    ::sigaction(Signal, &Current, nullptr);
  }
}

void setCrashMode(CrashMode Mode) { GMode = Mode; }

void maybeInjectFault(llvm::StringRef Step) {
  const char *Spec = std::getenv("PURECC_TEST_CRASH");
  if (!Spec)
    return;
  auto [Where, How] = llvm::StringRef(Spec).split(':');
  if (Where != Step)
    return;
  if (How == "stack")
    (void)recurseDeeply(0, ~0u);
  else if (How == "fatal")
    llvm::report_fatal_error("injected by PURECC_TEST_CRASH");
  else if (How == "throw")
    throw std::runtime_error("injected by PURECC_TEST_CRASH");
  // A real fault, not raise(): a handler that returns from a raised signal
  // lets the program go on, one that returns from a fault does not.
  volatile std::uintptr_t Bad = 16;
  *reinterpret_cast<volatile int *>(Bad) = 0;
}

} // namespace purecc
