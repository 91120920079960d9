//===- StmtDeps.cpp - statement dependences: what code reads and writes -===//
#include "StmtDeps.h"
#include "Containers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace purecc {
namespace {

/// Standard functions that only compute a value from their arguments. The
/// purity checker is the authority on user code; these are the library's
/// building blocks that codegen must see through to recognize `acc =
/// std::max(acc, f(i))` or `i < v.size()`.
bool isEffectFreeStdFunction(const FunctionDecl *FD) {
  if (!FD->isInStdNamespace() || !FD->getDeclName().isIdentifier())
    return false;
  return llvm::StringSwitch<bool>(FD->getName())
      .Cases("max", "min", "abs", "clamp", "fabs", true)
      .Default(false);
}

/// Members of standard containers that neither change nor publish the
/// container: reading through them is a read of the container.
bool isEffectFreeStdMember(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->getParent()->isInStdNamespace())
    return false;
  if (MD->getOverloadedOperator() == OO_Subscript)
    return true;
  if (!MD->getDeclName().isIdentifier())
    return false;
  return llvm::StringSwitch<bool>(MD->getName())
      .Cases("size", "empty", "length", "front", "back", true)
      // Iterators: a write through one is a write through memory.
      .Cases("begin", "end", "cbegin", "cend", true)
      .Default(false);
}

/// A temporary materialized for one call's argument (not bound to a named
/// reference): whatever the callee writes there dies with the expression.
bool isPrivateTemporary(const Expr *Arg) {
  // Not IgnoreParenImpCasts: it looks through the MaterializeTemporaryExpr
  // itself (`out[i] = g(v[i])` for a struct passes one to operator=(P&&)).
  const Expr *E = Arg->IgnoreParens();
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(E))
    E = IC->getSubExpr()->IgnoreParens();
  const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E);
  return MT && !MT->getExtendingDecl();
}

bool isTrivialSpecialMember(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    return (MD->isTrivial() || MD->isDefaulted()) &&
           (isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD) ||
            MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator());
  return false;
}

class Scanner : public RecursiveASTVisitor<Scanner> {
  using Base = RecursiveASTVisitor<Scanner>;

public:
  Scanner(const DepScanner &ES, StmtDeps &Out, const llvm::SmallPtrSetImpl<const Expr *> *Skip)
      : ES(ES), Out(Out), Skip(Skip) {}

  bool shouldVisitLambdaBody() const { return false; }

  // Code the caller judges itself (a call being parallelized, an
  // accumulator's position) is skipped whole.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (const auto *E = dyn_cast_or_null<Expr>(S); E && Skip && Skip->contains(E))
      return true;
    return Base::TraverseStmt(S, Queue);
  }
  bool shouldVisitImplicitCode() const { return true; }

  // Loops and switches contain their own break (and loops their continue).
  // The base traversal is called without a queue so that children are
  // visited before the depth is restored.
#define PURECC_NESTED(CLASS, DEPTH)                                                  \
  bool Traverse##CLASS(CLASS *S, DataRecursionQueue * = nullptr) {                  \
    ++DEPTH;                                                                         \
    bool Continue = Base::Traverse##CLASS(S, nullptr);                               \
    --DEPTH;                                                                         \
    return Continue;                                                                 \
  }
  PURECC_NESTED(ForStmt, LoopDepth)
  PURECC_NESTED(CXXForRangeStmt, LoopDepth)
  PURECC_NESTED(WhileStmt, LoopDepth)
  PURECC_NESTED(DoStmt, LoopDepth)
  PURECC_NESTED(SwitchStmt, SwitchDepth)
