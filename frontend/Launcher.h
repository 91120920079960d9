//===- Launcher.h - purecc in front of a real compiler --------------------===//
//
//   purecc <compiler> <compiler args...>
//   (CMake: CXX_COMPILER_LAUNCHER=purecc; Make: CXX = purecc g++)
//
// A compile (-c or -S) of one C++ source that uses purecc's attributes is
// checked with the command's own flags, rewritten to a file in a private
// temporary directory, and that file is compiled by the real compiler with
// the original file's directory added as the first `-iquote` directory, the
// runtime headers and -fopenmp, and without the compiler's warnings about
// purecc attributes left in headers (only the main file is rewritten; the
// check has read the headers). The rewritten file starts with
// `#line 1 "<original path>"`, so the compiler's diagnostics, __FILE__ and
// debug line tables name the user's file; the dependency file (-MD) is
// patched to name it too, so incremental builds see the real source.
// A purity violation fails the compile, with purecc's diagnostics at the
// user's file and line. An internal error of purecc never does: the user's
// original source is compiled instead, after one warning (CrashGuard.h).
//
// PURECC_REMARKS=1 in the environment prints the `--remarks` remarks (what
// was parallelized, what stayed serial and why) on stderr during the build.
//
// Everything else runs the real command unchanged (exec, no parse): sources
// without purecc attributes (see PreScan.h), C files, -E and -M, links,
// and command lines purecc cannot read.
//
//   if (purecc::isCompilerCommand(Args)) return purecc::runLauncher(Args);
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace purecc {

/// Runs the compile Args describes; returns the exit status: the real
/// compiler's, 1 for purity violations, 2 when purecc cannot run it.
int runLauncher(const std::vector<std::string> &Args);

/// The directory holding purecc's runtime headers (purecc/purecc.h): the
/// installed prefix's include directory when purecc runs from an install,
/// else the source tree it was built from.
std::string runtimeIncludeDir();

} // namespace purecc
