//===- KeyedAccess.cpp - what a memoized function sees beyond its key -----===//
#include "KeyedAccess.h"

#include "AddressRoots.h"
#include "ContainerGrowth.h"
#include "Containers.h"
#include "SameExpr.h"
#include "StdComparisons.h"
#include "analysis/ImplementationHeaders.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {


bool holdsView(QualType T) {
  return holdsType(T, [](QualType U) { return isView(U); });
}

/// A `std::vector`: its `data()` is null when it has no capacity, which
/// its elements do not tell (a `std::string`'s never is).
bool isVector(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "vector";
}

bool holdsVector(QualType T) { return holdsType(T, isVector); }

/// Whether a value of type T may hold two vectors or more (`std::vector<
/// std::vector<long>>`, a pair or a struct of two): two addresses into it
/// may lie in different buffers.
bool isOwningType(QualType T) { return containerKind(T) == ContainerKind::Owning; }

bool holdsManyVectors(QualType T, unsigned Depth = 0) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (Depth > 8)
    return holdsVector(T);
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return holdsVector(AT->getElementType());
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  unsigned N = 0;
  auto Count = [&](QualType Part) {
    if (holdsVector(Part))
      N += holdsManyVectors(Part, Depth + 1) ? 2 : 1;
  };
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Type)
        Count(A.getAsType());
      else if (A.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : A.pack_elements())
          if (P.getKind() == TemplateArgument::Type)
            Count(P.getAsType());
    }
    // A container of vectors (`std::vector<std::vector<long>>`, a map of
    // them) holds many; a wrapper (`std::optional`, `std::pair`) as many
    // as its parts.
    if (RD->isInStdNamespace()) {
      bool Wrapper = RD->getIdentifier() &&
                     llvm::is_contained({"optional", "pair", "tuple", "variant", "unique_ptr",
                                         "shared_ptr", "reference_wrapper"},
                                        RD->getName());
      return Wrapper ? N > 1 : N > 0;
    }
  }
  if (RD->hasDefinition() && !RD->isInStdNamespace()) {
    for (const FieldDecl *F : RD->getDefinition()->fields())
      Count(F->getType());
    for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
      Count(B.getType());
  }
  return N > 1;
}

/// A `std::basic_string`: a short one keeps its characters inside the
/// object, a long one, or one given capacity, in a buffer of its own.
bool isString(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "basic_string";
}

bool holdsString(QualType T) { return holdsType(T, isString); }

/// Nodes a value passes through unchanged on its way to its use.
bool passesThrough(const Stmt *Parent, const Expr *Child) {
  if (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
          ExprWithCleanups, ExplicitCastExpr>(Parent))
    return true;
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Parent))
    return CO->getCond() != Child;
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    return BO->getOpcode() == BO_Comma && BO->getRHS() == Child;
  return false;
}

class Checker : public RecursiveASTVisitor<Checker> {
public:
  Checker(ASTContext &Ctx, bool Views, bool Identity, bool Owned, bool Buffers)
      : Ctx(Ctx), Views(Views), Identity(Identity), Owned(Owned), Buffers(Buffers) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  std::optional<KeyedAccessProblem> Found;

