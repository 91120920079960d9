//===- QuickCommand.h - can this compile skip purecc? (no LLVM) -----------===//
//
// Most compiles in a build that uses purecc as its launcher never mention
// purecc's attributes. They must run as if purecc were not there, at the
// cost of one exec, not of loading LLVM and Clang (~0.1 s of CPU each).
// The launcher front answers one question from the words of the command
// alone: may any C++ source this command names use purecc? It reads no
// option table, so it leans to "maybe" whenever the words are not plain:
//
//   - a response file (@file) or a language override (-x): maybe;
//   - every word with a C++ source extension (.cpp, .cc, ...), wherever it
//     stands, is pre-scanned (PreScan.h) with the -I and -iquote
//     directories of the command; any hit: maybe;
//   - otherwise: no, and the front execs the real command unchanged.
//
// "Maybe" hands the command to the full tool (purecc-core), whose Clang
// option table reads it exactly and may still pass it through.
//
//   purecc::QuickVerdict V = purecc::classifyQuickly({"g++", "-c", "a.cpp"});
//   if (V == purecc::QuickVerdict::PassThrough) ...exec g++...
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace purecc {

enum class QuickVerdict {
  PassThrough, ///< nothing here can use purecc: run the command as it is
  AskCore,     ///< a source may use purecc, or the command is not plain
};

/// Classifies a compiler command (Args[0] is a wrapper or the compiler).
QuickVerdict classifyQuickly(const std::vector<std::string> &Args);

} // namespace purecc
