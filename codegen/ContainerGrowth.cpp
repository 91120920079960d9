//===- ContainerGrowth.cpp - where a container may move its elements ------===//
#include "ContainerGrowth.h"

#include "AddressRoots.h"
#include "Containers.h"
#include "Loops.h"
#include "StdComparisons.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace purecc {
namespace {

/// The members of a contiguous container that never move its elements to
/// a new buffer; every other member that may change it may.
constexpr llvm::StringLiteral Staying[] = {
    "begin",      "end",      "rbegin", "rend",  "data", "front",       "back",        "at",
    "operator[]", "pop_back", "erase",  "clear", "find", "lower_bound", "upper_bound", "equal_range",
    "fill"};

/// Library functions that keep a reference to a container they are given,
/// or change what it holds: the rest only read or permute its elements
/// (`std::begin(v)`, `std::ranges::sort(v)`).
constexpr llvm::StringLiteral KeepingOrGrowing[] = {
    "swap",      "exchange", "back_inserter", "front_inserter",   "inserter",  "getline",
    "iter_swap", "ref",      "tie",           "forward_as_tuple", "addressof", "construct_at"};

bool isOwning(QualType T) { return containerKind(T) == ContainerKind::Owning; }

/// The variable E names, through members and elements (`b.v`, `vv[0]`), or
/// null.
const VarDecl *holderVariable(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
      E = ME->getBase();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      E = Op->getArg(0);
    else
      break;
  }
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// Whether the call is named `swap` or `exchange` (`std::swap(u, v)`,
/// `u.swap(v)`, `std::ranges::swap`, `std::exchange(v, {})`).
StringRef calledName(const CallExpr *Call);
bool swapsOrExchanges(const CallExpr *Call) {
  StringRef Name = calledName(Call);
  return Name == "swap" || Name == "iter_swap" || Name == "exchange";
}

bool containsGoto(const Stmt *S) {
  if (!S)
    return false;
  if (isa<GotoStmt, IndirectGotoStmt>(S))
    return true;
  return llvm::any_of(S->children(), [](const Stmt *C) { return containsGoto(C); });
}

bool contains(const Stmt *Outer, const Stmt *Inner) {
  if (Outer == Inner)
    return true;
  return llvm::any_of(Outer->children(),
                      [&](const Stmt *Child) { return Child && contains(Child, Inner); });
}

void readVariables(const Stmt *S, llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Out.push_back(VD);
  for (const Stmt *Child : S->children())
    readVariables(Child, Out);
}

} // namespace

bool ContainerGrowth::mayBeGrown(const ValueDecl *D) const {
  const auto *V = dyn_cast<VarDecl>(D);
  if (!V)
    return false;
  QualType T = V->getType();
  if (isa<ParmVarDecl>(V))
    return holdsType(T, isOwning) &&
           (!T->isReferenceType() || !T.getNonReferenceType().isConstQualified());
  if (!V->hasLocalStorage() || T->isReferenceType() || !holdsType(T, isOwning))
    return false;
  return TakenStorage.contains(V);
}

bool ContainerGrowth::holdsCallersStorage(const ValueDecl *D) const { return mayBeGrown(D); }

namespace {

/// Whether the value E, given to a container, a constructor or a call,
/// may carry another object's storage: it holds a container and is not an
/// lvalue (which is copied, or bound, as the use decides): `std::move(v)`,
/// what a call returns. One built here from plain values (`std::string(
/// "ab")`, `{1, 2}`) carries none.
bool carriesStorage(const Expr *E) {
  if (!E)
    return false;
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else
      break;
  }
  // An iterator names its container in its type, and holds none.
  if (!holdsType(E->getType(), isOwning) || isAddressLike(E->getType()) || E->isLValue() ||
      isa<StringLiteral>(E))
    return false;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return CE->getConstructor()->isMoveConstructor() || llvm::any_of(CE->arguments(), carriesStorage);
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return llvm::any_of(IL->inits(), carriesStorage);
  if (const auto *PL = dyn_cast<CXXParenListInitExpr>(E))
    return llvm::any_of(PL->getInitExprs(), carriesStorage);
  return !isa<CXXScalarValueInitExpr, ImplicitValueInitExpr>(E);
}