  /// Takes in the bodies of Code (the memoized function's first), then
  /// checks each in turn.
  void check(llvm::ArrayRef<const FunctionDecl *> Code) {
    for (const FunctionDecl *FD : Code)
      if (FD->getBody()) {
        Trace.addBody(FD->getBody());
        Growth.addBody(FD->getBody());
        noteReassigned(FD->getBody());
      }
    if (Buffers)
      // A helper given `v.data()` may be given it through another.
      for (unsigned Round = 0; Round < 3; ++Round)
        for (const FunctionDecl *FD : Code)
          noteGivenBuffers(FD->getBody());
    for (const FunctionDecl *FD : Code)
      if (FD->getBody() && !Found)
        TraverseStmt(FD->getBody());
  }

  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    for (const Stmt *Part : {S->getBeginStmt(), S->getEndStmt()})
      if (const auto *DS = dyn_cast_or_null<DeclStmt>(Part))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
            if (const auto *MC = dyn_cast<CXXMemberCallExpr>(VD->getInit()->IgnoreImplicit()))
              RangeForCalls.insert(MC);
    if (S->getCond())
      RangeForConditions.insert(S->getCond());
    // The address of an element of a view (`for (const char &c : s) last =
    // &c;`, adv52 t107) reaches its neighbours.
    if (Views && S->getRangeInit() && isView(S->getRangeInit()->getType()))
      if (const VarDecl *Element = S->getLoopVariable(); Element && Element->getType()->isReferenceType())
        ElementsOfViews.insert(Element);
    return RecursiveASTVisitor::TraverseCXXForRangeStmt(S);
  }

  bool VisitExpr(Expr *E) {
    if (Found)
      return false;
    if (Views && isView(E->getType()) && isOrigin(E))
      checkViewUse(E);
    // `o->data()` of a `std::optional<std::string_view>`, `it->data()`:
    // the view reached through an `operator->` (adv54 t26).
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(E);
        Views && !Found && Arrow && Arrow->getOperator() == OO_Arrow &&
        E->getType()->isPointerType() && isView(E->getType()->getPointeeType()))
      checkViewUse(E);
    if (Views)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && ElementsOfViews.contains(VD) &&
                                                                 !readAsValue(E))
          Found = KeyedAccessProblem{KeyedAccessProblem::Kind::PastView, E, E};
    if ((Identity || Owned) && !Found)
      checkComparison(E);
    if (Owned && !Found)
      checkHeldAcrossTransfer(E);
    if (Buffers && !Found)
      checkNullTest(E);
    return !Found;
  }

