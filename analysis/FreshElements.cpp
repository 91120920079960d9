//===- FreshElements.cpp - a local container of the function's own blocks -===//
//
// `std::vector<Node *> v; v.push_back(new Node{i}); ... for (Node *p : v)
// delete p;` A pointer loaded from a container may point anywhere, as any
// pointer loaded from memory does (Locality.h), so deleting what it points
// to, or writing there, was a write to memory the function does not own
// (adv89 F2: a false error on a tree freed after use). When the container
// is a local of this function and every pointer that goes into it points
// to memory of the function's own (a new-expression, a local made so),
// what its elements point to is the function's own too.
//
// Followed only where every mention of the container is one of: adding
// such a pointer (push_back, emplace_back, push_front, emplace_front),
// members that add nothing (size, empty, capacity, reserve, clear,
// pop_back, pop_front, shrink_to_fit), an element read (`v[i]`, `v.at(i)`,
// `v.front()`, `v.back()` whose value is loaded) and a range-for whose
// loop variable is a copy of the pointer (a const reference to it may be
// const_cast: adv92 F1).
// Anything else (an iterator named by the program, an element assigned,
// the container passed on, captured by reference, copied, swapped) and its
// elements may point anywhere, as before.
//
//===----------------------------------------------------------------------===//
#include "Locality.h"
#include "Mentions.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace purecc {
namespace {

/// The pointer type a standard container's elements have, or null type.
QualType pointerElement(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || !ownsElements(T) || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  QualType E = Spec->getTemplateArgs()[0].getAsType();
  return E->isPointerType() && !E->isFunctionPointerType() ? E : QualType();
}

enum class Use { Adds, Keeps, ReadsElement, Other };

Use memberUse(const CXXMethodDecl *MD) {
  if (!MD->getIdentifier())
    return MD->getOverloadedOperator() == OO_Subscript ? Use::ReadsElement : Use::Other;
  return llvm::StringSwitch<Use>(MD->getName())
      .Cases("push_back", "emplace_back", "push_front", "emplace_front", Use::Adds)
      .Cases("size", "empty", "capacity", "reserve", "clear", "max_size", Use::Keeps)
      .Cases("pop_back", "pop_front", "shrink_to_fit", Use::Keeps)
      .Cases("at", "front", "back", Use::ReadsElement)
      .Default(Use::Other);
}

} // namespace

const VarDecl *Locality::elementSource(const Expr *Object, unsigned Steps) {
  if (!Object || Steps > 4)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || VD->getParentFunctionOrMethod() != FD)
    return nullptr;
  if (!VD->getType()->isReferenceType() && !pointerElement(VD->getType()).isNull())
    return VD;
  // A range-for's hidden range (`auto &&__range = v`) and iterator
  // (`auto __begin = __range.begin()`): no statement of the program names them.
  if (!VD->isImplicit() || !VD->getInit())
    return nullptr;
  const Expr *Init = VD->getInit()->IgnoreImplicit();
  if (VD->getType()->isReferenceType())
    return elementSource(Init, Steps + 1);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Init);
      MC && MC->getMethodDecl()->getIdentifier() && MC->getMethodDecl()->getName() == "begin")
    return elementSource(MC->getImplicitObjectArgument(), Steps + 1);
  return nullptr;
}

bool Locality::holdsOwnBlocks(const VarDecl *V) {
  auto [It, New] = FreshContainers.try_emplace(V, false); // in progress: no
  if (!New)
    return It->second;
  bool OK = V->isLocalVarDecl() && !V->isStaticLocal() && FD->getBody();
  if (OK)
    if (const Expr *Init = V->getInit()) {
      const Expr *I = Init->IgnoreImplicit();
      const auto *CE = dyn_cast<CXXConstructExpr>(I);
      const auto *IL = dyn_cast<InitListExpr>(I);
      OK = (CE && CE->getNumArgs() == 0) || (IL && IL->getNumInits() == 0);
    }
  const Mentions &M = bodyMentions();
  OK = OK && !M.captured(V);
  auto Up = [&](const Stmt *S) { return M.userOf(S, Mentions::Skip::ParensAndNoOpCasts); };
  auto LoadedBy = [&](const Expr *Call) {
    const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(Up(Call).second);
    return IC && IC->getCastKind() == CK_LValueToRValue;
  };
  for (const DeclRefExpr *Mention : M.of(V)) {
    if (!OK)
      break;
    // The range of a range-for that copies each pointer (a `T *const &`
    // loop variable may be const_cast: adv92 F1).
    if (llvm::any_of(M.rangeFors(), [&](const CXXForRangeStmt *Loop) {
          return Loop->getRangeInit()->IgnoreParenImpCasts() == Mention &&
                 !Loop->getLoopVariable()->getType()->isReferenceType();
        }))
      continue;
    auto [Child, P] = Up(Mention);
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
      OK = OC->getOperator() == OO_Subscript && OC->getArg(0) == Child && LoadedBy(OC);
      continue;
    }
    const auto *ME = dyn_cast_or_null<MemberExpr>(P);
    const auto *Call = ME ? dyn_cast_or_null<CXXMemberCallExpr>(M.parentOf(ME)) : nullptr;
    if (!Call || Call->getCallee()->IgnoreParens() != ME) {
      OK = false;
      continue;
    }
    switch (memberUse(Call->getMethodDecl())) {
    case Use::Keeps:
      break;
    case Use::ReadsElement:
      OK = LoadedBy(Call);
      break;
    case Use::Adds:
      OK = Call->getNumArgs() == 1 && ofPointee(Call->getArg(0)).isLocal();
      break;
    case Use::Other:
      OK = false;
      break;
    }
  }
  FreshContainers[V] = OK;
  return OK;
}

} // namespace purecc
