//===- HiddenAttributes.cpp - purecc's attributes become comments ---------===//
#include "HiddenAttributes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;

namespace purecc {
namespace {

/// Collects the purecc attributes written in the main file.
class AttributeCollector : public RecursiveASTVisitor<AttributeCollector> {
public:
  AttributeCollector(const SourceManager &SM, Plan &P) : SM(SM), P(P) {}
  bool shouldVisitLambdaBody() const { return true; }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (FunctionTemplateDecl *FT = LE->getDependentCallOperator())
      return VisitFunctionDecl(FT->getTemplatedDecl());
    return VisitFunctionDecl(LE->getCallOperator());
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    for (const auto *A : FD->specific_attrs<AnnotateAttr>()) {
      if (!A->getAnnotation().starts_with("purecc::"))
        continue;
      // Where the attribute is spelled: in a macro's definition
      // (`#define DEF(f) [[pure]] long f(...)`), that is the text to hide,
      // once for every function the macro defines, not the macro's name
      // where it is used (adv29: `DEF(f)` became `/*DEF*/(f)`).
      SourceLocation Loc = SM.getSpellingLoc(A->getLocation());
      SourceLocation End = SM.getSpellingLoc(A->getRange().getEnd());
      if (!SM.isWrittenInMainFile(Loc) || !SM.isWrittenInMainFile(End) ||
          !Seen.insert(Loc).second)
        continue;
      P.Attributes.push_back({SourceRange(Loc, End)});
    }
    return true;
  }

private:
  const SourceManager &SM;
  Plan &P;
  llvm::DenseSet<SourceLocation> Seen;
};


/// Widens an attribute name's range to the whole `[[...]]` specifier when the
/// specifier holds only that attribute, so that it can be hidden whole.
std::pair<unsigned, unsigned> wholeSpecifier(const SourceManager &SM, SourceRange Name,
                                             const LangOptions &LO) {
  StringRef Buffer = SM.getBufferData(SM.getFileID(Name.getBegin()));
  unsigned Begin = SM.getFileOffset(Name.getBegin());
  unsigned End = SM.getFileOffset(Lexer::getLocForEndOfToken(Name.getEnd(), 0, SM, LO));
  unsigned B = Begin, E = End;
  while (B > 0 && isspace(static_cast<unsigned char>(Buffer[B - 1])))
    --B;
  while (E < Buffer.size() && isspace(static_cast<unsigned char>(Buffer[E])))
    ++E;
  if (B >= 2 && Buffer.substr(B - 2, 2) == "[[" && Buffer.substr(E, 2) == "]]")
    return {B - 2, E + 2};
  return {Begin, End};
}

} // namespace

std::vector<std::pair<unsigned, unsigned>>
attributeSpans(const SourceManager &SM, const LangOptions &LO,
               llvm::ArrayRef<AttributeToHide> Attributes) {
  std::vector<std::pair<unsigned, unsigned>> Spans;
  for (const AttributeToHide &A : Attributes)
    Spans.push_back(wholeSpecifier(SM, A.Range, LO));
  std::sort(Spans.begin(), Spans.end());
  Spans.erase(std::unique(Spans.begin(), Spans.end()), Spans.end());
  return Spans;
}

std::vector<Edit> attributeEdits(const SourceManager &SM, const LangOptions &LO,
                                 llvm::ArrayRef<AttributeToHide> Attributes, unsigned Begin,
                                 unsigned End) {
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  std::vector<Edit> Edits;
  for (auto [B, E] : attributeSpans(SM, LO, Attributes))
    if (B >= Begin && E <= End)
      Edits.push_back({B, E, "/*" + Buffer.slice(B, E).str() + "*/"});
  return Edits;
}

void collectAttributes(ASTContext &Ctx, Plan &P) {
  AttributeCollector(Ctx.getSourceManager(), P).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace purecc
