//===- ImpureCall.cpp - R4: every call, written or implicit ---------------===//
#include "ImpureCall.h"

#include "Destructors.h"
#include "analysis/TypeErased.h"
#include "AtomicAccess.h"
#include "VirtualCall.h"
#include "analysis/Attributes.h"
#include "analysis/Destructors.h"
#include "analysis/FixedCallee.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/LibraryNames.h"
#include "analysis/LibraryRuns.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>
#include <set>

using namespace clang;

namespace purecc {
namespace {

class ImpureCallRule : public Rule {
public:
  void inspectFunction(RuleContext &C) override {
    const auto *DD = dyn_cast<CXXDestructorDecl>(C.function());
    if (!DD)
      return;
    // Members and bases are destroyed after the body, without a call in it.
    for (QualType T : destroyedAfterBody(DD->getParent()))
      destroy(T, DD->getLocation(), DD->getSourceRange(), C);
  }

  StmtClasses inspects() const override {
    return StmtClasses::of<DeclStmt, CXXBindTemporaryExpr, CXXDeleteExpr, CXXNewExpr,
                           CXXConstructExpr, CallExpr, CXXCatchStmt, CXXThrowExpr,
                           CXXInheritedCtorInitExpr>();
  }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          // A static or thread_local one is destroyed at exit, by whichever
          // call made it (adv87 F12: a destructor that printed ran only in
          // the run that computed the result, not in one served from the
          // memo cache).
          if (VD->hasLocalStorage() || VD->isStaticLocal()) {
            // A reference destroys nothing: what it binds is another's, or a
            // temporary whose destructor its CXXBindTemporaryExpr names.
            if (!VD->getType()->isReferenceType())
              destroy(VD->getType(), VD->getLocation(), VD->getSourceRange(), C);
            // `__attribute__((cleanup(fn)))` calls fn(&var) at scope exit:
            // the pointer it is given points to the local.
            if (const auto *CA = VD->getAttr<CleanupAttr>())
              callee(CA->getFunctionDecl(), CA->getLocation(), CA->getRange(), nullptr, C,
                     QualType(), {Prov::local()});
          }
      return;
    }
    if (const auto *CS = dyn_cast<CXXCatchStmt>(S)) {
      // A variable caught by value is destroyed when the handler ends (its
      // copy constructor is its initializer, walked as a child).
      if (const VarDecl *VD = CS->getExceptionDecl())
        if (!VD->getType()->isReferenceType())
          destroy(VD->getType(), VD->getLocation(), VD->getSourceRange(), C);
      return;
    }
    if (const auto *TE = dyn_cast<CXXThrowExpr>(S)) {
      // The exception object is destroyed by the handler that catches it.
      // Thrown from a temporary (`throw E(1)`), the temporary's destructor
      // is judged as that temporary's; a copy (`throw e`) has none of its own.
      if (const Expr *Op = TE->getSubExpr())
        if (!isa<CXXBindTemporaryExpr>(skipCasts(Op)))
          destroy(Op->getType(), TE->getThrowLoc(), TE->getSourceRange(), C);
      return;
    }
    if (const auto *IC = dyn_cast<CXXInheritedCtorInitExpr>(S)) {
      // `using B::B;`: the implicit constructor of the derived class runs
      // the base's, with its own parameters, in a member initializer.
      const FunctionDecl *Self = C.function();
      llvm::SmallVector<Prov, 4> Args;
      for (const ParmVarDecl *P : Self->parameters()) {
        QualType T = P->getType();
        bool Designates = T->isReferenceType() ||
                          (pointsLikePointer(T) && !T->isFunctionPointerType());
        Args.push_back(Designates ? Prov::param(P->getFunctionScopeIndex(), P)
                                  : Prov::local());
      }
      callee(IC->getConstructor(), IC->getExprLoc(), IC->getSourceRange(), nullptr, C,
             IC->getType(), Args);
      return;
    }
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(S)) {
      if (const CXXDestructorDecl *D = BT->getTemporary()->getDestructor())
        callee(D, BT->getExprLoc(), BT->getSourceRange(), nullptr, C, BT->getType());
      return;
    }
    if (const auto *DE = dyn_cast<CXXDeleteExpr>(S)) {
      // A virtual destructor runs the one of the object's dynamic type:
      // judged as a virtual call (VirtualCall.cpp), not as the static one.
      if (!virtualDestructor(DE))
        destroy(DE->getDestroyedType(), DE->getExprLoc(), DE->getSourceRange(), C);
      // The memory goes back through the user's `operator delete`, if any.
      callee(userAllocationFunction(DE->getOperatorDelete(), C.sourceManager()),
             DE->getExprLoc(), DE->getSourceRange(), nullptr, C);
      return;
    }
    if (const auto *NE = dyn_cast<CXXNewExpr>(S)) {
      // A placement form's arguments are its parameters after the size
      // (`new (arena) Node`: what it writes of the arena lands there).
      const FunctionDecl *New = userAllocationFunction(NE->getOperatorNew(), C.sourceManager());
      llvm::SmallVector<Prov, 4> Args{Prov::local()};
      for (unsigned I = 0; New && I < NE->getNumPlacementArgs() && I + 1 < New->getNumParams(); ++I)
        Args.push_back(C.locality().ofArgument(New->getParamDecl(I + 1), NE->getPlacementArg(I)));
      callee(New, NE->getExprLoc(), NE->getSourceRange(), nullptr, C, QualType(), Args);
      return;
    }
    if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
      callee(CC->getConstructor(), CC->getExprLoc(), CC->getSourceRange(), CC, C,
             CC->getType());
      return;
    }
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE || virtualTarget(CE) || isAtomicOperation(CE))
      return;
    CallParts Parts = callParts(CE);
    if (Parts.Object && isFunctionWrapper(Parts.Object->getType()) &&
        isa<CXXOperatorCallExpr>(CE)) {
      indirect(CE, "'std::function'", C);
      return;
    }
    if (!Parts.Callee) {
      if (isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens()))
        return;
      bool MemberPointer = CE->getCallee()->getType()->isSpecificPlaceholderType(
          BuiltinType::BoundMember);
      indirect(CE, MemberPointer ? "a pointer to member function" : "a function pointer", C,
               MemberPointer ? nullptr : deducedPointer(CE),
               MemberPointer ? nullptr : fixedParameter(CE, C));
      return;
    }
    callee(Parts.Callee, CE->getExprLoc(), CE->getSourceRange(), CE, C);
  }

