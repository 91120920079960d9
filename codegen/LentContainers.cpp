//===- LentContainers.cpp - maps into a container the caller lent ---------===//
#include "LentContainers.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "SameExpr.h"
#include "StmtDeps.h"
#include "Subscripts.h"

#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

namespace {

bool isOwningContainerType(QualType T) {
  return containerKind(T) == ContainerKind::Owning && !packsBits(T);
}

/// `in[i]` of a reference parameter to a container owning its elements,
/// at the store's index: added to Skip.
void collectSameIndexReads(ASTContext &Ctx, const Stmt *S, const Expr *Index,
                           llvm::SmallPtrSetImpl<const Expr *> &Skip) {
  llvm::SmallVector<const Stmt *, 32> Stack{S};
  while (!Stack.empty()) {
    const Stmt *Cur = Stack.pop_back_val();
    if (const auto *E = dyn_cast<Expr>(Cur); E && E == E->IgnoreParenImpCasts() && !Skip.contains(E))
      if (Subscript Sub = subscriptParts(E)) {
        const VarDecl *R = refersTo(Sub.Base);
        if (R && isa<ParmVarDecl>(R) && R->getType()->isLValueReferenceType() &&
            isOwningContainerType(R->getType().getNonReferenceType()) &&
            sameExpr(Ctx, Sub.Index, Index) && !mentions(Sub.Index, R)) {
          Skip.insert(E);
          continue;
        }
      }
    for (const Stmt *C : Cur->children())
      if (C)
        Stack.push_back(C);
  }
}

} // namespace

bool isLentReference(const VarDecl *VD) {
  if (!VD || !isa<ParmVarDecl>(VD) || !VD->getType()->isLValueReferenceType())
    return false;
  QualType T = VD->getType().getNonReferenceType();
  return !T.isConstQualified() && (isOwningContainerType(T) || T->isRecordType());
}

bool storesIntoLent(const Store &S) {
  if (!isLentReference(S.Container))
    return false;
  // X itself must own its elements; a member path names its own type.
  return S.Member ? true : isOwningContainerType(S.Container->getType().getNonReferenceType());
}

std::string lentReadsReason(PlanContext &PC, const LoopShape &L, const std::vector<Store> &Stores,
                            const llvm::SmallPtrSetImpl<const Expr *> &Targets) {
  const Expr *Index = nullptr;
  std::string Name;
  for (const Store &S : Stores) {
    if (!storesIntoLent(S))
      continue;
    Name = S.Name.empty() ? S.Container->getNameAsString() : S.Name;
    QualType Element = elementType(PC.Ctx, containerType(S));
    if (Element.isNull() || Element->isIncompleteType() || Element->isDependentType() ||
        PC.Ctx.getTypeSizeInChars(Element).getQuantity() <= 1)
      return "'" + Name + "' is a container the caller lent by reference, of elements of " +
             "one byte, which may hold any other object the loop reads";
    if (!S.Index || S.Row || !S.Rows.empty() || !S.InnerIndexes.empty() ||
        (Index && !sameExpr(PC.Ctx, Index, S.Index)))
      return "'" + Name + "' is a container the caller lent by reference, written other than " +
             "at one index 'i' of the counter";
    Index = S.Index;
  }
  if (!Index)
    return "";
  llvm::SmallPtrSet<const Expr *, 8> Skip(Targets.begin(), Targets.end());
  collectSameIndexReads(PC.Ctx, L.Body, Index, Skip);
  StmtDeps Rest = DepScanner(PC).scan(L.Body, &Skip);
  // Name what is read: a pointer, a reference, a value that may hold an
  // address (a span, an iterator: `view[i + 1]` of a span over the lent
  // buffer reads another iteration's element, though the scan sees only a
  // local read), or a global, in the order the body names them.
  AddressTypes Types;
  std::string Through;
  for (const VarDecl *V : inSourceOrder(Rest.Reads, L.Body, PC.SM))
    if ((V->getType()->isReferenceType() || !V->hasLocalStorage() ||
         Types.mayHold(V->getType().getNonReferenceType())) &&
        !Rest.Locals.contains(V) && !L.Body_.Locals.contains(V)) {
      Through = quoted(V);
      break;
    }
  if (!Rest.ReadsMemory && Through.empty())
    return "";
  return "'" + Name + "' is a container the caller lent by reference, and the loop body reads " +
         (Through.empty() ? "through a pointer, a reference, 'this' or a global"
                          : "through " + Through) +
         ", which may be its elements under another name";
}

} // namespace purecc
