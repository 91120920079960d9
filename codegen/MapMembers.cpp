//===- MapMembers.cpp - maps over a container reached through members -----===//
#include "MapMembers.h"
#include "LentContainers.h"
#include "Subscripts.h"
#include "Containers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

bool describeMember(Store &S, const MemberPath &P) {
  S.Member = P;
  S.Path = P.Path;
  S.Name = P.Name;
  S.Type = P.Type;
  S.Container = P.Root;
  // A member of the object a reference parameter names: a lent container
  // (LentContainers.h), whose reads are judged there.
  if (P.Root && (isOwnedLocal(P.Root) || isLentReference(P.Root)))
    return true;
  std::string Of = !P.Root ? "'*this'"
                   : P.Root->getType()->isReferenceType()
                       ? "the object " + quoted(P.Root) + " refers to"
                       : quoted(P.Root);
  S.DistinctIndex = false;
  S.Refusal = "'" + P.Name + "' is a member of " + Of +
              ", not of a local object, so it may alias what the loop reads";
  return false;
}

namespace {

/// For `p.x[k]`, an element of a member of Root that is a container owning
/// its elements (or a built-in array) of arithmetic or enumeration type,
/// apart from every written path: its index `k`; null otherwise. Two
/// members never share storage, and such elements lead nowhere (user48
/// k01: `p.vx[i] = force(p.x[i])` over a struct of arrays).
const Expr *apartElementIndex(PlanContext &PC, const Expr *E, const VarDecl *Root,
                              llvm::ArrayRef<MemberPath> Paths) {
  Subscript S = subscriptParts(E);
  std::optional<MemberPath> Q = S ? memberPathOf(S.Base) : std::nullopt;
  if (!Q || Q->Root != Root)
    return nullptr;
  ContainerKind K = containerKind(Q->Type);
  QualType Element = elementType(PC.Ctx, Q->Type);
  if ((K != ContainerKind::Owning && K != ContainerKind::CArray) || Element.isNull() ||
      !(Element->isArithmeticType() || Element->isEnumeralType()))
    return nullptr;
  for (const MemberPath &Written : Paths)
    if (pathsOverlap(Q->Path, Written.Path))
      return nullptr;
  return S.Index;
}

} // namespace

void collectApartReads(PlanContext &PC, const Stmt *S, const VarDecl *Root,
                       llvm::ArrayRef<MemberPath> Paths, llvm::SmallPtrSetImpl<const Expr *> &Skip,
                       std::vector<const Expr *> *Indexes) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
      Cast && Cast->getCastKind() == CK_LValueToRValue && Indexes)
    if (const Expr *Index = apartElementIndex(PC, Cast->getSubExpr()->IgnoreParens(), Root, Paths)) {
      Skip.insert(Cast->getSubExpr()->IgnoreParens());
      Indexes->push_back(Index);
      collectApartReads(PC, Index, Root, Paths, Skip, Indexes);
      return;
    }
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
      Cast && Cast->getCastKind() == CK_LValueToRValue)
    if (std::optional<MemberPath> P = memberPathOf(Cast->getSubExpr());
        P && P->Root == Root && llvm::all_of(Paths, [&](const MemberPath &Written) {
          return isApartFrom(Cast->getSubExpr(), Written);
        })) {
      Skip.insert(Cast->getSubExpr()->IgnoreParens());
      return;
    }
  for (const Stmt *Child : S->children())
    collectApartReads(PC, Child, Root, Paths, Skip, Indexes);
}

} // namespace purecc
