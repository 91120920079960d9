//===- Escapes.cpp - where a local's address leaves the function's control ===//
#include "Escapes.h"
#include "analysis/Associative.h"
#include "KeepingCallables.h"
#include "KeptParameters.h"
#include "MadeReachable.h"
#include "ReturnedStorage.h"
#include "JumpTargets.h"
#include "AddressTypes.h"
#include "Places.h"
#include "StmtDeps.h"
#include "StorageTrades.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

using namespace clang;

namespace purecc {

llvm::SmallPtrSet<const VarDecl *, 8> EscapeSites::all() const {
  llvm::SmallPtrSet<const VarDecl *, 8> Out;
  for (const auto &[VD, Where] : Sites)
    Out.insert(VD);
  return Out;
}

llvm::SmallPtrSet<const VarDecl *, 8> EscapeSites::during(const Stmt *Loop,
                                                          const PlanContext &PC) const {
  llvm::SmallPtrSet<const VarDecl *, 8> Out;
  for (const auto &[VD, Where] : Sites)
    if (!sitesDuring(VD, Loop, PC).empty())
      Out.insert(VD);
  return Out;
}

llvm::SmallVector<const Stmt *, 2> EscapeSites::sitesDuring(const VarDecl *V, const Stmt *Loop,
                                                            const PlanContext &PC) const {
  auto It = Sites.find(V);
  if (It == Sites.end())
    return {};
  const auto &Where = It->second;
  if (HasLabels)
    return Where;
  const SourceManager &SM = PC.SM;
  // The loops around Loop, up to the function body (a lambda's body is a
  // function body of its own: code after it may run before it).
  llvm::SmallVector<const Stmt *, 4> Around;
  for (DynTypedNodeList Parents = PC.Ctx.getParents(*Loop); !Parents.empty();) {
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P || isa<LambdaExpr>(P))
      break;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      Around.push_back(P);
    Parents = PC.Ctx.getParents(*P);
  }
  auto InsideAt = [&](SourceLocation At, const Stmt *Outer) {
    return !SM.isBeforeInTranslationUnit(At, Outer->getBeginLoc()) &&
           !SM.isBeforeInTranslationUnit(Outer->getEndLoc(), At);
  };
  auto Inside = [&](const Stmt *S, const Stmt *Outer) { return InsideAt(S->getBeginLoc(), Outer); };
  // A local of a function around a lambda (a capture) may be used through
  // an escape there whenever the lambda runs.
  auto Outside = [&](const VarDecl *VD) {
    return Body && (SM.isBeforeInTranslationUnit(VD->getLocation(), Body->getBeginLoc()) ||
                    SM.isBeforeInTranslationUnit(Body->getEndLoc(), VD->getLocation()));
  };
  if (Outside(V))
    return Where;
  // A reference local whose scope does not hold Loop is gone while Loop
  // runs (`{ auto &e = t[0]; e.x = 1; }` before it); without labels, no
  // jump enters its scope from Loop.
  auto Dead = [&](const Stmt *S) {
    auto It = LiveIn.find(S);
    return It != LiveIn.end() && !Lasting.contains(S) && !Inside(Loop, It->second);
  };
  // A later round of an enclosing loop runs a site after Loop again before
  // Loop runs again, unless V is declared in that loop's body: each round
  // then has a V of its own (`std::vector<double> next(n); for (i) next[i]
  // = ...; u.swap(next);` inside a time-step loop, user44 t01).
  auto Repeats = [&](const Stmt *S, const Stmt *A) {
    return Inside(S, A) && !(V->hasLocalStorage() && InsideAt(V->getBeginLoc(), A));
  };
  llvm::SmallVector<const Stmt *, 2> Out;
  for (const Stmt *S : Where)
    if ((!SM.isBeforeInTranslationUnit(Loop->getEndLoc(), S->getBeginLoc()) ||
         llvm::any_of(Around, [&](const Stmt *A) { return Repeats(S, A); })) &&
        !Dead(S))
      Out.push_back(S);
  return Out;
}

void addBindingReads(const Stmt *Body, llvm::SmallPtrSetImpl<const VarDecl *> &Reads) {
  struct Bindings : RecursiveASTVisitor<Bindings> {
    llvm::SmallPtrSetImpl<const VarDecl *> &Reads;
    explicit Bindings(llvm::SmallPtrSetImpl<const VarDecl *> &Reads) : Reads(Reads) {}
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
        if (const auto *DD = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl()))
          Reads.insert(DD);
      return true;
    }
  };
  Bindings(Reads).TraverseStmt(const_cast<Stmt *>(Body));
}

const VarDecl *EscapeSites::holderAmong(const VarDecl *V,
                                        const llvm::SmallPtrSetImpl<const VarDecl *> &Reads) const {
  for (const auto &[H, Held] : Holds)
    if (H != V && Held.contains(V) && Reads.contains(H))
      return H;
  return nullptr;
}

std::string readThroughReason(const VarDecl *V, const VarDecl *H) {
  std::string Name = quoted(H);
  if (const auto *DD = dyn_cast<DecompositionDecl>(H)) {
    std::vector<std::string> Names;
    for (const BindingDecl *B : DD->bindings())
      Names.push_back(B->getNameAsString());
    Name = Names.size() == 1 ? "'" + Names[0] + "'" : "'[" + llvm::join(Names, ", ") + "]'";
  }
  const SourceManager &SM = H->getASTContext().getSourceManager();
  return quoted(V) + " is read inside the loop body (through " + Name + ", declared on line " +
         std::to_string(SM.getPresumedLineNumber(SM.getExpansionLoc(H->getLocation()))) + ")";
}

namespace {

using Roots = llvm::SmallPtrSet<const VarDecl *, 4>;

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(const PlanContext &PC, const DepScanner &ES, EscapeSites &Out, const Stmt *Outer,
         const ParmVarDecl *Lent)
      : PC(PC), Ctx(PC.Ctx), ES(ES), Out(Out), Outer(Outer), Lent(Lent) {}

  /// A variable whose storage the analysis follows: an owned local, or the
  /// reference parameter lent for a summary (KeptParameters.h).
  bool owned(const VarDecl *V) const { return isOwnedLocal(V) || (V && V == Lent); }

  /// Whether the last traversal found a new holder (another one is due).
  bool Changed = false;

