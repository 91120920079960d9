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
      if (!S || isUnevaluatedOperand(S))
        continue; // sizeof reads nothing
      // A closure may be called by what it is given to (`std::transform(...,
      // [](int) { return &gl; })`, adv106 F1): its body counts as run here.
      if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
        if (const CXXMethodDecl *Op = LE->getCallOperator();
            Op && Op->getBody() && Visited.insert(Op).second)
          Work.push_back({Op->getBody(), true});
        for (const Expr *Capture : LE->capture_inits())
          Work.push_back({Capture, InBody});
        continue;
      }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        if (const auto *X = dyn_cast<VarDecl>(DRE->getDecl()); X && (!InBody || X->hasGlobalStorage()))
          R = worse(R, ofObject(X));
        // A function named as a value (`std::invoke(addr)`, `std::generate(b,
        // e, addr)`) is called by what it is given to: the program's is
        // followed into, the library's may return anything unless constexpr.
        if (const auto *Named = dyn_cast<FunctionDecl>(DRE->getDecl())) {
          const FunctionDecl *Def = Named->getDefinition();
          if (isLibraryFunction(Named, Ctx.getSourceManager()))
            R = Named->isConstexpr() ? R : worse(R, {DesignatedTarget::Unknown});
          else if (!Def || !Def->getBody())
            R = worse(R, {DesignatedTarget::Unknown});
          else if (Visited.insert(Def).second)
            Work.push_back({Def->getBody(), true});
        }
        continue;
      }
      // An object created const, with nothing mutable in it, is no one's
      // to write, not even through a `const_cast` (`const
      // std::unique_ptr<const Cfg> U = std::make_unique<const Cfg>();`:
      // adv106 F3, a false error); one created non-const may be written
      // by whoever casts the const away.
      if (const auto *NE = dyn_cast<CXXNewExpr>(S); NE && !createdConst(NE->getAllocatedType()))
        R = worse(R, {DesignatedTarget::Unknown});
      // An address made from a number (`reinterpret_cast<long *>(ADDR)` of
      // a `const std::uintptr_t ADDR = ...(&gl)`) points anywhere (adv104 F3).
      if (const auto *CE = dyn_cast<CastExpr>(S); CE && CE->getCastKind() == CK_IntegralToPointer)
        R = worse(R, {DesignatedTarget::Unknown});
      // What the initializer does without writing it: a member's default
      // initializer (`struct A { long *p = addr(); }; const A GA{};`: adv104
      // F1) and a default argument (F2) run here.
      if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
        Work.push_back({DI->getExpr(), InBody});
      if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S))
        Work.push_back({DA->getExpr(), InBody});
      if (const auto *IL = dyn_cast<InitListExpr>(S))
        Work.push_back({IL->getArrayFiller(), InBody});
      const FunctionDecl *Callee = nullptr;
      if (const auto *CE = dyn_cast<CallExpr>(S))
        Callee = CE->getDirectCallee();
      else if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
        Callee = CC->getConstructor();
      bool Library = Callee && isLibraryFunction(Callee, Ctx.getSourceManager());
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      bool Virtual = Method && Method->isVirtual() && isa<CallExpr>(S);
      // The program's own functions are followed into: what they name,
      // allocate and call (a lambda called on the spot that fills a local
      // `std::map` and returns it: adv104 F4). The library's may return
      // memory from anywhere (`std::make_shared`, `std::getenv`) unless
      // `constexpr`, or its own containers', which keep copies of what they
      // are given (`const std::map<std::string_view, int> M = {{"a", 1}};`,
      // `m["a"] = 1`); the elements they make of a class of the program run
      // its default initializers (below). A function with no body here, or
      // a virtual one (an override may run), may do anything.
      if (isa<CallExpr, CXXConstructExpr>(S)) {
        bool Allocates = Library && makesConst(Callee);
        if (!Callee || Virtual ||
            (Library ? !Callee->isConstexpr() && !keepsCopies(S, Callee) && !Allocates
                     : !Callee->isDefined() && !Callee->isConstexpr()))
          R = worse(R, {DesignatedTarget::Unknown});
        else if (!Library && Visited.insert(Callee).second) {
          const FunctionDecl *Def = Callee->getDefinition();
          if (Def && Def->getBody())
            Work.push_back({Def->getBody(), true});
          // A constructor's member and base initializers, a defaulted
          // one's included: its members' default initializers.
          if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def ? Def : Callee))
            for (const CXXCtorInitializer *I : Ctor->inits())
              Work.push_back({I->getInit(), true});
        }
      }
      // The library may default-construct a class of the program that it
      // makes, returns or holds (`const std::tuple<A> G;`,
      // `std::make_optional<A>()`, `v.resize(1)` of a `std::vector<A>`:
      // adv106 F2).
      if (Library) {
        const CXXRecordDecl *Made[2] = {
            programElement(cast<Expr>(S)->getType()),
            Method ? programElement(QualType(Method->getParent()->getTypeForDecl(), 0)) : nullptr};
        for (const CXXRecordDecl *Element : Made)
          for (const Stmt *D : defaultInitializers(Element))
            Work.push_back({D, true});
      }
      // A call's arguments and object, not its callee: the callee is
      // judged above as the function called, not as a function handed on.
      if (const auto *CE = dyn_cast<CallExpr>(S); CE && Callee) {
        for (const Expr *A : CE->arguments())
          Work.push_back({A, InBody});
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
          Work.push_back({MC->getImplicitObjectArgument(), InBody});
        continue;
      }
      for (const Stmt *C : S->children())
        Work.push_back({C, InBody});
    }
    return R;
  }

  /// A library call on (or making) a standard container that owns its
  /// elements: it stores copies of its arguments, and hands out nothing
  /// but its own elements.
  static bool keepsCopies(const Stmt *S, const FunctionDecl *Callee) {
    const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
    if (!MD)
      return false;
    QualType Class = isa<CXXConstructExpr>(S) ? cast<Expr>(S)->getType()
                                              : QualType(MD->getParent()->getTypeForDecl(), 0);
    // A smart pointer made from another (moved, converted) or from a
    // pointer holds what it is given, which the search judges.
    if (isa<CXXConstructExpr>(S) && (ownsBlockAlone(Class) || isSharedPointer(Class)))
      return true;
    return ownsElements(Class);
  }

  /// The class of the program T is, or a standard template's argument is
  /// (`std::vector<A>`, `std::tuple<int, A>`, `std::pair<const K, A>`), if
  /// any.
  static const CXXRecordDecl *programElement(QualType T) {
    const CXXRecordDecl *RD = T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    if (!RD->isInStdNamespace())
      return RD;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      return nullptr;
    llvm::SmallVector<TemplateArgument, 4> Args(Spec->getTemplateArgs().asArray());
    for (size_t I = 0; I < Args.size(); ++I) {
      if (Args[I].getKind() == TemplateArgument::Pack) {
        Args.append(Args[I].pack_begin(), Args[I].pack_end());
        continue;
      }
      if (Args[I].getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Inner = programElement(Args[I].getAsType()))
          return Inner;
    }
    return nullptr;
  }

  /// What default-constructing RD runs: its members' default initializers
  /// and its default constructor's initializers and body, its bases' too.
  std::vector<const Stmt *> defaultInitializers(const CXXRecordDecl *RD) {
    std::vector<const Stmt *> Out;
    if (!RD || !RD->hasDefinition() || !Visited.insert(RD).second)
      return Out;
    for (const FieldDecl *F : RD->fields())
      if (const Expr *I = F->getInClassInitializer())
        Out.push_back(I);
    for (const CXXConstructorDecl *Ctor : RD->ctors())
      if (Ctor->isDefaultConstructor()) {
        for (const CXXCtorInitializer *I : Ctor->inits())
          Out.push_back(I->getInit());
        if (Ctor->getBody())
          Out.push_back(Ctor->getBody());
      }
    for (const CXXBaseSpecifier &B : RD->bases()) {
      std::vector<const Stmt *> Base = defaultInitializers(B.getType()->getAsCXXRecordDecl());
      Out.insert(Out.end(), Base.begin(), Base.end());
    }
    return Out;
  }

  /// `std::make_unique<const T>`, `std::make_shared<const T>` and their
  /// siblings: a new object created const.
  static bool makesConst(const FunctionDecl *FD) {
    const IdentifierInfo *II = FD->getIdentifier();
    bool Makes = makesShared(FD) ||
                 (II && FD->isInStdNamespace() &&
                  (II->getName() == "make_unique" || II->getName() == "make_unique_for_overwrite"));
    const TemplateArgumentList *Args = Makes ? FD->getTemplateSpecializationArgs() : nullptr;
    return Args && Args->size() >= 1 && Args->get(0).getKind() == TemplateArgument::Type &&
           createdConst(Args->get(0).getAsType());
  }
  /// An object of type T created const, with nothing mutable in it.
  static bool createdConst(QualType T) {
    QualType Base = T;
    while (const ArrayType *AT = Base->getAsArrayTypeUnsafe())
      Base = AT->getElementType();
    return Base.isConstQualified() && reachesOnlyConst(Base);
  }

  /// Whether everything a value of type T designates is reached as const:
  /// pointers and references to const (all the way down), smart pointers
  /// and views of const, containers and classes of such (no `mutable`
  /// member, no member that reaches anything as non-const).
  static bool reachesOnlyConst(QualType T) {
    llvm::SmallPtrSet<const Type *, 8> Seen;
    return onlyConst(T, Seen);
  }
  static bool onlyConst(QualType T, llvm::SmallPtrSetImpl<const Type *> &Seen) {
    T = T.getCanonicalType();
    if (!Seen.insert(T.getTypePtr()).second)
      return true;
    if (T->isPointerType() || T->isReferenceType()) {
      QualType P = T->getPointeeType();
      return P.isConstQualified() && onlyConst(P, Seen);
    }
    if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
      return onlyConst(AT->getElementType(), Seen);
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return true;
    if (!RD->hasDefinition())
      return false;
    if (RD->isInStdNamespace()) {
      // A view or smart pointer of T reaches T; a container its elements.
      const IdentifierInfo *II = RD->getIdentifier();
      llvm::StringRef N = II ? II->getName() : "";
      bool Handle = N == "unique_ptr" || N == "shared_ptr" || N == "weak_ptr" || N == "span" ||
                    N == "reference_wrapper" || N == "optional";
      if (N == "basic_string_view" || N == "basic_string")
        return true; // const characters, or its own
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      if (!Spec)
        return !mayDesignate(T);
      bool First = true;
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
        if (A.getKind() != TemplateArgument::Type)
          continue;
        QualType Arg = A.getAsType();
        // What the handle reaches is its first argument (a deleter, an
        // allocator follow).
        if (Handle && First && N != "optional" && !Arg.isConstQualified())
          return false;
        First = false;
        if (!onlyConst(Arg, Seen))
          return false;
      }
      return true;
    }
    for (const FieldDecl *F : RD->fields())
      if (F->isMutable() || !onlyConst(F->getType(), Seen))
        return false;
    for (const CXXBaseSpecifier &B : RD->bases())
      if (!onlyConst(B.getType(), Seen))
        return false;
    return true;
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
