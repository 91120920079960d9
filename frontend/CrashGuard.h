//===- CrashGuard.h - no internal fault escapes purecc-core ---------------===//
//
// A fault inside purecc (a null dereference, an assertion, a stack
// overflow, llvm::report_fatal_error, an uncaught exception) must end in the
// documented exit status 3 with one line on stderr, never in a signal and a
// core dump; and in launcher mode it must never break the user's build.
// Three layers make sure of it:
//
//  1. the tool runs inside llvm::CrashRecoveryContext (Driver.cpp,
//     UnitCheck.cpp), which this file enables: a crash inside a unit's
//     check unwinds to the caller, which reports it (the launcher then
//     compiles the user's original source, see Launcher.cpp). A stack
//     overflow too: LLVM installs the recovery's handler without
//     SA_ONSTACK, so it would run on the exhausted stack and the kernel
//     would kill the process; enableCrashRecovery() moves it to the
//     alternate signal stack this file gives the main thread. (`check`
//     adds a fourth layer: each unit in a process of its own, see
//     ChildUnits.h);
//  2. a fatal error handler, a terminate handler and last-resort signal
//     handlers (on their own stack, so that a stack overflow is caught too)
//     print one line and exit with 3 — or, in launcher mode, die by the
//     signal so that layer 3 takes over;
//  3. the `purecc` front (front/Front.cpp) runs purecc-core as a child: if
//     the core dies by a crash signal anyway, the front prints one line and
//     exits with 3, or in launcher mode compiles the original source.
//
//   int main(int argc, char **argv) {
//     purecc::installCrashGuard(purecc::CrashMode::ExitInternal);
//     ...
//   }
//
// Test-only: PURECC_TEST_CRASH=<step>[:<how>] makes the pipeline fault on
// purpose at the start of <step> (verify, plan, rewrite, emit), <how> being
// segv (default), stack (unbounded recursion), fatal
// (llvm::report_fatal_error) or throw (an uncaught C++ exception). It exists
// so that the tests can prove the three layers work; never set it otherwise.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

namespace purecc {

enum class CrashMode {
  ExitInternal, ///< one line, exit status 3
  DieBySignal,  ///< launcher: die by the signal, the front compiles the original
};

/// Enables crash recovery and installs the last-resort handlers.
void installCrashGuard(CrashMode Mode);

/// llvm::CrashRecoveryContext::Enable(), with its handlers on the
/// alternate signal stack so that a stack overflow is recovered like any
/// other crash. Use it instead of Enable() wherever recovery is
/// (re-)enabled. Only the main thread has an alternate stack: run
/// recoverable work there (or give the thread one with sigaltstack).
void enableCrashRecovery();

/// Changes what the last-resort handlers do (a process that checks one unit
/// for `check -p` dies silently, and its parent reports the unit).
void setCrashMode(CrashMode Mode);

/// Test-only (see the file comment): faults on purpose when
/// PURECC_TEST_CRASH names Step.
void maybeInjectFault(llvm::StringRef Step);

} // namespace purecc
