//===- AddressRoots.cpp - the variables an address points into -----------===//
#include "AddressRoots.h"

#include "Containers.h"
#include "StdComparisons.h"
#include "analysis/Attributes.h"
#include "analysis/ImplementationHeaders.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

bool isView(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "basic_string_view" || RD->getName() == "span");
}

namespace {

/// Whether Use, one of a call's arguments, binds to a reference to const of
/// a function that cannot cast the const away and assign through it: the
/// library's, a '[[pure]]' one (checked to write nothing of its caller's),
/// a constructor that runs no code of the program (`reseat(const long
/// *const &r)` may `const_cast<const long *&>(r) = q`, adv65 G1).
bool lentReadOnly(const FunctionDecl *FD, const Expr *const *Args, unsigned N, const Expr *Use,
                  unsigned Skip) {
  for (unsigned I = 0; I < N; ++I)
    if (Args[I] == Use) {
      if (!FD || I < Skip || I - Skip >= FD->getNumParams())
        return false;
      QualType P = FD->getParamDecl(I - Skip)->getType();
      const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD);
      bool Trusted = isImplementationDecl(FD) || inStd(FD) || isDeclaredPure(FD) ||
                     (Ctor && (Ctor->isTrivial() || Ctor->isImplicit()));
      return Trusted && P->isReferenceType() && P.getNonReferenceType().isConstQualified();
    }
  return false;
}

/// A conversion of an object to a more qualified or base class type of its
/// own, judged with what it is used in.
bool isAddingConst(const Stmt *S) {
  const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
  return Cast && Cast->isGLValue() &&
         (Cast->getCastKind() == CK_NoOp || Cast->getCastKind() == CK_DerivedToBase ||
          Cast->getCastKind() == CK_UncheckedDerivedToBase);
}

/// Whether Use, a child of Parent naming a local address variable,
/// leaves the variable pointing where it did (or is an assignment that
/// `note` records).
bool leavesInPlace(const Stmt *Parent, const Expr *Use) {
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent))
    return Cast->getCastKind() == CK_LValueToRValue;
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    return BO->isAssignmentOp() && BO->getLHS() == Use;
  if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
    return UO->isIncrementDecrementOp();
  // A const member of the library's (`sv.size()`, `it->first`), or of a
  // '[[pure]]' one: not one that may cast 'this' to non-const.
  auto ConstMember = [](const CXXMethodDecl *MD) {
    return MD && MD->isConst() && (isImplementationDecl(MD) || inStd(MD) || isDeclaredPure(MD));
  };
  if (const auto *ME = dyn_cast<MemberExpr>(Parent))
    return ConstMember(dyn_cast<CXXMethodDecl>(ME->getMemberDecl()));
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent);
      Op && isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) && Op->getNumArgs() >= 1 &&
      Op->getArg(0) == Use) {
    OverloadedOperatorKind K = Op->getOperator();
    return K == OO_Equal || K == OO_PlusPlus || K == OO_MinusMinus || K == OO_PlusEqual ||
           K == OO_MinusEqual || ConstMember(cast<CXXMethodDecl>(Op->getDirectCallee()));
  }
  if (const auto *Call = dyn_cast<CallExpr>(Parent))
    return lentReadOnly(Call->getDirectCallee(), Call->getArgs(), Call->getNumArgs(), Use,
                        isa<CXXOperatorCallExpr>(Call) &&
                                isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee())
                            ? 1
                            : 0);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent))
    return lentReadOnly(Construct->getConstructor(), Construct->getArgs(),
                        Construct->getNumArgs(), Use, 0);
  // Declarations are VisitVarDecl's; a lambda's body is traversed.
  return isa<DeclStmt, LambdaExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXForRangeStmt>(
      Parent);
}

} // namespace

