//===- LineDirectives.cpp - keep the output's lines the user's lines ------===//
#include "LineDirectives.h"

#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;

namespace purecc {
namespace {

long countLines(llvm::StringRef S) { return static_cast<long>(std::count(S.begin(), S.end(), '\n')); }

} // namespace

LineDirectives::LineDirectives(const SourceManager &SM, const LangOptions &LO)
    : SM(SM), LO(LO), Buffer(SM.getBufferData(SM.getMainFileID())) {
  if (OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getMainFileID()))
    FileName = F->getName().str();
}

std::string LineDirectives::directive(unsigned Line) const {
  // Under a `#line` of the user's (a generated parser's `#line 500
  // "gram.y"`), the line is where that directive puts it (adv56 t11: the
  // serial clone's directive put every later '__LINE__' back in the main
  // file).
  std::string Name = FileName;
  if (SourceLocation Loc = SM.translateLineCol(SM.getMainFileID(), Line, 1); Loc.isValid()) {
    PresumedLoc Presumed = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/true);
    PresumedLoc Physical = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/false);
    if (Presumed.isValid() && Physical.isValid() &&
        (Presumed.getLine() != Physical.getLine() ||
         llvm::StringRef(Presumed.getFilename()) != Physical.getFilename())) {
      Line = Presumed.getLine();
      Name = Presumed.getFilename();
    }
  }
  std::string Escaped;
  for (char C : Name) {
    if (C == '\\' || C == '"')
      Escaped += '\\';
    Escaped += C;
  }
  return "#line " + std::to_string(Line) + " \"" + Escaped + "\"\n";
}

size_t LineDirectives::nextSafeLineStart(unsigned Off) const {
  FileID Main = SM.getMainFileID();
  Lexer Lex(SM.getLocForStartOfFile(Main), LO, Buffer.begin(), Buffer.begin() + Off, Buffer.end());
  Lex.SetCommentRetentionState(false);
  Token Tok;
  while (true) {
    bool Last = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      return llvm::StringRef::npos;
    unsigned At = SM.getFileOffset(Tok.getLocation());
    size_t NewLine = At == 0 ? llvm::StringRef::npos : Buffer.rfind('\n', At - 1);
    size_t LineStart = NewLine == llvm::StringRef::npos ? 0 : NewLine + 1;
    // A lexer started at Off takes its first token for one at the start of
    // a line: one on Off's own line is not (user47 k01: `0.0) / 2.0;` after
    // a rewritten call's last line was copied whole, the call's tail
    // twice).
    if (At > Off && Tok.isAtStartOfLine() && LineStart >= Off)
      return LineStart;
    if (Last)
      return llvm::StringRef::npos;
  }
}

void LineDirectives::copy(std::string &Out, unsigned From, unsigned To) {
  if (Drift != 0 && From < To) {
    size_t Safe = nextSafeLineStart(From);
    if (Safe != llvm::StringRef::npos && Safe < To) {
      Out += Buffer.slice(From, Safe);
      if (!Out.empty() && Out.back() != '\n')
        Out += '\n';
      // The line Safe starts is line (lines before it) + 1 of the input.
      Out += directive(static_cast<unsigned>(countLines(Buffer.take_front(Safe))) + 1);
      Drift = 0;
      From = static_cast<unsigned>(Safe);
    }
  }
  Out += Buffer.slice(From, To);
}

void LineDirectives::replace(std::string &Out, unsigned Begin, unsigned End,
                             const std::string &Text) {
  Out += Text;
  Drift += countLines(Text) - countLines(Buffer.slice(Begin, End));
}

} // namespace purecc
