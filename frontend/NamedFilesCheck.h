//===- NamedFilesCheck.h - purecc check over the files named ---------------===//
//
//   purecc check [--suggest] [--fix] a.cpp b.cpp [-p <build-dir> | -- <flags>]
//
// Each named file is checked in a child process of its own (ChildUnits.h),
// like every unit of `check -p <build-dir>`, so that a fault in one of them
// (a stack overflow, a corrupted heap) cannot end the run or taint the
// others. The files are checked one after another, in the order named, each
// child printing its own diagnostics as it goes (carets, colours and
// --dump-after as in a single process). A file purecc fails on is named on
// one line (`purecc: error: internal error while checking '/src/b.cpp';
// please report it`), the others are checked, and the exit status is 3.
//
// After the last file: JSON and SARIF write one document of every checked
// file's diagnostics; --fix applies the fix-its of the files checked to the
// end, never those of a failed one (what it reported before failing may be
// half of what it would have), though a header it shares with a file that
// was checked gets that file's fix-its; and text output closes with the
// summary line of every `check` (CheckSummary.h).
//
//   return purecc::checkFiles(O, *Collector, [&](const std::string &File) {
//     return checkOneFile(File); // runs in the child
//   });
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CommandLine.h"
#include "DiagnosticCollector.h"
#include "Pipeline.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace purecc {

/// What running the pipeline over one named file in process found.
struct FileOutcome {
  int Status = 0;       // ClangTool::run's: 1 errors, 2 no compile command
  bool Crashed = false; // crash recovery caught a fault in purecc
  PipelineResult Result;
  std::vector<DiagnosticRecord> Records;
};

/// Checks O.Files (see the file comment), each with CheckOne in a child;
/// Run collects the diagnostics of the whole run. Returns the exit status.
int checkFiles(const Options &O, DiagnosticCollector &Run,
               llvm::function_ref<FileOutcome(const std::string &File)> CheckOne);

} // namespace purecc
