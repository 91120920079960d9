//===- ProjectCheck.h - purecc check over a whole compile database --------===//
//
//   purecc check -p <build-dir>
//
// Checks every C++ translation unit listed in <build-dir>/compile_commands.json
// with its own flags (g++ command lines are read as Launcher.h reads them),
// as many at a time as there are cores, each unit in a child process of its
// own (ChildUnits.h), so that nothing that goes wrong in one unit (even a stack overflow or
// a corrupted heap) can stop or taint the others: a unit that fails is named
// (`internal error while checking 'x.cpp'`), the rest are checked, and the
// exit status is 3. Each unit's diagnostics are printed whole, never
// interleaved with another's; on a terminal a progress line shows how far
// the check has got. The summary line of every check follows
// (CheckSummary.h):
//
//   12 files, 48 pure functions verified, 2 violations
//
// Violations are purecc's error diagnostics (its warnings under --warn-only).
// Clang's own errors are printed too and counted as files that did not
// compile; Clang's warnings are not purecc's business and are not shown.
// Exit status as for `purecc check`: 0 clean, 1 violations or compile errors,
// 2 no usable compile database, 3 internal error.
//
//   if (O.Cmd == Command::Check && O.Files.empty() && O.BuildDir)
//     return purecc::checkProject(O);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CommandLine.h"

namespace purecc {

int checkProject(const Options &O);

} // namespace purecc
