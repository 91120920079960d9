//===- ConstFixIt.cpp - would adding 'const' keep the function compiling? -===//
#include "ConstFixIt.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace purecc {
namespace {

/// Whether a value of type T may be initialized from a const-qualified
/// object or a pointer to one: by value (a copy), or a reference or pointer
/// to const.
bool acceptsConst(QualType T) {
  if (T.isNull() || T->isDependentType())
    return false;
  if (T->isReferenceType())
    return T.getNonReferenceType().isConstQualified() && T->isLValueReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType().isConstQualified();
  return true; // a copy
}

/// A `const` member of MD's class that overload resolution picks instead
/// of MD on a const object: same name, same parameter types
/// (`operator[]`, `begin`, `front`).
bool hasConstOverload(const CXXMethodDecl *MD) {
  for (const NamedDecl *D : MD->getParent()->lookup(MD->getDeclName())) {
    const auto *Other = dyn_cast<CXXMethodDecl>(D);
    if (!Other || Other == MD || !Other->isConst() ||
        Other->getNumParams() != MD->getNumParams())
      continue;
    bool Same = true;
    for (unsigned I = 0; I < MD->getNumParams() && Same; ++I)
      Same = Other->getParamDecl(I)->getType().getCanonicalType() ==
             MD->getParamDecl(I)->getType().getCanonicalType();
    if (Same)
      return true;
  }
  return false;
}

/// Another function of FD's name in its scope whose parameters are FD's
/// with what they refer or point to made const (`int ov(const Node &)`
/// beside `int ov(Node &)`): the fix would declare that one again
/// (adv83 F6).
bool hasOverloadTakingConst(const FunctionDecl *FD) {
  auto Referent = [](QualType T) {
    T = T.getCanonicalType();
    if (T->isReferenceType() || T->isPointerType())
      return T->getPointeeType().getUnqualifiedType().getCanonicalType();
    return T.getUnqualifiedType();
  };
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  for (const NamedDecl *D : DC->lookup(FD->getDeclName())) {
    const auto *Other = dyn_cast<FunctionDecl>(D->getUnderlyingDecl());
    if (!Other || Other->getCanonicalDecl() == FD->getCanonicalDecl() ||
        Other->getNumParams() != FD->getNumParams())
      continue;
    bool Same = true;
    for (unsigned I = 0; I < FD->getNumParams() && Same; ++I)
      Same = Referent(Other->getParamDecl(I)->getType()) == Referent(FD->getParamDecl(I)->getType());
    if (Same)
      return true;
  }
  return false;
}

/// Whether a range-for's hidden `__range` variable is VD: the loop
/// variable then takes the elements of a const range.
const CXXForRangeStmt *rangeForOf(const VarDecl *VD, ASTContext &Ctx) {
  if (!VD->isImplicit())
    return nullptr;
  DynTypedNodeList Parents = Ctx.getParents(*VD);
  const auto *DS = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!DS)
    return nullptr;
  Parents = Ctx.getParents(*DS);
  const auto *RF = Parents.empty() ? nullptr : Parents[0].get<CXXForRangeStmt>();
  return RF && RF->getRangeStmt() == DS ? RF : nullptr;
}

/// Whether a pointer of type T (the destination of a conversion or a
/// parameter) points to const.
bool pointsToConst(QualType T) {
  if (T.isNull())
    return false;
  if (T->isReferenceType())
    return false; // a reference to the pointer itself
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType().isConstQualified();
  return T->isBooleanType() || T->isIntegerType(); // a test, an address as a number
}

/// The uses of V in Body (a lambda's capture of it among them).
std::vector<const Expr *> usesOf(const VarDecl *V, const Stmt *Body);

class Uses {
public:
  explicit Uses(ASTContext &Ctx) : Ctx(Ctx) {}