/// The name a call is made by: the function's, or for a call of a
/// library object (`std::ranges::swap(u, v)`) the object's.
StringRef calledName(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call); Op && Op->getOperator() == OO_Call) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
        DRE && DRE->getDecl()->getIdentifier())
      return DRE->getDecl()->getName();
    return "";
  }
  const FunctionDecl *F = Call->getDirectCallee();
  return F && F->getIdentifier() ? F->getName() : StringRef();
}

/// Whether the argument at Index of Call binds to a reference through which
/// the callee may change it (not `const`).
bool boundToChangeable(const CallExpr *Call, unsigned Index) {
  const FunctionDecl *F = Call->getDirectCallee();
  unsigned Skip = isa<CXXOperatorCallExpr>(Call) && F && isa<CXXMethodDecl>(F) ? 1 : 0;
  if (!F || Index < Skip || Index - Skip >= F->getNumParams())
    return true; // variadic or unknown: assume it may
  QualType T = F->getParamDecl(Index - Skip)->getType();
  return T->isReferenceType() && !T.getNonReferenceType().isConstQualified();
}

/// A local variable that holds a container in itself (not a parameter,
/// not a reference): the one whose storage noteTakenStorage tracks.
bool holdsOwnStorage(const VarDecl *V) {
  return V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) && !V->getType()->isReferenceType() &&
         holdsType(V->getType(), isOwning);
}

/// The local whose storage E gives away whole: `std::move(u)`,
/// `static_cast<T &&>(u)`, a move construction from one. Null otherwise.
const VarDecl *movedLocal(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (!CE->getConstructor()->isMoveConstructor() || CE->getNumArgs() != 1)
      return nullptr;
    E = CE->getArg(0)->IgnoreImplicit()->IgnoreParens();
  }
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
                                                 Call->getDirectCallee()->isInStdNamespace() &&
                                                 calledName(Call) == "move")
    E = Call->getArg(0);
  else if (const auto *Cast = dyn_cast<CXXStaticCastExpr>(E); Cast && Cast->isXValue())
    E = Cast->getSubExpr();
  else
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return holdsOwnStorage(V) ? V : nullptr;
}

/// The other locals whose storage Giver (a swap, an exchange, an
/// assignment) exchanges with V's, when all it exchanges with are locals
/// (or plain values: `std::exchange(u, {})`); false otherwise.
bool localsExchangedWith(const Expr *Giver, const VarDecl *V, llvm::SmallVectorImpl<const VarDecl *> &Others) {
  llvm::SmallVector<const Expr *, 3> Operands;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Giver))
    Operands.push_back(MC->getImplicitObjectArgument());
  if (const auto *Call = dyn_cast<CallExpr>(Giver)) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    for (unsigned I = Op && Op->getOperator() == OO_Call ? 1 : 0; I < Call->getNumArgs(); ++I)
      Operands.push_back(Call->getArg(I));
  }
  for (const Expr *A : Operands) {
    const VarDecl *O = movedLocal(A);
    if (!O && A->isLValue())
      if (const VarDecl *H = holderVariable(A); holdsOwnStorage(H) && !isAddressLike(A->getType()))
        O = H;
    if (O == V)
      continue;
    if (O)
      Others.push_back(O);
    else if (carriesStorage(A) || (A->isLValue() && holdsType(A->getType(), isOwning)) ||
             isAddressLike(A->getType()) || A->getType()->isPointerType())
      return false;
  }
  return true;
}

} // namespace

