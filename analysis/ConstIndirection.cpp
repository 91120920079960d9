//===- ConstIndirection.cpp - what a const global refers to ---------------===//
#include "ConstIndirection.h"
#include "Stdlib.h"
#include "Unevaluated.h"
#include "rules/GlobalRead.h"

#include "clang/AST/APValue.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace purecc {

namespace {

using Seen = llvm::SmallPtrSet<const void *, 8>;

bool designatesIn(QualType T, Seen &Visited);

bool templateArgumentDesignates(const TemplateArgument &A, Seen &Visited) {
  if (A.getKind() == TemplateArgument::Pack) {
    for (const TemplateArgument &P : A.pack_elements())
      if (templateArgumentDesignates(P, Visited))
        return true;
    return false;
  }
  return A.getKind() == TemplateArgument::Type && designatesIn(A.getAsType(), Visited);
}

bool designatesIn(QualType T, Seen &Visited) {
  T = T.getCanonicalType();
  if (T->isReferenceType())
    return true;
  if (const auto *PT = T->getAs<PointerType>())
    return !PT->getPointeeType()->isFunctionType(); // code is not memory
  if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    return designatesIn(AT->getElementType(), Visited);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !Visited.insert(RD).second)
    return false;
  if (isPointerLike(T) || holdsReference(T))
    return true;
  if (RD->isInStdNamespace()) {
    // The library's owning classes are deep: a `const std::vector<long>`
    // holds its elements. Those that only designate are shallow.
    if (const IdentifierInfo *II = RD->getIdentifier()) {
      llvm::StringRef N = II->getName();
      if (N == "basic_string_view" || N == "shared_ptr" || N == "unique_ptr" ||
          N == "weak_ptr")
        return true;
    }
    // A standard template of designating elements (`std::vector<long *>`,
    // `std::array<const char *, 2>`, `std::optional<long *>`).
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
        if (templateArgumentDesignates(A, Visited))
          return true;
    return false;
  }
  if (!RD->hasDefinition())
    return true; // cannot look inside
  for (const FieldDecl *F : RD->fields())
    if (designatesIn(F->getType(), Visited))
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (designatesIn(B.getType(), Visited))
      return true;
  return false;
}

/// The worse of two answers: a named mutable global before memory no one
/// can name (the note then says what is read).
DesignatedTarget worse(DesignatedTarget A, DesignatedTarget B) {
  if (A.K == DesignatedTarget::MutableGlobal)
    return A;
  if (B.K == DesignatedTarget::MutableGlobal)
    return B;
  return A.K == DesignatedTarget::Unknown ? A : B;
}

class TargetFinder {
public:
  explicit TargetFinder(const ASTContext &Ctx) : Ctx(Ctx) {}

  DesignatedTarget of(const VarDecl *VD) {
    if (!mayDesignate(VD->getType()))
      return {};
    const VarDecl *Def = nullptr;
    const Expr *Init = VD->getAnyInitializer(Def);
    if (!Init || !Def)
      return {DesignatedTarget::Unknown}; // defined elsewhere: not seen
    if (!Visited.insert(Def).second)
      return {}; // already being looked at (`const S a{&b}, b{&a};`)
    if (Def->hasConstantInitialization())
      if (const APValue *V = Def->evaluateValue())
        return ofValue(*V);
    return ofInitializer(Init);
  }

private:
  /// Every address in a constant value.
  DesignatedTarget ofValue(const APValue &V) {
    switch (V.getKind()) {
    case APValue::LValue:
      return ofAddress(V.getLValueBase());
    case APValue::Struct: {
      DesignatedTarget R;
      for (unsigned I = 0; I < V.getStructNumBases(); ++I)
        R = worse(R, ofValue(V.getStructBase(I)));
      for (unsigned I = 0; I < V.getStructNumFields(); ++I)
        R = worse(R, ofValue(V.getStructField(I)));
      return R;
    }
    case APValue::Array: {
      DesignatedTarget R;
      for (unsigned I = 0; I < V.getArrayInitializedElts(); ++I)
        R = worse(R, ofValue(V.getArrayInitializedElt(I)));
      if (V.hasArrayFiller())
        R = worse(R, ofValue(V.getArrayFiller()));
      return R;
    }
    case APValue::Union:
      return V.getUnionField() ? ofValue(V.getUnionValue()) : DesignatedTarget{};
    default:
      return {};
    }
  }

  DesignatedTarget ofAddress(APValue::LValueBase Base) {
    if (!Base)
      return {}; // a null pointer
    if (const ValueDecl *D = Base.dyn_cast<const ValueDecl *>())
      return ofObject(D);
    if (const Expr *E = Base.dyn_cast<const Expr *>()) {
      if (isa<StringLiteral, PredefinedExpr>(E))
        return {};
      if (isa<MaterializeTemporaryExpr, CompoundLiteralExpr>(E))
        return ofTemporary(E);
      return {DesignatedTarget::Unknown};
    }
    if (Base.is<TypeInfoLValue>())
      return {};
    return {DesignatedTarget::Unknown}; // memory allocated while evaluating
  }

