//===- ReturnedStorage.cpp - where the storage a local receives comes from ===//
#include "ReturnedStorage.h"
#include "AddressTypes.h"
#include "Escapes.h"
#include "PlanContext.h"
#include "StmtDeps.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace purecc {
namespace {

/// Whether an object of type T may own storage apart from its own bytes
/// (not trivially copyable: a container, a string, a class holding one).
bool ownsStorage(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && (!RD->hasDefinition() || !RD->isTriviallyCopyable());
}

/// What one wrapper around E wraps (parentheses, an implicit cast, a
/// temporary, its cleanups), or null when E is none.
const Expr *peel(const Expr *E) {
  if (const auto *P = dyn_cast<ParenExpr>(E))
    return P->getSubExpr();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return EWC->getSubExpr();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return MT->getSubExpr();
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return BT->getSubExpr();
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(E))
    return IC->getSubExpr();
  return nullptr;
}

/// E without what only wraps the object it makes: the wrappers peel
/// removes, `T(x)` casts, default arguments.
const Expr *strip(const Expr *E) {
  while (true) {
    if (const Expr *Inner = peel(E))
      E = Inner;
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
      E = DA->getExpr();
    else if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
      E = DI->getExpr();
    else
      return E;
  }
}

/// Whether argument A is a temporary (a prvalue, or one materialized to
/// bind a reference): an object made for the call, whose storage is
/// whatever made it.
bool isTemporary(const Expr *A) {
  const Expr *E = A->IgnoreParens();
  while (true) {
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr()->IgnoreParens();
    else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E); IC && IC->getCastKind() == CK_NoOp)
      E = IC->getSubExpr()->IgnoreParens();
    else
      break;
  }
  return E->isPRValue() || isa<MaterializeTemporaryExpr>(E);
}

/// The temporary a glvalue is part of, when it is one (`make(n).first`,
/// `*make(n)` of a std::optional, a member of a returned struct): the
/// call's prvalue, whose storage it takes; null for anything else.
const Expr *temporaryRoot(const Expr *Glvalue) {
  const Expr *E = unmoved(Glvalue);
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      return MT->getSubExpr();
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
      E = IC->getSubExpr();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
      E = ME->getBase();
      continue;
    }
    // `*opt`, `opt.value()` of a library holder: part of the holder.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1 && Op->getDirectCallee() &&
        inStd(Op->getDirectCallee())) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
        MC && MC->getMethodDecl() && inStd(MC->getMethodDecl()) && MC->getImplicitObjectArgument() &&
        E->isGLValue()) {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

std::string takenOver(const Expr *A, const PlanContext &PC,
                      llvm::function_ref<std::string(const Expr *)> Moved, unsigned Depth) {
  return storageTakenOver(A, PC, Moved, Depth);
}

/// How argument A, given to a parameter of type PT, passes storage on:
/// taken over from the glvalue A (a non-const rvalue reference; a
/// non-const lvalue reference of code not the library's, which may move
/// from it), or made by A itself (a temporary not bound to a const lvalue
/// reference). Empty when neither: a copy is new storage.
std::string passedOn(const Expr *A, QualType PT, bool Library, const PlanContext &PC,
                     llvm::function_ref<std::string(const Expr *)> Moved, unsigned Depth) {
  if (!ownsStorage(PT) && !(PT->isReferenceType() && ownsStorage(A->getType())))
    return "";
  bool ConstRef = PT->isLValueReferenceType() && PT.getNonReferenceType().isConstQualified();
  if (isTemporary(A))
    return ConstRef ? "" : storageOrigin(A, PC, Moved, Depth + 1);
  if (PT->isRValueReferenceType() && !PT.getNonReferenceType().isConstQualified())
    return takenOver(A, PC, Moved, Depth);
  if (!Library && PT->isLValueReferenceType() && !ConstRef)
    return takenOver(A, PC, Moved, Depth);
  return "";
}

/// Whether FD, a library function, returns by value the storage its
/// parameter I had: a non-const lvalue reference of the class returned
/// (`std::exchange(pool, {})`).
bool returnsArgumentStorage(const FunctionDecl *FD, unsigned I) {
  if (I >= FD->getNumParams() || isa<CXXMethodDecl>(FD))
    return false;
  QualType PT = FD->getParamDecl(I)->getType(), RT = FD->getReturnType();
  return PT->isLValueReferenceType() && !PT.getNonReferenceType().isConstQualified() &&
         !RT->isReferenceType() && ownsStorage(RT) &&
         FD->getASTContext().hasSameUnqualifiedType(RT, PT.getNonReferenceType());
}

/// The nodes a `return` passes its operand through on the way out (the
/// statement, the copy or move that makes the result, `std::move`): an
/// escape recorded there is the return itself.
void addReturnSpine(const ReturnStmt *RS, llvm::SmallPtrSetImpl<const Stmt *> &Spine) {
  Spine.insert(RS);
  for (const Expr *E = RS->getRetValue(); E;) {
    Spine.insert(E);
    if (const Expr *Inner = peel(E))
      E = Inner;
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() >= 1)
      E = CE->getArg(0);
    else if (const Expr *U = unmoved(E); U != E)
      E = U;
    else
      break;
  }
}