  bool VisitLabelStmt(LabelStmt *) {
    Out.HasLabels = true;
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      escape(UO->getSubExpr());
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *IC) {
    if (IC->getCastKind() != CK_ArrayToPointerDecay)
      return true;
    for (const DynTypedNode &P : Ctx.getParents(*IC))
      if (const auto *AS = P.get<ArraySubscriptExpr>(); AS && AS->getBase() == IC)
        return true;
    escape(IC->getSubExpr());
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (const auto *MD = MC->getMethodDecl(); MD && MD->getDeclName().isIdentifier() &&
                                               MD->getName() == "data")
      escape(MC->getImplicitObjectArgument());
    return true;
  }
  // `__attribute__((cleanup(fn)))` gives fn the variable's address at the
  // end of its scope: what the variable holds reaches fn (adv59 t05, t06:
  // a local iterator whose cleanup kept '&**p').
  bool VisitDeclStmt(DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->hasLocalStorage())
        if (const auto *CA = VD->getAttr<CleanupAttr>();
            CA && (!CA->getFunctionDecl() || !ES.isEffectFreeCallee(CA->getFunctionDecl()))) {
          Roots R;
          rootsOf(VD, R);
          escapeAll(R, DS);
        }
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    QualType T = VD->getType();
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
        RD && owned(VD) && (!RD->hasDefinition() || !RD->isTriviallyCopyable()) &&
        !llvm::is_contained(Out.Owners, VD))
      Out.Owners.push_back(VD);
    // Made where others may reach it: by its allocator, or by a
    // constructor that keeps `this` (adv53 t162-t185).
    if (owned(VD) && VD->getInit())
      if (const std::string &Why = madeReachableOf(T); !Why.empty())
        escapeBecause(VD, VD->getInit(), "where it is made", Why);
    // Made from storage others may reach: a call that kept its address,
    // a global moved from (ReturnedStorage.h; adv54 t10, t11, t18, t28).
    if (owned(VD) && VD->getInit() && !isa<ParmVarDecl>(VD) &&
        (T->isRecordType() || T->isArrayType())) {
      if (std::string Why = storageOrigin(VD->getInit(), PC, movedFrom(VD)); !Why.empty())
        escapeBecause(VD, VD->getInit(), "where it is made", Why);
      notePassedOnParameter(VD->getInit(), VD);
    }
    if (!VD->getInit() || !T->isReferenceType() || T.getNonReferenceType().isConstQualified())
      return true;
    escape(VD->getInit(), nullptr, scopeOf(VD));
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    // A `longjmp` arrives at a `setjmp` from code after it, as a `goto`
    // arrives at a label (adv49 t64).
    if (isSetjmp(CE))
      Out.HasLabels = true;
    const FunctionDecl *Callee = CE->getDirectCallee();
    // `std::get<0>(t[0]) = x`: the part's address is in the reference
    // returned, which is followed where it goes like any use of t.
    if ((Callee && ES.isEffectFreeCallee(Callee)) || isPartGetter(CE))
      return true;
    // A member operator's object is its first argument, not a parameter.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
    // A range algorithm of the library (`std::ranges::sort(w)`) refers to
    // the range it is given only for the call: what it returns, moves or
    // runs is weighed where the use of 'w' reaches the call (call()), as
    // for the iterators of `std::sort(w.begin(), w.end())` (adv62 t29).
    if (MD && MD->getOverloadedOperator() == OO_Call && KeepingCallables::isAlgorithmObject(MD->getParent()))
      return true;
    unsigned Shift = isa<CXXOperatorCallExpr>(CE) && MD && !MD->isStatic() ? 1 : 0;
    for (unsigned I = Shift; Callee && I < CE->getNumArgs() && I - Shift < Callee->getNumParams();
         ++I) {
      // The left operand of a free compound assignment that writes only it
      // (call(): adv116 F1).
      if (I == 0 && !MD && isa<CXXOperatorCallExpr>(CE) && writesOnlyLeftOperand(Callee))
        continue;
      QualType PT = Callee->getParamDecl(I - Shift)->getType();
      if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified() &&
          !(isProgramFunction(Callee) && lentOnly(CE, Callee, CE->getArg(I))))
        escape(CE->getArg(I));
    }
    return true;
  }
  // `v = make(n);`, `v = std::move(pool);`: v receives storage others may
  // reach (ReturnedStorage.h).
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 || !MD || MD->getNumParams() != 1)
      return true;
    const VarDecl *To = baseVariable(Op->getArg(0));
    const CXXRecordDecl *RD = MD->getParent();
    if (!owned(To) || To->getType()->isPointerType() ||
        (RD->hasDefinition() && RD->isTriviallyCopyable()))
      return true;
    const Expr *Value = Op->getArg(1);
    QualType PT = MD->getParamDecl(0)->getType();
    std::string Why;
    if (!Value->isPRValue() && !isa<MaterializeTemporaryExpr>(Value->IgnoreParens()))
      Why = PT->isRValueReferenceType() ? storageTakenOver(Value, PC, movedFrom(To)) : "";
    else if (!(PT->isLValueReferenceType() && PT.getNonReferenceType().isConstQualified()))
      Why = storageOrigin(Value, PC, movedFrom(To));
    if (!Why.empty())
      escapeBecause(To, Op, "where it is assigned", Why);
    notePassedOnParameter(Value, To);
    return true;
  }

  /// `auto w = [&] { return std::move(v); }();`: a lambda that captures by
  /// reference a parameter its caller gave up (by value, or an rvalue
  /// reference) may hand its storage to Into (CallerStorage; adv62 t14).
  /// Its body is the function's own, whose storage is trusted, so
  /// storageOrigin sees nothing there.
  void notePassedOnParameter(const Expr *Value, const VarDecl *Into) {
    const auto *Call = dyn_cast<CallExpr>(Value->IgnoreImplicit()->IgnoreParens());
    const auto *MD = Call ? dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()) : nullptr;
    if (!MD || !MD->getParent()->isLambda())
      return;
    for (const LambdaCapture &C : MD->getParent()->captures())
      if (const auto *P = C.capturesVariable() ? dyn_cast<ParmVarDecl>(C.getCapturedVar()) : nullptr;
          P && C.getCaptureKind() == LCK_ByRef && !P->getType()->isLValueReferenceType() &&
          P->getType().getNonReferenceType()->isRecordType())
        Out.CallerStorage.try_emplace(Into, P);
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    Roots Held;
    for (const LambdaCapture &C : LE->captures()) {
      const auto *VD = C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
      if (!VD)
        continue;
      if (C.getCaptureKind() == LCK_ByRef) {
        // The closure holds the address of what it captures by reference
        // and is followed like a pointer (below): `auto set = [&](long i)
        // { r[i] = i % 7; };` called in a loop before `return r;` keeps
        // 'r' nowhere once 'set' is gone (adv57 t16), and a loop that calls
        // 'set' reads 'r' through it; given to code purecc does not
        // follow, it escapes there.
        rootsOf(VD, Held);
      } else if (const auto It = Out.Holds.find(VD); It != Out.Holds.end()) {
        Held.insert(It->second.begin(), It->second.end()); // a copy of a holder
      }
    }
    if (!Held.empty())
      follow(LE, Held);
    return true;
  }
  // Every use of a local, or of a holder of one, is followed outwards.
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    Roots R;
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      rootsOf(VD, R);
    else if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
      if (const auto *DD = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl()))
        rootsOf(DD, R);
    if (!R.empty())
      follow(DRE, R);
    return true;
  }
  // `for (auto &x : v)`: the loop variable refers into the range (the
  // implicit variables in between are not traversed).
  bool VisitCXXForRangeStmt(CXXForRangeStmt *FR) {
    const VarDecl *LV = FR->getLoopVariable();
    if (!LV || !FR->getRangeInit() || !(LV->getType()->isReferenceType() || Types.mayHold(LV->getType())))
      return true;
    struct Mentions : RecursiveASTVisitor<Mentions> {
      Finder &F;
      Roots &R;
      Mentions(Finder &F, Roots &R) : F(F), R(R) {}
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          F.rootsOf(VD, R);
        return true;
      }
    };
    Roots R;
    Mentions(*this, R).TraverseStmt(FR->getRangeInit());
    hold(LV, R, FR);
    return true;
  }