  /// A temporary the global keeps alive (`const H &r = H{&g};`, a
  /// reference member's `H{&g}` in `const Ref R{H{&g}};`): a const one is
  /// a constant only when what it holds is (const is shallow: its pointer
  /// may still designate a mutable global); the program may write a
  /// mutable one.
  DesignatedTarget ofTemporary(const Expr *E) {
    if (!E->getType().isConstant(Ctx))
      return {DesignatedTarget::Unknown};
    if (!mayDesignate(E->getType()) || !Visited.insert(E).second)
      return {};
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      if (const LifetimeExtendedTemporaryDecl *Extended = MT->getLifetimeExtendedTemporaryDecl())
        if (const APValue *V = Extended->getValue())
          return ofValue(*V);
      return ofInitializer(MT->getSubExpr());
    }
    return ofInitializer(cast<CompoundLiteralExpr>(E)->getInitializer());
  }

  /// An object whose address the global holds (or that it names).
  DesignatedTarget ofObject(const ValueDecl *D) {
    const auto *X = dyn_cast<VarDecl>(D);
    if (!X)
      return {}; // a function, or a template parameter object
    if (!X->hasGlobalStorage())
      return {DesignatedTarget::Unknown};
    if (isMutableGlobal(X, Ctx))
      return {DesignatedTarget::MutableGlobal, X};
    // A const object can designate in turn (`const Node n1{&g};`).
    return of(X);
  }

  /// A dynamic initializer: what it names, allocates and calls, also in
  /// the bodies of the program's `constexpr` functions it calls. Called at
  /// run time, those run as plain functions: `[] { return addr(); }()` (a
  /// lambda's call operator is implicitly `constexpr`) or a branch that no
  /// constant evaluation takes may call anything or allocate (adv101 F2).
  DesignatedTarget ofInitializer(const Expr *Init) {
    DesignatedTarget R;
    // Each statement with whether it is inside such a body, where the
    // function's own parameters and locals are no objects of the global's.
    llvm::SmallVector<std::pair<const Stmt *, bool>, 32> Work{{Init, false}};
    while (!Work.empty()) {
      auto [S, InBody] = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S) || isUnevaluatedOperand(S))
        continue; // a closure's body runs later; sizeof reads nothing
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        if (const auto *X = dyn_cast<VarDecl>(DRE->getDecl()); X && (!InBody || X->hasGlobalStorage()))
          R = worse(R, ofObject(X));
        continue;
      }
      if (isa<CXXNewExpr>(S))
        R = worse(R, {DesignatedTarget::Unknown});
      const FunctionDecl *Callee = nullptr;
      if (const auto *CE = dyn_cast<CallExpr>(S))
        Callee = CE->getDirectCallee();
      else if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
        Callee = CC->getConstructor();
      // A call that is not `constexpr` may return memory from anywhere
      // (`std::make_shared`, a user's `lookup()`).
      if (isa<CallExpr, CXXConstructExpr>(S) && (!Callee || !Callee->isConstexpr()))
        R = worse(R, {DesignatedTarget::Unknown});
      else if (Callee && Callee->getBody() &&
               !isLibraryFunction(Callee, Ctx.getSourceManager()) && Visited.insert(Callee).second)
        Work.push_back({Callee->getBody(), true});
      for (const Stmt *C : S->children())
        Work.push_back({C, InBody});
    }
    return R;
  }

  const ASTContext &Ctx;
  /// The variables and temporaries being looked at.
  llvm::SmallPtrSet<const void *, 8> Visited;
};

} // namespace

bool mayDesignate(QualType T) {
  Seen Visited;
  return designatesIn(T, Visited);
}

DesignatedTarget designatedBy(const VarDecl *VD, const ASTContext &Ctx) {
  return TargetFinder(Ctx).of(VD);
}

GlobalRoot rootGlobal(const Expr *E) {
  GlobalRoot R;
  for (unsigned Steps = 0; E && Steps < 64; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const ValueDecl *D = DRE->getDecl();
      // A structured binding names a part of its hidden variable (`sp` of
      // `const auto [sp] = H{&g};` is that variable's `.p`), or, when it is
      // tuple-like, a reference variable of its own.
      if (const auto *BD = dyn_cast<BindingDecl>(D)) {
        R.Binding = R.Binding ? R.Binding : BD;
        if (!BD->getHoldingVar()) {
          E = BD->getBinding();
          continue;
        }
        D = BD->getHoldingVar();
      }
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->hasGlobalStorage())
        return {};
      R.Global = VD;
      R.Indirect |= VD->getType()->isReferenceType();
      return R;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
        R.Global = VD; // a static data member
        R.Indirect |= VD->getType()->isReferenceType();
        return R;
      }
      R.Indirect |= ME->isArrow() || ME->getMemberDecl()->getType()->isReferenceType();
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      R.Indirect |= !AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType();
      E = AS->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      R.Indirect |= UO->getOpcode() == UO_Deref;
      E = UO->getSubExpr();
    } else if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp()) {
      E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS();
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      R.Indirect |= CE->isGLValue() || CE->getType()->isPointerType();
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
        E = MC->getImplicitObjectArgument();
      else if (CE->getNumArgs() > 0)
        E = CE->getArg(0); // an operator's object, `std::get<0>(t)`
      else
        return {};
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(E);
               CC && CC->getNumArgs() == 1 && CC->getConstructor()->isCopyOrMoveConstructor()) {
      E = CC->getArg(0); // a copy is the object copied
    } else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
    } else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BT->getSubExpr();
    } else {
      return {};
    }
  }
  return {};
}

} // namespace purecc