void AddressRoots::addBody(const Stmt *Body) {
  struct Collector : RecursiveASTVisitor<Collector> {
    llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &Into;
    llvm::SmallPtrSetImpl<const VarDecl *> &Opaque;
    Collector(llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &Into,
              llvm::SmallPtrSetImpl<const VarDecl *> &Opaque)
        : Into(Into), Opaque(Opaque) {}
    static const VarDecl *named(const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    }
    // `&p`, or `p` bound to a non-const reference (`reset(p, b)`): it may
    // be assigned where this trace does not look.
    bool VisitUnaryOperator(UnaryOperator *UO) {
      if (UO->getOpcode() == UO_AddrOf)
        if (const VarDecl *VD = named(UO->getSubExpr()))
          Opaque.insert(VD);
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      const FunctionDecl *FD = Call->getDirectCallee();
      unsigned Skip = isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(FD) ? 1 : 0;
      for (unsigned I = Skip; I < Call->getNumArgs(); ++I) {
        const VarDecl *VD = named(Call->getArg(I));
        if (!VD)
          continue;
        QualType P = FD && I - Skip < FD->getNumParams() ? FD->getParamDecl(I - Skip)->getType()
                                                         : QualType();
        if (P.isNull() || (P->isLValueReferenceType() && !P.getNonReferenceType().isConstQualified()))
          Opaque.insert(VD);
      }
      return true;
    }
    // Each use of a local that holds an address other than reading its
    // value, assigning it, stepping it or lending it read-only may reseat
    // it out of sight: a reference member bound to it (`RefHolder h{t};
    // h.r = q;`), a constructor's reference parameter (`Reseat s(t)`),
    // `std::tuple<const long *&> tp(t)` (adv64 F1, F3). Only the uses
    // known to leave it where it points are let through.
    bool VisitStmt(Stmt *S) {
      // Parentheses and a conversion that adds 'const' are judged with
      // what they are used in (`reseat(t)` binds 't' as `const long *const
      // &` through one).
      if (isa<ParenExpr>(S) || isAddingConst(S))
        return true;
      for (const Stmt *Child : S->children()) {
        const auto *E = dyn_cast_or_null<Expr>(Child);
        const Expr *Named = E;
        while (Named && (isa<ParenExpr>(Named) || isAddingConst(Named)))
          Named = cast<Expr>(*Named->child_begin());
        const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Named);
        const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (VD && !VD->getType()->isReferenceType() && refersElsewhere(VD) && !leavesInPlace(S, E))
          Opaque.insert(VD);
        // Storage that may come to hold an address's bytes (adv64 F2).
        if (const auto *Cast = dyn_cast_or_null<CastExpr>(E); Cast && isRetyping(Cast))
          RetypesStorage = true;
      }
      if (const auto *New = dyn_cast<CXXNewExpr>(S); New && New->getNumPlacementArgs() > 0)
        RetypesStorage = true;
      return true;
    }
    /// A pointer conversion to `void *` or to a pointer to what may hold an
    /// address (`reinterpret_cast<const long **>(buf)`), from a pointer to
    /// something else: memory may be handed on as another type.
    bool isRetyping(const CastExpr *Cast) {
      if (Cast->getCastKind() != CK_BitCast || !Cast->getType()->isPointerType() ||
          !Cast->getSubExpr()->getType()->isPointerType())
        return false;
      QualType To = Cast->getType()->getPointeeType().getUnqualifiedType();
      QualType From = Cast->getSubExpr()->getType()->getPointeeType().getUnqualifiedType();
      if (To.getCanonicalType() == From.getCanonicalType())
        return false;
      return To->isVoidType() || Types.mayHold(To);
    }
    // `long *&r = p;`, `[&r = p]`: assigned through the reference; through
    // a reference to const too, where the code casts const away (adv65 G1,
    // G3: `const_cast<const long *&>(r) = q`).
    bool VisitVarDecl(VarDecl *VD) {
      QualType T = VD->getType();
      if (VD->getInit() && T->isReferenceType())
        if (const VarDecl *Of = named(VD->getInit()))
          (T.getNonReferenceType().isConstQualified() ? LentConst : Opaque).insert(Of);
      return true;
    }
    bool VisitExplicitCastExpr(ExplicitCastExpr *Cast) {
      QualType To = Cast->getTypeAsWritten();
      if (isa<CXXConstCastExpr>(Cast) ||
          ((To->isReferenceType() || To->isPointerType()) && Cast->getCastKind() == CK_NoOp))
        CastsAwayConst = true;
      return true;
    }
    llvm::SmallPtrSet<const VarDecl *, 4> LentConst;
    bool CastsAwayConst = false;
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool shouldVisitImplicitCode() const { return true; }
    void note(const Expr *Target, const Expr *Value) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Into[VD].push_back(Value);
    }
    // `t += d` steps within the same object, but a difference of two
    // addresses (`t += q - kTable`) may step into another: its roots count.
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->isAssignmentOp())
        note(BO->getLHS(), BO->getRHS());
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        note(Op->getArg(0), Op->getArg(1));
      return true;
    }
    AddressTypes Types;
    bool RetypesStorage = false;
  } C(Assigned, Opaque);
  C.TraverseStmt(const_cast<Stmt *>(Body));
  RetypesStorage |= C.RetypesStorage;
  if (C.CastsAwayConst)
    Opaque.insert(C.LentConst.begin(), C.LentConst.end());
}