private:
  /// V itself (when it owns its storage) and whatever it holds.
  void rootsOf(const VarDecl *V, Roots &R) const {
    if (owned(V))
      R.insert(V);
    if (auto It = Out.Holds.find(V); It != Out.Holds.end())
      R.insert(It->second.begin(), It->second.end());
  }

  /// E's storage escapes at Site (E itself when null): for as long as
  /// Scope runs when it is kept only by a reference local declared there,
  /// else for good.
  void escape(const Expr *E, const Stmt *Site = nullptr, const Stmt *Scope = nullptr) {
    const VarDecl *VD = baseVariable(E);
    if (!owned(VD))
      return;
    Site = Site ? Site : E;
    Out.Sites[VD].push_back(Site);
    if (Scope)
      Out.LiveIn.try_emplace(Site, Scope);
    else
      Out.Lasting.insert(Site);
  }
  /// VD escapes at Site for a reason its text does not show (Because):
  /// `How` says what happens to VD there ("where it is made").
  void escapeBecause(const VarDecl *VD, const Stmt *Site, llvm::StringRef How, llvm::StringRef Why) {
    Out.Sites[VD].push_back(Site);
    Out.Lasting.insert(Site);
    Out.Firm.insert(Site); // a trade at Site does not undo it
    const SourceManager &SM = Ctx.getSourceManager();
    Out.Because.try_emplace({VD, Site}, (How + ", on line " +
                                   llvm::Twine(SM.getPresumedLineNumber(SM.getExpansionLoc(Site->getBeginLoc()))) +
                                   ": " + Why)
                                      .str());
  }

  /// Why storage taken over from a glvalue may be reached by others: when
  /// it names no local of the function (a global, what a pointer to one
  /// points to, what a reference parameter names). A local's storage, or a
  /// holder's, moves in a trade that the uses of the local follow; a
  /// by-value or rvalue-reference parameter's is trusted: the caller gives
  /// it up (ReturnedStorage.h). An lvalue-reference or pointer parameter
  /// names an object the caller keeps, which others may reach (adv57 t09:
  /// `std::vector<long> v = std::move(buf);` of a `buf` bound to a global
  /// whose 'data()' is kept).
  /// Into (the local receiving the storage, or null) is noted in
  /// CallerStorage when a parameter gives it.
  std::function<std::string(const Expr *)> movedFrom(const VarDecl *Into = nullptr) {
    return [this, Into](const Expr *M) -> std::string {
      auto Local = [&](const VarDecl *V) {
        if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
          bool GivenUp = !V->getType()->isLValueReferenceType() && !V->getType()->isPointerType();
          if (GivenUp && Into)
            Out.CallerStorage.try_emplace(Into, P);
          return GivenUp;
        }
        return (owned(V) && !V->getType()->isPointerType()) || Out.Holds.count(V) > 0;
      };
      const VarDecl *B = baseVariable(unmoved(M));
      if (B && Local(B))
        return "";
      // `std::move(*p)`: p may hold a local's address.
      struct Mentions : RecursiveASTVisitor<Mentions> {
        llvm::SmallVector<const VarDecl *, 2> Vars;
        bool VisitDeclRefExpr(DeclRefExpr *DRE) {
          if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
            Vars.push_back(dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl()));
          else
            Vars.push_back(dyn_cast<VarDecl>(DRE->getDecl()));
          return true;
        }
      } Ms;
      if (!B)
        Ms.TraverseStmt(const_cast<Expr *>(M));
      if (llvm::any_of(Ms.Vars, [&](const VarDecl *V) { return V && Local(V); }))
        return "";
      return "it takes over the storage of " + (B ? quoted(B) : std::string("an object no local names")) +
             ", which others may reach";
    };
  }

  void escapeAll(const Roots &R, const Stmt *Site) {
    for (const VarDecl *VD : R)
      if (owned(VD)) {
        Out.Sites[VD].push_back(Site);
        Out.Lasting.insert(Site);
      }
  }

  /// The statement a local reference VD lives in (the block or statement
  /// its declaration is part of); null for one that outlives its function
  /// (static, thread-local) or is declared elsewhere than in a statement.
  const Stmt *scopeOf(const VarDecl *VD) const {
    if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
      return nullptr;
    for (const DynTypedNode &P : Ctx.getParents(*VD))
      if (const auto *DS = P.get<DeclStmt>())
        for (const DynTypedNode &Q : Ctx.getParents(*DS))
          if (const Stmt *Scope = Q.get<Stmt>())
            return Scope;
    return nullptr;
  }

  /// V now holds R as well (V is kept for the whole function: a holder is
  /// a holder wherever it is made).
  void hold(const VarDecl *V, const Roots &R, const Stmt *Site) {
    if (!V->hasLocalStorage()) {
      escapeAll(R, Site); // a static or global: anyone may read it
      return;
    }
    auto &Held = Out.Holds[V];
    for (const VarDecl *X : R)
      if (X != V && Held.insert(X).second)
        Changed = true;
  }

  /// A value that may hold R is stored into Dest: the local Dest names now
  /// holds R (a local whose type cannot hold an address keeps none).
  void storeInto(const Expr *Dest, const Roots &R, const Stmt *Site) {
    const Expr *E = Dest->IgnoreParenImpCasts();
    // `v.insert(v.end(), {1.0, 2.0})`: a braced list's elements are const,
    // so nothing is stored through it.
    if (isa<CXXStdInitializerListExpr>(E->IgnoreImplicit()))
      return;
    while (true) {
      if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
        E = ME->getBase()->IgnoreParenImpCasts();
        continue;
      }
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E); AS && baseVariable(AS)) {
        E = AS->getBase()->IgnoreParenImpCasts();
        continue;
      }
      // A library copy or conversion (`w.end()` made a const_iterator)
      // stores where what it was made from stores.
      if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
          CE && CE->getNumArgs() == 1 && inStd(CE->getConstructor()->getParent())) {
        E = CE->getArg(0)->IgnoreParenImpCasts();
        continue;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
          Op && Op->getOperator() == OO_Subscript && baseVariable(Op)) {
        E = Op->getArg(0)->IgnoreParenImpCasts();
        continue;
      }
      // `out.begin()`, `ptrs.back()`: an iterator or element of a standard
      // container stores into the container.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
          MC && MC->getMethodDecl() && inStd(MC->getMethodDecl()) &&
          MC->getImplicitObjectArgument()) {
        E = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
        continue;
      }
      break;
    }
    // `std::back_inserter(out)`: what the library returns stores into its
    // arguments.
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && !isa<CXXMemberCallExpr>(Call) &&
                                                 Call->getDirectCallee() &&
                                                 inStd(Call->getDirectCallee())) {
      for (const Expr *A : Call->arguments())
        if (A->isGLValue())
          storeInto(A, R, Site);
      return;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || VD->getType()->isReferenceType()) {
      escapeAll(R, Site); // into memory no local names
      return;
    }
    if (Types.mayHold(VD->getType()))
      hold(VD, R, Site);
  }

  /// Whether a value of E's kind still leads into R: a glvalue (it names
  /// storage) or a value whose type may hold an address.
  bool carries(const Expr *E) { return E->isGLValue() || Types.mayHold(E->getType()); }

  /// Follows a use of R (E designates R's storage or holds an address
  /// into it) outwards until it is read as a plain value, stored into a
  /// local (a new holder), or escapes.
  void follow(const Expr *E, const Roots &R, unsigned Depth = 0) {
    if (Depth > 64) {
      escapeAll(R, E);
      return;
    }
    for (const DynTypedNode &P : Ctx.getParents(*E)) {
      if (const auto *VD = P.get<VarDecl>()) {
        if (VD->getType()->isReferenceType() || Types.mayHold(VD->getType()))
          hold(VD, R, E);
        continue;
      }
      const Stmt *PS = P.get<Stmt>();
      if (!PS) {
        escapeAll(R, E); // a member's default initializer ...
        continue;
      }
      step(E, PS, R, Depth);
    }
  }

  void step(const Expr *E, const Stmt *PS, const Roots &R, unsigned Depth) {
    const auto *PE = dyn_cast<Expr>(PS);
    if (!PE) {
      // A returned address leaves; any other statement discards the value
      // or tests it (`if (p)` converts it to bool first).
      if (isa<ReturnStmt, CoreturnStmt>(PS) && carries(E))
        escapeAll(R, PS);
      // An operand of an `asm` statement: the assembly may store it
      // anywhere (adv59 t11).
      if (isa<AsmStmt>(PS))
        escapeAll(R, PS);
      return;
    }
    auto Up = [&] {
      if (carries(PE))
        follow(PE, R, Depth + 1);
    };
    // Unevaluated, the end of the storage, or a read of its dynamic type.
    if (isUnevaluatedOperand(PE) ||
        isa<CXXTypeidExpr, CXXDeleteExpr, CXXPseudoDestructorExpr>(PE))
      return;
    if (const auto *CE = dyn_cast<CastExpr>(PE)) {
      if (CE->getCastKind() == CK_PointerToIntegral ||
          (isa<BuiltinBitCastExpr>(CE) && Types.mayHold(E->getType()) && !carries(PE)))
        escapeAll(R, PE); // an address as a number can come back
      else
        Up();
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(PE)) {
      // `(g.*pm)()`: a member reached through a pointer to member, which
      // names no member purecc can follow (adv50 t149).
      if (BO->isPtrMemOp() && BO->getLHS() == E) {
        escapeAll(R, PE);
        return;
      }
      if (BO->isAssignmentOp() && BO->getRHS() == E && Types.mayHold(E->getType()))
        storeInto(BO->getLHS(), R, PE);
      if (BO->getOpcode() == BO_Comma && BO->getLHS() == E)
        return;
      Up();
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(PE)) {
      if (isa<CXXMethodDecl>(ME->getMemberDecl())) {
        // `v.begin()`: the object of a member call.
        for (const DynTypedNode &Q : Ctx.getParents(*ME))
          if (const auto *Call = Q.get<CallExpr>())
            call(Call, ME, /*Object=*/true, R, Depth);
          else
            escapeAll(R, ME); // a member function named but not called
        return;
      }
      Up();
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(PE)) {
      if (Call->getCallee() == E) {
        escapeAll(R, PE); // calls what E holds
        return;
      }
      bool Object = false;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
        if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
            MD && !MD->isStatic() && Op->getNumArgs() > 0 && Op->getArg(0) == E)
          Object = true;
      call(Call, E, Object, R, Depth);
      return;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(PE)) {
      construct(CE, E, R, Depth);
      return;
    }
    // `Guard g{hist, &p};` of a class whose destructor, `begin()`, `get()`
    // or a member's default initializer runs code of the user's on it
    // without a call written (adv50 t115-t139): what it is made from
    // escapes.
    if (isa<InitListExpr, CXXParenListInitExpr>(PE))
      if (const CXXRecordDecl *RD = PE->getType()->getAsCXXRecordDecl();
          RD && runsCodeOfItsOwn(RD)) {
        escapeAll(R, PE);
        return;
      }
    if (isa<ParenExpr, UnaryOperator, ArraySubscriptExpr, ConditionalOperator,
            BinaryConditionalOperator, InitListExpr, CXXStdInitializerListExpr, LambdaExpr,
            MaterializeTemporaryExpr, CXXBindTemporaryExpr, FullExpr, CXXDefaultArgExpr,
            CXXDefaultInitExpr, ParenListExpr, CXXParenListInitExpr, ArrayInitLoopExpr,
            OpaqueValueExpr, DesignatedInitExpr, ImplicitValueInitExpr>(PE)) {
      Up();
      return;
    }
    escapeAll(R, PE); // anything else: not understood, so it escapes
  }

  /// Whether an object of class RD (a class of the user's; its bases and
  /// members of class type too) runs code of the user's that no call in
  /// the source names: a destructor at the end of its life, `begin()` and
  /// `end()` of a range-for over it, `get()` of a structured binding of
  /// it, a conversion, or a default member initializer while it is made;
  /// unless that code is free of side effects.
  bool runsCodeOfItsOwn(const CXXRecordDecl *RD, unsigned Depth = 0) {
    if (!RD || !RD->hasDefinition() || inStd(RD) || RD->isLambda() || Depth > 8)
      return false;
    auto Impure = [&](const FunctionDecl *FD) {
      return FD && FD->isUserProvided() && !ES.isEffectFreeCallee(FD);
    };
    if (const CXXDestructorDecl *D = RD->getDestructor(); Impure(D))
      return true;
    for (const Decl *D : RD->decls()) {
      const FunctionDecl *FD = D->getAsFunction();
      if (!FD)
        continue;
      bool Implicitly = isa<CXXConversionDecl>(FD) ||
                        (FD->getIdentifier() && (FD->getName() == "begin" || FD->getName() == "end" ||
                                                 FD->getName() == "get"));
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D); FT && Implicitly)
        return true; // a template's instances are not judged
      if (Implicitly && Impure(FD))
        return true;
    }
    for (const FieldDecl *F : RD->fields()) {
      if (const Expr *Init = F->getInClassInitializer(); Init && !ES.scan(Init).isEffectFree())
        return true;
      if (runsCodeOfItsOwn(F->getType()->getAsCXXRecordDecl(), Depth + 1))
        return true;
    }
    for (const CXXBaseSpecifier &B : RD->bases())
      if (runsCodeOfItsOwn(B.getType()->getAsCXXRecordDecl(), Depth + 1))
        return true;
    return false;
  }

  /// Whether FD, a library function, moves or swaps the elements of the
  /// ranges it is given, or makes a move iterator that will.
  static bool movesElements(const FunctionDecl *FD, const CallExpr *Call) {
    llvm::StringRef N;
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (MD && MD->getOverloadedOperator() == OO_Call && KeepingCallables::isAlgorithmObject(MD->getParent())) {
      // `std::ranges::move(src, out)`: the object's class names it.
      N = MD->getParent()->getName().drop_front(2).drop_back(3);
      if (N == "move")
        return true;
    } else if (FD->getIdentifier()) {
      N = FD->getName();
    } else {
      return false;
    }
    if (N == "move")
      return Call->getNumArgs() >= 3 ||
             (Call->getNumArgs() == 2 && !FD->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace());
    if (N == "move_backward" || N == "swap_ranges" || N == "iter_swap" || N == "iter_move" ||
        N == "make_move_iterator" || N == "uninitialized_move" || N == "uninitialized_move_n")
      return true;
    const CXXRecordDecl *Result = Call->getType()->getAsCXXRecordDecl();
    return Result && Result->getIdentifier() && Result->getName() == "move_iterator";
  }

  /// Whether FD, a library function, gives the bits of what it is given
  /// as a number: `std::bit_cast`, a `std::hash` call operator.
  static bool turnsAddressIntoNumber(const FunctionDecl *FD) {
    if (FD->getDeclName().isIdentifier() && FD->getName() == "bit_cast")
      return true;
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    return MD && MD->getOverloadedOperator() == OO_Call && MD->getParent()->getIdentifier() &&
           MD->getParent()->getName() == "hash";
  }

  /// Whether FD is a user's compound assignment that the checker found
  /// pure but for writing its left operand (Associative.h): it keeps no
  /// address of that operand.
  bool writesOnlyLeftOperand(const FunctionDecl *FD) const {
    if (!isCompoundAssignment(FD))
      return false;
    const CombineVerdict *V = PC.Facts.combineVerdict(FD);
    return V && V->Pure;
  }

  /// Whether FD is a function of the program, not the library's.
  static bool isProgramFunction(const FunctionDecl *FD) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    return !inStd(FD) && !(MD && inStd(MD->getParent())) && FD->getBuiltinID() == 0;
  }

  /// Whether E is an argument of Call, a call of FD, that names a local
  /// bound to a reference parameter whose address FD keeps nowhere
  /// (KeptParameters.h). Only for a referent that holds no address: a
  /// holder's value (`double *&p`, a span) is an address FD may copy out.
  bool lentOnly(const CallExpr *Call, const FunctionDecl *FD, const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenNoopCasts(Ctx));
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!owned(V) || Types.mayHold(V->getType().getNonReferenceType()))
      return false;
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    unsigned First = isa<CXXOperatorCallExpr>(Call) && MD && !MD->isStatic() ? 1 : 0;
    bool Found = false;
    for (unsigned I = First; I < Call->getNumArgs(); ++I) {
      if (Call->getArg(I) != E)
        continue;
      if (I - First >= FD->getNumParams())
        return false;
      QualType PT = FD->getParamDecl(I - First)->getType();
      if (!PT->isReferenceType() || Types.mayHold(PT.getNonReferenceType()) ||
          parameterMayBeKept(FD, I - First, PC))
        return false;
      Found = true;
    }
    return Found;
  }

  /// E (leading into R) is the object (Object) or an argument of Call.
  void call(const CallExpr *Call, const Expr *E, bool Object, const Roots &R, unsigned Depth) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD) {
      escapeAll(R, Call);
      return;
    }
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    // A lambda of the function analysed: its body is analysed here too, so
    // calling it is no escape; an argument is held by its parameter. Not a
    // generic lambda's: the body analysed is its pattern, whose parameters
    // are not those of the instantiation called (adv50 t79, t80, t93:
    // `[&p](const auto &v) { p = v.data(); }` kept 'hist' unseen), so what
    // reaches it escapes, as into a function of the user's not seen.
    bool Generic = MD && MD->getParent()->isLambda() && MD->getParent()->isGenericLambda();
    if (Generic && within(MD->getParent()->getLocation())) {
      // The instance called keeps nothing (`[](const auto &v) { return
      // v.size(); }`): no escape; else what reaches it escapes.
      if (Keeps.bodyMayKeep(MD)) {
        escapeAll(R, Call);
        Out.Firm.insert(Call);
        // ... and where it may keep it: in what it captures (`[&cp](auto
        // &v) { cp = &v[9]; }`, `[sink](auto &v) { *sink = &v[7]; }`), or
        // through another argument (`keep(c, &cp)`, `keep(c, cp)` with a
        // 'long *&' parameter): each of those now holds R, so that a loop
        // reading '*cp' reads R (adv51 t16, t19, t23, t26, t29, t32).
        for (const LambdaCapture &C : MD->getParent()->captures())
          if (const auto *V = C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
              V && Types.mayHold(V->getType()))
            hold(V, R, Call);
        unsigned FirstArg = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
        for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I) {
          const Expr *A = Call->getArg(I)->IgnoreParenImpCasts();
          if (const auto *UO = dyn_cast<UnaryOperator>(A); UO && UO->getOpcode() == UO_AddrOf)
            A = UO->getSubExpr()->IgnoreParenImpCasts();
          if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
            if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
                V && V->hasLocalStorage() && Types.mayHold(V->getType()))
              hold(V, R, Call);
        }
        // An argument it may take the storage of (a parameter that is a
        // non-const reference to a class: `[](auto &&src) { return
        // V(std::move(src)); }`, adv50 t147) is lost storage.
        unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
        for (unsigned I = First; !Object && I < Call->getNumArgs(); ++I) {
          if (Call->getArg(I) != E || I - First >= MD->getNumParams())
            continue;
          QualType PT = MD->getParamDecl(I - First)->getType();
          if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified() &&
              PT.getNonReferenceType()->isRecordType())
            for (const VarDecl *X : R)
              trade(nullptr, X, Call);
        }
      }
      if (carries(Call))
        follow(Call, R, Depth + 1);
      return;
    }
    if (MD && MD->getParent()->isLambda() && within(MD->getParent()->getLocation())) {
      if (!Object) {
        unsigned Index = 0;
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == E)
            Index = I;
        unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
        if (Index >= First && Index - First < MD->getNumParams())
          hold(MD->getParamDecl(Index - First), R, Call);
        else
          escapeAll(R, Call);
      }
      if (carries(Call))
        follow(Call, R, Depth + 1);
      return;
    }
    bool Library = inStd(FD) || (MD && inStd(MD->getParent())) || FD->getBuiltinID() != 0;
    bool Free = ES.isEffectFreeCallee(FD);
    // `vs[i] += kick(i)` with a user's compound assignment that is pure but
    // for writing its left operand (Associative.h): it writes its object
    // and keeps no address of it, as the operand of a reduction's `a += x`
    // (adv115 F3: "the elements of 'vs' are assigned with the user-written
    // 'V2::operator+=', which is not known to be pure").
    // A free one writes its first argument (adv116 F1).
    bool LeftOperand = Object || (isa<CXXOperatorCallExpr>(Call) && !MD &&
                                  Call->getNumArgs() == 2 && Call->getArg(0) == E);
    if (!Library && !Free && LeftOperand && writesOnlyLeftOperand(FD)) {
      if (carries(Call))
        follow(Call, R, Depth + 1);
      return;
    }
    if (!Library && !Free) {
      // A reference parameter whose address the function's body keeps
      // nowhere: the address ends with the call (`init(v);`, adv57 t14).
      if (!Object && lentOnly(Call, FD, E)) {
        if (carries(Call))
          follow(Call, R, Depth + 1);
        return;
      }
      escapeAll(R, Call); // it may keep the address anywhere
      // ... and return it: `auto s = view(v);` holds 'v' (adv40 t01: a
      // write of 'v' before a call reading 's' was not seen).
      if (carries(Call))
        follow(Call, R, Depth + 1);
      return;
    }
    // `std::move(src.begin(), src.end(), dst.begin())`, `std::iter_swap`,
    // `std::swap_ranges`, a move iterator: the elements' storage moves to
    // where purecc does not follow (adv49 t22-t25).
    // `std::bit_cast<std::uintptr_t>(p)`, `std::hash<long *>{}(p)`: an
    // address as a number can come back (adv59 t10).
    if (Library && !Object && Types.mayHold(E->getType()) && !carries(Call) &&
        turnsAddressIntoNumber(FD)) {
      escapeAll(R, Call);
      return;
    }
    // A pure function of the program that turns an address into a number
    // (`reinterpret_cast<std::uintptr_t>(v.data())`) may return it as one,
    // which the caller can make an address again (adv70 F2).
    if (!Library && Free && !PC.fingerprintOf(FD).AddressValues.empty()) {
      escapeAll(R, Call);
      if (carries(Call))
        follow(Call, R, Depth + 1);
      return;
    }
    if (movesElements(FD, Call))
      for (const VarDecl *X : R)
        trade(nullptr, X, Call);
    // The library runs a callable given to it (`std::function`'s and a
    // bind object's call, `std::for_each`'s function) with what it is
    // given: a callable that may keep an address keeps E's (adv49 t40-t45:
    // `f(hist)` with `f` a std::function made from `[&p](const V &v) { p =
    // v.data(); }`).
    if (!Free && Keeps.runsCallableThatMayKeep(Call, MD)) {
      escapeAll(R, Call);
      if (carries(Call))
        follow(Call, R, Depth + 1);
      return;
    }
    unsigned First = isa<CXXOperatorCallExpr>(Call) && MD && !MD->isStatic() ? 1 : 0;
    // `s2 = s` (a view, a pointer-holding struct): the target holds R.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->isAssignmentOp() && !Object && Types.mayHold(E->getType()))
      storeInto(Op->getArg(0), R, Call);
    // The library hands an address on only through what it returns.
    if (carries(Call))
      follow(Call, R, Depth + 1);
    if (Free) {
      // `hist = id(std::move(other))`: a function of the user's that takes
      // the storage over may return it (adv48 t11).
      for (unsigned I = First; I < Call->getNumArgs(); ++I)
        if (Call->getArg(I) == E && paramMovesStorage(FD, I - First, E))
          for (const VarDecl *X : R)
            trade(receiver(Call), X, Call);
      return;
    }
    // `x.swap(y)`, `y = std::move(x)`: storage moves between the objects
    // (a trade: the receiver inherits the escapes of what it receives).
    if (Object) {
      for (unsigned I = First; I < Call->getNumArgs(); ++I) {
        bool Moves = paramMovesStorage(FD, I - First, Call->getArg(I));
        bool Shares = !Moves && paramSharesStorage(FD, I - First, Call->getArg(I));
        if (!Moves && !Shares)
          continue;
        const VarDecl *Other = baseVariable(unmoved(Call->getArg(I)));
        for (const VarDecl *X : R) {
          trade(X, Other, Call);
          if (Shares)
            trade(Other, X, Call);
        }
      }
      return;
    }
    unsigned Index = 0;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == E)
        Index = I;
    bool Moves = Index >= First && paramMovesStorage(FD, Index - First, E);
    bool Shares = !Moves && Index >= First && paramSharesStorage(FD, Index - First, E);
    if (Moves || Shares) {
      const Expr *Obj = nullptr;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        Obj = MC->getImplicitObjectArgument();
      else if (First == 1)
        Obj = Call->getArg(0);
      // `std::exchange(w, std::move(v))`: the new value moves into w
      // (adv62 t16).
      else if (Index == 1 && Call->getNumArgs() == 2 && FD->getIdentifier() &&
               FD->getName() == "exchange" && inStd(FD))
        Obj = Call->getArg(0);
      const VarDecl *Dest = Obj ? baseVariable(unmoved(Obj)) : nullptr;
      for (const VarDecl *X : R) {
        trade(Dest, X, Call);
        if (Shares)
          trade(X, Dest, Call);
      }
      return;
    }
    // `std::swap(cur, next)`: the two arguments trade their storage, as
    // `cur.swap(next)` does (user47 k02).
    if (swapsArguments(FD, E) && Call->getNumArgs() == 2) {
      const VarDecl *Other = baseVariable(Call->getArg(Index == 0 ? 1 : 0));
      for (const VarDecl *X : R) {
        trade(Other, X, Call);
        trade(X, Other, Call);
      }
      return;
    }
    // `next = std::exchange(pool, {})`: the value returned is pool's
    // storage, taken over by whatever receives it (adv45 t05).
    if (Index >= First && returnsArgumentStorage(FD, Index - First, E)) {
      const VarDecl *Dest = receiver(Call);
      for (const VarDecl *X : R)
        trade(Dest, X, Call);
      return;
    }
    // An address (a pointer, an iterator, a view) given to the library may
    // be stored through its other arguments (`std::copy(..., out)`,
    // `ptrs.push_back(&x)`).
    if (!Types.mayHold(E->getType()))
      return;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call); MC && MD && !MD->isConst())
      storeInto(MC->getImplicitObjectArgument(), R, Call);
    else if (First == 1 && !MD->isConst())
      storeInto(Call->getArg(0), R, Call);
    for (unsigned I = First; I < Call->getNumArgs(); ++I) {
      if (I == Index)
        continue;
      const Expr *A = Call->getArg(I);
      QualType PT = I - First < FD->getNumParams() ? FD->getParamDecl(I - First)->getType()
                                                     : A->getType();
      // Stores go through non-const references, pointers to non-const, and
      // iterators passed by value (not a function object: a lambda has no
      // member the library could assign). A reference to a type that
      // cannot hold an address (`v.insert(v.begin(), f(i))` binds the new
      // `long` to a `long &&`) receives none.
      const CXXRecordDecl *ArgClass = A->getType()->getAsCXXRecordDecl();
      if (ArgClass && ArgClass->isLambda())
        continue;
      bool Out = PT->isReferenceType() ? !PT.getNonReferenceType().isConstQualified() &&
                                             Types.mayHold(PT.getNonReferenceType())
                 : PT->isPointerType() ? !PT->getPointeeType().isConstQualified() &&
                                             !PT->isFunctionPointerType() &&
                                             !holdsOnlyNumbers(PT->getPointeeType())
                                       : PT->isRecordType() && Types.mayHold(PT) &&
                                             !iteratesOverNumbers(A->getType());
      if (Out)
        storeInto(A, R, Call);
    }
  }

  /// Whether an object of type T is a number in which no address can be
  /// stored: an arithmetic type other than the character types (whose
  /// arrays hold any object's bytes, an address's too, as `std::byte`
  /// does).
  static bool holdsOnlyNumbers(QualType T) {
    T = T.getNonReferenceType();
    return T->isArithmeticType() && !T->isAnyCharacterType();
  }

  /// Whether T is a library iterator over numbers (its 'operator*' gives a
  /// number): the library can store no address through it (user50 k07:
  /// `std::accumulate(row.begin(), row.end(), 0.0)` was said to make the
  /// rows' container escape through its second iterator).
  bool iteratesOverNumbers(QualType T) const {
    const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || !inStd(RD))
      return false;
    auto Stars = RD->lookup(Ctx.DeclarationNames.getCXXOperatorName(OO_Star));
    if (Stars.empty())
      return false;
    for (const NamedDecl *ND : Stars) {
      const auto *MD = dyn_cast<CXXMethodDecl>(ND->getAsFunction());
      if (!MD || !holdsOnlyNumbers(MD->getReturnType()))
        return false;
    }
    return true;
  }

  /// Whether parameter I of FD, given A, takes over A's storage: a
  /// non-const rvalue reference to a class given an object (`T(T&&)`).
  /// (A class that is trivially copyable is copied, not taken over: a
  /// view, a closure.)
  bool paramMovesStorage(const FunctionDecl *FD, unsigned I, const Expr *A) const {
    if (I >= FD->getNumParams())
      return false;
    QualType PT = FD->getParamDecl(I)->getType();
    if (!PT->isRValueReferenceType() || PT.getNonReferenceType().isConstQualified() ||
        !A->isGLValue())
      return false;
    // A temporary (`t = t + piece(i)`) is no one's storage: taking it over
    // moves nothing out of a local.
    const Expr *X = A;
    while (isa<ParenExpr, ImplicitCastExpr>(X))
      X = isa<ParenExpr>(X) ? cast<ParenExpr>(X)->getSubExpr() : cast<ImplicitCastExpr>(X)->getSubExpr();
    if (isa<MaterializeTemporaryExpr>(X))
      return false;
    const CXXRecordDecl *RD = PT.getNonReferenceType()->getAsCXXRecordDecl();
    return RD && (!RD->hasDefinition() || !RD->isTriviallyCopyable());
  }

  /// Whether parameter I of member function FD, given A, trades storage
  /// with the object: a non-const lvalue reference to the object's own
  /// class (`a.swap(b)`, `l.splice(pos, other)`, `l.merge(other)`), whose
  /// storage may end in the object and the object's in A (adv45 t04).
  bool paramSharesStorage(const FunctionDecl *FD, unsigned I, const Expr *A) const {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || MD->isStatic() || MD->isConst() || I >= FD->getNumParams() || !A->isGLValue())
      return false;
    const CXXRecordDecl *RD = storageOwnerReferenced(FD->getParamDecl(I)->getType());
    return RD && RD->getCanonicalDecl() == MD->getParent()->getCanonicalDecl();
  }

  /// Whether FD is the library's free `swap` of two objects of a class
  /// that owns storage (`std::swap(a, b)`), given A as one of them.
  bool swapsArguments(const FunctionDecl *FD, const Expr *A) const {
    if (isa<CXXMethodDecl>(FD) || !FD->getIdentifier() || FD->getName() != "swap" ||
        FD->getNumParams() != 2 || !A->isGLValue())
      return false;
    QualType P0 = FD->getParamDecl(0)->getType(), P1 = FD->getParamDecl(1)->getType();
    return FD->getASTContext().hasSameType(P0, P1) && storageOwnerReferenced(P0);
  }

  /// The class a non-const lvalue reference parameter of type PT refers to,
  /// when its objects may own storage (not trivially copyable): what a
  /// swap, splice or merge trades; null otherwise.
  static const CXXRecordDecl *storageOwnerReferenced(QualType PT) {
    if (!PT->isLValueReferenceType() || PT.getNonReferenceType().isConstQualified())
      return nullptr;
    const CXXRecordDecl *RD = PT.getNonReferenceType()->getAsCXXRecordDecl();
    return RD && (!RD->hasDefinition() || !RD->isTriviallyCopyable()) ? RD : nullptr;
  }

  /// Whether FD returns the storage its parameter I had: a class returned
  /// by value, of the type of that non-const lvalue reference parameter
  /// (`std::exchange(pool, {})`).
  bool returnsArgumentStorage(const FunctionDecl *FD, unsigned I, const Expr *A) const {
    if (I >= FD->getNumParams() || !A->isGLValue() || isa<CXXMethodDecl>(FD))
      return false;
    QualType PT = FD->getParamDecl(I)->getType(), RT = FD->getReturnType();
    if (!PT->isLValueReferenceType() || PT.getNonReferenceType().isConstQualified() ||
        RT->isReferenceType())
      return false;
    const CXXRecordDecl *RD = RT->getAsCXXRecordDecl();
    return RD && Ctx.hasSameUnqualifiedType(RT, PT.getNonReferenceType()) &&
           (!RD->hasDefinition() || !RD->isTriviallyCopyable());
  }

  /// The local that Value, a prvalue owning storage taken from another
  /// object, ends in: the local it initializes (`auto next =
  /// T(std::move(pool))`) or the one an assignment moves it into (`next =
  /// T(std::move(pool))`, adv45 t06); null for none (a temporary that dies,
  /// an argument, memory no local names).
  const VarDecl *receiver(const Expr *Value) const {
    for (unsigned Depth = 0; Depth < 16; ++Depth) {
      DynTypedNodeList Parents = Ctx.getParents(*Value);
      if (Parents.empty())
        return nullptr;
      if (const auto *VD = Parents[0].get<VarDecl>())
        return VD;
      const auto *P = Parents[0].get<Expr>();
      if (!P)
        return nullptr;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
        return Op->isAssignmentOp() && Op->getNumArgs() == 2 && Op->getArg(1) == Value
                   ? baseVariable(Op->getArg(0))
                   : nullptr;
      if (const auto *CO = dyn_cast<ConditionalOperator>(P); CO && CO->getCond() == Value)
        return nullptr;
      if (const auto *CE = dyn_cast<CXXConstructExpr>(P); CE && CE->getNumArgs() != 1)
        return nullptr;
      // `H h{std::move(pool)}`, `H h(std::move(pool))`, `O o{{...}, 3}`:
      // the aggregate being initialized takes the storage into a member
      // (adv49 t17, t19).
      if (!isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ImplicitCastExpr, FullExpr,
               ParenExpr, CXXFunctionalCastExpr, ConditionalOperator, CXXConstructExpr,
               InitListExpr, CXXParenListInitExpr, DesignatedInitExpr>(P))
        return nullptr;
      Value = P;
    }
    return nullptr;
  }

  /// The storage of From (null: an object no local names) moves into To at
  /// Site: To is reachable as From was (findEscapes follows the trades once
  /// every escape is known). A receiver that is no owned local needs none.
  void trade(const VarDecl *To, const VarDecl *From, const Stmt *Site) {
    if (To == From)
      return;
    if (!To || !owned(To)) {
      if (owned(From))
        Out.Lost.push_back({nullptr, From, Site});
      return;
    }
    Out.Trades.push_back({To, owned(From) ? From : nullptr, Site});
  }

  /// E (leading into R) is an argument of constructor call CE.
  void construct(const CXXConstructExpr *CE, const Expr *E, const Roots &R, unsigned Depth) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    unsigned Index = 0;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (CE->getArg(I) == E)
        Index = I;
    if (Ctor->getParent()->getIdentifier() && Ctor->getParent()->getName() == "move_iterator" &&
        inStd(Ctor->getParent())) {
      // `std::move_iterator(src.begin())`: what it reaches will be moved
      // from, to where purecc does not follow (adv49 t23).
      for (const VarDecl *X : R)
        trade(nullptr, X, CE);
      follow(CE, R, Depth + 1);
      return;
    }
    if (paramMovesStorage(Ctor, Index, E)) {
      // The new object takes the storage over.
      const VarDecl *Dest = receiver(CE);
      for (const VarDecl *X : R)
        trade(Dest, X, CE);
      return;
    }
    // `std::thread th(grab, std::cref(hist))`, `std::jthread`: the library
    // runs a callable it is made from on what it is given (adv50 t10, t39,
    // t43).
    if (inStd(Ctor->getParent()) &&
        llvm::any_of(CE->arguments(), [&](const Expr *A) { return A != E && Keeps.callableMayKeep(A); })) {
      escapeAll(R, CE);
      return;
    }
    // A defaulted constructor counts when what it calls on its bases and
    // members does (isEffectFreeCallee, isTrivialSpecialMember).
    bool Known = inStd(Ctor->getParent()) || ES.isEffectFreeCallee(Ctor) || Ctor->isTrivial();
    if (!Known) {
      escapeAll(R, CE);
      return;
    }
    if (carries(CE))
      follow(CE, R, Depth + 1);
  }

  /// madeReachable(T), once per type: every local of a class would walk
  /// its constructors again, on every pass.
  const std::string &madeReachableOf(QualType T) {
    const Type *Key = T.getCanonicalType().getTypePtr();
    auto [It, New] = MadeReachable.try_emplace(Key);
    if (New)
      It->second = madeReachable(T);
    return It->second;
  }
  llvm::DenseMap<const Type *, std::string> MadeReachable;

  const PlanContext &PC;
  ASTContext &Ctx;
  const DepScanner &ES;
  KeepingCallables Keeps{PC, ES};
  EscapeSites &Out;
  const Stmt *Outer; // the body analysed
  const ParmVarDecl *Lent; // the reference parameter summarized, or null
  AddressTypes Types;

  bool within(SourceLocation Loc) const {
    const SourceManager &SM = Ctx.getSourceManager();
    return !SM.isBeforeInTranslationUnit(Loc, Outer->getBeginLoc()) &&
           !SM.isBeforeInTranslationUnit(Outer->getEndLoc(), Loc);
  }
};

