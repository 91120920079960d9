//===- KeepingCallables.cpp - whether a callable keeps what it is given ---===//
#include "KeepingCallables.h"
#include "AddressData.h"
#include "KeptParameters.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace purecc {

bool KeepingCallables::opaqueStdCallable(const CXXRecordDecl *RD) {
  if (!RD || !inStd(RD) || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  if (N == "reference_wrapper") {
    // Callable only when what it refers to is (`std::ref(grab)`, not
    // `std::cref(hist)`).
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || Spec->getTemplateArgs().size() != 1 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return true;
    QualType Of = Spec->getTemplateArgs()[0].getAsType();
    if (Of->isFunctionType())
      return true;
    const CXXRecordDecl *Target = Of->getAsCXXRecordDecl();
    if (!Target || !Target->hasDefinition())
      return false;
    if (Target->isLambda())
      return true;
    for (const Decl *D : Target->decls())
      if (const auto *M = dyn_cast<CXXMethodDecl>(D); M && M->getOverloadedOperator() == OO_Call)
        return true;
    return false;
  }
  return N == "function" || N == "move_only_function" || N == "copyable_function" ||
         N == "function_ref" || N == "packaged_task" || N.starts_with("_Bind") ||
         N.starts_with("_Not_fn") || N.starts_with("_Mem_fn") || N.starts_with("__bind");
}

bool KeepingCallables::isAlgorithmObject(const CXXRecordDecl *RD) {
  return RD && inStd(RD) && RD->getIdentifier() && RD->getName().starts_with("__") &&
         RD->getName().ends_with("_fn");
}

bool KeepingCallables::runsCallableThatMayKeep(const CallExpr *Call, const CXXMethodDecl *MD) {
  // `f(hist)` with a std::function `f`: what it runs is not seen. An
  // algorithm's function object (`std::ranges::sort`), `std::plus<>` and
  // the like run only what they are given.
  if (MD && MD->getOverloadedOperator() == OO_Call && opaqueStdCallable(MD->getParent()))
    return true;
  for (const Expr *Arg : Call->arguments())
    if (callableMayKeep(Arg))
      return true;
  // A container that holds a callable of its own, a comparator or a
  // hasher (`std::set<T, Cmp>`, `std::priority_queue`, an
  // `std::unordered_set` with a user hasher), runs it on what its members
  // are given (adv50 t91, t97, t98, t108, t109).
  return MD && classHoldsCallableThatMayKeep(MD->getParent());
}

bool KeepingCallables::classHoldsCallableThatMayKeep(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || !inStd(Spec) || !Spec->getIdentifier())
    return false;
  llvm::StringRef N = Spec->getName();
  llvm::SmallVector<unsigned, 2> Positions;
  if (N == "set" || N == "multiset")
    Positions = {1};
  else if (N == "map" || N == "multimap" || N == "priority_queue")
    Positions = {2};
  else if (N == "unordered_set" || N == "unordered_multiset")
    Positions = {1, 2};
  else if (N == "unordered_map" || N == "unordered_multimap")
    Positions = {2, 3};
  llvm::ArrayRef<TemplateArgument> Args = Spec->getTemplateArgs().asArray();
  for (unsigned P : Positions) {
    if (P >= Args.size() || Args[P].getKind() != TemplateArgument::Type)
      continue;
    QualType T = Args[P].getAsType();
    if (T->isFunctionPointerType() || T->isMemberFunctionPointerType())
      return true;
    if (const CXXRecordDecl *C = T->getAsCXXRecordDecl(); C && callableTypeMayKeep(C))
      return true;
  }
  return false;
}

bool KeepingCallables::callableMayKeep(const Expr *Arg) {
  QualType T = Arg->getType().getNonReferenceType();
  const FunctionDecl *Fn = nullptr;
  if (T->isFunctionPointerType() || T->isFunctionType() || T->isMemberFunctionPointerType()) {
    const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
    if (const auto *UO = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
        UO && UO->getOpcode() == UO_AddrOf)
      DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts());
    Fn = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
    if (!Fn)
      return true;
    return !ES.isEffectFreeCallee(Fn) || Types.mayHold(Fn->getReturnType());
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && callableTypeMayKeep(RD);
}