bool AddressRoots::refersElsewhere(const VarDecl *VD) {
  QualType T = VD->getType();
  // An array is an object: `a + 1` points into 'a' itself.
  return T->isReferenceType() || T->isPointerType() || isView(T) ||
         (isAddressLike(T) && !T->isArrayType());
}

Roots AddressRoots::roots(const Expr *E, unsigned Depth) {
  Roots R;
  if (!E || Depth > 32) {
    R.Unknown = true;
    return R;
  }
  while (true) {
    if (readsStoredAddress(E)) {
      R.Unknown = true;
      return R;
    }
    // A number made an address (`(const long *)n`, `__builtin_bit_cast`)
    // points wherever the number says.
    for (const Expr *C = E->IgnoreParens(); const auto *Cast = dyn_cast<CastExpr>(C);
         C = Cast->getSubExpr()->IgnoreParens())
      if (Cast->getCastKind() == CK_IntegralToPointer || Cast->getCastKind() == CK_LValueToRValueBitCast) {
        R.Unknown = true;
        return R;
      }
    E = E->IgnoreParenCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *W = dyn_cast<ExprWithCleanups>(E))
      E = W->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() == 1 &&
                                                           C->getConstructor()->isCopyOrMoveConstructor())
      E = C->getArg(0);
    else
      break;
  }
  // A view made of an address and a length (`std::string_view("purecc")`,
  // `std::span(arr)`) points where the address does (adv64 F6); one made
  // of a container (`std::span(v)`), into the container (adv67 F3).
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && isView(C->getType())) {
    for (const Expr *Arg : C->arguments()) {
      QualType T = Arg->IgnoreParenImpCasts()->getType();
      if (isAddressLike(T) || T->isArrayType() || isView(T))
        R.add(roots(Arg, Depth + 1));
      else if (T->isRecordType())
        R.add(intoObject(Arg, Depth));
    }
    if (R.Decls.empty() && !R.Unknown)
      R.Nothing = true;
    return R;
  }
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
      isa<StringLiteral, IntegerLiteral, CXXNewExpr, CompoundLiteralExpr>(E)) {
    R.Nothing = true;
    return R;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref || UO->isIncrementDecrementOp())
      return roots(UO->getSubExpr(), Depth + 1);
    R.Nothing = true;
    return R;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      return roots(BO->getLHS(), Depth + 1);
    if (BO->getOpcode() == BO_Comma)
      return roots(BO->getRHS(), Depth + 1);
    for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
      if (isAddressLike(Side->IgnoreParenImpCasts()->getType()))
        R.add(roots(Side, Depth + 1));
    if (R.Decls.empty() && !R.Unknown)
      R.Nothing = true;
    return R;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    R.add(roots(CO->getTrueExpr(), Depth + 1));
    R.add(roots(CO->getFalseExpr(), Depth + 1));
    return R;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return roots(AS->getBase(), Depth + 1);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // A reference member refers where its initializer chose (`struct {
    // const long &x; } t{a}`, adv53 t08).
    if (ME->getMemberDecl()->getType()->isReferenceType()) {
      R.Unknown = true;
      return R;
    }
    return roots(ME->getBase(), Depth + 1);
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    // `w` of `auto &[w, k] = h;` names `h.v` (a member or an element of
    // what was decomposed). A tuple-like binding names what a `get`
    // returns: a part of the pair or tuple (adv68 F17), unless that part is
    // a reference stored in it (`std::tuple<long &>`), which is not followed.
    if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl())) {
      if (const VarDecl *Holding = B->getHoldingVar()) {
        if (!B->getType()->isReferenceType() && Holding->getInit())
          return roots(Holding->getInit(), Depth + 1);
      } else if (B->getBinding()) {
        return roots(B->getBinding(), Depth + 1);
      }
    }
    if (!VD) {
      if (isa<FunctionDecl, EnumConstantDecl>(DRE->getDecl()))
        R.Nothing = true;
      else
        R.Unknown = true; // a structured binding, a template parameter object
      return R;
    }
    return variable(VD, Depth);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return intoObject(MC->getImplicitObjectArgument(), Depth);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // `std::ranges::max_element(x)` is a call of an object of the library
    // on x, of whatever it returns (adv53 t06); a lambda's or functor's
    // result is the program's.
    if (Op->getOperator() == OO_Call) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (!MD || !inStd(MD->getParent())) {
        R.Unknown = true;
        return R;
      }
      return libraryCall(Op, 1, Depth);
    }
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) && Op->getNumArgs() >= 1) {
      return intoObject(Op->getArg(0), Depth); // `*it`, `it + 1`, `v[i]`, `p = q`
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // The library's free functions return what they were given
    // (`std::addressof(a)`, `std::next(it)`, `std::data(v)`); a function
    // of the program may return any address.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !isImplementationDecl(Callee)) {
      R.Unknown = true;
      return R;
    }
    return libraryCall(Call, 0, Depth);
  }
  R.Unknown = true; // `this`, a lambda's capture, a statement expression
  return R;
}