  /// E is an lvalue of the object the parameter designates (`*p`, `r`,
  /// `p->m`).
  bool object(const Expr *E) {
    const Expr *Up = nullptr;
    const Stmt *S = nullptr;
    const Decl *D = nullptr;
    if (!parent(E, S, D))
      return false;
    if (D) {
      // `T &r2 = r;`, `T copy = r;` (a copy calls a constructor: below).
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD)
        return false;
      // `for (long x : v)`: the elements of a const range, which a copy or
      // an `auto` reference takes (`long &x` does not).
      if (const CXXForRangeStmt *RF = rangeForOf(VD, Ctx)) {
        // Its begin() and end() must take a const range: an array, or a
        // standard container, whose const overloads do the same (adv77 F7:
        // a user's class with a non-const begin() only).
        QualType Range = VD->getType().getNonReferenceType();
        const CXXRecordDecl *RD = Range->getAsCXXRecordDecl();
        if (!Range->isArrayType() && !(RD && RD->isInStdNamespace()))
          return false;
        const VarDecl *Loop = RF->getLoopVariable();
        // A copy of an element made by a constructor that takes `A &`
        // (adv77 F8).
        if (const auto *Copy =
                dyn_cast_or_null<CXXConstructExpr>(Loop->getInit() ? Loop->getInit()->IgnoreImplicit()
                                                                   : nullptr);
            Copy && Copy->getConstructor()->getNumParams() > 0 &&
            !acceptsConst(Copy->getConstructor()->getParamDecl(0)->getType()))
          return false;
        const TypeSourceInfo *Written = Loop->getTypeSourceInfo();
        return (Written && Written->getType()->getContainedAutoType()) ||
               acceptsConst(Loop->getType());
      }
      return acceptsConst(VD->getType()) || deducedAlias(VD);
    }
    if ((Up = dyn_cast<ParenExpr>(S)))
      return object(Up);
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(S)) {
      switch (IC->getCastKind()) {
      case CK_LValueToRValue:
      case CK_ToVoid:
        return true;
      case CK_NoOp:
      case CK_UncheckedDerivedToBase:
      case CK_DerivedToBase:
        return object(IC);
      case CK_ArrayToPointerDecay:
        return pointer(IC);
      default:
        return false;
      }
    }
    if (const auto *ME = dyn_cast<MemberExpr>(S); ME && ME->getBase()->IgnoreParens() == E) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
        return member(MD, ME);
      return object(ME);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
      return AS->getBase()->IgnoreParens() == E ? object(AS) : true;
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->getOpcode() == UO_AddrOf)
        return pointer(UO);
      return false; // ++, -- write it
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
      if (MD && Op->getNumArgs() > 0 && Op->getArg(0)->IgnoreParens() == E)
        return calledOnConst(MD, Op);
      return argument(Op, E);
    }
    if (const auto *CE = dyn_cast<CallExpr>(S))
      return argument(CE, E);
    if (const auto *Ctor = dyn_cast<CXXConstructExpr>(S)) {
      const CXXConstructorDecl *CD = Ctor->getConstructor();
      for (unsigned I = 0; CD && I < Ctor->getNumArgs() && I < CD->getNumParams(); ++I)
        if (Ctor->getArg(I)->IgnoreParens() == E)
          return acceptsConst(CD->getParamDecl(I)->getType());
      return false;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->getOpcode() == BO_Comma ||
             (BO->isAssignmentOp() && BO->getRHS()->IgnoreParens() == E);
    // `c ? p.x : p.y`: an lvalue of one of them, used as the whole is.
    if (const auto *CO = dyn_cast<ConditionalOperator>(S))
      return CO->getCond()->IgnoreParens() != E && object(CO);
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      return returns(R);
    return false;
  }

  /// E is a prvalue of the pointer (`p`, `&r`, `p + 1`, `this`).
  bool pointer(const Expr *E) {
    const Stmt *S = nullptr;
    const Decl *D = nullptr;
    if (!parent(E, S, D))
      return false;
    if (D) {
      const auto *VD = dyn_cast<VarDecl>(D);
      return VD && (pointsToConst(VD->getType()) || deducedAlias(VD));
    }
    if (const auto *P = dyn_cast<ParenExpr>(S))
      return pointer(P);
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      switch (UO->getOpcode()) {
      case UO_Deref:
        return object(UO);
      case UO_LNot:
        return true;
      default:
        return false;
      }
    }
    if (const auto *ME = dyn_cast<MemberExpr>(S); ME && ME->isArrow()) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
        return member(MD, ME);
      return object(ME);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
      return AS->getBase()->IgnoreParens() == E ? object(AS) : false;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isComparisonOp() || BO->isLogicalOp())
        return true;
      if (BO->getOpcode() == BO_Sub && BO->getRHS()->getType()->isPointerType())
        return true; // a difference of pointers
      if (BO->isAdditiveOp())
        return pointer(BO);
      // `q = p`: fine when `q` points to const.
      if (BO->getOpcode() == BO_Assign && BO->getRHS()->IgnoreParens() == E)
        return pointsToConst(BO->getLHS()->getType());
      return false;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(S))
      return CO->getCond()->IgnoreParens() == E ? true : pointer(CO);
    if (const auto *Cast = dyn_cast<CastExpr>(S)) {
      switch (Cast->getCastKind()) {
      case CK_PointerToBoolean:
      case CK_PointerToIntegral:
      case CK_ToVoid:
        return true;
      case CK_NoOp:
      case CK_BitCast:
      case CK_UncheckedDerivedToBase:
      case CK_DerivedToBase:
        if (isa<ImplicitCastExpr>(Cast) && pointsToConst(Cast->getType()))
          return true;
        if (isa<ImplicitCastExpr>(Cast))
          return pointer(Cast);
        return pointsToConst(Cast->getType());
      default:
        return false;
      }
    }
    if (const auto *CE = dyn_cast<CallExpr>(S))
      return argument(CE, E);
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      return returns(R);
    return false;
  }

  /// The parameter (or a local alias of it) itself, an lvalue of its
  /// declared type.
  bool parameter(const DeclRefExpr *Ref) {
    if (!Ref->getDecl()->getType()->isPointerType())
      return object(Ref); // a reference: the object
    const Stmt *S = nullptr;
    const Decl *D = nullptr;
    if (!parent(Ref, S, D) || D)
      return false; // `T *&r = p;`
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(S); IC && IC->getCastKind() == CK_LValueToRValue)
      return pointer(IC);
    // The pointer itself gets a new value: `p = p->next`, `++p`.
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->isAssignmentOp() && BO->getLHS()->IgnoreParens() == Ref;
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      return UO->isIncrementDecrementOp();
    return false;
  }

