//===- PureCalls.cpp - does a construct call what a user expects a word about ===//
#include "PureCalls.h"
#include "PlanContext.h"
#include "StmtDeps.h"

#include "analysis/Attributes.h"
#include "analysis/FixedCallee.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace purecc {
namespace {

/// Whether FD is a standard-library computation the library model knows
/// pure (`std::sqrt`, `std::gcd`, `std::hypot`, `std::max`): a free function
/// with a name of its own, not an operator, an accessor the table gives a
/// member role (`std::size`, `std::begin`), a function that hands back an
/// address (`std::move`) or a reserved name (`__builtin_expect`). A loop over
/// such calls is work a user expects a word about, like one over [[pure]]
/// calls.
bool isLibraryWork(const FunctionDecl *FD, const SourceManager &SM) {
  if (isa<CXXMethodDecl>(FD) || !FD->getIdentifier() || FD->getName().starts_with("__") ||
      !isLibraryFunction(FD, SM) || isAddressOnly(FD) ||
      memberRole(FD->getName()) != MemberRole::Other)
    return false;
  return judgeLibraryCall(FD, nullptr).Kind == LibraryKind::Pure;
}

/// The callable a variable is initialized with: `heavy`, `&heavy`, a lambda,
/// also given to a std::function's constructor (`std::function<double(long)>
/// sf = heavy;`).
const Expr *initialCallable(const VarDecl *V) {
  const Expr *Init = V ? V->getAnyInitializer() : nullptr;
  if (!Init)
    return nullptr;
  Init = written(Init);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init); CE && CE->getNumArgs() == 1)
    Init = written(CE->getArg(0));
  return Init;
}

} // namespace

bool callsPure(const Stmt *S, const PurityFacts &Facts, PureCalls Which) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const PurityFacts &Facts;
    PureCalls Which;
    bool Found = false;
    llvm::SmallPtrSet<const Stmt *, 4> Followed;
    Finder(const PurityFacts &Facts, PureCalls Which) : Facts(Facts), Which(Which) {}
    bool counts(const FunctionDecl *FD) const {
      // Declared [[pure]] and failed its check (`--warn-only` rewrites the
      // rest): the user still expects a word (adv118 F5: silent).
      return Facts.isPure(FD) || isDeclaredPure(FD) || isDeclaredAssociative(FD) ||
             (Which == PureCalls::OrLibraryWork &&
              isLibraryWork(FD, FD->getASTContext().getSourceManager()));
    }
    /// The body of a lambda called, once.
    void follow(const FunctionDecl *Op) {
      if (Op && Op->getBody() && Followed.insert(Op->getBody()).second)
        TraverseStmt(Op->getBody());
    }
    /// Callees as written (`work` in `work(i)`), not functions named as
    /// values.
    llvm::SmallPtrSet<const Expr *, 8> Callees;
    bool VisitCallExpr(CallExpr *CE) {
      Callees.insert(CE->getCallee()->IgnoreParenImpCasts());
      const FunctionDecl *FD = CE->getDirectCallee();
      FixedCallee Through = FD ? FixedCallee{} : fixedCallee(CE);
      if (!FD)
        FD = Through.Function;
      // The variable called through: a pointer, or a std::function object.
      const VarDecl *Holder = Through.Through;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
          Op && Op->getOperator() == OO_Call && isFunctionWrapper(Op->getArg(0)->getType()))
        Holder = baseVariable(Op->getArg(0));
      if (FD && counts(FD))
        Found = true;
      else if ((Holder || Through.Why == Unfixed::NotAVariable) && Which == PureCalls::OrLibraryWork)
        Found = true; // through a variable, an element of a table (`ops[k](i)`), a member pointer (adv69 F1)
      else if (FD && isLambdaCallOperator(FD))
        follow(FD);
      else if (const Expr *Init = initialCallable(Holder)) {
        // One function, a converted lambda, or the choices of a '?:'.
        llvm::SmallVector<const FunctionDecl *, 2> Targets;
        if (namedFunctions(Init, Targets)) {
          for (const FunctionDecl *Target : Targets)
            if (isLambdaCallOperator(Target))
              follow(Target);
            else
              Found |= counts(Target);
        } else if (const auto *LE = dyn_cast<LambdaExpr>(Init))
          follow(LE->getCallOperator());
      }
      return !Found;
    }
    /// A pure function named as a value is called where it is handed:
    /// `v | std::views::transform(work)`, `std::transform(..., work)`
    /// (adv74 F1: no remark, where the same with a lambda got one).
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
          FD && Which == PureCalls::OrLibraryWork && !Callees.contains(DRE) && counts(FD))
        Found = true;
      // A view kept in a local (`auto v = ls | std::views::transform(work);
      // for (long x : v)`) calls what it was made with where it is read
      // (adv100 F2: no remark, where the view written in the loop got one).
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && Which == PureCalls::OrLibraryWork && VD->hasLocalStorage() && VD->getInit() &&
          !Found)
        if (const CXXRecordDecl *RD = VD->getType().getNonReferenceType()->getAsCXXRecordDecl();
            RD && isRangesView(RD) && Followed.insert(VD->getInit()).second)
          TraverseStmt(const_cast<Expr *>(VD->getInit()));
      return !Found;
    }
    /// A constructor the user wrote and that is known pure is a pure call
    /// too (adv47 t46: `s += Obj(i).v` got no remark at all).
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (Ctor && Ctor->isUserProvided() && Facts.isPure(Ctor))
        Found = true;
      return !Found;
    }
  } F(Facts, Which);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}


} // namespace purecc