private:
  /// Where a view value comes from, rather than a node it passes through.
  static bool isOrigin(const Expr *E) {
    return isa<DeclRefExpr, MemberExpr, CallExpr, CXXConstructExpr>(E);
  }

  /// The first parent of E that is not a node the value passes through,
  /// and the child of it on the way (E or the last pass-through node).
  DynTypedNode useOf(const Expr *E, const Expr *&Child) {
    Child = E;
    while (true) {
      DynTypedNodeList Ps = Ctx.getParents(*Child);
      if (Ps.empty())
        return DynTypedNode();
      const auto *P = Ps[0].get<Expr>();
      if (!P || !passesThrough(P, Child))
        return Ps[0];
      Child = P;
    }
  }

  /// Whether the element E refers to is only read (`s[i] == 'x'`, `char c =
  /// s[i]`, `p.x` of an element): its address goes nowhere.
  bool readAsValue(const Expr *E) {
    const Expr *Child = E;
    while (true) {
      DynTypedNodeList Ps = Ctx.getParents(*Child);
      if (Ps.empty())
        return false;
      const auto *P = Ps[0].get<Expr>();
      if (!P)
        return false;
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
        if (ICE->getCastKind() == CK_LValueToRValue)
          return true;
        if (ICE->getCastKind() != CK_NoOp)
          return false;
      } else if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        if (ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
          return false;
      } else if (!isa<ParenExpr>(P)) {
        return false;
      }
      Child = P;
    }
  }

  void checkViewUse(const Expr *E) {
    const Expr *Child = nullptr;
    DynTypedNode Use = useOf(E, Child);
    const auto *P = Use.get<Expr>();
    // A declaration (a variable, a member, a capture) holds a view whose
    // own uses are checked where they are; so does a statement that
    // returns it or drops it.
    if (!P)
      return;
    auto Refuse = [&](const Expr *At) {
      Found = KeyedAccessProblem{KeyedAccessProblem::Kind::PastView, At, E};
    };
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME));
      const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (!Call || !MD)
        return Refuse(P);
      StringRef Name = MD->getIdentifier() ? MD->getName() : StringRef();
      if (llvm::is_contained(WithinMembers, Name))
        return;
      if (llvm::is_contained(ElementMembers, Name) && readAsValue(Call))
        return;
      if (RangeForCalls.contains(Call))
        return;
      return Refuse(Call);
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      switch (Op->getOperator()) {
      case OO_Subscript:
        if (Op->getArg(0) == Child && readAsValue(Op))
          return;
        return Refuse(Op);
      case OO_Equal:
      case OO_LessLess:  // into a stream: the characters, within
      case OO_PlusEqual: // 'str += s'
        return;
      case OO_Call:
        if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
            MD && MD->getParent()->getIdentifier() && MD->getParent()->isInStdNamespace() &&
            MD->getParent()->getName() == "hash")
          return;
        return Refuse(Op);
      default:
        if (isComparisonOperator(Op->getOperator()))
          return;
        return Refuse(Op);
      }
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      // Another view of the same elements (checked in its turn), a string
      // that copies them, or a class of the program (whose constructor is
      // checked).
      const CXXRecordDecl *RD = CE->getType()->getAsCXXRecordDecl();
      if (isView(CE->getType()) || !RD || !isImplementationDecl(RD) ||
          (RD->getIdentifier() && RD->getName() == "basic_string"))
        return;
      return Refuse(P);
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      // A function of the program: its parameter's uses are checked in its
      // body, which the fingerprint reaches.
      if (Callee && !isImplementationDecl(Callee) && Callee->isDefined())
        return;
      // A string's members copy the characters: 'str.append(s)'.
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
          MD && MD->getParent()->getIdentifier() && MD->getParent()->getName() == "basic_string")
        return;
      return Refuse(P);
    }
    if (isa<LambdaExpr, InitListExpr, CXXParenListInitExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr,
            CXXNoexceptExpr>(P))
      return;
    Refuse(P);
  }

  const Stmt *parentOf(const Stmt *S) {
    DynTypedNodeList Ps = Ctx.getParents(*S);
    return Ps.empty() ? nullptr : Ps[0].get<Stmt>();
  }

  // ---- argument identity ----

  /// A variable whose address a caller chose: a reference, a view or a
  /// pointer parameter (of the memoized function or of a function or
  /// lambda it calls, which may pass its arguments on: `eqp(&a, &b)` of
  /// `bool eqp(const long *x, const long *y) { return x == y; }`, adv65 G4).
  static bool chosenByCaller(const ValueDecl *D) {
    const auto *P = dyn_cast<ParmVarDecl>(D);
    return P && (P->getType()->isReferenceType() || isView(P->getType()) ||
                 AddressRoots::refersElsewhere(P));
  }

  void checkComparison(const Expr *E) {
    const Expr *L = nullptr, *R = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (!BO->isComparisonOp() && BO->getOpcode() != BO_Sub)
        return;
      L = BO->getLHS();
      R = BO->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->getNumArgs() == 2 &&
               (isComparisonOperator(Op->getOperator()) || Op->getOperator() == OO_Minus)) {
      L = Op->getArg(0);
      R = Op->getArg(1);
    }
    // `std::distance(it, v.begin())` subtracts them (adv67 F5).
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && !L && Call->getNumArgs() == 2)
      if (const FunctionDecl *F = Call->getDirectCallee();
          F && F->isInStdNamespace() && F->getIdentifier() && F->getName() == "distance") {
        L = Call->getArg(0);
        R = Call->getArg(1);
      }
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && !L) {
      // `std::equal_to<>{}(&a, &b)` as `&a == &b` (adv53 t135, t136);
      // `std::find(ps.begin(), ps.end(), &a)` compares addresses stored
      // where this trace does not look.
      auto C = stdComparison(Call, Ctx);
      if (!C || C->How != StdComparison::Kind::Equality || !holdsAddressValues(C->Values))
        return;
      const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      if (Op && Op->getOperator() == OO_Call && Call->getNumArgs() == 3 &&
          isAddressLike(Call->getArg(1)->IgnoreParenImpCasts()->getType()) &&
          isAddressLike(Call->getArg(2)->IgnoreParenImpCasts()->getType())) {
        L = Call->getArg(1);
        R = Call->getArg(2);
      } else {
        Found = KeyedAccessProblem{KeyedAccessProblem::Kind::ArgumentIdentity, E};
        return;
      }
    }
    if (!L || !R || RangeForConditions.contains(E))
      return;
    // `ps == qs` of two `std::vector<const long *>`: their elements compared.
    if (!isAddressLike(L->IgnoreParenImpCasts()->getType()) &&
        !isAddressLike(R->IgnoreParenImpCasts()->getType())) {
      if (holdsAddressValues(L->IgnoreParenImpCasts()->getType()) ||
          holdsAddressValues(R->IgnoreParenImpCasts()->getType()))
        Found = KeyedAccessProblem{KeyedAccessProblem::Kind::ArgumentIdentity, E};
      return;
    }
    if (!isAddressLike(L->IgnoreParenImpCasts()->getType()) ||
        !isAddressLike(R->IgnoreParenImpCasts()->getType()))
      return;
    Roots A = Trace.of(L), B = Trace.of(R);
    // An address into a vector a caller filled compared with a null one
    // (`z` of `const long *z = nullptr`, a value-initialized iterator) or
    // one into another object (`v.data() == w.data()` of two empty
    // vectors): null or not, as the capacity the caller gave decides
    // (adv67 F8).
    auto IntoBuffer = [&](const Roots &X) {
      return !X.Unknown && !X.Nothing &&
             llvm::any_of(X.Decls, [&](const ValueDecl *D) { return fromCallersBuffer(D); });
    };
    if (Buffers)
      for (auto [X, Y, Side, Other] : {std::tuple{&A, &B, L, R}, std::tuple{&B, &A, R, L}})
        if (IntoBuffer(*X) && (Y->Nothing || valueInitialized(Other))) {
          Found = KeyedAccessProblem{KeyedAccessProblem::Kind::NullBuffer, E, Side};
          return;
        }
    if (A.Nothing || B.Nothing)
      return;
    bool Same = !A.Unknown && !B.Unknown && A.Decls.size() == 1 && B.Decls.size() == 1 &&
                *A.Decls.begin() == *B.Decls.begin();
    if (Same) {
      const ValueDecl *C = *A.Decls.begin();
      // `s.data() >= b` of `const char *b = reinterpret_cast<const char
      // *>(&s)`: whether a string keeps its characters inside the object.
      if (const auto *V = dyn_cast<VarDecl>(C);
          V && (isa<ParmVarDecl>(V) || Growth.holdsCallersStorage(V)) && holdsString(V->getType()) &&
          ownAddress(L, C, 0) != ownAddress(R, C, 0)) {
        Found = KeyedAccessProblem{KeyedAccessProblem::Kind::InPlace, E, nullptr};
        return;
      }
      const Expr *G = Growth.heldAcross(L, C, E);
      if (!G)
        G = Growth.heldAcross(R, C, E);
      if (G)
        Found = KeyedAccessProblem{KeyedAccessProblem::Kind::Reallocation, E, G, C};
      // `vv[0].data() == vv[1].data()`: two vectors inside one argument,
      // both null when empty and given no capacity.
      else if (Buffers && fromCallersBuffer(C) && holdsManyVectors(C->getType()) && !sameBuffer(L, R))
        Found = KeyedAccessProblem{KeyedAccessProblem::Kind::BufferIdentity, E};
      return;
    }
    // An address into a grown container compared with one this trace
    // cannot follow (`h.p` of a struct) or one a helper was given (`p0`
    // of `check(v, v.data())`): it may have been taken before the growth.
    for (auto [X, Y] : {std::pair{&A, &B}, std::pair{&B, &A}}) {
      if (X->Unknown || !(Y->Unknown || llvm::any_of(Y->Decls, chosenByCaller)))
        continue;
      for (const ValueDecl *C : X->Decls)
        if (const Expr *G = Growth.seenBy(C, E)) {
          Found = KeyedAccessProblem{KeyedAccessProblem::Kind::Reallocation, E, G, C};
          return;
        }
    }
    bool Chosen = Identity && (A.Unknown || B.Unknown || llvm::any_of(A.Decls, chosenByCaller) ||
                               llvm::any_of(B.Decls, chosenByCaller));
    if (Chosen) {
      Found = KeyedAccessProblem{KeyedAccessProblem::Kind::ArgumentIdentity, E};
      return;
    }
    // `v.data() == w.data()` of two vectors taken by value: both null when
    // empty and given no capacity (adv67 F8).
    if (Buffers && !A.Unknown && !B.Unknown && (IntoBuffer(A) || IntoBuffer(B)))
      Found = KeyedAccessProblem{KeyedAccessProblem::Kind::BufferIdentity, E};
  }

  // ---- moved out ----

  /// `sv[0]` of `std::string_view sv = s; std::string t = std::move(s);`,
  /// `p0 == t.data()` of `const char *p0 = s.data();` before it: an
  /// address into a string's characters used after they were moved,
  /// swapped or exchanged out. A buffer the caller gave capacity goes
  /// along with them, and the address sees them in the new string; a
  /// short string's characters are copied out of the object and the old
  /// string cleared (adv67 F6).
  void checkHeldAcrossTransfer(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *Holder = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Holder || !Holder->hasLocalStorage() || isa<ParmVarDecl>(Holder) || Holder->isImplicit())
      return;
    QualType T = Holder->getType();
    bool Address = isAddressLike(T) || isView(T.getNonReferenceType()) ||
                   (T->isReferenceType() && !T.getNonReferenceType()->isRecordType());
    // `Ptr h{s.data()}`: a class that may hold an address, whose members
    // this trace does not follow: it may point into any string (adv68 F3).
    bool Holds = !Address && !T->isReferenceType() && T->isRecordType() && !holdsType(T, isOwningType) &&
                 Types.mayHold(T);
    if (!Address && !Holds)
      return;
    Roots R = Trace.of(E);
    if (Holds) {
      R.Decls.clear();
      for (const ValueDecl *C : Growth.transferredContainers())
        R.Decls.insert(C);
    }
    for (const ValueDecl *C : R.Decls)
      if (holdsString(C->getType()) && Growth.holdsCallersStorage(C))
        if (const Expr *G = Growth.transferAcross(Holder, C, E)) {
          Found = KeyedAccessProblem{KeyedAccessProblem::Kind::MovedOut, E, G};
          return;
        }
  }

  /// Whether the addresses A and B are known to lie in one container's
  /// buffer: both made from the same container expression (`vv[i].begin()`
  /// and `vv[i].end()`, `it` of `auto it = std::find(vv[i].begin(), ...)`).
  bool sameBuffer(const Expr *A, const Expr *B) {
    const Expr *OA = bufferOwner(A, 0), *OB = bufferOwner(B, 0);
    return OA && OB && sameExpr(Ctx, OA, OB);
  }

  /// The container whose buffer the address E points into, as written
  /// (`vv[i]` of `vv[i].data() + 1`), or null when not known.
  const Expr *bufferOwner(const Expr *E, unsigned Depth) {
    if (!E || Depth > 8)
      return nullptr;
    E = E->IgnoreParenImpCasts();
    static constexpr llvm::StringLiteral Ends[] = {"data", "begin", "end", "cbegin", "cend",
                                                   "rbegin", "rend", "crbegin", "crend"};
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() && llvm::is_contained(Ends, MD->getName()) &&
          !isAddressLike(MC->getImplicitObjectArgument()->getType()))
        return MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
      return nullptr;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // `it + 1`, `++it`, `it - n` of an iterator.
      if (Op->getNumArgs() >= 1 && isAddressLike(Op->getArg(0)->getType()) &&
          llvm::is_contained({OO_Plus, OO_Minus, OO_PlusPlus, OO_MinusMinus, OO_PlusEqual, OO_MinusEqual},
                             Op->getOperator()))
        return bufferOwner(Op->getArg(0), Depth + 1);
      return nullptr;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (!F || !F->isInStdNamespace() || !F->getIdentifier() || Call->getNumArgs() == 0)
        return nullptr;
      const Expr *First = Call->getArg(0);
      if (llvm::is_contained(Ends, F->getName()))
        return isAddressLike(First->getType()) ? nullptr : First->IgnoreParenImpCasts();
      // `std::find(first, last, x)`, `std::next(it)`: into what `first` is.
      return isAddressLike(First->IgnoreParenImpCasts()->getType()) ? bufferOwner(First, Depth + 1) : nullptr;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf)
        if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(UO->getSubExpr()->IgnoreParens());
            Sub && Sub->getOperator() == OO_Subscript && isVector(Sub->getArg(0)->getType()))
          return Sub->getArg(0)->IgnoreParenImpCasts();
      if (UO->isIncrementDecrementOp())
        return bufferOwner(UO->getSubExpr(), Depth + 1);
      return nullptr;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp())
      return bufferOwner(BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS(), Depth + 1);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getInit() && !Reassigned.contains(V))
        return bufferOwner(V->getInit(), Depth + 1);
    return nullptr;
  }

  /// Records the locals given a new value by `=` (whose initializer then
  /// no longer tells where they point).
  void noteReassigned(const Stmt *S) {
    if (!S)
      return;
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign)
      Target = BO->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S); Op && Op->getOperator() == OO_Equal)
      Target = Op->getArg(0);
    if (const auto *DRE = Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()) : nullptr)
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        Reassigned.insert(V);
    for (const Stmt *Child : S->children())
      noteReassigned(Child);
  }

  /// Whether E takes the address of the object C itself (`&s`,
  /// `std::addressof(s)`, a local pointer or reference made from one), not
  /// of its elements.
  bool ownAddress(const Expr *E, const ValueDecl *C, unsigned Depth) {
    if (!E || Depth > 4)
      return false;
    E = E->IgnoreParenCasts();
    // `&b` of a struct holding the string, `&vs[0]` of an element of a
    // vector of strings: an object the characters may lie in (adv67 F7).
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
      return refersToObject(UO->getSubExpr(), C, Depth) || holdsString(UO->getSubExpr()->getType());
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = Call->getDirectCallee();
          F && F->isInStdNamespace() && F->getIdentifier() && F->getName() == "addressof" &&
          Call->getNumArgs() == 1)
        return refersToObject(Call->getArg(0), C, Depth) || holdsString(Call->getArg(0)->getType());
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp())
      return ownAddress(BO->getLHS(), C, Depth) || ownAddress(BO->getRHS(), C, Depth);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getType()->isPointerType())
        return ownAddress(V->getInit(), C, Depth + 1);
    return false;
  }

  /// Whether E names the object C (`s`, `b.s` of a struct C, a local
  /// reference bound to it).
  bool refersToObject(const Expr *E, const ValueDecl *C, unsigned Depth) {
    E = E->IgnoreParenImpCasts();
    for (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow(); ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return false;
    if (DRE->getDecl() == C)
      return true;
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    return V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getType()->isReferenceType() &&
           V->getInit() && Depth < 4 && refersToObject(V->getInit(), C, Depth + 1);
  }

  // ---- null buffers ----

  /// `std::vector<long>::iterator{}`, `T *()`: an address that is null, or
  /// an iterator that holds a null one.
  static bool valueInitialized(const Expr *E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr()->IgnoreImplicit();
    if (isa<CXXScalarValueInitExpr>(E))
      return true;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      return CE->getNumArgs() == 0;
    if (const auto *IL = dyn_cast<InitListExpr>(E))
      return IL->getNumInits() == 0;
    return false;
  }

  /// Whether D's storage may be a vector a caller filled: a parameter
  /// holding one, a local that took one's storage (moved from it, swapped
  /// with it), a pointer parameter of a helper
  /// given an address into one (`isnull(v.data())`).
  bool fromCallersBuffer(const ValueDecl *D) const {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V)
      return false;
    if (isa<ParmVarDecl>(V))
      return holdsVector(V->getType()) || GivenBuffers.contains(cast<ParmVarDecl>(V));
    return holdsVector(V->getType()) && Growth.holdsCallersStorage(V);
  }

  bool intoCallersBuffer(const Expr *Address) {
    Roots R = Trace.of(Address);
    return llvm::any_of(R.Decls, [&](const ValueDecl *D) { return fromCallersBuffer(D); });
  }

  /// Records the pointer parameters of the calls in S given an address
  /// into a caller's vector.
  void noteGivenBuffers(const Stmt *S) {
    if (!S)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee()) {
        // `isnull(v.data())` of a lambda: argument 0 is the closure.
        unsigned Skip = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
        for (unsigned I = Skip; I < Call->getNumArgs() && I - Skip < Callee->getNumParams(); ++I) {
          const ParmVarDecl *P = Callee->getParamDecl(I - Skip);
          if (P->getType()->isPointerType() && !GivenBuffers.contains(P) &&
              intoCallersBuffer(Call->getArg(I)))
            GivenBuffers.insert(P);
        }
      }
    for (const Stmt *Child : S->children())
      noteGivenBuffers(Child);
  }

  /// `v.data() == nullptr`, `if (p)`, `!p` of an address into a vector
  /// the caller filled: null only when it has no capacity (an empty one
  /// made with `reserve` is not), which its elements do not tell.
  void checkNullTest(const Expr *E) {
    const Expr *Tested = nullptr;
    if (const auto *Cast = dyn_cast<CastExpr>(E); Cast && Cast->getCastKind() == CK_PointerToBoolean)
      Tested = Cast->getSubExpr();
    else if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isEqualityOp()) {
      auto IsNull = [&](const Expr *X) {
        return X->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
      };
      if (IsNull(BO->getRHS()) && BO->getLHS()->getType()->isPointerType())
        Tested = BO->getLHS();
      else if (IsNull(BO->getLHS()) && BO->getRHS()->getType()->isPointerType())
        Tested = BO->getRHS();
    }
    if (Tested && intoCallersBuffer(Tested))
      Found = KeyedAccessProblem{KeyedAccessProblem::Kind::NullBuffer, E, Tested};
  }

  /// The members of a view that stay within its elements.
  static constexpr llvm::StringLiteral WithinMembers[] = {
      "size",    "length",        "empty",        "max_size",          "compare",
      "starts_with", "ends_with", "contains",     "find",              "rfind",
      "find_first_of", "find_last_of", "find_first_not_of", "find_last_not_of", "substr",
      "remove_prefix", "remove_suffix", "swap",   "copy",              "first",
      "last",    "subspan",       "size_bytes"};
  /// The members that return one of its elements, which may only be read.
  static constexpr llvm::StringLiteral ElementMembers[] = {"at", "front", "back"};

  ASTContext &Ctx;
  const bool Views, Identity, Owned, Buffers;
  llvm::SmallPtrSet<const ParmVarDecl *, 4> GivenBuffers;
  llvm::SmallPtrSet<const CXXMemberCallExpr *, 4> RangeForCalls;
  llvm::SmallPtrSet<const Expr *, 4> RangeForConditions;
  llvm::SmallPtrSet<const VarDecl *, 4> ElementsOfViews;
  llvm::SmallPtrSet<const VarDecl *, 8> Reassigned;
  ContainerGrowth Growth{Ctx};
  AddressRoots Trace{Ctx};
  AddressTypes Types;
};

} // namespace

std::optional<KeyedAccessProblem>
keyedAccessProblem(llvm::ArrayRef<const FunctionDecl *> Code, const FunctionDecl *Memoized,
                   ASTContext &Ctx) {
  bool Views = false, Identity = false, Owned = false, Buffers = false;
  for (const ParmVarDecl *P : Memoized->parameters()) {
    Views |= holdsView(P->getType());
    Identity |= P->getType()->isReferenceType() || holdsView(P->getType());
    // A container taken by value, or one in a struct, pair or optional
    // taken by value (adv67 F2).
    Owned |= !P->getType()->isReferenceType() &&
             holdsType(P->getType(), [](QualType T) { return containerKind(T) == ContainerKind::Owning; });
    Buffers |= holdsVector(P->getType());
  }
  if (!Views && !Identity && !Owned && !Buffers)
    return std::nullopt;
  Checker C(Ctx, Views, Identity, Owned, Buffers);
  C.check(Code);
  return C.Found;
}

} // namespace purecc