/// receivesStorage for a member of the container (or of what it holds):
/// whether it may give it another object's storage, or nullopt with Child
/// set to where its use continues (a field, an element a member returns).
std::optional<bool> ContainerGrowth::memberReceives(const MemberExpr *ME, const Stmt *&Child,
                                                    const Expr *&Giver) {
  if (isa<FieldDecl>(ME->getMemberDecl())) {
    if (!holdsType(ME->getType(), isOwning) && !ME->getType()->isReferenceType())
      return false; // `h.k = 1`
    Child = ME;
    return std::nullopt;
  }
  const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME));
  if (!MD || !Call)
    return true;
  if (MD->isConst())
    return false;
  if (MD->getIdentifier() && MD->getName() == "swap") {
    Giver = Call;
    return true;
  }
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (carriesStorage(Call->getArg(I)) ||
        (holdsType(Call->getArg(I)->getType(), isOwning) && Call->getArg(I)->isLValue() &&
         boundToChangeable(Call, I)))
      return true;
  // What a member returns into it (`w.front()`, `w.emplace_back()`) is its element.
  if (MD->getReturnType()->isReferenceType() && holdsType(MD->getReturnType(), isOwning) &&
      !MD->getReturnType().getNonReferenceType().isConstQualified()) {
    Child = Call;
    return std::nullopt;
  }
  return false;
}

/// Whether the use DRE of a local container may give it another object's
/// storage (or make it reachable where this walk does not follow it):
/// `u.swap(v)`, `u = std::move(v)`, `u.assign(std::move(s))`, `w.
/// push_back(std::move(v))` into its element, `std::tie(u, k) = ...`, `&u`,
/// a non-const reference to it. Reading it, copying it, giving its own
/// storage away (`std::move(u)`) and changing it with plain values do not.
bool ContainerGrowth::receivesStorage(const DeclRefExpr *DRE, const Expr *&Giver) {
  Giver = nullptr;
  const Stmt *Child = DRE;
  while (true) {
    DynTypedNodeList Ps = Ctx.getParents(*Child);
    if (Ps.empty())
      return true;
    if (const auto *VD = Ps[0].get<VarDecl>()) {
      // A range-for's own reference to the range; a copy; a const reference.
      QualType T = VD->getType();
      return !VD->isImplicit() && T->isReferenceType() && !T.getNonReferenceType().isConstQualified();
    }
    if (Ps[0].get<ReturnStmt>())
      return false; // returned: its storage leaves
    const auto *P = Ps[0].get<Expr>();
    if (!P)
      return !Ps[0].get<Stmt>(); // a statement of its own (`u;`)
    if (isa<ParenExpr>(P)) {
      Child = P;
      continue;
    }
    if (const auto *Cast = dyn_cast<CastExpr>(P)) {
      if (Cast->getCastKind() == CK_LValueToRValue || P->getType().isConstQualified() || P->isXValue())
        return false; // read, seen as const, or given away (`static_cast<T &&>(u)`)
      Child = P;
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      if (std::optional<bool> Receives = memberReceives(ME, Child, Giver))
        return *Receives;
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      OverloadedOperatorKind K = Op->getOperator();
      if (K == OO_Call) { // a library object's call: `std::ranges::swap(u, v)`
        StringRef Name = calledName(Op);
        if (Name == "swap" || Name == "iter_swap" || Name == "exchange") {
          Giver = Op;
          return true;
        }
        for (unsigned I = 1; I < Op->getNumArgs(); ++I)
          if (Op->getArg(I) == Child && boundToChangeable(Op, I))
            return true;
        return false;
      }
      if (Op->getNumArgs() == 0 || Op->getArg(0) != Child)
        return false; // an operand copied or read (`w = u`, `x < u`)
      if (Op->isAssignmentOp()) {
        Giver = Op;
        return Op->getNumArgs() > 1 && carriesStorage(Op->getArg(1));
      }
      if (K == OO_Subscript || K == OO_Star || K == OO_Arrow) {
        QualType T = K == OO_Arrow && Op->getType()->isPointerType() ? Op->getType()->getPointeeType()
                                                                     : Op->getType();
        if (!holdsType(T, isOwning))
          return false;
        if (K == OO_Arrow) {
          DynTypedNodeList Up = Ctx.getParents(*Op);
          if (Up.empty() || !Up[0].get<MemberExpr>())
            return true;
          // As `(*o).m`: the member's use.
          if (std::optional<bool> Receives = memberReceives(Up[0].get<MemberExpr>(), Child, Giver))
            return *Receives;
          continue;
        }
        Child = Op;
        continue;
      }
      return false; // `==`, `<<`: read
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      StringRef Name = calledName(Call);
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace() &&
          (Name == "move" || Name == "forward" || Name == "as_const" || Name == "move_if_noexcept"))
        return false; // given away, or read
      if (Name == "swap" || Name == "iter_swap" || Name == "exchange") {
        Giver = Call;
        return true;
      }
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (Call->getArg(I) == Child)
          return boundToChangeable(Call, I);
      return true;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P))
      return !CE->getConstructor()->isCopyOrMoveConstructor() && !isView(CE->getType());
    if (isUnevaluatedOperand(P))
      return false; // `sizeof t`
    // `reinterpret_cast<const char *>(&t)`: an address through which
    // nothing changes it.
    if (const auto *UO = dyn_cast<UnaryOperator>(P); UO && UO->getOpcode() == UO_AddrOf) {
      DynTypedNodeList Up = Ctx.getParents(*UO);
      const auto *Cast = Up.empty() ? nullptr : Up[0].get<CastExpr>();
      return !Cast || !Cast->getType()->isPointerType() ||
             !Cast->getType()->getPointeeType().isConstQualified();
    }
    if (isa<InitListExpr, CXXParenListInitExpr>(P))
      return false; // copied into the aggregate (a reference member binds through a non-const lvalue: below)
    return true;
  }
}

