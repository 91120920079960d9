//===- CallArguments.cpp - what a call may do with its arguments ---------===//
#include "CallArguments.h"
#include "Containers.h"
#include "PlanContext.h"
#include "PlainValues.h"

#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace purecc {

/// A parameter through which the callee may write what the argument is.
bool writableReference(QualType PT) {
  return PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified();
}
bool writablePointer(QualType PT) {
  return PT->isPointerType() && !PT->getPointeeType().isConstQualified() &&
         !PT->getPointeeType()->isFunctionType();
}

/// `std::move(x)`, `std::ref(x)` ...: x itself, for a write through the
/// result (the library model's address-only functions).
const Expr *throughAddressOnly(const Expr *E) {
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
    const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
    if (!FD || CE->getNumArgs() != 1 || !isAddressOnly(FD))
      return E;
    E = CE->getArg(0);
  }
  return E;
}

/// std::begin(v), std::data(v) ...: the free functions that mirror a
/// container's access members hand out access and change nothing.
bool isAccessFunction(const FunctionDecl *FD) {
  return FD->isInStdNamespace() && FD->getIdentifier() && !isa<CXXMethodDecl>(FD) &&
         memberRole(FD->getName()) == MemberRole::Access;
}

/// The lambda a callable argument is: written there, or the initializer of
/// the local it names. Null when it is something else.
const LambdaExpr *lambdaOf(const Expr *A) {
  A = written(A);
  if (const auto *LE = dyn_cast<LambdaExpr>(A))
    return LE;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->getInit() && !VD->getType()->isReferenceType())
      return dyn_cast<LambdaExpr>(written(VD->getInit()));
  return nullptr;
}

/// `v.begin()`, `std::end(v)`, `v.data()`, `&x`, an array that decays, or
/// one of them plus or minus an offset: v (or x), whose elements a library
/// call writing through the argument writes.
const Expr *rangeOwner(const Expr *A) {
  const Expr *E = A->IgnoreParens();
  for (const auto *IC = dyn_cast<ImplicitCastExpr>(E); IC; IC = dyn_cast<ImplicitCastExpr>(E)) {
    if (IC->getCastKind() == CK_ArrayToPointerDecay)
      return IC->getSubExpr();
    E = IC->getSubExpr()->IgnoreParens();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) &&
      BO->getType()->isPointerType())
    return rangeOwner(BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS());
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    return UO->getSubExpr();
  E = written(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Plus || Op->getOperator() == OO_Minus) &&
      Op->getNumArgs() == 2)
    return rangeOwner(Op->getArg(0));
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    // A view's iterators (std::span's) designate memory the view does not own.
    if (MD && MC->getNumArgs() == 0 && memberRole(MD) == MemberRole::Access &&
        MD->getOverloadedOperator() == OO_None &&
        ownsElements(MC->getImplicitObjectArgument()->getType()))
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getNumArgs() == 1)
    if (const FunctionDecl *FD = CE->getDirectCallee();
        FD && isAccessFunction(FD) &&
        (ownsElements(CE->getArg(0)->getType()) ||
         CE->getArg(0)->getType()->isConstantArrayType()))
      return CE->getArg(0);
  return nullptr;
}

/// Parameter I of the library function FD is a forwarding reference (`T&&`
/// of the function template's own T) bound to an lvalue: the library passes
/// it on (to a constructor that copies it, to a callable judged where it is
/// given) and does not write it. Bound to an xvalue it may be moved from.
bool forwardsLvalue(const FunctionDecl *FD, unsigned I) {
  const FunctionTemplateDecl *FT = FD->getPrimaryTemplate();
  if (!FT || I >= FD->getNumParams() || !FD->getParamDecl(I)->getType()->isLValueReferenceType())
    return false;
  const FunctionDecl *Pattern = FT->getTemplatedDecl();
  unsigned Depth = FT->getTemplateParameters()->getDepth();
  // Instantiated parameters map one to one onto the pattern's until its
  // pack, which takes the rest.
  const ParmVarDecl *P = nullptr;
  for (unsigned J = 0; J < Pattern->getNumParams(); ++J) {
    const ParmVarDecl *Q = Pattern->getParamDecl(J);
    if (J == I || Q->isParameterPack()) {
      P = Q;
      break;
    }
  }
  if (!P)
    return false;
  QualType T = P->getType();
  if (const auto *PE = T->getAs<PackExpansionType>())
    T = PE->getPattern();
  const auto *RT = T->getAs<RValueReferenceType>();
  if (!RT || RT->getPointeeType().hasQualifiers())
    return false;
  const auto *TTP = RT->getPointeeType()->getAs<TemplateTypeParmType>();
  return TTP && TTP->getDepth() == Depth;
}

/// std::function, std::move_only_function, std::reference_wrapper: calling
/// one calls whatever it holds.
bool isIndirectCallable(QualType T) {
  if (T.isNull())
    return false;
  if (isFunctionWrapper(T))
    return true;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && tableName(RD) == "std::reference_wrapper";
}