/// The `return` statements of FD's body, not of the lambdas in it.
std::vector<const ReturnStmt *> returnsOf(const FunctionDecl *FD) {
  struct Returns : RecursiveASTVisitor<Returns> {
    std::vector<const ReturnStmt *> Out;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseDecl(Decl *D) { return !D || isa<VarDecl>(D) ? RecursiveASTVisitor::TraverseDecl(D) : true; }
    bool VisitReturnStmt(ReturnStmt *RS) {
      Out.push_back(RS);
      return true;
    }
  } R;
  R.TraverseStmt(FD->getBody());
  return R.Out;
}

unsigned lineOf(const PlanContext &PC, const Stmt *S) {
  return PC.SM.getPresumedLineNumber(PC.SM.getExpansionLoc(S->getBeginLoc()));
}

/// The summary of FD, a function whose result is a class by value.
ReturnedStorage summarize(const FunctionDecl *FD, const PlanContext &PC) {
  ReturnedStorage Out;
  // A lambda's call operator is named by what the user wrote.
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  const std::string Who =
      Method && Method->getParent()->isLambda() ? std::string("the lambda") : quoted(FD);
  DepScanner ES(PC);
  bool EffectFree = ES.isEffectFreeCallee(FD);
  auto AddParam = [&](unsigned I) {
    if (!llvm::is_contained(Out.FromParams, I))
      Out.FromParams.push_back(I);
  };
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
                                                    !MD->getParent()->hasAttr<FinalAttr>()) {
    Out.Kept = Who + " is virtual: an override may keep the address of what it returns";
    return Out;
  }
  if (!FD->getBody()) {
    // A function of another file: only an effect-free one keeps nothing,
    // and it may still hand back what its parameters hold.
    if (!EffectFree) {
      Out.Kept = Who + " is not defined in this file: it may keep the address of what it "
                              "returns";
      return Out;
    }
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (QualType PT = FD->getParamDecl(I)->getType();
          ownsStorage(PT) || PT->isPointerType() ||
          (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified()))
        AddParam(I);
    return Out;
  }
  EscapeSites Sites = findEscapes(FD, PC);
  std::vector<const ReturnStmt *> Returns = returnsOf(FD);
  llvm::SmallPtrSet<const Stmt *, 16> Spine;
  for (const ReturnStmt *RS : Returns)
    addReturnSpine(RS, Spine);
  // Why N, a variable whose storage FD returns, may be reached by others.
  // An effect-free function (a pure one) writes nothing that outlives the
  // call but what it returns: an address of N it took (`std::
  // back_inserter(out)` of a merge) dies with its locals, unless it
  // travels inside the returned object (`s.p = s.v.data()`), where a loop
  // of the caller writing 's.v' may read through 's.p' (adv69 F2: a merge
  // sort's halves), or as a number (`s.at = reinterpret_cast<std::
  // uintptr_t>(s.v.data())`, adv70 F1).
  AddressTypes Types;
  const bool KeepsNothing = EffectFree && !Types.mayHold(FD->getReturnType()) &&
                            PC.fingerprintOf(FD).AddressValues.empty();
  auto Named = [&](const VarDecl *N) -> std::string {
    auto EscapesAt = [&]() -> const Stmt * {
      auto It = Sites.Sites.find(N);
      if (It == Sites.Sites.end())
        return nullptr;
      for (const Stmt *S : It->second)
        if (!Spine.contains(S))
          return S;
      return nullptr;
    };
    if (const auto *P = dyn_cast<ParmVarDecl>(N)) {
      unsigned I = P->getFunctionScopeIndex();
      if (!P->getType()->isReferenceType() && !P->getType()->isPointerType()) {
        if (const Stmt *S = KeepsNothing ? nullptr : EscapesAt())
          return Who + " returns its parameter " + quoted(N) + ", whose address escapes on line " +
                 std::to_string(lineOf(PC, S));
        AddParam(I);
        return "";
      }
      AddParam(I);
      return EffectFree ? ""
                        : Who + " returns storage that its parameter " + quoted(N) +
                              " refers to, and may keep its address";
    }
    if (isOwnedLocal(N) && !N->getType()->isPointerType()) {
      const Stmt *S = KeepsNothing ? nullptr : EscapesAt();
      if (!S)
        return "";
      auto Because = Sites.Because.find({N, S});
      return Who + " returns its local " + quoted(N) + ", whose address escapes " +
             (Because != Sites.Because.end() ? Because->second
                                             : "on line " + std::to_string(lineOf(PC, S)));
    }
    return Who + " returns the storage of " + quoted(N) + ", which others may reach";
  };
  auto Moved = [&](const Expr *M) -> std::string {
    if (const VarDecl *B = baseVariable(unmoved(M)))
      return Named(B);
    // `std::move(*p)`, `std::move(this->v)`: each variable it names counts.
    struct Mentions : RecursiveASTVisitor<Mentions> {
      llvm::SmallVector<const VarDecl *, 2> Vars;
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          Vars.push_back(V);
        return true;
      }
    } Ms;
    Ms.TraverseStmt(const_cast<Expr *>(M));
    for (const VarDecl *V : Ms.Vars)
      if (std::string Why = Named(V); !Why.empty())
        return Why;
    if (Ms.Vars.empty())
      return Who + " returns storage that others may reach";
    return "";
  };
  for (const ReturnStmt *RS : Returns) {
    const Expr *V = RS->getRetValue();
    if (!V)
      continue;
    // A named local returned is the object the caller receives, built in
    // place (its own address counts, not only its storage's).
    std::string Why = RS->getNRVOCandidate() ? Named(RS->getNRVOCandidate())
                                             : storageOrigin(V, PC, Moved);
    if (!Why.empty()) {
      Out.Kept = std::move(Why);
      return Out;
    }
  }
  return Out;
}

} // namespace