/// Records the locals holding a container that may hold another object's
/// storage: made from one (`auto w = std::move(v)`, `H h{std::move(v)}`,
/// `auto w = [&] { return std::move(v); }()`) or given one later
/// (receivesStorage). What such a local holds may be the caller's buffer,
/// with its capacity (a short string's characters: in the object or not,
/// as that capacity decides: adv67 F6, adv68). The others were built
/// here from values, with the capacity the values decide.
void ContainerGrowth::noteTakenStorage(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!holdsOwnStorage(V) || !V->getInit())
        continue;
      // `auto [a, b] = f(std::move(v))`: not followed.
      if (isa<DecompositionDecl>(V)) {
        TakenStorage.insert(V);
        continue;
      }
      const Expr *Init = V->getInit()->IgnoreImplicit();
      // Another local's storage (`auto w = std::move(u)`): the function's
      // own when that local's is (propagateTakenStorage).
      if (const VarDecl *From = movedLocal(Init)) {
        SharedStorage.push_back({V, From});
        continue;
      }
      bool Made = !carriesStorage(Init);
      if (const auto *Call = dyn_cast<CallExpr>(Init)) {
        // A function of values (`make(n)`); not a lambda, which may
        // return what it captured, nor one given a reference to change.
        const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Made = !(Op && Op->getOperator() == OO_Call) && llvm::none_of(Call->arguments(), carriesStorage);
        for (unsigned I = 0; Made && I < Call->getNumArgs(); ++I)
          if (holdsType(Call->getArg(I)->getType(), isOwning) && Call->getArg(I)->isLValue() &&
              boundToChangeable(Call, I))
            Made = false;
      }
      if (!Made)
        TakenStorage.insert(V);
    }
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); holdsOwnStorage(V) && !TakenStorage.contains(V))
      if (const Expr *Giver = nullptr; receivesStorage(DRE, Giver)) {
        // Swapped or exchanged with, or moved from, other locals only
        // (`a.swap(b)`, `std::swap(a, b)`, `a = std::move(b)`): the
        // storage stays among them.
        llvm::SmallVector<const VarDecl *, 2> Others;
        if (Giver && localsExchangedWith(Giver, V, Others))
          for (const VarDecl *O : Others)
            SharedStorage.push_back({V, O});
        else
          TakenStorage.insert(V);
      }
  for (const Stmt *Child : S->children())
    noteTakenStorage(Child);
}