private:
  /// `auto &q = p;`, `auto *q = &p;`, `auto &s = *this;`: a local whose
  /// type is deduced from the object becomes a const one with it, and so
  /// accepts it when every use of the local does (adv77 F9). Not a
  /// local captured by a lambda, nor one declared with its type written.
  bool deducedAlias(const VarDecl *VD) {
    const TypeSourceInfo *Written = VD->getTypeSourceInfo();
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    if (!Written || !Written->getType()->getContainedAutoType() || !VD->isLocalVarDecl() ||
        !Fn || !Fn->getBody() || VD->isStaticLocal() || isa<DecompositionDecl>(VD) || Depth > 4 ||
        !(VD->getType()->isReferenceType() || VD->getType()->isPointerType()))
      return false;
    ++Depth;
    std::vector<const Expr *> Found = usesOf(VD, Fn->getBody());
    bool All = llvm::all_of(Found, [&](const Expr *E) {
      const auto *Ref = dyn_cast<DeclRefExpr>(E);
      return Ref && parameter(Ref);
    });
    --Depth;
    return All;
  }
  unsigned Depth = 0;

  /// `r.f()`, `p->f()`: the call ME is the callee of.
  bool member(const CXXMethodDecl *MD, const MemberExpr *ME) {
    if (MD->isStatic())
      return true;
    DynTypedNodeList Parents = Ctx.getParents(*ME);
    const auto *Call = Parents.size() == 1 ? Parents[0].get<CXXMemberCallExpr>() : nullptr;
    return Call && calledOnConst(MD, Call);
  }

  /// MD called on the object: a const member, or one with a const overload
  /// whose result (a const reference, a pointer to const, a
  /// const_iterator) is used as a const one may be.
  bool calledOnConst(const CXXMethodDecl *MD, const CallExpr *Call) {
    if (MD->isConst() || MD->isStatic())
      return true;
    // The standard library's const and non-const overloads (`operator[]`,
    // `begin`, `front`) do the same thing; a user's may not, and the fix
    // would change which one runs (adv77 F3: `kind()` and `kind() const`
    // returning 1 and 2, the fixed program printed 2).
    if (!MD->getParent()->isInStdNamespace() || !hasConstOverload(MD))
      return false;
    QualType R = MD->getReturnType();
    if (R->isLValueReferenceType())
      return object(Call);
    if (R->isPointerType())
      return pointer(Call);
    if (R->isRecordType())
      return deducedArgument(Call);
    return true;
  }

  /// `std::accumulate(v.begin(), v.end(), 0)`: a class value (an iterator)
  /// passed by value to a parameter whose type the call deduces, so that a
  /// const_iterator is as welcome.
  bool deducedArgument(const Expr *E) {
    for (unsigned Up = 0; Up < 4; ++Up) {
      DynTypedNodeList Parents = Ctx.getParents(*E);
      if (Parents.size() != 1)
        return false;
      const Stmt *S = Parents[0].get<Stmt>();
      if (!S)
        return false;
      if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ImplicitCastExpr, ParenExpr,
              CXXConstructExpr>(S)) {
        E = cast<Expr>(S);
        continue;
      }
      const auto *CE = dyn_cast<CallExpr>(S);
      const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
      const FunctionDecl *Pattern = FD ? FD->getTemplateInstantiationPattern() : nullptr;
      if (!Pattern || isa<CXXMethodDecl>(FD))
        return false;
      for (unsigned I = 0; I < CE->getNumArgs() && I < Pattern->getNumParams(); ++I)
        if (CE->getArg(I) == E) {
          QualType T = Pattern->getParamDecl(I)->getType();
          return isa<TemplateTypeParmType>(T.getTypePtr());
        }
      return false;
    }
    return false;
  }

  bool parent(const Expr *E, const Stmt *&S, const Decl *&D) {
    DynTypedNodeList Parents = Ctx.getParents(*E);
    if (Parents.size() != 1)
      return false;
    S = Parents[0].get<Stmt>();
    D = Parents[0].get<Decl>();
    return S || D;
  }

  /// E passed to CE: the parameter it initializes takes a copy or a const
  /// reference or pointer.
  bool argument(const CallExpr *CE, const Expr *E) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return false;
    unsigned Shift = isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD) ? 1 : 0;
    for (unsigned I = Shift; I < CE->getNumArgs(); ++I)
      if (CE->getArg(I)->IgnoreParens() == E) {
        if (I - Shift >= FD->getNumParams())
          return false; // through '...'
        return acceptsConst(FD->getParamDecl(I - Shift)->getType());
      }
    return false;
  }

  bool returns(const ReturnStmt *R) {
    DynTypedNodeList Parents = Ctx.getParents(*R);
    for (unsigned Up = 0; Up < 64 && !Parents.empty(); ++Up) {
      if (const auto *FD = Parents[0].get<FunctionDecl>())
        return acceptsConst(FD->getReturnType());
      if (Parents[0].get<LambdaExpr>())
        return false;
      Parents = Ctx.getParents(Parents[0]);
    }
    return false;
  }

  ASTContext &Ctx;
};

