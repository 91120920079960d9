//===- Escapes.cpp - where a local's address leaves the function's control ===//
#include "Escapes.h"
#include "StmtDeps.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace purecc {

llvm::SmallPtrSet<const VarDecl *, 8> EscapeSites::all() const {
  llvm::SmallPtrSet<const VarDecl *, 8> Out;
  for (const auto &[VD, Where] : Sites)
    Out.insert(VD);
  return Out;
}

llvm::SmallPtrSet<const VarDecl *, 8> EscapeSites::during(const Stmt *Loop,
                                                          const PlanContext &PC) const {
  if (HasLabels)
    return all();
  const SourceManager &SM = PC.SM;
  // The loops around Loop, up to the function body (a lambda's body is a
  // function body of its own: code after it may run before it).
  llvm::SmallVector<const Stmt *, 4> Around;
  for (DynTypedNodeList Parents = PC.Ctx.getParents(*Loop); !Parents.empty();) {
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P || isa<LambdaExpr>(P))
      break;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      Around.push_back(P);
    Parents = PC.Ctx.getParents(*P);
  }
  auto Inside = [&](const Stmt *S, const Stmt *Outer) {
    return !SM.isBeforeInTranslationUnit(S->getBeginLoc(), Outer->getBeginLoc()) &&
           !SM.isBeforeInTranslationUnit(Outer->getEndLoc(), S->getBeginLoc());
  };
  llvm::SmallPtrSet<const VarDecl *, 8> Out;
  for (const auto &[VD, Where] : Sites)
    for (const Stmt *S : Where)
      if (!SM.isBeforeInTranslationUnit(Loop->getEndLoc(), S->getBeginLoc()) ||
          llvm::any_of(Around, [&](const Stmt *A) { return Inside(S, A); })) {
        Out.insert(VD);
        break;
      }
  return Out;
}

EscapeSites findEscapes(const FunctionDecl *FD, const PlanContext &PC) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ASTContext &Ctx;
    const EffectScanner &ES;
    EscapeSites Out;
    Finder(ASTContext &Ctx, const EffectScanner &ES) : Ctx(Ctx), ES(ES) {}
    void escape(const Expr *E, const Stmt *Site = nullptr) {
      if (const VarDecl *VD = baseVariable(E); isOwnedLocal(VD))
        Out.Sites[VD].push_back(Site ? Site : E);
    }
    bool VisitLabelStmt(LabelStmt *) {
      Out.HasLabels = true;
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *UO) {
      if (UO->getOpcode() == UO_AddrOf)
        escape(UO->getSubExpr());
      return true;
    }
    bool VisitImplicitCastExpr(ImplicitCastExpr *IC) {
      if (IC->getCastKind() != CK_ArrayToPointerDecay)
        return true;
      for (const DynTypedNode &P : Ctx.getParents(*IC))
        if (const auto *AS = P.get<ArraySubscriptExpr>(); AS && AS->getBase() == IC)
          return true;
      escape(IC->getSubExpr());
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      if (const auto *MD = MC->getMethodDecl(); MD && MD->getDeclName().isIdentifier() &&
                                                 MD->getName() == "data")
        escape(MC->getImplicitObjectArgument());
      return true;
    }
    bool VisitVarDecl(VarDecl *VD) {
      QualType T = VD->getType();
      if (VD->getInit() && T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        escape(VD->getInit());
      return true;
    }
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (Callee && ES.isEffectFreeCallee(Callee))
        return true;
      for (unsigned I = 0; Callee && I < CE->getNumArgs() && I < Callee->getNumParams(); ++I) {
        QualType PT = Callee->getParamDecl(I)->getType();
        if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified())
          escape(CE->getArg(I));
      }
      return true;
    }
    bool VisitLambdaExpr(LambdaExpr *LE) {
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()); isOwnedLocal(VD))
            Out.Sites[VD].push_back(LE);
      return true;
    }
  };
  EffectScanner ES(PC);
  Finder F(PC.Ctx, ES);
  if (FD->getBody())
    F.TraverseStmt(FD->getBody());
  return std::move(F.Out);
}

} // namespace purecc