/// Locals that share storage only with each other are the function's own
/// unless one of them is not.
void ContainerGrowth::propagateTakenStorage() {
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[A, B] : SharedStorage)
      if (TakenStorage.contains(A) != TakenStorage.contains(B)) {
        TakenStorage.insert(A);
        TakenStorage.insert(B);
        Changed = true;
      }
  }
}

void ContainerGrowth::addBody(const Stmt *Body) {
  noteTakenStorage(Body);
  propagateTakenStorage();
  noteAliases(Body);
  note(Body);
  if (containsGoto(Body))
    for (const auto &[C, Growths] : Grown)
      if (llvm::any_of(Growths, [&](const Expr *G) { return contains(Body, G); }))
        GrownAnywhere.insert(C);
}

void ContainerGrowth::note(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const ValueDecl *D = DRE->getDecl();
    if (auto It = Aliases.find(D); It != Aliases.end()) {
      // `r.push_back(0)` of `auto &r = v`, `pv->push_back(0)` of `auto
      // *pv = &v` (adv67 F1).
      if (const Expr *At = It->second.Pointer ? growthThroughPointer(DRE) : growthAt(DRE)) {
        if (Keeping.contains(At))
          GrownAnywhere.insert(It->second.Of);
        Grown[It->second.Of].push_back(At);
        if (isTransfer(At, DRE))
          Transferred[It->second.Of].push_back(At);
      }
    } else if (mayBeGrown(D)) {
      if (const Expr *At = growthAt(DRE)) {
        if (Keeping.contains(At))
          GrownAnywhere.insert(D);
        Grown[D].push_back(At);
        if (isTransfer(At, DRE))
          Transferred[D].push_back(At);
      }
    }
  }
  for (const Stmt *Child : S->children())
    note(Child);
}

void ContainerGrowth::noteAliases(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->getInit())
        continue;
      QualType T = V->getType();
      const Expr *Init = V->getInit()->IgnoreParenImpCasts();
      // `auto &[w, k] = pv;`: each name is a part of the container's holder.
      if (const auto *DD = dyn_cast<DecompositionDecl>(V);
          DD && T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        if (const VarDecl *Of = holderVariable(Init); Of && (mayBeGrown(Of) || Aliases.count(Of)))
          for (const BindingDecl *B : DD->bindings())
            Aliases[B] = {Aliases.count(Of) ? Aliases[Of].Of : Of, false};
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified()) {
        if (const VarDecl *Of = holderVariable(Init); Of && (mayBeGrown(Of) || Aliases.count(Of)))
          Aliases[V] = {Aliases.count(Of) ? Aliases[Of].Of : Of, false};
      } else if (T->isPointerType() && !T->getPointeeType().isConstQualified()) {
        const Expr *Object = nullptr;
        if (const auto *UO = dyn_cast<UnaryOperator>(Init); UO && UO->getOpcode() == UO_AddrOf)
          Object = UO->getSubExpr();
        else if (const auto *Call = dyn_cast<CallExpr>(Init);
                 Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
                 Call->getDirectCallee()->isInStdNamespace() &&
                 Call->getDirectCallee()->getIdentifier() &&
                 Call->getDirectCallee()->getName() == "addressof")
          Object = Call->getArg(0);
        if (const VarDecl *Of = Object ? holderVariable(Object) : nullptr;
            Of && (mayBeGrown(Of) || Aliases.count(Of)))
          Aliases[V] = {Aliases.count(Of) ? Aliases[Of].Of : Of, true};
      }
    }
  for (const Stmt *Child : S->children())
    noteAliases(Child);
}

/// growthAt for a pointer to the container (`pv` of `auto *pv = &v`): a
/// member called through it, or what it points to.
const Expr *ContainerGrowth::growthThroughPointer(const DeclRefExpr *DRE) {
  DynTypedNodeList Ps = Ctx.getParents(*DRE);
  const auto *Read = Ps.empty() ? nullptr : Ps[0].get<ImplicitCastExpr>();
  if (!Read || Read->getCastKind() != CK_LValueToRValue)
    return Ps.empty() ? nullptr : Ps[0].get<Expr>(); // the pointer itself changed or given away
  DynTypedNodeList Up = Ctx.getParents(*Read);
  const auto *P = Up.empty() ? nullptr : Up[0].get<Expr>();
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(P); ME && ME->isArrow())
    return growthThroughMember(ME);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P); UO && UO->getOpcode() == UO_Deref)
    return growthAt(UO);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P); BO && BO->isComparisonOp())
    return nullptr;
  return P; // passed on: whoever gets it may grow the container
}