/// The uses of a parameter, or of `this`, in a body.
struct UseFinder : RecursiveASTVisitor<UseFinder> {
  const VarDecl *Param = nullptr;
  std::vector<const Expr *> Found;
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Param && Ref->getDecl() == Param)
      Found.push_back(Ref);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *This) {
    if (!Param)
      Found.push_back(This);
    return true;
  }
  // A lambda's `this` is its enclosing function's; a capture is a use this
  // file does not follow.
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (const LambdaCapture &C : LE->captures())
      if ((C.capturesThis() && !Param) ||
          (Param && C.capturesVariable() && C.getCapturedVar() == Param))
        Found.push_back(LE);
    return true;
  }
};

std::vector<const Expr *> usesOf(const VarDecl *V, const Stmt *Body) {
  UseFinder Find;
  Find.Param = V;
  Find.TraverseStmt(const_cast<Stmt *>(Body));
  return Find.Found;
}

/// Whether a fix-it at FD's definition changes its signature alone: a
/// function declared once (a `const` on the definition of one declared
/// before, in a class or a header, declares another function: adv77 F1,
/// F2) and not virtual (an override with another signature overrides
/// nothing: adv77 F4, 'override' then fails to compile, or a call through
/// the base runs the base's).
bool signatureMayChange(const FunctionDecl *FD) {
  if (FD->getPreviousDecl() || FD->getMostRecentDecl() != FD)
    return false;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
      Pattern && (Pattern->getPreviousDecl() || Pattern->getMostRecentDecl() != Pattern))
    return false;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return !MD || !MD->isVirtual();
}

