//===- LoopMacros.cpp - loops written with macros -------------------------===//
#include "LoopMacros.h"

#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace purecc {

MacroUse macroAt(PlanContext &PC, SourceLocation Loc) {
  if (Loc.isInvalid() || !Loc.isMacroID())
    return {};
  CharSourceRange R = PC.SM.getExpansionRange(Loc);
  if (PC.SM.getFileID(R.getBegin()) != PC.SM.getMainFileID())
    return {};
  bool Invalid = false;
  llvm::StringRef Call = Lexer::getSourceText(R, PC.SM, PC.LO, &Invalid);
  if (Invalid || Call.empty())
    return {};
  llvm::SmallString<32> Buffer;
  llvm::StringRef Name = Lexer::getSpelling(R.getBegin(), Buffer, PC.SM, PC.LO, &Invalid);
  return {Invalid ? std::string() : Name.str(), Call.str()};
}

/// `the macro 'BODY' ('BODY(i)')`, or `a macro` when it cannot be named.
std::string macroPhrase(const MacroUse &M) {
  if (M.Name.empty())
    return "a macro";
  return "the macro '" + M.Name + "'" + (M.Call != M.Name ? " ('" + M.Call + "')" : "");
}

/// The end of a loop body that is one expression statement whose
/// expression is a whole macro call (`for (...) STORE(i);`): the offset
/// after the ';' that follows the call. The rewritten loop only inserts
/// text after it, so the macro is kept as written.
std::optional<unsigned> endOfMacroBody(PlanContext &PC, const Stmt *Body) {
  const auto *E = dyn_cast<Expr>(Body);
  if (!E)
    return std::nullopt;
  SourceLocation End = E->getEndLoc(), ExpansionEnd;
  if (!End.isMacroID() || !Lexer::isAtEndOfMacroExpansion(End, PC.SM, PC.LO, &ExpansionEnd) ||
      PC.SM.getFileID(ExpansionEnd) != PC.SM.getMainFileID())
    return std::nullopt;
  SourceLocation After = Lexer::findLocationAfterToken(ExpansionEnd, tok::semi, PC.SM, PC.LO,
                                                       /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (After.isInvalid())
    return std::nullopt;
  return PC.SM.getFileOffset(After);
}

/// Why a loop's text cannot be edited: which of its parts a macro writes.
std::string macroReason(PlanContext &PC, const Stmt *Loop, SourceLocation RParen,
                        const Stmt *Body) {
  for (SourceLocation Loc : {Loop->getBeginLoc(), RParen})
    if (Loc.isMacroID())
      return "the loop's header is written in " + macroPhrase(macroAt(PC, Loc)) +
             ": only a header written out in the source is rewritten";
  SourceLocation End = Body->getEndLoc();
  if (isa<Expr>(Body) && End.isMacroID())
    return "the loop body ends inside " + macroPhrase(macroAt(PC, End)) +
           ", whose text goes on past the body, where the rewritten loop would have to end";
  return "the loop is written in a macro";
}

} // namespace purecc