const Expr *ContainerGrowth::growthThroughMember(const MemberExpr *ME) {
  if (isa<FieldDecl>(ME->getMemberDecl()))
    return growthAt(ME); // `b.v` of a struct: the member's own uses
  const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
  if (!MD || MD->isConst())
    return nullptr;
  if (MD->getDeclName().isIdentifier() && llvm::is_contained(Staying, MD->getName())) {
    // `std::iter_swap(vs.begin(), vs.begin() + 1)`, `std::sort(vs.begin(),
    // vs.end())` of a vector of strings: the elements' storage changes
    // hands through the iterators (adv68 F2).
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME));
    QualType Element = Call ? elementType(Ctx, ME->getBase()->getType().getNonReferenceType()) : QualType();
    if (Call && !Element.isNull() && holdsType(Element, isOwning) && isAddressLike(Call->getType()))
      for (const Stmt *S = parentOf(Call); S; S = parentOf(S)) {
        if (const auto *Outer = dyn_cast<CallExpr>(S))
          return isa<CXXOperatorCallExpr>(Outer) &&
                         cast<CXXOperatorCallExpr>(Outer)->getOperator() != OO_Call
                     ? nullptr
                     : Outer;
        if (!isa<Expr>(S) || isa<BinaryOperator, UnaryOperator>(S))
          break;
      }
    return nullptr;
  }
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME)))
    return Call;
  return ME;
}

