//===- LoopDirectives.cpp - loops whose text holds preprocessor directives ===//
#include "LoopDirectives.h"

#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

#include <vector>

using namespace clang;

namespace purecc {

namespace {

/// The main file's tokens from an offset on, as the raw lexer sees them
/// (no macro expanded, every branch of a conditional), with each
/// directive line read as one item: `#` at the start of a line, its name
/// (`if`, `else`, `pragma`...), and the rest of its line skipped.
class DirectiveLexer {
public:
  DirectiveLexer(PlanContext &PC, unsigned From)
      : PC(PC), Buffer(PC.SM.getBufferData(PC.SM.getMainFileID())),
        Lex(PC.SM.getLocForStartOfFile(PC.SM.getMainFileID()), PC.LO, Buffer.begin(),
            Buffer.begin() + From, Buffer.end()) {
    Lex.LexFromRawLexer(Tok);
  }

  struct Item {
    Token Tok;
    std::string Directive; // the directive's name; empty for a plain token
    unsigned Offset = 0, Line = 0;
  };

  Item next() {
    Item I{Tok, "", PC.SM.getFileOffset(Tok.getLocation()), 0};
    I.Line = PC.SM.getLineNumber(PC.SM.getMainFileID(), I.Offset);
    if (Tok.is(tok::eof))
      return I;
    bool IsDirective = Tok.is(tok::hash) && Tok.isAtStartOfLine();
    Lex.LexFromRawLexer(Tok);
    if (!IsDirective)
      return I;
    I.Directive = "#";
    if (Tok.is(tok::eof) || Tok.isAtStartOfLine())
      return I; // a null directive, `#` alone on its line
    if (Tok.is(tok::raw_identifier))
      I.Directive += Tok.getRawIdentifier().str();
    do
      Lex.LexFromRawLexer(Tok);
    while (Tok.isNot(tok::eof) && !Tok.isAtStartOfLine());
    return I;
  }

private:
  PlanContext &PC;
  StringRef Buffer;
  Lexer Lex;
  Token Tok;
};

bool opens(StringRef D) { return D == "#if" || D == "#ifdef" || D == "#ifndef"; }
bool continues(StringRef D) { return D == "#else" || D.starts_with("#elif"); }

} // namespace

std::optional<unsigned> endPastDirectives(PlanContext &PC, const Stmt *Body, std::string &Why) {
  const auto *E = dyn_cast<Expr>(Body);
  if (!E || !PC.offsets(E->getEndLoc()))
    return std::nullopt;
  // The body's expression is compiled text, and so is its ';'. What
  // follows the expression up to that ';' is directives and the branches
  // that were not compiled: a branch after the one the expression ends in
  // (`#else` / `#elif` up to the matching `#endif`).
  DirectiveLexer Lex(PC, PC.SM.getFileOffset(E->getEndLoc()));
  Lex.next(); // the expression's last token
  bool Skipping = false, SawDirective = false;
  unsigned Nested = 0; // conditionals opened inside a skipped branch
  for (DirectiveLexer::Item I = Lex.next(); I.Tok.isNot(tok::eof); I = Lex.next()) {
    StringRef D = I.Directive;
    if (D.empty()) {
      if (Skipping)
        continue;
      if (I.Tok.is(tok::semi) && SawDirective)
        return I.Offset + 1;
      return std::nullopt;
    }
    SawDirective = true;
    if (Skipping) {
      if (opens(D))
        ++Nested;
      else if (D == "#endif" && Nested > 0)
        --Nested;
      else if (D == "#endif")
        Skipping = false;
    } else if (opens(D)) {
      // Which of its branches is compiled (and so which ';' ends the body)
      // the text alone does not say.
      Why = "the ';' that ends the loop body follows a preprocessor conditional ('" + D.str() +
            "' on line " + std::to_string(I.Line) +
            ") that begins after the body's expression, so which ';' is compiled is not known";
      return std::nullopt;
    } else if (continues(D)) {
      Skipping = true;
    }
  }
  return std::nullopt;
}

std::optional<std::string> splitConditional(PlanContext &PC, unsigned HeaderBegin,
                                            unsigned HeaderEnd, unsigned BodyEnd) {
  if (PC.textAt(HeaderBegin, BodyEnd).find('#') == std::string::npos)
    return std::nullopt;
  auto Where = [](const DirectiveLexer::Item &I) {
    return "('" + I.Directive + "' on line " + std::to_string(I.Line) + ")";
  };
  std::vector<DirectiveLexer::Item> Open;
  DirectiveLexer Lex(PC, HeaderBegin);
  for (DirectiveLexer::Item I = Lex.next(); I.Tok.isNot(tok::eof) && I.Offset < BodyEnd;
       I = Lex.next()) {
    StringRef D = I.Directive;
    if (D.empty())
      continue;
    if (I.Offset < HeaderEnd)
      return "the loop's header contains a preprocessor directive " + Where(I) +
             ", which the rewritten header would drop";
    if (opens(D)) {
      Open.push_back(I);
    } else if ((continues(D) || D == "#endif") && Open.empty()) {
      return "the loop body holds a preprocessor directive " + Where(I) +
             " of a conditional that begins before the loop, which the rewritten loop would "
             "split";
    } else if (D == "#endif") {
      Open.pop_back();
    }
  }
  if (!Open.empty())
    return "the loop body holds a preprocessor conditional " + Where(Open.front()) +
           " that ends after the loop, which the rewritten loop would split";
  return std::nullopt;
}

} // namespace purecc
