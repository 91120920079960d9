//===- MapRefusals.cpp - why an element store is no map's -----------------===//
#include "MapRefusals.h"
#include "Containers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace purecc {

std::string throughPointerReason(PlanContext &PC, const Expr *Target, const Expr *Base) {
  // `*po`, or a smart pointer's `*sp` (`(*row)[j]` with a `shared_ptr` row).
  const Expr *Held = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(Base); UO && UO->getOpcode() == UO_Deref)
    Held = UO->getSubExpr();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base);
           Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
    Held = Op->getArg(0);
  if (!Held)
    return "";
  std::string Pointer = PC.text(Held->IgnoreParens()->getSourceRange()).value_or("a pointer");
  std::string Store = PC.text(Target->getSourceRange()).value_or("the element");
  return "'" + Store + "' writes through the pointer '" + Pointer +
         "', and which container it points to is not followed: the loop may read or write "
         "that container under another name";
}

std::string rowReason(PlanContext &PC, const VarDecl *X, llvm::ArrayRef<const Expr *> Rows) {
  for (const Expr *Row : Rows) {
    // Canonical: a row's type is the container's 'value_type'.
    QualType T = Row->getType().getNonReferenceType().getCanonicalType();
    ContainerKind K = containerKind(T);
    // A row of bits shares words only with itself (`std::vector<bool>` is
    // one object per row), and the row belongs to one iteration.
    if (K == ContainerKind::Owning || K == ContainerKind::CArray || packsBits(T))
      continue;
    std::string Text = PC.text(Row->getSourceRange()).value_or("the row");
    return "the rows of " + quoted(X) + " ('" + Text + "') are of type '" +
           T.getUnqualifiedType().getAsString(PC.Ctx.getPrintingPolicy()) +
           "', which does not own its elements: two rows may share storage, so two "
           "iterations may write one element";
  }
  return "";
}

std::string keyedTable(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return "";
  llvm::StringRef N = RD->getName();
  if (N == "map" || N == "unordered_map")
    return ("std::" + N).str();
  return "";
}

std::string fixedElementAccumulation(PlanContext &PC, const Store &S) {
  if (!S.Container || !S.Index || !S.InnerIndexes.empty() || S.Row ||
      !S.Index->isIntegerConstantExpr(PC.Ctx))
    return "";
  QualType T = containerType(S).getNonReferenceType();
  if (T->isArrayType())
    return "";
  if (const auto *RD = T->getAsCXXRecordDecl();
      !RD || (RD->isInStdNamespace() && RD->getName() == "array"))
    return "";
  DynTypedNodeList Ps = PC.Ctx.getParents(*S.Target);
  const Expr *User = Ps.empty() ? nullptr : Ps[0].get<Expr>();
  bool Accumulates = false;
  if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(User))
    Accumulates = CA->getLHS()->IgnoreParens() == S.Target->IgnoreParens();
  else if (const auto *U = dyn_cast_or_null<UnaryOperator>(User))
    Accumulates = U->isIncrementDecrementOp();
  std::optional<std::string> Text = PC.text(S.Target->getSourceRange());
  if (!Accumulates || !Text)
    return "";
  return "'" + *Text + "' accumulates into an element of " + containerName(S) + " (a '" +
         PC.typeText(T) +
         "'): a reduction accumulates into a variable, a member, or an element of an array or "
         "a 'std::array' at a constant index, not into an element of a container that may be "
         "resized";
}

const CXXMethodDecl *storeOperator(PlanContext &PC, const LoopShape &L, const VarDecl *X,
                                   const std::vector<Store> &Stores, const EscapeSites &Sites) {
  const CXXMethodDecl *Found = nullptr;
  for (const Stmt *Site : Sites.sitesDuring(X, L.Loop, PC)) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Site);
    if (!Op || !Op->isAssignmentOp() || Op->getNumArgs() != 2)
      return nullptr;
    bool OnStore = llvm::any_of(Stores, [&](const Store &S) {
      return S.Container == X &&
             S.Target->IgnoreParenImpCasts() == Op->getArg(0)->IgnoreParenImpCasts();
    });
    Found = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!OnStore || !Found)
      return nullptr;
  }
  return Found;
}

} // namespace purecc