private:
  /// The destructor of an exception type (a class derived from
  /// std::exception) defined in another file is trusted, as the standard
  /// exceptions' are: destroying an exception object releases what it owns
  /// (its message), and a thrown one dies in the catching function. A
  /// destructor with a body in this unit is judged as usual.
  static bool isTrustedExceptionDestructor(const FunctionDecl *FD) {
    const auto *DD = dyn_cast<CXXDestructorDecl>(FD);
    return DD && !DD->hasBody() && isStdExceptionClass(DD->getParent());
  }

  /// The effect's Subject, when set, is a parameter of a template type
  /// that the instantiation deduced as a pointer: a function passed by name
  /// (`integrate(0, 1, sq)` for `template <class F> ... F func`), which the
  /// report's note explains (adv75 F5).
  /// Called, when set, is the function's own parameter called through
  /// (fixedParameter), which its callers resolve.
  static void indirect(const Expr *E, const char *How, RuleContext &C,
                       const ParmVarDecl *Deduced = nullptr,
                       const ParmVarDecl *Called = nullptr) {
    Effect Eff = Effect::at(EffectKind::IndirectCall, E);
    Eff.Detail = How;
    Eff.Subject = Deduced;
    if (Called) {
      Eff.CalledParam = Called;
      Eff.Index = Called->getFunctionScopeIndex();
    }
    C.record(std::move(Eff));
  }

  /// A parameter of the function being summarized that it only calls
  /// through (FixedCallee.h, isFixedParameter).
  static const ParmVarDecl *fixedParameter(const ParmVarDecl *P, RuleContext &C) {
    return isFixedParameter(P, C.function()) ? P : nullptr;
  }
  static const ParmVarDecl *fixedParameter(const CallExpr *CE, RuleContext &C) {
    FixedCallee Through = fixedCallee(CE);
    return Through.Why == Unfixed::Parameter
               ? fixedParameter(dyn_cast<ParmVarDecl>(Through.Through), C)
               : nullptr;
  }

  /// What argument A passes for a parameter of function pointer or
  /// reference type: a function it names, or the caller's own parameter.
  static PassedCallable passedCallable(const Expr *A, RuleContext &C) {
    PassedCallable Out;
    if (isa<CXXDefaultArgExpr>(A))
      return Out;
    Out.Function = namedFunction(forwardedOperand(A));
    if (!Out.Function)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(forwardedOperand(A)))
        Out.Param = fixedParameter(dyn_cast<ParmVarDecl>(DRE->getDecl()), C);
    return Out;
  }

  /// The callables a call to a function judged by its body passes for its
  /// function pointer parameters: a named one is judged as called by this
  /// function, an effect that stands only if the callee calls it (Fixpoint.cpp).
  void passCallables(const FunctionDecl *FD, const CallParts &Parts, Effect &Call,
                     RuleContext &C) {
    for (unsigned I = 0; I < Parts.Args.size() && I < FD->getNumParams(); ++I) {
      if (!isFunctionPointerOrReference(FD->getParamDecl(I)->getType()))
        continue;
      PassedCallable Given = passedCallable(Parts.Args[I], C);
      if (!Given.known())
        continue;
      Call.Passed.resize(FD->getNumParams());
      Call.Passed[I] = Given;
      if (!Given.Function)
        continue;
      const FunctionDecl *SavedTo = C.PassedTo;
      unsigned SavedIndex = C.PassedIndex;
      C.PassedTo = Call.Callee;
      C.PassedIndex = I;
      callee(Given.Function, Parts.Args[I]->getExprLoc(), Parts.Args[I]->getSourceRange(),
             nullptr, C);
      C.PassedTo = SavedTo;
      C.PassedIndex = SavedIndex;
    }
  }

  /// `func(x)` where `func` is a parameter whose type the function
  /// template's pattern spells as a template parameter (`F func`, `F &&func`).
  static const ParmVarDecl *deducedPointer(const CallExpr *CE) {
    const auto *Ref = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts());
    const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    const auto *FD = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
    const FunctionDecl *Pattern = FD ? FD->getTemplateInstantiationPattern() : nullptr;
    if (!Pattern || P->getFunctionScopeIndex() >= Pattern->getNumParams())
      return nullptr;
    QualType T = Pattern->getParamDecl(P->getFunctionScopeIndex())->getType();
    if (const auto *RR = T->getAs<RValueReferenceType>())
      T = RR->getPointeeType();
    return T->getAs<TemplateTypeParmType>() ? P : nullptr;
  }

  void destroy(QualType T, SourceLocation Loc, SourceRange Range, RuleContext &C) {
    T = C.ast().getBaseElementType(T.getNonReferenceType());
    if (T->isReferenceType())
      return;
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
      return;
    if (const CXXDestructorDecl *D = RD->getDestructor())
      callee(D, Loc, Range, nullptr, C, T);
  }

  /// Judges one call target; Site (may be null) supplies object/arguments;
  /// Made: the type constructed or destroyed, as written, if that is the call.
  /// Args: where each argument points, for a call that has no Site.
  void callee(const FunctionDecl *FD, SourceLocation Loc, SourceRange Range,
              const Expr *Site, RuleContext &C, QualType Made = QualType(),
              llvm::ArrayRef<Prov> Args = {}) {
    if (!FD || isDeclaredPure(FD) || isAssumedPure(FD) || FD->isTrivial())
      return;
    // `::operator new(n)` written out runs the replacement defined here.
    if (FD->isReplaceableGlobalAllocationFunction())
      if (const FunctionDecl *Def = userAllocationFunction(FD, C.sourceManager()))
        FD = Def;
    if (isTrustedExceptionDestructor(FD))
      return;
    // Getting and returning memory (malloc, free, `::operator new` written
    // out) is allocation, as a new-expression is; what the block it ends
    // held is a write, judged by Locality (memoryCall).
    if (memoryCall(FD, C.sourceManager()) != MemoryCall::None)
      return;
    // Making and destroying an atomic is not an atomic operation.
    if ((isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD)) &&
        isAtomicType(QualType(cast<CXXMethodDecl>(FD)->getParent()->getTypeForDecl(), 0)))
      return;
    CallParts Parts = Site ? callParts(Site) : CallParts{};
    Locality &L = C.locality();
    if (isLibraryFunction(FD, C.sourceManager())) {
      // Judged through the class the user named, not the implementation
      // base that declares the member (std::__shared_ptr_access).
      const CXXRecordDecl *ObjectClass = nullptr;
      QualType Shown = Made;
      if (Parts.Object) {
        ObjectClass = libraryObjectClass(Parts.Object, Parts.IsArrow);
        Shown = objectType(Parts.Object, Parts.IsArrow);
      } else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
        ObjectClass = MD->getParent();
      }
      LibraryVerdict V = judgeLibraryCall(FD, ObjectClass);
      // The count of owners of an object the caller may share changes with
      // every copy another call makes or drops (adv87 F02: a parallel copy
      // was counted); that of a pointer made here is the function's own.
      if (readsOwnerCount(FD) && Parts.Object &&
          !L.ofPointee(Parts.Object).isLocal())
        V = {LibraryKind::Impure, "reads the count of owners, which copies made elsewhere change"};
      // std::any, std::function, a shared_ptr's deleter: the caller's code.
      if (const char *Why = runsHiddenCode(FD, Parts, L))
        V = {LibraryKind::Impure, Why};
      if (V.Kind == LibraryKind::Impure || V.Kind == LibraryKind::Unknown) {
        Effect E = Effect::at(EffectKind::LibraryCall, Loc, Range);
        E.Callee = FD;
        E.Detail = V.Reason ? V.Reason : "is not known to be pure";
        E.Shown = libraryCallName(FD, Shown, C.ast().getPrintingPolicy(), Site);
        C.record(std::move(E));
        return;
      }
      // Free functions and function objects listed by name (std::invoke,
      // views::transform's adaptor, ranges::sort) call what they are given;
      // members of value classes do not. A constructor keeps what it is
      // given to call later: the deleter of a `unique_ptr` or `shared_ptr`,
      // a container's comparator or hash (adv24 S7: a lambda deleter that
      // counted deletions raced).
      Invoked.clear();
      Elements Given = elementsOf(Parts, L);
      if (!Given.Any && Site)
        Given = pipedInto(Site, L, C.ast());
      if (!isa<CXXMethodDecl>(FD) || V.Kind != LibraryKind::ValueMember ||
          isa<CXXConstructorDecl>(FD))
        callables(Parts, Given.forCallables(), C);
      else if (Parts.Object &&
               memberRole(cast<CXXMethodDecl>(FD), ObjectClass) == MemberRole::Applies)
        // `o.transform(f)` of a std::optional or std::expected calls f on
        // what the object holds (adv80 F2).
        callables(Parts, {L.ofObject(Parts.Object, Parts.IsArrow), L.ofObject(Parts.Object, Parts.IsArrow)},
                  C);
      // A function object the library keeps (a set's hash) is its
      // object's; one a free function reaches (`std::cref(cmp)`) is among
      // what it was given.
      // A reference wrapper called (`std::cref(c)(x)`) runs what it
      // refers to, not the temporary wrapper.
      Prov FunctorOwner = Given.all();
      if (Parts.Object) {
        FunctorOwner = L.ofObject(Parts.Object, Parts.IsArrow);
        if (!Parts.IsArrow && isPointerLike(Parts.Object->getType()))
          FunctorOwner = join(FunctorOwner, L.ofPointee(Parts.Object));
      }
      userRuns(FD, Loc, Range, libraryCallName(FD, Shown, C.ast().getPrintingPolicy()),
               {Given.Given, Given.all()}, FunctorOwner, C);
      return;
    }
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def))
      Def = FD;
    Effect E = Effect::at(EffectKind::Call, Loc, Range);
    E.Callee = Def;
    E.Object = L.ofObject(Parts.Object, Parts.IsArrow);
    E.Captures = L.capturesOfCall(Parts);
    for (unsigned I = 0; I < Parts.Args.size() && I < FD->getNumParams(); ++I)
      E.Args.push_back(L.ofArgument(FD->getParamDecl(I), Parts.Args[I]));
    // A `T *&` parameter's pointer itself is the argument, not what it
    // points to: `set(p, b)` of a local `p` writes 'p' (adv53 t26).
    for (unsigned I = 0; I < E.Args.size(); ++I) {
      QualType PT = FD->getParamDecl(I)->getType();
      if (PT->isLValueReferenceType() && PT.getNonReferenceType()->isPointerType()) {
        E.ShallowArgs.assign(E.Args.begin(), E.Args.end());
        break;
      }
    }
    for (unsigned I = 0; I < E.ShallowArgs.size(); ++I) {
      QualType PT = FD->getParamDecl(I)->getType();
      if (PT->isLValueReferenceType() && PT.getNonReferenceType()->isPointerType())
        E.ShallowArgs[I] = L.ofLValue(Parts.Args[I]);
    }
    if (!Site) {
      E.Args.assign(Args.begin(), Args.end());
      E.ShallowArgs.clear();
    }
    if (Site)
      passCallables(FD, Parts, E, C);
    C.record(std::move(E));
  }

  static const Expr *skipCasts(const Expr *E) {
    for (;;) {
      E = E->IgnoreParens();
      if (const auto *CE = dyn_cast<CastExpr>(E))
        E = CE->getSubExpr();
      else
        return E;
    }
  }

  /// What a member or callable the library runs works on: the elements of
  /// the ranges it may write (Writable), and those it may only read too
  /// (All: a range given by const reference, a const member's object).
  struct Targets {
    Prov Writable = Prov::local();
    Prov All = Prov::local();
    /// The object of a member run on them: a non-const member's is one it
    /// may write, a const member's any (its `mutable` members).
    Prov forObject(const FunctionDecl *FD) const {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      return MD && !MD->isConst() ? Writable : All;
    }
    /// What parameter P of a member or callable run on them receives: a
    /// non-const reference, an element it may write; a const one or a
    /// copy, any element.
    Prov forParameter(const ParmVarDecl *P) const {
      QualType T = P->getType();
      return T->isReferenceType() && !T.getNonReferenceType().isConstQualified() ? Writable : All;
    }
  };
  /// The members of user types that the instantiated library function runs
  /// (make_unique<Log> constructs a Log, ~vector<Res> destroys Res, std::sort
  /// calls Key::operator<): calls made here, named with the library call.
  void userRuns(const FunctionDecl *FD, SourceLocation Loc, SourceRange Range,
                const std::string &Shown, const Targets &Elements, const Prov &FunctorOwner,
                RuleContext &C) {
    if (!Runs)
      Runs.emplace(C.sourceManager(), C.ast().getPrintingPolicy());
    for (const UserRun &R : Runs->of(FD)) {
      if (Invoked.count(R.Member) || isDeclaredPure(R.Member) || isAssumedPure(R.Member))
        continue;
      // A lambda given to an earlier call (a unique_ptr's deleter run by
      // its destructor, a view's function run by the algorithm the view is
      // piped into) was judged there, with what it is run on then.
      if (const auto *MD = dyn_cast<CXXMethodDecl>(R.Member);
          MD && MD->getParent()->isLambda() && givenAsArgument(C.function(), MD))
        continue;
      // Once per function: the same ~Log behind the temporary and the
      // variable, or behind every insert into one set, is one finding.
      // Again where it runs on other elements: they may be the caller's.
      const auto *RunMD = dyn_cast<CXXMethodDecl>(R.Member);
      const Prov &On = RunMD && RunMD->getOverloadedOperator() == OO_Call ? FunctorOwner
                                                                          : Elements.All;
      if (!Reported.insert({C.function(), R.Member->getCanonicalDecl(), unsigned(On.K), On.Var})
               .second)
        continue;
      if (R.Virtual) {
        // `~unique_ptr<Base>` deletes through a Base *: R5, as `delete`.
        Effect E = Effect::at(EffectKind::VirtualCall, Loc, Range);
        E.Callee = R.Member;
        E.Shown = Shown;
        E.Detail = R.Action;
        C.record(std::move(E));
        continue;
      }
      const FunctionDecl *Def = nullptr;
      if (!R.Member->hasBody(Def))
        Def = R.Member;
      Effect E = Effect::at(EffectKind::Call, Loc, Range);
      E.Callee = Def;
      E.Subject = Def; // one diagnostic per member, not per call site
      E.Shown = Shown;
      E.Detail = R.Action;
      // What it makes or destroys is the library's own; an operator it
      // runs (`B::operator==` for std::count, a set's `Less`) works on the
      // elements of the ranges the call was given, or on the object's own
      // (a set's comparator is part of the set). What it reads from is
      // theirs too: a copy constructor's source, a const member's object
      // (a `mutable` member written there is written in the caller's
      // elements: adv81 B1).
      bool Makes = isa<CXXConstructorDecl, CXXDestructorDecl>(Def);
      // A container being made keeps its own comparator or hash
      // (`std::set<long, Less> s(v.begin(), v.end())`: adv83 F8).
      const auto *MD = dyn_cast<CXXMethodDecl>(Def);
      bool Functor = MD && MD->getOverloadedOperator() == OO_Call;
      E.Object = Makes || (Functor && isa<CXXConstructorDecl>(FD)) ? Prov::local()
                 : Functor                                          ? FunctorOwner
                                                                    : Elements.forObject(Def);
      for (const ParmVarDecl *P : Def->parameters())
        E.Args.push_back(Elements.forParameter(P));
      C.record(std::move(E));
    }
  }

  std::optional<LibraryRuns> Runs;
  std::set<std::tuple<const FunctionDecl *, const FunctionDecl *, unsigned, const ValueDecl *>>
      Reported;
  // Callables already judged as arguments of the current library call.
  llvm::SmallPtrSet<const FunctionDecl *, 4> Invoked;
  // Per function, the lambdas (their closure classes) its calls are given
  // as arguments, or as bases of an argument's class (givenAsArgument).
  llvm::DenseMap<const FunctionDecl *, llvm::SmallPtrSet<const CXXRecordDecl *, 4>> GivenLambdas;

  /// Whether a call in F is given the lambda whose call operator is MD, or
  /// an object of a class derived from it: it is judged there as that
  /// call's argument, with what it runs on then (callables). Asked for the
  /// whole body at once: an algorithm is visited before the view piped into
  /// it that was given the lambda (`count_if(r | views::transform(l), p)`).
  bool givenAsArgument(const FunctionDecl *F, const CXXMethodDecl *MD) {
    auto [It, New] = GivenLambdas.try_emplace(F);
    if (New) {
      struct Finder : RecursiveASTVisitor<Finder> {
        llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Out;
        explicit Finder(llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Out) : Out(Out) {}
        bool shouldVisitLambdaBodies() const { return true; }
        void note(const Expr *A) {
          for (const FunctionDecl *Op :
               callOperators(A->getType().getNonReferenceType()->getAsCXXRecordDecl()))
            if (const auto *M = dyn_cast<CXXMethodDecl>(Op); M && M->getParent()->isLambda())
              Out.insert(M->getParent());
        }
        bool VisitCallExpr(CallExpr *CE) {
          for (const Expr *A : CE->arguments())
            note(A);
          return true;
        }
        bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
          // A copy of the lambda itself (`auto h2 = h;`) runs nothing.
          if (CE->getConstructor()->getParent()->isLambda())
            return true;
          for (const Expr *A : CE->arguments())
            note(A);
          return true;
        }
      } Find(It->second);
      const FunctionDecl *Def = nullptr;
      if (F->hasBody(Def))
        Find.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
    }
    return It->second.contains(MD->getParent());
  }
  // Where the pointer a smart pointer is given to own points, while its
  // deleter is judged (callables).
  std::optional<Prov> Owned;

  /// What the elements of the ranges a library call is given may be: what
  /// its iterators, pointers and views point to, the ranges it takes by
  /// non-const reference (`std::ranges::count_if(v, pred)`), and what a
  /// tuple of references refers to (`std::apply(f, std::tie(x))`).
  /// Given none (`std::views::transform(f)`, a `std::function` made from
  /// a lambda), the callables it keeps run later, on elements this call
  /// does not show: anyone's (adv79 F5).
  struct Elements {
    Prov Given;                      // what the ranges it may write hold (local: none given)
    Prov ReadOnly = Prov::local();   // what those it takes by const reference hold
    bool Any = false;
    Prov all() const { return join(Given, ReadOnly); }
    /// What a callable it keeps runs on.
    Targets forCallables() const {
      return Any ? Targets{Given, all()} : Targets{Prov::unknown(), Prov::unknown()};
    }
  };
  static Elements elementsOf(const CallParts &Parts, Locality &L) {
    Prov Elements = Prov::local(), ReadOnly = Prov::local();
    bool Given = false;
    // A member call's object: a set's elements and its comparator are the
    // set's (adv81 B1: `s.count(k)` of a `const std::set<Y> &` ran a
    // `Y::operator<` that wrote a `mutable` member).
    if (Parts.Object) {
      Prov Object = L.ofObject(Parts.Object, Parts.IsArrow);
      QualType T = Parts.Object->getType();
      if (Parts.IsArrow && T->isPointerType())
        T = T->getPointeeType();
      if (T.isConstQualified())
        ReadOnly = join(ReadOnly, Object);
      else
        Elements = join(Elements, Object);
      // `std::cref(c)(v)`: what a reference wrapper or iterator designates.
      if (!Parts.IsArrow && isPointerLike(T))
        Elements = join(Elements, L.ofPointee(Parts.Object));
    }
    for (unsigned I = 0; I < Parts.Args.size(); ++I) {
      const Expr *A = Parts.Args[I];
      if (isa<CXXDefaultArgExpr>(A))
        continue; // the library's own (a default allocator: adv83 F8)
      QualType T = A->getType();
      if ((isPointerLike(T) && !T->isFunctionPointerType()) || holdsReference(T)) {
        Elements = join(Elements, L.ofPointee(A));
        Given = true;
      } else if (Parts.Callee && I < Parts.Callee->getNumParams() && A->isGLValue()) {
        QualType PT = Parts.Callee->getParamDecl(I)->getType();
        if (PT->isLValueReferenceType() && !PT.getNonReferenceType().isConstQualified())
          Elements = join(Elements, L.ofLValue(A));
        else if (PT->isReferenceType() && !isCallable(A->getType()) &&
                 !isa<MaterializeTemporaryExpr>(A->IgnoreParens()))
          ReadOnly = join(ReadOnly, L.ofLValue(A)); // `w = v`, `a < b`: read there
                                                    // (a temporary is the call's own)
        Given |= PT->isReferenceType() && !isCallable(A->getType());
      } else if (!isCallable(T) && T->isRecordType()) {
        Given = true; // a range by value: the callable runs on its copy
      }
    }
    return {Elements, ReadOnly, Given};
  }

  /// `v | std::views::transform(f)`: the adaptor given f alone is applied
  /// to the range on the left of the `|` (adv80 F4: a local `v` was taken
  /// for anyone's elements).
  static Elements pipedInto(const Expr *Site, Locality &L, ASTContext &Ctx) {
    const Expr *Adaptor = Site;
    DynTypedNodeList Parents = Ctx.getParents(*Adaptor);
    for (unsigned Up = 0; Up < 4 && Parents.size() == 1; ++Up) {
      if (const auto *Pipe = Parents[0].get<CXXOperatorCallExpr>();
          Pipe && Pipe->getOperator() == OO_Pipe && Pipe->getNumArgs() == 2) {
        const Expr *Range = Pipe->getArg(0);
        if (Range->IgnoreImplicit() == Adaptor->IgnoreImplicit())
          break;
        QualType T = Range->getType();
        if ((isPointerLike(T) && !T->isFunctionPointerType()) || holdsReference(T))
          return {L.ofPointee(Range), Prov::local(), true};
        if (Range->isGLValue())
          return {L.ofLValue(Range), Prov::local(), true};
        return {Prov::local(), Prov::local(), true}; // a temporary the view owns
      }
      const auto *Wrapper = Parents[0].get<Expr>();
      if (!Wrapper || !isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ImplicitCastExpr,
                               CXXConstructExpr, ParenExpr>(Wrapper))
        break;
      Adaptor = Wrapper;
      Parents = Ctx.getParents(*Wrapper);
    }
    return {Prov::local(), Prov::local(), false};
  }

  /// A lambda, a function object, a function or member function pointer:
  /// what a library call may call.
  static bool isCallable(QualType T) {
    T = T.getNonReferenceType();
    if (T->isFunctionPointerType() || T->isFunctionType() || T->isMemberFunctionPointerType() ||
        isFunctionWrapper(T))
      return true;
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->hasDefinition() && !callOperators(RD).empty();
  }

  /// Whether the elements of the ranges a library call is given may be
  /// pointers: an element type (a container's first template argument, an
  /// iterator's pointee) that points like a pointer, or a range whose
  /// element type is not seen.
  static bool elementsMayBePointers(const CallParts &Parts) {
    return llvm::any_of(Parts.Args, [](const Expr *A) {
      return !isCallable(A->getType()) && elementMayBePointer(A->getType());
    });
  }
  /// An element that leads to another object: a pointer, an iterator, a
  /// smart pointer (what has an `operator->`).
  static bool leadsElsewhere(QualType T) {
    T = T.getNonReferenceType();
    if (pointsLikePointer(T))
      return true;
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->hasDefinition() &&
           !RD->lookup(RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Arrow)).empty();
  }
  static bool elementMayBePointer(QualType T, unsigned Depth = 0) {
    T = T.getNonReferenceType();
    if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      return leadsElsewhere(AT->getElementType()); // `Ticker *const (&a)[2]` (adv83 F2)
    if (T->isPointerType())
      return leadsElsewhere(T->getPointeeType());
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return false; // a number: no elements
    if (leadsElsewhere(T) && !isPointerLike(T))
      return true; // `std::invoke(&T::f, up)` of a std::unique_ptr
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec && RD->hasDefinition() &&
        RD->lookup(RD->getASTContext().DeclarationNames.getIdentifier(
                       &RD->getASTContext().Idents.get("begin")))
            .empty())
      return false; // a value of the program's own class (`Key{3}`), not a range
    if (!Spec || Depth > 4 || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return true; // elements not seen
    QualType First = Spec->getTemplateArgs()[0].getAsType();
    if (isRangesView(RD))
      return elementMayBePointer(First, Depth + 1); // a view of a range
    if (isPointerLike(T) && First->isPointerType())
      return leadsElsewhere(First->getPointeeType()); // `__normal_iterator<A **, ...>`
    return leadsElsewhere(First); // `std::vector<std::unique_ptr<A>>` (adv83 F2)
  }

  /// A library algorithm calls the callables it is given, on elements of
  /// the ranges it is given: record those calls as ours.
  void callables(const CallParts &Parts, const Targets &Elements, RuleContext &C) {
    // A deleter given to a smart pointer (`std::unique_ptr<T, D> p(q, d)`,
    // `p.reset(q)`) runs on the pointer it owns, q, not on unknown memory
    // (adv86 F1: a deleter that cleared and deleted the function's own
    // allocation was a false error).
    Owned.reset();
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Parts.Callee);
        MD && !Parts.Args.empty() && MD->getParent()->isInStdNamespace() &&
        MD->getParent()->getIdentifier() &&
        (MD->getParent()->getName() == "unique_ptr" || MD->getParent()->getName() == "shared_ptr" ||
         MD->getParent()->getName() == "__shared_ptr") &&
        (isa<CXXConstructorDecl>(MD) || (MD->getIdentifier() && MD->getName() == "reset")) &&
        Parts.Args[0]->getType()->isPointerType())
      Owned = C.locality().ofPointee(Parts.Args[0]);
    for (const Expr *const &A : Parts.Args) {
      if (isa<CXXDefaultArgExpr>(A))
        continue; // the library's own (a set's default `Compare()`)
      QualType T = A->getType().getNonReferenceType();
      // A member function as a projection (`std::ranges::count(v, i,
      // &Pr::get)`) or given to std::invoke runs on the elements (adv79 F4).
      if (T->isMemberFunctionPointerType()) {
        const auto *Addr = dyn_cast<UnaryOperator>(A->IgnoreParenImpCasts());
        const auto *Ref = Addr && Addr->getOpcode() == UO_AddrOf
                              ? dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParens())
                              : nullptr;
        // On elements that are pointers (a `std::vector<A *>`), it runs on
        // what they point to, which no owner in sight has (adv81 B2).
        if (const auto *MD = Ref ? dyn_cast<CXXMethodDecl>(Ref->getDecl()) : nullptr)
          invoke(MD, A, Elements, C,
                 elementsMayBePointers(Parts) ? Prov::unknown() : Elements.forObject(MD));
        else
          indirect(A, "a member function pointer", C);
        continue;
      }
      if (isFunctionWrapper(T)) {
        indirect(A, "'std::function'", C);
        continue;
      }
      if (T->isFunctionPointerType() || T->isFunctionType()) {
        const Expr *Inner = A->IgnoreParenImpCasts();
        if (const auto *UO = dyn_cast<UnaryOperator>(Inner))
          if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Plus) // `&f`, `+[] {...}`
            Inner = UO->getSubExpr()->IgnoreParenImpCasts();
        // A lambda converted to a function pointer: its conversion's
        // invoker runs its call operator.
        if (const auto *Conv = dyn_cast<CXXMemberCallExpr>(Inner))
          if (const auto *CD = dyn_cast_or_null<CXXConversionDecl>(Conv->getMethodDecl());
              CD && CD->getParent()->isLambda()) {
            for (const FunctionDecl *Op : callOperators(CD->getParent()))
              invoke(Op, A, Elements, C);
            continue;
          }
        const auto *DRE = dyn_cast<DeclRefExpr>(Inner);
        const auto *Target = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
        // The function's own fixed parameter (`std::forward<F>(f)`): what
        // it holds, the callers pass and judge (adv123 F2).
        if (!Target)
          indirect(A, "a function pointer", C, nullptr,
                   DRE ? fixedParameter(dyn_cast<ParmVarDecl>(DRE->getDecl()), C) : nullptr);
        else
          invoke(Target, A, Elements, C);
        continue;
      }
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      if (!RD || !RD->hasDefinition() ||
          isLibraryFunctionClass(RD, C))
        continue;
      // A function object taken by reference (std::invoke, std::visit,
      // std::apply) is called as the caller's object, not a copy: what its
      // call operator writes of it (a `mutable` counter) is written there
      // (adv83 F1).
      Prov Own = Prov::local();
      if (unsigned I = unsigned(&A - Parts.Args.data());
          Parts.Callee && I < Parts.Callee->getNumParams() && A->isGLValue() &&
          Parts.Callee->getParamDecl(I)->getType()->isReferenceType())
        Own = C.locality().ofLValue(A);
      for (const FunctionDecl *Op : callOperators(RD))
        invoke(Op, A, Elements, C, Own);
    }
  }

  static bool isLibraryFunctionClass(const CXXRecordDecl *RD, RuleContext &C) {
    return isImplementationHeader(RD->getLocation(), C.sourceManager());
  }

  /// Every call operator an object of RD may run: its own, those it
  /// brings in by `using Base::operator()` and those of its bases. The
  /// `overloaded{...}` idiom of std::visit and a `struct Wrap : L {}` call a
  /// lambda's operator through a class the lambda is a base of; only RD's
  /// own were judged (adv117 F2: a lambda writing a global, accepted).
  static std::vector<const FunctionDecl *> callOperators(const CXXRecordDecl *RD) {
    std::vector<const FunctionDecl *> Out;
    llvm::SmallPtrSet<const CXXRecordDecl *, 4> Seen;
    collectCallOperators(RD, Out, Seen);
    return Out;
  }

  static void collectCallOperators(const CXXRecordDecl *RD, std::vector<const FunctionDecl *> &Out,
                                   llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Seen) {
    if (!RD || !RD->hasDefinition() || !Seen.insert(RD->getCanonicalDecl()).second)
      return;
    RD = RD->getDefinition();
    DeclarationName Name =
        RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
    for (const NamedDecl *ND : RD->lookup(Name)) {
      const NamedDecl *Target = ND->getUnderlyingDecl(); // through `using B::operator()`
      if (const auto *FD = dyn_cast<FunctionDecl>(Target))
        Out.push_back(FD);
      else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(Target))
        for (const FunctionDecl *Spec : FT->specializations())
          Out.push_back(Spec);
    }
    for (const CXXBaseSpecifier &B : RD->bases())
      collectCallOperators(B.getType()->getAsCXXRecordDecl(), Out, Seen);
  }

  /// Object: what a member is called on (a member function pointer's
  /// element); a function object's call runs on the algorithm's own copy.
  void invoke(const FunctionDecl *FD, const Expr *Arg, const Targets &Elements,
              RuleContext &C, const Prov &Object = Prov::local()) {
    Invoked.insert(FD);
    if (isDeclaredPure(FD) || isAssumedPure(FD))
      return;
    // `std::invoke(&Shape::area, s)`, a projection `&Shape::area`: a
    // virtual member named by pointer is called virtually (adv87 F07).
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>() && !MD->getParent()->hasAttr<FinalAttr>()) {
      Effect E = Effect::at(EffectKind::VirtualCall, Arg);
      E.Callee = MD;
      C.record(std::move(E));
      return;
    }
    if (isLibraryFunction(FD, C.sourceManager())) {
      callee(FD, Arg->getExprLoc(), Arg->getSourceRange(), nullptr, C);
      return;
    }
    // Once per object, as in userRuns: `std::cref(c)(x)` gives c to
    // std::cref and then runs it through the wrapper.
    if (!Reported.insert({C.function(), FD->getCanonicalDecl(), unsigned(Object.K), Object.Var})
             .second)
      return;
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def))
      Def = FD;
    Effect E = Effect::at(EffectKind::Call, Arg);
    E.Callee = Def;
    E.Object = Object;
    // A lambda the library calls: what the closure it was given captured.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
      E.Captures = C.locality().ofCaptures(Arg);
    // An element that is itself a pointer (`[](int *p) { return (*p)++; }`
    // over a `std::vector<int *>`, a pointer `std::apply` unpacks): what
    // it points to has no owner in sight (adv80 F1 F2); the element itself
    // is what a `T *&` parameter writes.
    bool PointerReference = false;
    for (const ParmVarDecl *P : FD->parameters()) {
      QualType T = P->getType().getNonReferenceType();
      bool Pointer = pointsLikePointer(T) && !T->isFunctionPointerType();
      E.Args.push_back(Pointer ? (Owned ? *Owned : Prov::unknown()) : Elements.forParameter(P));
      PointerReference |= Pointer && P->getType()->isLValueReferenceType();
    }
    if (PointerReference)
      E.ShallowArgs.assign(FD->getNumParams(), Elements.Writable);
    C.record(std::move(E));
  }
};

} // namespace

std::unique_ptr<Rule> makeImpureCallRule() { return std::make_unique<ImpureCallRule>(); }

} // namespace purecc
