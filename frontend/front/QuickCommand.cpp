//===- QuickCommand.cpp - can this compile skip purecc? (no LLVM) ---------===//
#include "QuickCommand.h"

#include "CommandNames.h"
#include "PreScan.h"

#include <string_view>

namespace purecc {
namespace {

/// Reads an include-directory option at Args[I] ("-Idir", "-I dir",
/// "-iquote dir", "-iquotedir", "--include-directory=dir"), a file the
/// compiler includes first ("-include f.h", "-imacros f.h", "--include=f.h")
/// or a -D into Search; returns how many words it used (0: not one).
size_t readIncludeDir(const std::vector<std::string> &Args, size_t I, IncludeSearch &Search) {
  std::string_view A = Args[I];
  auto Take = [&](std::string_view Flag, std::vector<std::string> &Into) -> size_t {
    if (!A.starts_with(Flag))
      return 0;
    if (A.size() > Flag.size()) {
      Into.emplace_back(A.substr(Flag.size()));
      return 1;
    }
    if (I + 1 < Args.size()) {
      Into.push_back(Args[I + 1]);
      return 2;
    }
    return 1;
  };
  // Directories the scan cannot follow: a sysroot's '=', a prefix.
  if (A.starts_with("-I=") || A.starts_with("-isystem=") || A.starts_with("-iquote=") ||
      A.starts_with("-idirafter="))
    Search.Unfollowed = true;
  if (size_t N = Take("-iquote", Search.QuoteDirs))
    return N;
  if (size_t N = Take("-isystem", Search.SystemDirs))
    return N;
  if (size_t N = Take("-idirafter", Search.SystemDirs))
    return N;
  if (size_t N = Take("--include-directory=", Search.AngleDirs))
    return N;
  if (A.starts_with("-include-") || A.starts_with("-imacros-"))
    return 0; // -include-pch: a precompiled header, no text to read
  for (std::string_view Forced : {"--include=", "--imacros=", "--include", "--imacros", "-include", "-imacros"})
    if (size_t N = Take(Forced, Search.Forced))
      return N;
  if (size_t N = Take("-D", Search.Defines))
    return N;
  for (std::string_view Prefixed : {"-iprefix", "-iwithprefix", "-iwithprefixbefore"})
    if (A.starts_with(Prefixed)) {
      Search.Unfollowed = true;
      return 1;
    }
  if (A.starts_with("-I") && A != "-I-")
    return Take("-I", Search.AngleDirs);
  return 0;
}

} // namespace

QuickVerdict classifyQuickly(const std::vector<std::string> &Args) {
  IncludeSearch Search;
  std::vector<const std::string *> CxxWords;
  for (size_t I = 0; I < Args.size();) {
    const std::string &A = Args[I];
    if (A.starts_with("@") || A.starts_with("-x"))
      return QuickVerdict::AskCore;
    if (size_t Used = readIncludeDir(Args, I, Search)) {
      I += Used;
      continue;
    }
    if (isCxxSourceName(A))
      CxxWords.push_back(&A);
    ++I;
  }
  addEnvironmentDirs(Search);
  for (const std::string *Word : CxxWords)
    if (mayUsePurecc(*Word, Search))
      return QuickVerdict::AskCore;
  return QuickVerdict::PassThrough;
}

} // namespace purecc