/// The outermost function around FD: FD itself unless it is a lambda's.
const FunctionDecl *outermost(const FunctionDecl *FD) {
  while (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (!MD->getParent()->isLambda())
      break;
    const auto *Around = dyn_cast<FunctionDecl>(MD->getParent()->getDeclContext());
    if (!Around || !Around->getBody())
      break;
    FD = Around;
  }
  return FD;
}

} // namespace

EscapeSites findEscapes(const FunctionDecl *FD, const PlanContext &PC, const ParmVarDecl *Lent) {
  DepScanner ES(PC);
  EscapeSites Out;
  if (!FD->getBody())
    return Out;
  const FunctionDecl *Outer = outermost(FD);
  if (Outer != FD)
    Out.Body = FD->getBody();
  // Holders of holders are found on later rounds; every round adds to
  // Holds, which is finite.
  for (bool Again = true; Again;) {
    Out.Sites.clear();
    Out.LiveIn.clear();
    Out.Lasting.clear();
    Out.Firm.clear();
    Out.HasLabels = false;
    Out.Trades.clear();
    Out.Lost.clear();
    Out.Owners.clear();
    Out.CallerStorage.clear();
    Finder F(PC, ES, Out, Outer->getBody(), Lent);
    F.TraverseStmt(Outer->getBody());
    Again = F.Changed;
  }
  followTrades(Out, PC.Ctx);
  followCallerStorage(Out, Outer);
  // Sites may repeat an expression reached along two paths.
  for (auto &[VD, Where] : Out.Sites) {
    llvm::SmallPtrSet<const Stmt *, 4> Seen;
    llvm::erase_if(Where, [&](const Stmt *S) { return !Seen.insert(S).second; });
  }
  return Out;
}

} // namespace purecc