ReturnedStorage returnedStorage(const FunctionDecl *FD, const PlanContext &PC) {
  if (const FunctionDecl *Def = FD->getDefinition())
    FD = Def;
  ReturnedStorageCache &Cache = PC.returnedStorages();
  if (auto It = Cache.Done.find(FD); It != Cache.Done.end())
    return It->second;
  // A call back into a function being summarized: assumed to return new
  // storage; whatever rests on that assumption is summarized again later.
  if (auto It = llvm::find(Cache.InProgress, FD); It != Cache.InProgress.end()) {
    for (size_t K = It - Cache.InProgress.begin() + 1; K < Cache.Provisional.size(); ++K)
      Cache.Provisional[K] = true;
    return {};
  }
  // Each level analyses a function's body: a chain of calls deeper than
  // this is not followed (the stack is finite), and may keep anything.
  if (Cache.InProgress.size() >= 16) {
    ReturnedStorage Deep;
    Deep.Kept = quoted(FD) + " returns what a chain of more than 16 calls makes, which purecc "
                             "does not follow";
    for (size_t K = 0; K < Cache.Provisional.size(); ++K)
      Cache.Provisional[K] = K > 0 || Cache.Provisional[K];
    return Deep;
  }
  Cache.InProgress.push_back(FD);
  Cache.Provisional.push_back(false);
  ReturnedStorage Out = summarize(FD, PC);
  bool Provisional = Cache.Provisional.back();
  Cache.InProgress.pop_back();
  Cache.Provisional.pop_back();
  if (!Provisional)
    Cache.Done.try_emplace(FD, Out);
  return Out;
}

std::string storageTakenOver(const Expr *Glvalue, const PlanContext &PC,
                             llvm::function_ref<std::string(const Expr *)> Moved, unsigned Depth) {
  if (const Expr *Root = temporaryRoot(Glvalue))
    return storageOrigin(Root, PC, Moved, Depth + 1);
  return Moved(Glvalue);
}

