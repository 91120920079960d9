//===- OutlivesException.cpp - what a handler sees after a throw ----------===//
#include "OutlivesException.h"
#include "BodyWalk.h"
#include "StmtDeps.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace purecc {

std::string outlivesException(PlanContext &PC, const Stmt *Where,
                              llvm::ArrayRef<const VarDecl *> Written) {
  // The try statements whose block holds Where, innermost first.
  std::vector<const CXXTryStmt *> Tries;
  // A lambda's body runs where the lambda is called, whose handlers see
  // what it captured: the try statements around its definition do not count.
  const Stmt *LambdaBody = nullptr;
  const Stmt *At = Where;
  for (unsigned Depth = 0; At && Depth < 256; ++Depth) {
    const Stmt *Up = nullptr;
    const Decl *Owner = nullptr;
    for (const DynTypedNode &P : PC.Ctx.getParents(*At)) {
      if ((Up = P.get<Stmt>()))
        break;
      if (!Owner)
        Owner = P.get<Decl>();
    }
    if (const auto *LE = dyn_cast_or_null<LambdaExpr>(Up)) {
      LambdaBody = LE->getBody();
      break;
    }
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Owner); !Up && MD && MD->getParent()->isLambda())
      LambdaBody = MD->getBody();
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Up); Try && Try->getTryBlock() == At)
      Tries.push_back(Try);
    At = Up;
  }
  const SourceManager &SM = PC.SM;
  auto Inside = [&](const VarDecl *V, const Stmt *Block) {
    SourceRange B = Block->getSourceRange();
    SourceLocation Loc = V->getLocation();
    return !SM.isBeforeInTranslationUnit(Loc, B.getBegin()) &&
           !SM.isBeforeInTranslationUnit(B.getEnd(), Loc);
  };
  std::string Seen;
  for (const VarDecl *V : Written) {
    if (!V)
      continue;
    if (!isOwnedLocal(V)) {
      Seen = quoted(V) + " outlives the function, so a caller that catches the exception reads it";
      break;
    }
    if (LambdaBody && !Inside(V, LambdaBody)) {
      Seen = quoted(V) + " is captured by the lambda on line " +
             std::to_string(SM.getPresumedLineNumber(LambdaBody->getBeginLoc())) +
             ", whose caller may catch the exception and read it";
      break;
    }
    for (const CXXTryStmt *Try : Tries)
      if (!Inside(V, Try->getTryBlock())) {
        bool HandlerReads = false;
        for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
          HandlerReads |= mentions(Try->getHandler(H)->getHandlerBlock(), V);
        Seen = quoted(V) + " is declared outside the 'try' statement on line " +
               std::to_string(SM.getPresumedLineNumber(Try->getBeginLoc())) +
               (HandlerReads ? ", whose handlers read it after the exception"
                             : ", so it is still in scope after its handlers");
        break;
      }
    if (!Seen.empty())
      break;
  }
  return Seen;
}

} // namespace purecc