#undef PURECC_NESTED

  bool VisitBreakStmt(BreakStmt *S) {
    if (LoopDepth == 0 && SwitchDepth == 0)
      exit(S);
    return true;
  }
  bool VisitContinueStmt(ContinueStmt *S) {
    if (LoopDepth == 0) {
      Out.Continues.push_back(S);
      if (!Out.Exit)
        Out.Exit = S;
    }
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *S) { return exit(S); }
  bool VisitGotoStmt(GotoStmt *S) { return exit(S); }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *S) { return exit(S); }
  bool VisitCoreturnStmt(CoreturnStmt *S) { return exit(S); }
  // `asm("")` may have no operand at all; its string is always there.
  bool VisitGCCAsmStmt(GCCAsmStmt *S) { return impure(S->getAsmString()); }

  bool VisitVarDecl(VarDecl *VD) {
    Out.Locals.insert(VD);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return true;
    if (!WriteOnly.contains(DRE))
      Out.Reads.insert(VD);
    if (VD->getType()->isReferenceType() || !VD->hasLocalStorage())
      if (!VD->getType().isConstQualified() || VD->getType()->isReferenceType())
        Out.ReadsMemory = true;
    return true;
  }

  bool VisitCXXThisExpr(CXXThisExpr *) {
    Out.ReadsMemory = true;
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref)
      Out.ReadsMemory = true;
    if (UO->isIncrementDecrementOp())
      write(UO->getSubExpr(), UO);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (ME->isArrow())
      Out.ReadsMemory = true;
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *AS) {
    if (!baseVariable(AS))
      Out.ReadsMemory = true;
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    if (BO->getOpcode() == BO_Assign)
      markWriteOnly(BO->getLHS());
    write(BO->getLHS(), BO);
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !ES.isEffectFreeCallee(FD))
      return impure(CE);
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    unsigned FirstArg = 0;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE); Op && MD && !MD->isStatic()) {
      // The object is the first argument of a member operator.
      FirstArg = 1;
      if (!MD->isConst() && !isEffectFreeStdMember(MD)) {
        if (Op->getOperator() == OO_Equal)
          markWriteOnly(CE->getArg(0));
        write(CE->getArg(0), CE);
      }
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      if (MD && !MD->isConst() && !isEffectFreeStdMember(MD))
        write(MC->getImplicitObjectArgument(), CE);
    }
    // Arguments bound to non-const references may be written by the callee.
    for (unsigned I = FirstArg; I < CE->getNumArgs(); ++I) {
      unsigned Param = I - FirstArg;
      if (Param < FD->getNumParams()) {
        QualType PT = FD->getParamDecl(Param)->getType();
        if (isPrivateTemporary(CE->getArg(I)))
          continue; // `v = {a, b}`: the callee may change a temporary nobody else sees
        if ((PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified()) ||
            (PT->isPointerType() && !PT->getPointeeType().isConstQualified()))
          write(CE->getArg(I), CE);
      }
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!isTrivialSpecialMember(Ctor) && !Ctor->getParent()->isInStdNamespace() &&
        !ES.isEffectFreeCallee(Ctor))
      return impure(CE);
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) { return impure(E); }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) { return impure(E); }

private:
  bool exit(Stmt *S) {
    if (!Out.Exit)
      Out.Exit = S;
    if (!Out.Leave)
      Out.Leave = S;
    return true;
  }
  bool impure(const Expr *E) {
    if (!Out.ImpureCall)
      Out.ImpureCall = E;
    return true;
  }
  void markWriteOnly(const Expr *LHS) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
      WriteOnly.insert(DRE);
  }
  void write(const Expr *LHS, const Expr *Site) {
    if (Skip && Skip->contains(LHS->IgnoreParenImpCasts()))
      return;
    const VarDecl *VD = baseVariable(LHS);
    if (!VD || VD->getType()->isReferenceType()) {
      if (!Out.MemoryWrite)
        Out.MemoryWrite = Site;
      if (!VD)
        return;
    }
    Out.Writes.insert(VD);
    Out.FirstWrite.try_emplace(VD, Site);
  }

  const DepScanner &ES;
  StmtDeps &Out;
  const llvm::SmallPtrSetImpl<const Expr *> *Skip;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> WriteOnly;
  unsigned LoopDepth = 0, SwitchDepth = 0;
};

} // namespace

bool DepScanner::isEffectFreeCallee(const FunctionDecl *FD) const {
  if (PC.Facts.isPure(FD) || isEffectFreeStdFunction(FD) || isEffectFreeStdMember(FD) ||
      isTrivialSpecialMember(FD))
    return true;
  if (unsigned ID = FD->getBuiltinID())
    return PC.Ctx.BuiltinInfo.isConst(ID) ||
           PC.Ctx.BuiltinInfo.isConstWithoutErrnoAndExceptions(ID);
  return false;
}

StmtDeps DepScanner::scan(const Stmt *S,
                            const llvm::SmallPtrSetImpl<const Expr *> *Skip) const {
  StmtDeps Out;
  Scanner(*this, Out, Skip).TraverseStmt(const_cast<Stmt *>(S));
  return Out;
}

const VarDecl *baseVariable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->isArrow() ? nullptr : baseVariable(ME->getBase());
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *B = AS->getBase()->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(B);
        Cast && Cast->getCastKind() == CK_ArrayToPointerDecay)
      return baseVariable(Cast->getSubExpr());
    return nullptr;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_Subscript &&
        containerKind(Op->getArg(0)->getType()) == ContainerKind::Owning)
      return baseVariable(Op->getArg(0));
  return nullptr;
}

bool isOwnedLocal(const VarDecl *VD) {
  return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType();
}

} // namespace purecc
