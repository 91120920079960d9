//===- KeyedAccess.cpp - what a memoized function sees beyond its key -----===//
#include "KeyedAccess.h"

#include "AddressTypes.h"
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

/// `std::basic_string_view<C>` or `std::span<T, N>`: a class that refers to
/// elements it does not own, which may continue past its end.
bool isView(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "basic_string_view" || RD->getName() == "span");
}

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

/// The variables an address points into (its roots): `&a[i] + 1` into 'a',
/// `p` into whatever its initializer and the assignments to it point into.
struct Roots {
  llvm::SmallPtrSet<const ValueDecl *, 4> Decls;
  /// A null pointer or a literal: no object at all.
  bool Nothing = false;
  /// From somewhere this trace does not follow (a call of the program,
  /// `this`).
  bool Unknown = false;
  void add(const Roots &R) {
    Decls.insert(R.Decls.begin(), R.Decls.end());
    Unknown |= R.Unknown;
  }
};

class Checker : public RecursiveASTVisitor<Checker> {
public:
  Checker(ASTContext &Ctx, bool Views, bool Identity)
      : Ctx(Ctx), Views(Views), Identity(Identity) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  std::optional<KeyedAccessProblem> Found;

  void check(const FunctionDecl *FD) {
    if (!FD->getBody())
      return;
    collectAssignments(FD->getBody());
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
    if (Identity && !Found)
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

  void collectAssignments(Stmt *Body) {
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
      bool shouldVisitTemplateInstantiations() const { return true; }
      bool shouldVisitImplicitCode() const { return true; }
      void note(const Expr *Target, const Expr *Value) {
        if (const auto *DRE = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            Into[VD].push_back(Value);
      }
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->getOpcode() == BO_Assign)
          note(BO->getLHS(), BO->getRHS());
        return true;
      }
      bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
        if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
          note(Op->getArg(0), Op->getArg(1));
        return true;
      }
    } C(Assigned, Opaque);
    C.TraverseStmt(Body);
  }

  /// A variable that stands for an address (a pointer, a reference, an
  /// iterator, a view) rather than an object of its own.
  static bool refersElsewhere(const VarDecl *VD) {
    QualType T = VD->getType();
    return T->isReferenceType() || T->isPointerType() || isView(T) || isAddressLike(T);
  }

  Roots roots(const Expr *E, unsigned Depth = 0) {
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
      if (!VD) {
        if (isa<FunctionDecl, EnumConstantDecl>(DRE->getDecl()))
          R.Nothing = true;
        else
          R.Unknown = true; // a structured binding, a template parameter object
        return R;
      }
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
  Roots libraryCall(const CallExpr *Call, unsigned First, unsigned Depth) {
    Roots R;
    auto Args = llvm::drop_begin(Call->arguments(), First);
    bool Addresses = llvm::any_of(Args, [](const Expr *Arg) {
      return isAddressLike(Arg->IgnoreParenImpCasts()->getType());
    });
    for (const Expr *Arg : Args) {
      if (Addresses ? !isAddressLike(Arg->IgnoreParenImpCasts()->getType())
                    : !Arg->isGLValue() &&
                          (Arg->getType()->isArithmeticType() || Arg->getType()->isEnumeralType()))
        continue;
      R.add(Addresses ? roots(Arg, Depth + 1) : intoObject(Arg, Depth));
    }
    if (R.Decls.empty() && !R.Unknown)
      R.Nothing = true;
    return R;
  }

  /// The roots of an address a member, an operator or the library takes
  /// from the object O: into O itself when O owns what it hands out (a
  /// vector's element, an iterator's next position), but from anywhere when
  /// O may hold an address of its own to hand out (`std::cref(a).get()`,
  /// `std::get<0>(std::tie(a, b))`, adv53 t29, t184).
  Roots intoObject(const Expr *O, unsigned Depth) {
    QualType T = O->IgnoreParenImpCasts()->getType().getNonReferenceType();
    if (isAddressLike(T) || isView(T) || !Types.mayHold(T) || ownsWhatItHandsOut(T))
      return roots(O, Depth + 1);
    Roots R;
    R.Unknown = true;
    return R;
  }

  /// A container whose elements are its own (a `std::vector<const long *>`
  /// hands out addresses of its elements, whatever they hold).
  static bool ownsWhatItHandsOut(QualType T) {
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
  static bool readsStoredAddress(const Expr *E) {
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

  /// A variable whose address a caller chose: a reference or a view
  /// parameter (of the memoized function or of a function it calls, which
  /// may pass its arguments on).
  static bool chosenByCaller(const ValueDecl *D) {
    const auto *P = dyn_cast<ParmVarDecl>(D);
    return P && (P->getType()->isReferenceType() || isView(P->getType()));
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
    Roots A = roots(L), B = roots(R);
    if (A.Nothing || B.Nothing)
      return;
    bool Same = !A.Unknown && !B.Unknown && A.Decls.size() == 1 && B.Decls.size() == 1 &&
                *A.Decls.begin() == *B.Decls.begin();
    if (Same)
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
  const bool Views, Identity;
  llvm::SmallPtrSet<const CXXMemberCallExpr *, 4> RangeForCalls;
  llvm::SmallPtrSet<const Expr *, 4> RangeForConditions;
  llvm::SmallPtrSet<const VarDecl *, 4> ElementsOfViews;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> Assigned;
  llvm::SmallPtrSet<const VarDecl *, 8> Tracing;
  /// Variables that may be assigned through an address or a reference.
  llvm::SmallPtrSet<const VarDecl *, 4> Opaque;
  AddressTypes Types;
};

} // namespace

std::optional<KeyedAccessProblem>
keyedAccessProblem(llvm::ArrayRef<const FunctionDecl *> Code, const FunctionDecl *Memoized,
                   ASTContext &Ctx) {
  bool Views = false, Identity = false;
  for (const ParmVarDecl *P : Memoized->parameters()) {
    Views |= holdsView(P->getType());
    Identity |= P->getType()->isReferenceType() || holdsView(P->getType());
  }
  if (!Views && !Identity)
    return std::nullopt;
  Checker C(Ctx, Views, Identity);
  for (const FunctionDecl *FD : Code) {
    C.check(FD);
    if (C.Found)
      return C.Found;
  }
  return std::nullopt;
}

} // namespace purecc