std::string storageOrigin(const Expr *Value, const PlanContext &PC,
                          llvm::function_ref<std::string(const Expr *)> Moved, unsigned Depth) {
  if (Depth > 8)
    return "";
  const Expr *E = strip(Value);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    bool Library = inStd(Ctor->getParent());
    // A constructor of the program with effects, given storage to own (a
    // container by value, by `&&`), may keep its address on the way in
    // (adv57 t10: `Holder(std::vector<long> x) { g = x.data(); v =
    // std::move(x); }`).
    if (!Library && Ctor->isUserProvided() && !DepScanner(PC).isEffectFreeCallee(Ctor))
      for (const ParmVarDecl *P : Ctor->parameters())
        if (QualType PT = P->getType();
            ownsStorage(PT) && !(PT->isLValueReferenceType() && PT.getNonReferenceType().isConstQualified()))
          return "the constructor of " + quoted(Ctor->getParent()) +
                 " takes storage it is given and may keep its address";
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (std::string Why = passedOn(CE->getArg(I), Ctor->getParamDecl(I)->getType(), Library, PC,
                                     Moved, Depth);
          !Why.empty())
        return Why;
    return "";
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (Call->isGLValue() || !E->getType()->isRecordType())
      return "";
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return "it is returned by a call purecc cannot follow, which may keep its address";
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    unsigned Shift = isa<CXXOperatorCallExpr>(Call) && MD && !MD->isStatic() ? 1 : 0;
    bool Library = inStd(FD) || (MD && inStd(MD->getParent())) || FD->getBuiltinID() != 0;
    if (Library) {
      // What a `std::function` holds, or what `std::invoke` is given,
      // makes the result (adv57 t11, t12).
      if (MD && MD->getOverloadedOperator() == OO_Call && MD->getParent()->getIdentifier() &&
          llvm::is_contained({llvm::StringRef("function"), llvm::StringRef("move_only_function"),
                              llvm::StringRef("packaged_task")},
                             MD->getParent()->getName()))
        return "it is returned by a call of a 'std::" + MD->getParent()->getNameAsString() +
               "', whose code purecc does not follow, which may keep its address";
      if (FD->getIdentifier() && llvm::is_contained({llvm::StringRef("invoke"), llvm::StringRef("invoke_r"),
                                                      llvm::StringRef("apply")},
                                                     FD->getName())) {
        const FunctionDecl *Target = nullptr;
        if (Call->getNumArgs() > 0) {
          const Expr *F = Call->getArg(0)->IgnoreParenImpCasts();
          if (const auto *UO = dyn_cast<UnaryOperator>(F); UO && UO->getOpcode() == UO_AddrOf)
            F = UO->getSubExpr()->IgnoreParenImpCasts();
          if (const auto *DRE = dyn_cast<DeclRefExpr>(F))
            Target = dyn_cast<FunctionDecl>(DRE->getDecl());
        }
        ReturnedStorage RS = Target ? returnedStorage(Target, PC) : ReturnedStorage{};
        if (!Target || !RS.FromParams.empty())
          return "it is returned by '" + FD->getNameAsString() +
                 "' of a callable purecc does not follow, which may keep its address";
        if (!RS.Kept.empty())
          return RS.Kept;
      }
      for (unsigned I = Shift; I < Call->getNumArgs() && I - Shift < FD->getNumParams(); ++I) {
        const Expr *A = Call->getArg(I);
        QualType PT = FD->getParamDecl(I - Shift)->getType();
        std::string Why = !isTemporary(A) && returnsArgumentStorage(FD, I - Shift)
                              ? takenOver(A, PC, Moved, Depth)
                              : passedOn(A, PT, /*Library=*/true, PC, Moved, Depth);
        if (!Why.empty())
          return Why;
      }
      // `std::move(opt).value_or(...)`: an rvalue-qualified member moves
      // out of its object.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
          MC && MD && MD->getRefQualifier() == RQ_RValue && MC->getImplicitObjectArgument() &&
          !isTemporary(MC->getImplicitObjectArgument()))
        return takenOver(MC->getImplicitObjectArgument(), PC, Moved, Depth);
      return "";
    }
    ReturnedStorage RS = returnedStorage(FD, PC);
    if (!RS.Kept.empty())
      return RS.Kept;
    for (unsigned P : RS.FromParams) {
      unsigned I = P + Shift;
      if (I >= Call->getNumArgs())
        continue;
      const Expr *A = Call->getArg(I);
      std::string Why =
          isTemporary(A) ? storageOrigin(A, PC, Moved, Depth + 1) : takenOver(A, PC, Moved, Depth);
      if (!Why.empty())
        return Why;
    }
    return "";
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    if (std::string Why = storageOrigin(CO->getTrueExpr(), PC, Moved, Depth + 1); !Why.empty())
      return Why;
    return storageOrigin(CO->getFalseExpr(), PC, Moved, Depth + 1);
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Comma)
    return storageOrigin(BO->getRHS(), PC, Moved, Depth + 1);
  llvm::ArrayRef<Expr *> Parts;
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    Parts = IL->inits();
  else if (const auto *PL = dyn_cast<CXXParenListInitExpr>(E))
    Parts = PL->getInitExprs();
  for (const Expr *Part : Parts) {
    if (!Part || (!Part->getType()->isRecordType() && !Part->getType()->isArrayType()))
      continue;
    // A member initialized from a glvalue is a copy unless it moves.
    std::string Why = isTemporary(Part) ? storageOrigin(Part, PC, Moved, Depth + 1) : "";
    if (!Why.empty())
      return Why;
  }
  return "";
}

} // namespace purecc