/// Whether the unit names FD other than to call it (`int (*fp)(P *) = &rd;`,
/// `&S::get`): a pointer of the old type would no longer take it (adv77 F6).
bool addressTaken(const FunctionDecl *FD, ASTContext &Ctx) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const FunctionDecl *FD;
    ASTContext &Ctx;
    bool Taken = false;
    Finder(const FunctionDecl *FD, ASTContext &Ctx) : FD(FD), Ctx(Ctx) {}
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (Ref->getDecl()->getCanonicalDecl() != FD->getCanonicalDecl())
        return true;
      DynTypedNodeList Parents = Ctx.getParents(*Ref);
      const auto *Decay = Parents.size() == 1 ? Parents[0].get<ImplicitCastExpr>() : nullptr;
      const CallExpr *Call = nullptr;
      if (Decay && Decay->getCastKind() == CK_FunctionToPointerDecay) {
        DynTypedNodeList Up = Ctx.getParents(*Decay);
        Call = Up.size() == 1 ? Up[0].get<CallExpr>() : nullptr;
      }
      // A member is named by a DeclRefExpr only in `&S::f` or as the
      // operator an operator call runs (`lam(v)`, `a < b`: adv78 N1).
      Taken = !Call || Call->getCallee() != Decay ||
              (isa<CXXMethodDecl>(FD) && !isa<CXXOperatorCallExpr>(Call));
      return !Taken;
    }
    // A lambda converted to a function pointer (`int (*fp)(int &) = lam;`,
    // `+lam`, a C callback): the pointer's type is its call operator's.
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      const auto *Conv = dyn_cast_or_null<CXXConversionDecl>(MC->getMethodDecl());
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      Taken = Conv && MD && MD->getParent()->isLambda() && Conv->getParent() == MD->getParent();
      return !Taken;
    }
  } F(FD, Ctx);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return F.Taken;
}

/// Whether every use Find collected (the parameter, or `this`) accepts a
/// const object; a capture or another use is none.
bool everyUseAcceptsConst(const UseFinder &Find, ASTContext &Ctx) {
  Uses U(Ctx);
  for (const Expr *E : Find.Found) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E); Ref && U.parameter(Ref))
      continue;
    if (const auto *This = dyn_cast<CXXThisExpr>(E); This && U.pointer(This))
      continue;
    return false;
  }
  return true;
}

} // namespace

bool constKeepsCompiling(const ParmVarDecl *P, ASTContext &Ctx) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(P->getDeclContext());
  if (!FD || !FD->getBody() || FD->isDependentContext() || !signatureMayChange(FD) ||
      hasOverloadTakingConst(FD))
    return false;
  // `template <class T> int kind(T &t)`: `const T &` would deduce another
  // T for a const argument, and the function may look at it (adv83 F7).
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
      Pattern && P->getFunctionScopeIndex() < Pattern->getNumParams() &&
      Pattern->getParamDecl(P->getFunctionScopeIndex())->getType()->isDependentType())
    return false;
  // `char **argv` -> `const char **argv`: a `char **` argument does not
  // convert to it, nor a pointer read through it to `int *` (adv77 F5).
  QualType Pointee = P->getType()->isPointerType() ? P->getType()->getPointeeType()
                                                   : P->getType().getNonReferenceType();
  if (Pointee->isPointerType() || Pointee->isMemberPointerType())
    return false;
  UseFinder Find;
  Find.Param = P;
  Find.TraverseStmt(FD->getBody());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Find.TraverseStmt(Init->getInit());
  // Last: the one question that walks the whole unit.
  return everyUseAcceptsConst(Find, Ctx) && !addressTaken(FD, Ctx);
}

bool constMemberKeepsCompiling(const CXXMethodDecl *MD, ASTContext &Ctx) {
  // `int get()` beside `int get() const`: the fix would declare the const
  // one again (adv83 F6).
  if (!MD->getBody() || MD->isDependentContext() || !signatureMayChange(MD) ||
      hasConstOverload(MD))
    return false;
  UseFinder Find;
  Find.TraverseStmt(MD->getBody());
  return everyUseAcceptsConst(Find, Ctx) && !addressTaken(MD, Ctx);
}

} // namespace purecc
