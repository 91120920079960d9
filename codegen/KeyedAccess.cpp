//===- KeyedAccess.cpp - what a memoized function sees beyond its key -----===//
#include "KeyedAccess.h"

#include "AddressRoots.h"
#include "Containers.h"
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


/// Whether a value of type T holds a view: it is one, or a container, pair
/// or aggregate of them.
bool holdsView(QualType T, llvm::SmallPtrSetImpl<const Type *> &Seen) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (!Seen.insert(T.getTypePtr()).second)
    return false;
  if (isView(T))
    return true;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return holdsView(AT->getElementType(), Seen);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Type && holdsView(A.getAsType(), Seen))
        return true;
      if (A.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : A.pack_elements())
          if (P.getKind() == TemplateArgument::Type && holdsView(P.getAsType(), Seen))
            return true;
    }
  if (RD->hasDefinition() && !RD->isInStdNamespace())
    for (const FieldDecl *F : RD->getDefinition()->fields())
      if (holdsView(F->getType(), Seen))
        return true;
  return false;
}

bool holdsView(QualType T) {
  llvm::SmallPtrSet<const Type *, 8> Seen;
  return holdsView(T, Seen);
}

bool isComparison(OverloadedOperatorKind K) {
  return K == OO_EqualEqual || K == OO_ExclaimEqual || K == OO_Less || K == OO_Greater ||
         K == OO_LessEqual || K == OO_GreaterEqual || K == OO_Spaceship;
}

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
  Checker(ASTContext &Ctx, bool Views, bool Identity, bool Owned)
      : Ctx(Ctx), Views(Views), Identity(Identity), Owned(Owned) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  std::optional<KeyedAccessProblem> Found;

  void check(const FunctionDecl *FD) {
    if (!FD->getBody())
      return;
    Trace.addBody(FD->getBody());
    noteGrowth(FD->getBody());
    TraverseStmt(FD->getBody());
  }

  /// The members that may move a container's elements to a new buffer.
  static constexpr llvm::StringLiteral Growing[] = {
      "push_back", "emplace_back", "insert", "emplace", "resize", "reserve", "shrink_to_fit",
      "append",    "append_range", "insert_range", "assign", "assign_range", "operator+="};

  /// The first call in Body that may reallocate each container parameter
  /// taken by value (`v.push_back(0)`).
  void noteGrowth(const Stmt *S) {
    if (!S)
      return;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *MD = MC->getMethodDecl();
          MD && MD->getIdentifier() && llvm::is_contained(Growing, MD->getName()))
        if (const auto *DRE = dyn_cast<DeclRefExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
          if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
              P && !P->getType()->isReferenceType() &&
              containerKind(P->getType()) == ContainerKind::Owning)
            Grown.try_emplace(P, MC);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S); Op && Op->getOperator() == OO_PlusEqual &&
                                                          Op->getNumArgs() == 2)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
            P && !P->getType()->isReferenceType() && containerKind(P->getType()) == ContainerKind::Owning)
          Grown.try_emplace(P, Op);
    for (const Stmt *Child : S->children())
      noteGrowth(Child);
  }

  /// Whether Side names a local address declared before Grows and read at
  /// Use after it: `p0` of `const long *p0 = v.data(); v.push_back(0); p0
  /// == v.data()` (an iterator a loop takes after the growth is fine).
  bool heldAcross(const Expr *Side, const Expr *Grows, const Expr *Use) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(Side->IgnoreParenImpCasts());
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || isa<ParmVarDecl>(V))
      return false;
    const SourceManager &SM = Ctx.getSourceManager();
    return SM.isBeforeInTranslationUnit(V->getLocation(), Grows->getBeginLoc()) &&
           SM.isBeforeInTranslationUnit(Grows->getBeginLoc(), Use->getBeginLoc());
  }

  /// The call that grows D, a container parameter taken by value, or null.
  const Expr *grownParameter(const ValueDecl *D) const {
    auto It = Grown.find(D);
    return It == Grown.end() ? nullptr : It->second;
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
        if (isComparison(Op->getOperator()))
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
               (isComparison(Op->getOperator()) || Op->getOperator() == OO_Minus)) {
      L = Op->getArg(0);
      R = Op->getArg(1);
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
    if (A.Nothing || B.Nothing)
      return;
    bool Same = !A.Unknown && !B.Unknown && A.Decls.size() == 1 && B.Decls.size() == 1 &&
                *A.Decls.begin() == *B.Decls.begin();
    if (Same) {
      if (const Expr *Grows = grownParameter(*A.Decls.begin());
          Grows && (heldAcross(L, Grows, E) || heldAcross(R, Grows, E)))
        Found = KeyedAccessProblem{KeyedAccessProblem::Kind::Reallocation, E, Grows};
      return;
    }
    if (!Identity)
      return;
    bool Chosen = A.Unknown || B.Unknown ||
                  llvm::any_of(A.Decls, chosenByCaller) || llvm::any_of(B.Decls, chosenByCaller);
    if (Chosen)
      Found = KeyedAccessProblem{KeyedAccessProblem::Kind::ArgumentIdentity, E};
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
  const bool Views, Identity, Owned;
  llvm::SmallPtrSet<const CXXMemberCallExpr *, 4> RangeForCalls;
  llvm::SmallPtrSet<const Expr *, 4> RangeForConditions;
  llvm::SmallPtrSet<const VarDecl *, 4> ElementsOfViews;
  llvm::DenseMap<const ValueDecl *, const Expr *> Grown;
  AddressRoots Trace{Ctx};
};

} // namespace

std::optional<KeyedAccessProblem>
keyedAccessProblem(llvm::ArrayRef<const FunctionDecl *> Code, const FunctionDecl *Memoized,
                   ASTContext &Ctx) {
  bool Views = false, Identity = false, Owned = false;
  for (const ParmVarDecl *P : Memoized->parameters()) {
    Views |= holdsView(P->getType());
    Identity |= P->getType()->isReferenceType() || holdsView(P->getType());
    Owned |= !P->getType()->isReferenceType() && containerKind(P->getType()) == ContainerKind::Owning;
  }
  if (!Views && !Identity && !Owned)
    return std::nullopt;
  Checker C(Ctx, Views, Identity, Owned);
  for (const FunctionDecl *FD : Code) {
    C.check(FD);
    if (C.Found)
      return C.Found;
  }
  return std::nullopt;
}

} // namespace purecc
