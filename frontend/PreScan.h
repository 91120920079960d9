//===- PreScan.h - may this source use purecc's attributes? ---------------===//
//
// In launcher mode most compiles in a build have nothing to do with purecc;
// they must run exactly as without it, and without waiting for a Clang parse.
// A textual look decides: a source needs purecc when it, or a header it
// includes with quotes ("x.h", found the way the compiler finds it), holds an
// attribute specifier `[[...]]` that names `pure` or `purecc`
// ([[pure]], [[purecc::memo]], [[nodiscard, pure]], [[using purecc: pure]],
// or a macro defined as one). The test errs on the side of yes: a match
// inside a comment only costs a parse that finds nothing. Headers included
// with angle brackets (<proj/x.h>) are read when the command's own -I or
// -isystem directories hold them; the system's directories are never read
// (library headers do not use purecc). Plain C++ (no LLVM): the launcher
// front (front/) runs it before deciding to load Clang.
//
//   purecc::IncludeSearch Dirs{C.QuoteDirs, C.AngleDirs, C.SystemDirs};
//   if (!purecc::mayUsePurecc("a.cpp", Dirs)) ...pass the compile through...
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace purecc {

/// The command's include directories: quoted includes are looked up in the
/// including file's own directory, then -iquote, -I and -isystem; angle
/// includes in -I, then -isystem (as GCC and Clang do, minus the system's).
struct IncludeSearch {
  std::vector<std::string> QuoteDirs;  // -iquote
  std::vector<std::string> AngleDirs;  // -I
  std::vector<std::string> SystemDirs; // -isystem, -idirafter
  /// -include and -imacros files, which the compiler reads before the
  /// source as if it included them, looked up from the current directory
  /// first (as GCC does): a [[pure]] declaration that reaches the unit only
  /// this way still makes it purecc's (adv72 F3).
  std::vector<std::string> Forced;
  /// -D values: a macro defined as the attribute (`-DPURE=[[pure]]`) counts.
  std::vector<std::string> Defines;
  /// Set when the command finds headers in ways the scan does not follow
  /// (-iprefix/-iwithprefix/-iwithprefixbefore, `-I=` under a sysroot):
  /// the answer is then yes, and a parse decides (adv73 F4).
  bool Unfollowed = false;
};

/// Appends the directories the compiler takes from the environment: CPATH
/// (searched like -I, after the command's) and CPLUS_INCLUDE_PATH (like
/// -isystem); an empty entry is the current directory.
void addEnvironmentDirs(IncludeSearch &Search);

/// Whether Text holds an attribute specifier naming `pure` or `purecc`,
/// also spelled with digraphs (`<:<:pure:>:>`) or split by a
/// backslash-newline.
bool mentionsPureccAttribute(std::string_view Text);

/// Whether the source at Path, a file the command includes before it
/// (Search.Forced), or a header they include from the command's
/// directories (transitively), mentions a purecc attribute. Unreadable files count as
/// no: the compiler will say what is wrong with them.
bool mayUsePurecc(const std::string &Path, const IncludeSearch &Search);

} // namespace purecc