/// The expression through which the use DRE may grow its container, or
/// null where it only reads it or its elements.
const Expr *ContainerGrowth::growthAt(const Expr *E) {
  const Expr *Child = E;
  bool Moved = false; // passed through `std::move`: whoever takes it may take its storage
  while (true) {
    DynTypedNodeList Ps = Ctx.getParents(*Child);
    if (Ps.empty())
      return nullptr;
    // `[&]() -> std::vector<long> & { return v; }`: a reference to it
    // leaves, to be grown wherever it is used (adv68 F16).
    if (const auto *Ret = Ps[0].get<ReturnStmt>()) {
      const FunctionDecl *F = nullptr;
      for (DynTypedNodeList Up = Ctx.getParents(*Ret); !Up.empty(); Up = Ctx.getParents(Up[0]))
        if ((F = Up[0].get<FunctionDecl>()))
          break;
        else if (const auto *Lambda = Up[0].get<LambdaExpr>()) {
          F = Lambda->getCallOperator();
          break;
        }
      QualType T = F ? F->getReturnType() : QualType();
      if (!T.isNull() && ((T->isReferenceType() && !T.getNonReferenceType().isConstQualified()) ||
                          (T->isPointerType() && !T->getPointeeType().isConstQualified()))) {
        Keeping.insert(Child);
        return Child;
      }
      return nullptr;
    }
    if (const auto *VD = Ps[0].get<VarDecl>())
      // A range-for's own reference to the range; a copy. Another name
      // for it (`auto &w = v;`) may grow it.
      return VD->isImplicit() || !VD->getType()->isReferenceType() ||
                     VD->getType().getNonReferenceType().isConstQualified()
                 ? nullptr
                 : Child;
    const auto *P = Ps[0].get<Expr>();
    if (!P || isa<LambdaExpr>(P))
      return nullptr; // a statement of its own (`v;`); a capture, whose uses are walked
    if (isa<ParenExpr>(P)) {
      Child = P;
      continue;
    }
    if (const auto *Cast = dyn_cast<CastExpr>(P)) {
      // Read as a value, or seen as const from here on.
      if (Cast->getCastKind() == CK_LValueToRValue || P->getType().isConstQualified())
        return nullptr;
      Moved |= P->isXValue();
      Child = P; // to a base, `static_cast<std::vector<long> &&>(v)`
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P))
      return growthThroughMember(ME);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      OverloadedOperatorKind K = Op->getOperator();
      if (Op->getNumArgs() > 0 && Op->getArg(0) == Child &&
          (K == OO_Subscript || K == OO_Star || K == OO_Arrow)) {
        // An element or what a holder holds (`vv[0]`, `*opt`, `opt->`):
        // its own uses, when it holds a container.
        QualType T = K == OO_Arrow && Op->getType()->isPointerType() ? Op->getType()->getPointeeType()
                                                                     : Op->getType();
        if (!holdsType(T, isOwning))
          return nullptr;
        if (K == OO_Arrow) {
          DynTypedNodeList Up = Ctx.getParents(*Op);
          const auto *ME = Up.empty() ? nullptr : Up[0].get<MemberExpr>();
          return ME ? growthThroughMember(ME) : Op;
        }
        Child = Op;
        continue;
      }
      if (Op->getNumArgs() > 0 && Op->getArg(0) == Child && isComparisonOperator(K))
        return nullptr;
      return Op;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace() && Callee->getDeclName().isIdentifier()) {
        StringRef Name = Callee->getName();
        // The container itself, on its way on: `grow(std::move(v))`.
        if (Name == "move" || Name == "forward" || Name == "as_const") {
          Moved |= Name != "as_const";
          Child = P;
          continue;
        }
        if (llvm::is_contained(KeepingOrGrowing, Name)) {
          if (Name != "swap" && Name != "exchange" && Name != "iter_swap" && Name != "getline")
            Keeping.insert(Call); // `std::ref(v)`, `std::back_inserter(v)`: grown later through it
          return Call;
        }
        // `std::make_pair(std::move(s), 1)`: the library takes its storage
        // (adv68 F4).
        if (Moved)
          return Call;
        // `std::get<0>(tp)`: a part of it, whose own uses count (adv68 F5).
        QualType R = Callee->getReturnType();
        if (R->isLValueReferenceType() && !R.getNonReferenceType().isConstQualified() &&
            holdsType(R, isOwning)) {
          Child = P;
          continue;
        }
        return nullptr;
      }
      // A function of the program given it may return a reference to it.
      if (QualType R = Call->getType(); Call->isLValue() || R->isPointerType() || R->isRecordType())
        Keeping.insert(Call);
      return Call;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      if (isView(CE->getType()))
        return nullptr;
      if (!CE->getConstructor()->isCopyOrMoveConstructor())
        Keeping.insert(CE); // a class that keeps a reference to it
      return CE;
    }
    // An aggregate's reference member bound to it may grow it later.
    if (isa<InitListExpr, CXXParenListInitExpr>(P)) {
      if (!P->getType()->isRecordType() || Moved)
        return Moved ? P : nullptr;
      Keeping.insert(P);
      return P;
    }
    Keeping.insert(P); // `&v`, anything not followed
    return P;
  }
}

const Expr *ContainerGrowth::heldAcross(const Expr *Side, const ValueDecl *C, const Expr *Use) {
  auto It = Grown.find(C);
  if (It == Grown.end())
    return nullptr;
  llvm::SmallVector<const VarDecl *, 4> Read;
  readVariables(Side, Read);
  // The growth the text shows first; one anywhere (a `goto`, a kept
  // reference) when no such one is.
  const Expr *Anywhere = nullptr;
  for (const VarDecl *V : Read) {
    if (V == C || isa<ParmVarDecl>(V))
      continue;
    for (const Expr *G : It->second) {
      if (across(V, G, Use))
        return G;
      if (!Anywhere && GrownAnywhere.contains(C))
        Anywhere = G;
    }
  }
  return Anywhere;
}

const Expr *ContainerGrowth::seenBy(const ValueDecl *C, const Expr *Use) {
  auto It = Grown.find(C);
  if (It == Grown.end())
    return nullptr;
  for (const Expr *G : It->second)
    if (insideLambda(G) || insideLambda(Use) || before(G, Use) || sharesLoop(G, Use))
      return G;
  return GrownAnywhere.contains(C) && !It->second.empty() ? It->second.front() : nullptr;
}

