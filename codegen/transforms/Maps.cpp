//===- Maps.cpp - parallel-map: loops that write one element each ---------===//
#include "Maps.h"
#include "TaskRegistry.h"
#include "Containers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// An element store `X[i] = ...` (or `x = ...` through a range-for reference).
struct Store {
  const Expr *Target;       // the whole left-hand side
  const VarDecl *Container; // X (or the range)
  bool DistinctIndex;       // indexed by an injective function of the counter
  const Expr *Index = nullptr; // the index written (counted loops)
  /// The loop-invariant parts of Index (`n - 1` in `X[n - 1 - i]`).
  llvm::SmallVector<const Expr *, 2> Invariants;
};

const VarDecl *refersTo(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// E without parentheses and value-keeping conversions (lvalue-to-rvalue,
/// integer conversions to a type at least as wide: injective ones).
const Expr *stripKeepingValues(ASTContext &Ctx, const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    const auto *IC = dyn_cast<ImplicitCastExpr>(E);
    if (!IC)
      return E;
    CastKind K = IC->getCastKind();
    const Expr *Sub = IC->getSubExpr();
    if (K == CK_IntegralCast &&
        (!Sub->getType()->isIntegerType() || !IC->getType()->isIntegerType() ||
         Ctx.getIntWidth(IC->getType()) < Ctx.getIntWidth(Sub->getType())))
      return E;
    if (K != CK_IntegralCast && K != CK_LValueToRValue && K != CK_NoOp)
      return E;
    E = Sub;
  }
}

/// Whether index E takes a different value for every value of the counter
/// I: `i`, `c - i`, `i + c`, `a * i + b`, `-i` with c, b loop-invariant
/// (collected in Invariants for the caller to check) and a a constant other
/// than 0. A factor |a| > 1 needs a signed type, where the product cannot
/// wrap around (overflow is undefined); adding a constant or negating is a
/// bijection modulo 2^W as well.
bool isInjectiveIndex(ASTContext &Ctx, const Expr *E, const VarDecl *I,
                      llvm::SmallVectorImpl<const Expr *> &Invariants) {
  E = stripKeepingValues(Ctx, E);
  if (refersTo(E) == I && !isa<ImplicitCastExpr>(E))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Minus && isInjectiveIndex(Ctx, UO->getSubExpr(), I, Invariants);
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->getType()->isIntegerType())
    return false;
  const Expr *L = BO->getLHS(), *R = BO->getRHS();
  switch (BO->getOpcode()) {
  case BO_Add:
  case BO_Sub:
    if (isInjectiveIndex(Ctx, L, I, Invariants)) {
      Invariants.push_back(R);
      return true;
    }
    if (isInjectiveIndex(Ctx, R, I, Invariants)) {
      Invariants.push_back(L);
      return true;
    }
    return false;
  case BO_Mul: {
    for (int Side = 0; Side < 2; ++Side) {
      const Expr *Factor = Side ? L : R, *Rest = Side ? R : L;
      Expr::EvalResult V;
      if (Factor->isValueDependent() || !Factor->EvaluateAsInt(V, Ctx) ||
          V.Val.getInt().isZero())
        continue;
      bool Unit = V.Val.getInt().isOne() || V.Val.getInt().isAllOnes();
      if (!Unit && !BO->getType()->isSignedIntegerType())
        continue;
      return isInjectiveIndex(Ctx, Rest, I, Invariants);
    }
    return false;
  }
  default:
    return false;
  }
}

/// Whether A and B are the same expression.
bool sameExpr(ASTContext &Ctx, const Expr *A, const Expr *B) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

const Expr *indexOf(const Expr *LHS, const Expr *&Base) {
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(LHS)) {
    Base = AS->getBase();
    return AS->getIdx();
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(LHS); Op && Op->getOperator() == OO_Subscript) {
    Base = Op->getArg(0);
    return Op->getArg(1);
  }
  return nullptr;
}

class StoreFinder : public RecursiveASTVisitor<StoreFinder> {
public:
  StoreFinder(ASTContext &Ctx, const LoopShape &L, std::vector<Store> &Out)
      : Ctx(Ctx), L(L), Out(Out) {}
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      consider(BO->getLHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp())
      consider(Op->getArg(0));
    return true;
  }

private:
  void consider(const Expr *LHS) {
    if (L.Element && L.Element->getType()->isReferenceType())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
          DRE && DRE->getDecl() == L.Element) {
        Out.push_back({LHS, L.Range, true, nullptr, {}});
        return;
      }
    const Expr *Base = nullptr;
    const Expr *Idx = indexOf(LHS, Base);
    if (!Idx)
      return;
    const auto *BaseRef = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
    const auto *X = BaseRef ? dyn_cast<VarDecl>(BaseRef->getDecl()) : nullptr;
    if (!X || L.Body_.Locals.contains(X))
      return;
    Store S{LHS, X, false, Idx, {}};
    S.DistinctIndex = L.Induction && isInjectiveIndex(Ctx, Idx, L.Induction, S.Invariants);
    Out.push_back(std::move(S));
  }
  ASTContext &Ctx;
  const LoopShape &L;
  std::vector<Store> &Out;
};

/// Holder H's name for a remark: a structured binding's names.
std::string holderName(const VarDecl *H) {
  const auto *DD = dyn_cast<DecompositionDecl>(H);
  if (!DD)
    return quoted(H);
  std::vector<std::string> Names;
  for (const BindingDecl *B : DD->bindings())
    Names.push_back(B->getNameAsString());
  return Names.size() == 1 ? "'" + Names[0] + "'" : "'[" + llvm::join(Names, ", ") + "]'";
}

