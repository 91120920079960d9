//===- Maps.cpp - T3: loops that write one element per iteration ----------===//
#include "Maps.h"
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
  bool DistinctIndex;       // indexed by the induction variable itself
};

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
  StoreFinder(const LoopShape &L, std::vector<Store> &Out) : L(L), Out(Out) {}
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
        Out.push_back({LHS, L.Range, true});
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
    const auto *I = dyn_cast<DeclRefExpr>(Idx->IgnoreParenImpCasts());
    Out.push_back({LHS, X, L.Induction && I && I->getDecl() == L.Induction});
  }
  const LoopShape &L;
  std::vector<Store> &Out;
};

/// The variable through which the loop body reads container X: X itself, or
/// a reference declared outside the body and bound to (an element of) X.
const VarDecl *readOf(const Effects &Fx, const LoopShape &L, const VarDecl *X) {
  if (Fx.Reads.contains(X))
    return X;
  for (const VarDecl *V : Fx.Reads)
    if (V->getType()->isReferenceType() && !L.Body_.Locals.contains(V) && V != L.Element &&
        V->getInit() && baseVariable(written(V->getInit())) == X)
      return V;
  return nullptr;
}

} // namespace

LoopOutcome planMap(PlanContext &PC, const LoopShape &L,
                    const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped, std::string &WhyNot) {
  std::vector<Store> Stores;
  StoreFinder(L, Stores).TraverseStmt(const_cast<Stmt *>(L.Body));
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
    if (Escaped.contains(S.Container)) {
      WhyNot = "the address of " + Name + " escapes";
      return LoopOutcome::Refused;
    }
    // The stored-to element itself is not a read of anything else.
    Targets.insert(S.Target);
    Containers.insert(S.Container);
  }
  Effects Fx = EffectScanner(PC).scan(L.Body, &Targets);
  // Any other read of a written container (r[0], r.front(), through a
  // reference bound to it) may see an element another iteration writes. A
  // range-for's own element is not such a read: it is the stored target.
  for (const VarDecl *X : Containers)
    if (const VarDecl *Via = readOf(Fx, L, X)) {
      WhyNot = quoted(X) + " is read inside the loop body" +
               (Via == X ? std::string() : " (through " + quoted(Via) + ")");
      return LoopOutcome::Refused;
    }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Tiny = tinyLoopReason(L); !Tiny.empty()) {
    WhyNot = Tiny;
    return LoopOutcome::Refused;
  }
  if (PC.isTaken(L.HeaderBegin, L.BodyEnd)) {
    WhyNot = "the loop is rewritten otherwise";
    return LoopOutcome::Refused;
  }
  std::vector<std::string> Names;
  for (const VarDecl *X : Containers)
    Names.push_back(X->getNameAsString());
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::forHead(L.Begin, L.End, Idx) + (Block ? "" : "{"),
                             L.HeaderEnd));
  endIterationsEarly(PC, L, shapes::ForContinue);
  PC.insert(L.BodyEnd, (Block ? std::string() : std::string(" }")) + shapes::ForTail);
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkParallelMap))
    *D << quotedList(Names);
  PC.note(Loc, "map", llvm::join(Names, " "));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
