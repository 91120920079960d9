//===- LineDirectives.h - keep the output's lines the user's lines --------===//
//
// Compiler errors, warnings and debuggers must point at the user's file and
// line, not at the rewritten file. The transformations keep the number of
// lines of every span they replace, so after the `#line 1 "<file>"` that
// follows the inserted #include, every line is where it was. Should an edit
// ever add or remove lines, the next line that starts a token outside any
// comment or string gets a `#line N "<file>"` that puts it back.
//
//   LineDirectives Lines(SM, LangOpts);
//   Out += Lines.directive(1);
//   Lines.copy(Out, From, To);             // original text
//   Lines.replace(Out, Begin, End, Text);  // an edit
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"

#include <string>

namespace purecc {

class LineDirectives {
public:
  LineDirectives(const clang::SourceManager &SM, const clang::LangOptions &LO);

  /// `#line <Line> "<main file>"` and a newline.
  std::string directive(unsigned Line) const;

  /// Appends the original bytes [From, To), resynchronizing lines first
  /// when an edit moved them.
  void copy(std::string &Out, unsigned From, unsigned To);

  /// Appends Text in place of the original bytes [Begin, End).
  void replace(std::string &Out, unsigned Begin, unsigned End, const std::string &Text);

  /// The text appended last ended with a directive for the next line.
  void resynchronized() { Drift = 0; }

private:
  /// The offset of the first line after Off that starts with a token (so
  /// not inside a comment or a string literal), or npos.
  size_t nextSafeLineStart(unsigned Off) const;

  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  llvm::StringRef Buffer;
  std::string FileName;
  long Drift = 0; // output lines minus original lines so far
};

} // namespace purecc
