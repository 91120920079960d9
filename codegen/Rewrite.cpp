//===- Rewrite.cpp - the rewrite step -------------------------------------===//
//
// Applies a Plan to the main file's text. Only planned spans change; every
// other byte of the file is copied as it is.
//
//===----------------------------------------------------------------------===//
#include "Plan.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Rewrite/Core/Rewriter.h"

using namespace clang;

namespace purecc {
namespace {

/// Widens an attribute name's range to the whole `[[...]]` specifier when the
/// specifier holds only that attribute, so that it can be hidden whole.
CharSourceRange wholeSpecifier(const SourceManager &SM, SourceRange Name,
                               const LangOptions &LO) {
  CharSourceRange Tok = CharSourceRange::getTokenRange(Name);
  StringRef Buffer = SM.getBufferData(SM.getFileID(Name.getBegin()));
  unsigned Begin = SM.getFileOffset(Name.getBegin());
  unsigned End = SM.getFileOffset(Lexer::getLocForEndOfToken(Name.getEnd(), 0, SM, LO));
  unsigned B = Begin, E = End;
  while (B > 0 && isspace(static_cast<unsigned char>(Buffer[B - 1])))
    --B;
  while (E < Buffer.size() && isspace(static_cast<unsigned char>(Buffer[E])))
    ++E;
  if (B >= 2 && Buffer.substr(B - 2, 2) == "[[" && Buffer.substr(E, 2) == "]]")
    return CharSourceRange::getCharRange(Name.getBegin().getLocWithOffset(-int(Begin - B + 2)),
                                         Name.getBegin().getLocWithOffset(int(E + 2 - Begin)));
  return Tok;
}

} // namespace

std::string applyPlan(ASTContext &Ctx, const Plan &P) {
  SourceManager &SM = Ctx.getSourceManager();
  Rewriter RW(SM, Ctx.getLangOpts());
  for (const AttributeToHide &A : P.Attributes) {
    CharSourceRange R = wholeSpecifier(SM, A.Range, Ctx.getLangOpts());
    std::string Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
    RW.ReplaceText(R, "/*" + Text + "*/");
  }
  FileID Main = SM.getMainFileID();
  if (const RewriteBuffer *Buf = RW.getRewriteBufferFor(Main))
    return std::string(Buf->begin(), Buf->end());
  return SM.getBufferData(Main).str();
}

} // namespace purecc