bool KeepingCallables::bodyMayKeep(const FunctionDecl *FD) {
  if (!FD->getBody() || Types.mayHold(FD->getReturnType()) || hidesAddress(FD->getBody()))
    return true;
  StmtDeps D = ES.scan(FD->getBody());
  if (D.ImpureCall)
    return true;
  // Its parameters are no surroundings: a write of a reference
  // parameter is a write through it, weighed below.
  if (llvm::any_of(D.Writes, [&](const VarDecl *W) {
        return !D.Locals.contains(W) && W->getDeclContext() != FD &&
               (W->getType()->isReferenceType() || Types.mayHold(W->getType()));
      }))
    return true;
  if (!D.MemoryWrite && llvm::none_of(FD->parameters(), [&](const ParmVarDecl *P) {
        return P->getType()->isReferenceType() && D.Writes.contains(P);
      }))
    return false;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->getParent()->isGenericLambda()) {
    // Writes through its reference parameters are weighed below, by
    // what they refer to; any other write through memory may keep.
    struct Uses : RecursiveASTVisitor<Uses> {
      const FunctionDecl *FD;
      llvm::SmallPtrSet<const Expr *, 8> Found;
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
            P && P->getDeclContext() == FD && P->getType()->isReferenceType())
          Found.insert(DRE);
        return true;
      }
    } Params;
    Params.FD = FD;
    Params.TraverseStmt(FD->getBody());
    if (ES.scan(FD->getBody(), &Params.Found).MemoryWrite)
      return true;
    return llvm::any_of(FD->parameters(), [&](const ParmVarDecl *P) {
      QualType T = P->getType().getNonReferenceType();
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      return Types.mayHold(T) ||
             (P->getType()->isReferenceType() && D.Writes.contains(P) && RD &&
              (!RD->hasDefinition() || !RD->isTriviallyCopyable()));
    });
  }
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    if (!T->isReferenceType() ? Types.mayHold(T)
                              : Types.mayHold(T.getNonReferenceType()) || parameterMayBeKept(FD, I, PC))
      return true;
  }
  return false;
}

bool KeepingCallables::hidesAddress(const Stmt *S) {
  struct Hides : RecursiveASTVisitor<Hides> {
    AddressTypes &Types;
    ASTContext &Ctx;
    bool Found = false;
    Hides(AddressTypes &Types, ASTContext &Ctx) : Types(Types), Ctx(Ctx) {}
    bool VisitCXXThrowExpr(CXXThrowExpr *E) {
      if (E->getSubExpr() && Types.mayHold(E->getSubExpr()->getType()))
        Found = true;
      return !Found;
    }
    bool VisitExpr(Expr *E) {
      if (addressAsData(E, Types, Ctx) != AddressAsData::None)
        Found = true;
      return !Found;
    }
  } H(Types, PC.Ctx);
  H.TraverseStmt(const_cast<Stmt *>(S));
  return H.Found;
}

bool KeepingCallables::callableTypeMayKeep(const CXXRecordDecl *RD) {
  if (!RD->hasDefinition())
    return false;
  if (inStd(RD))
    return opaqueStdCallable(RD);
  if (RD->isLambda()) {
    const CXXMethodDecl *Op = RD->getLambdaCallOperator();
    if (!Op)
      return true;
    if (!RD->isGenericLambda())
      return bodyMayKeep(Op);
    // Every instance made (the library's call instantiated them): none
    // made is a call not seen.
    const FunctionTemplateDecl *Template = RD->getDependentLambdaCallOperator();
    if (!Template || Template->specializations().empty())
      return true;
    return llvm::any_of(Template->specializations(),
                        [&](const FunctionDecl *Instance) { return bodyMayKeep(Instance); });
  }
  // Any other class with a call operator: what it runs is not followed.
  for (const Decl *D : RD->decls())
    if (const auto *M = dyn_cast<CXXMethodDecl>(D); M && M->getOverloadedOperator() == OO_Call)
      return true;
  for (const Decl *D : RD->decls())
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D);
        FT && FT->getTemplatedDecl()->getOverloadedOperator() == OO_Call)
      return true;
  return false;
}

} // namespace purecc
