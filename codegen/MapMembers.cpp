//===- MapMembers.cpp - maps over a container reached through members -----===//
#include "MapMembers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

bool describeMember(Store &S, const MemberPath &P) {
  S.Member = P;
  S.Path = P.Path;
  S.Name = P.Name;
  S.Type = P.Type;
  S.Container = P.Root;
  if (P.Root && isOwnedLocal(P.Root))
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

void collectApartReads(PlanContext &PC, const Stmt *S, const VarDecl *Root,
                       llvm::ArrayRef<MemberPath> Paths, llvm::SmallPtrSetImpl<const Expr *> &Skip) {
  if (!S || isa<LambdaExpr>(S))
    return;
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
    collectApartReads(PC, Child, Root, Paths, Skip);
}

} // namespace purecc