llvm::SmallVector<const ValueDecl *, 4> ContainerGrowth::transferredContainers() const {
  llvm::SmallVector<const ValueDecl *, 4> Out;
  for (const auto &Entry : Transferred)
    Out.push_back(Entry.first);
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Out, [&](const ValueDecl *A, const ValueDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  return Out;
}

const Expr *ContainerGrowth::transferAcross(const VarDecl *Holder, const ValueDecl *C, const Expr *Use) {
  auto It = Transferred.find(C);
  if (It == Transferred.end())
    return nullptr;
  for (const Expr *G : It->second)
    if (across(Holder, G, Use))
      return G;
  return GrownAnywhere.contains(C) && !It->second.empty() ? It->second.front() : nullptr;
}

/// Whether G, a growth of a container at its use Use, takes the
/// container's storage elsewhere: a move, a swap, an exchange, a move
/// assignment from it, or a call given it as an rvalue (which may move it
/// on).
bool ContainerGrowth::isTransfer(const Expr *G, const Expr *Use) const {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(G))
    return CE->getConstructor()->isMoveConstructor();
  const auto *Call = dyn_cast<CallExpr>(G);
  if (!Call)
    return false;
  if (swapsOrExchanges(Call))
    return true;
  // Given an iterator into a container of strings (growthThroughMember).
  for (const Expr *Arg : Call->arguments())
    if (isAddressLike(Arg->getType()) && contains(Arg, Use))
      return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return !Op->getArg(1)->isLValue() && contains(Op->getArg(1), Use);
  return llvm::any_of(Call->arguments(),
                      [&](const Expr *Arg) { return Arg->isXValue() && contains(Arg, Use); });
}

/// Whether the local V, read in the comparison Use, may hold an address
/// taken before G: V is declared before G and G runs between (before Use
/// in the text, or in a loop around both whose body V is declared
/// before), or G or Use is in a lambda, which may run anywhere.
bool ContainerGrowth::across(const VarDecl *V, const Expr *G, const Expr *Use) {
  if (insideLambda(G) || insideLambda(Use))
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!SM.isBeforeInTranslationUnit(V->getLocation(), G->getBeginLoc()))
    return false;
  if (before(G, Use))
    return true;
  // `p0 != v.data()` ... `v.push_back(i)` in one loop: the next trip
  // compares across the growth.
  for (const Stmt *L = enclosingLoop(Use); L; L = enclosingLoop(L))
    if (contains(L, G) && SM.isBeforeInTranslationUnit(V->getLocation(), loopBody(L)->getBeginLoc()))
      return true;
  return false;
}

bool ContainerGrowth::before(const Expr *A, const Expr *B) const {
  return Ctx.getSourceManager().isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
}

/// Whether S is in a lambda's body, which may run anywhere it is called.
bool ContainerGrowth::insideLambda(const Stmt *S) {
  for (DynTypedNodeList Ps = Ctx.getParents(*S); !Ps.empty(); Ps = Ctx.getParents(Ps[0])) {
    if (Ps[0].get<LambdaExpr>())
      return true;
    if (const auto *FD = Ps[0].get<FunctionDecl>()) {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      return MD && MD->getParent()->isLambda();
    }
  }
  return false;
}

const Stmt *ContainerGrowth::parentOf(const Stmt *S) {
  DynTypedNodeList Ps = Ctx.getParents(*S);
  return Ps.empty() ? nullptr : Ps[0].get<Stmt>();
}

const Stmt *ContainerGrowth::enclosingLoop(const Stmt *S) {
  for (const Stmt *P = parentOf(S); P; P = parentOf(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return P;
  return nullptr;
}

bool ContainerGrowth::sharesLoop(const Stmt *A, const Stmt *B) {
  for (const Stmt *L = enclosingLoop(B); L; L = enclosingLoop(L))
    if (contains(L, A))
      return true;
  return false;
}

} // namespace purecc