/// The roots of what a call of the library returns, from its arguments
/// First on: of `std::find(first, last, key)` the iterators, of
/// `std::addressof(a)` or `std::get<0>(t)` the object.
Roots AddressRoots::libraryCall(const CallExpr *Call, unsigned First, unsigned Depth) {
  Roots R;
  auto Args = llvm::drop_begin(Call->arguments(), First);
  bool Addresses = llvm::any_of(Args, [](const Expr *Arg) {
    return isAddressLike(Arg->IgnoreParenImpCasts()->getType());
  });
  bool Numbers = false;
  for (const Expr *Arg : Args) {
    if (Addresses ? !isAddressLike(Arg->IgnoreParenImpCasts()->getType())
                  : !Arg->isGLValue() &&
                        (Arg->getType()->isArithmeticType() || Arg->getType()->isEnumeralType())) {
      Numbers = true;
      continue;
    }
    R.add(Addresses ? roots(Arg, Depth + 1) : intoObject(Arg, Depth));
  }
  // An address made of numbers only (`std::bit_cast<const long *>(n)`).
  if (!Addresses && Numbers && isAddressLike(Call->getType()))
    R.Unknown = true;
  if (R.Decls.empty() && !R.Unknown)
    R.Nothing = true;
  return R;
}

/// The roots of an address a member, an operator or the library takes
/// from the object O: into O itself when O owns what it hands out (a
/// vector's element, an iterator's next position), but from anywhere when
/// O may hold an address of its own to hand out (`std::cref(a).get()`,
/// `std::get<0>(std::tie(a, b))`, adv53 t29, t184).
Roots AddressRoots::intoObject(const Expr *O, unsigned Depth) {
  QualType T = O->IgnoreParenImpCasts()->getType().getNonReferenceType();
  if (isAddressLike(T) || isView(T) || !Types.mayHold(T) || ownsWhatItHandsOut(T))
    return roots(O, Depth + 1);
  Roots R;
  R.Unknown = true;
  return R;
}

/// A container whose elements are its own (a `std::vector<const long *>`
/// hands out addresses of its elements, whatever they hold).
bool AddressRoots::ownsWhatItHandsOut(QualType T) {
  if (containerKind(T) == ContainerKind::Owning)
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && inStd(RD) && RD->getIdentifier() &&
         llvm::is_contained({"map", "set", "multimap", "multiset", "unordered_map", "unordered_set",
                             "unordered_multimap", "unordered_multiset", "list", "forward_list",
                             "deque", "valarray", "basic_string"},
                            RD->getName());
}

/// Whether E reads a pointer or iterator from memory other than a
/// variable of its own: a member, an element, what a reference refers
/// to. Whoever stored it there chose where it points (`pr.first ==
/// pr.second` of `std::make_pair(&a, &b)`, `ps[0] == ps[1]`, adv53 t07,
/// t27).
bool AddressRoots::readsStoredAddress(const Expr *E) {
  E = E->IgnoreParens();
  const Expr *Read = nullptr;
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(E); IC && IC->getCastKind() == CK_LValueToRValue)
    Read = IC->getSubExpr();
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1 &&
                                                         CE->getConstructor()->isCopyOrMoveConstructor())
    Read = CE->getArg(0);
  if (!Read || !Read->isGLValue())
    return false;
  Read = Read->IgnoreParenImpCasts();
  if (!isAddressLike(Read->getType()) || Read->getType()->isArrayType())
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(Read);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return !VD || VD->getType()->isReferenceType();
}

Roots AddressRoots::variable(const VarDecl *VD, unsigned Depth) {
  Roots R;
  if (isa<ParmVarDecl>(VD) || VD->hasGlobalStorage() || !refersElsewhere(VD)) {
    R.Decls.insert(VD);
    return R;
  }
  if (Opaque.contains(VD)) {
    R.Unknown = true;
    return R;
  }
  if (!Tracing.insert(VD).second)
    return R; // its other values are traced already
  if (VD->getInit())
    R.add(roots(VD->getInit(), Depth + 1));
  else
    R.Decls.insert(VD);
  if (auto It = Assigned.find(VD); It != Assigned.end())
    for (const Expr *Value : It->second)
      R.add(roots(Value, Depth + 1));
  Tracing.erase(VD);
  return R;
}

} // namespace purecc