/// Where holder H is declared, for a remark.
std::string declaredAt(const VarDecl *H) {
  const SourceManager &SM = H->getASTContext().getSourceManager();
  return "declared on line " +
         std::to_string(SM.getPresumedLineNumber(SM.getExpansionLoc(H->getLocation())));
}

} // namespace

LoopOutcome planMap(PlanContext &PC, const LoopShape &L,
                    const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                    const EscapeSites &Sites, std::string &WhyNot) {
  std::vector<Store> Stores;
  StoreFinder(PC.Ctx, L, Stores).TraverseStmt(const_cast<Stmt *>(L.Body));
  if (Stores.empty())
    return LoopOutcome::NotThisKind;

  llvm::SmallPtrSet<const Expr *, 4> Targets;
  llvm::SmallPtrSet<const VarDecl *, 2> Containers;
  for (const Store &S : Stores) {
    std::string Name = quoted(S.Container);
    if (!S.DistinctIndex) {
      WhyNot = "the element of " + Name + " written is not indexed by the loop variable";
      return LoopOutcome::Refused;
    }
    // Two injective indexes (`X[i]` and `X[n - 1 - i]`) may still meet.
    for (const Store &Other : Stores)
      if (Other.Container == S.Container && S.Index && Other.Index &&
          !sameExpr(PC.Ctx, S.Index, Other.Index)) {
        WhyNot = "the elements of " + Name + " are written at different indexes, which "
                                             "different iterations may share";
        return LoopOutcome::Refused;
      }
    // The rest of an index must be the same in every iteration.
    for (const Expr *Part : S.Invariants) {
      StmtDeps PartFx = DepScanner(PC).scan(Part);
      for (const VarDecl *VD : PartFx.Reads)
        if (VD == L.Induction || L.Body_.Writes.contains(VD) || L.Body_.Locals.contains(VD)) {
          WhyNot = "the index of " + Name + " written reads " + quoted(VD) +
                   ", which may not be the same in every iteration";
          return LoopOutcome::Refused;
        }
      if (!PartFx.isEffectFree() ||
          (PartFx.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall))) {
        WhyNot = "the index of " + Name + " written may change inside the loop body";
        return LoopOutcome::Refused;
      }
    }
    ContainerKind K = containerKind(S.Container->getType());
    if (isBitVector(S.Container->getType())) {
      WhyNot = "the elements of " + Name + " (a 'std::vector<bool>') share storage";
      return LoopOutcome::Refused;
    }
    if (!isOwnedLocal(S.Container) || (K != ContainerKind::Owning && K != ContainerKind::CArray)) {
      WhyNot = Name + " is not a local array or standard container, so it may alias what the "
                      "loop reads";
      return LoopOutcome::Refused;
    }
    // The stored-to element itself is not a read of anything else.
    Targets.insert(S.Target);
    Containers.insert(S.Container);
  }
  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Targets);
  // Any other read of a written container (r[0], r.front(), or through a
  // local holding its address: a reference, view, iterator, pointer, lambda
  // or struct made from it) may see an element another iteration writes. A
  // range-for's own element is not such a read: it is the stored target;
  // nor is a local of the body (it can be made only from what the body
  // reads by name).
  llvm::SmallPtrSet<const VarDecl *, 8> Reads(Fx.Reads.begin(), Fx.Reads.end()), Outside;
  addBindingReads(L.Body, Reads);
  for (const VarDecl *V : Reads)
    if (V != L.Element && !L.Body_.Locals.contains(V) && !Fx.Locals.contains(V))
      Outside.insert(V);
  for (const VarDecl *X : Containers) {
    if (Fx.Reads.contains(X)) {
      WhyNot = quoted(X) + " is read inside the loop body";
      return LoopOutcome::Refused;
    }
    if (const VarDecl *Via = Sites.holderAmong(X, Outside)) {
      WhyNot = quoted(X) + " is read inside the loop body (through " + holderName(Via) + ", " +
               declaredAt(Via) + ")";
      return LoopOutcome::Refused;
    }
  }
  for (const VarDecl *X : Containers)
    if (Escaped.contains(X)) {
      WhyNot = "the address of " + quoted(X) + " escapes";
      return LoopOutcome::Refused;
    }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = exceptionReason(PC, L, std::vector<const VarDecl *>(Containers.begin(), Containers.end())); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = lastRefusal(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  std::vector<std::string> Names;
  for (const VarDecl *X : Containers)
    Names.push_back(X->getNameAsString());
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  // Under mpirun other ranks may compute the elements (TaskRegistry.h).
  if (!planMapTask(PC, L, Stores.size() == 1 ? Stores[0].Target : nullptr, Idx, loopGrain(L))) {
    PC.replace(L.HeaderBegin, L.HeaderEnd,
               trimBeforeSpace(PC, shapes::forHead(L.Begin, L.End, Idx) + (Block ? "" : "{"),
                               L.HeaderEnd));
    endIterationsEarly(PC, L, shapes::ForContinue);
    PC.insert(L.BodyEnd,
              (Block ? std::string() : std::string(" }")) + shapes::forTail(loopGrain(L)));
  }
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkParallelMap))
    *D << quotedList(Names);
  PC.note(Loc, Transform::Maps, llvm::join(Names, " "));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