/// A temporary materialized for one call's argument (not bound to a named
/// reference): whatever the callee writes there dies with the expression.
bool isPrivateTemporary(const Expr *Arg) {
  // Not IgnoreParenImpCasts: it looks through the MaterializeTemporaryExpr
  // itself (`out[i] = g(v[i])` for a struct passes one to operator=(P&&)).
  const Expr *E = Arg->IgnoreParens();
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(E))
    E = IC->getSubExpr()->IgnoreParens();
  const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E);
  return MT && !MT->getExtendingDecl();
}

namespace {

/// The special members a defaulted one calls on each subobject.
enum class SpecialKind { DefaultConstruct, CopyOrMoveConstruct, Assign, Destroy };

std::optional<SpecialKind> specialKind(const CXXMethodDecl *MD) {
  if (const auto *C = dyn_cast<CXXConstructorDecl>(MD)) {
    if (C->isDefaultConstructor())
      return SpecialKind::DefaultConstruct;
    if (C->isCopyOrMoveConstructor())
      return SpecialKind::CopyOrMoveConstruct;
    return std::nullopt;
  }
  if (isa<CXXDestructorDecl>(MD))
    return SpecialKind::Destroy;
  if (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())
    return SpecialKind::Assign;
  return std::nullopt;
}

bool isKind(const CXXMethodDecl *MD, SpecialKind K) {
  std::optional<SpecialKind> Own = specialKind(MD);
  return Own && *Own == K;
}

/// The first special member of kind K of a T subobject (or of what a
/// library class T holds, any kind) that is the user's and that
/// KnownEffectFree does not accept; null when there is none. Seen stops a
/// cycle (a class that holds a vector of itself).
const CXXMethodDecl *
unvettedSpecialMember(QualType T, SpecialKind K,
                      llvm::function_ref<bool(const FunctionDecl *)> KnownEffectFree,
                      llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Seen) {
  T = T.getCanonicalType().getUnqualifiedType();
  while (const auto *A = dyn_cast<ArrayType>(T.getTypePtr()))
    T = A->getElementType().getCanonicalType().getUnqualifiedType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  if (!Seen.insert(RD).second)
    return nullptr;
  if (RD->isInStdNamespace()) {
    // The library constructs, copies, assigns and destroys what it holds
    // with that type's own special members, any of them.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      return nullptr;
    for (QualType H : heldTypes(Spec))
      for (SpecialKind Each : {SpecialKind::DefaultConstruct, SpecialKind::CopyOrMoveConstruct,
                               SpecialKind::Assign, SpecialKind::Destroy}) {
        llvm::SmallPtrSet<const CXXRecordDecl *, 8> Fresh(Seen.begin(), Seen.end());
        if (const CXXMethodDecl *M = unvettedSpecialMember(H, Each, KnownEffectFree, Fresh))
          return M;
      }
    return nullptr;
  }
  // The user's own special members of that kind decide, when it has some.
  bool UserWritten = false;
  const CXXMethodDecl *Unvetted = nullptr;
  auto Judge = [&](const CXXMethodDecl *M) {
    if (Unvetted || !isKind(M, K) || !M->isUserProvided())
      return;
    UserWritten = true;
    if (!KnownEffectFree(M))
      Unvetted = M;
  };
  for (const CXXMethodDecl *M : RD->methods())
    Judge(M);
  for (const CXXConstructorDecl *C : RD->ctors())
    Judge(C);
  if (K == SpecialKind::Destroy)
    if (const CXXDestructorDecl *D = RD->getDestructor())
      Judge(D);
  if (Unvetted || UserWritten)
    return Unvetted;
  // Else the compiler's, which does the same to each base and member.
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXMethodDecl *M = unvettedSpecialMember(B.getType(), K, KnownEffectFree, Seen))
      return M;
  for (const FieldDecl *F : RD->fields())
    if (const CXXMethodDecl *M = unvettedSpecialMember(F->getType(), K, KnownEffectFree, Seen))
      return M;
  return nullptr;
}

} // namespace

const CXXMethodDecl *
userSpecialMemberCalled(const FunctionDecl *FD,
                        llvm::function_ref<bool(const FunctionDecl *)> KnownEffectFree) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  std::optional<SpecialKind> K = MD ? specialKind(MD) : std::nullopt;
  if (!K || MD->isTrivial() || !MD->isDefaulted())
    return nullptr;
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  const CXXRecordDecl *RD = MD->getParent();
  Seen.insert(RD->getDefinition() ? RD->getDefinition() : RD);
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXMethodDecl *M = unvettedSpecialMember(B.getType(), *K, KnownEffectFree, Seen))
      return M;
  for (const FieldDecl *F : RD->fields())
    if (const CXXMethodDecl *M = unvettedSpecialMember(F->getType(), *K, KnownEffectFree, Seen))
      return M;
  return nullptr;
}

bool isTrivialSpecialMember(const FunctionDecl *FD,
                            llvm::function_ref<bool(const FunctionDecl *)> KnownEffectFree) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !specialKind(MD) || !(MD->isTrivial() || MD->isDefaulted()))
    return false;
  return !userSpecialMemberCalled(FD, KnownEffectFree);
}

} // namespace purecc
