//===- ContainerGrowth.cpp - where a container may move its elements ------===//
#include "ContainerGrowth.h"

#include "AddressRoots.h"
#include "Containers.h"
#include "Loops.h"

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

/// Whether D holds a container whose storage a caller may have given: a
/// parameter that holds one (`std::vector<long> v`, a struct or pair of
/// them), taken by value or, in a helper, by non-const reference (which
/// may be the memoized function's own), or a local moved from one (`auto
/// w = std::move(v)`, adv67 F2, F4).
bool mayBeGrown(const ValueDecl *D) {
  const auto *V = dyn_cast<VarDecl>(D);
  if (!V)
    return false;
  QualType T = V->getType();
  if (isa<ParmVarDecl>(V))
    return holdsType(T, isOwning) &&
           (!T->isReferenceType() || !T.getNonReferenceType().isConstQualified());
  if (!V->hasLocalStorage() || T->isReferenceType() || !holdsType(T, isOwning) || !V->getInit())
    return false;
  const auto *CE = dyn_cast<CXXConstructExpr>(V->getInit()->IgnoreImplicit());
  return CE && CE->getConstructor()->isMoveConstructor();
}

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

bool isComparison(OverloadedOperatorKind K) {
  return K == OO_EqualEqual || K == OO_ExclaimEqual || K == OO_Less || K == OO_Greater ||
         K == OO_LessEqual || K == OO_GreaterEqual || K == OO_Spaceship;
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

void ContainerGrowth::addBody(const Stmt *Body) {
  noteAliases(Body);
  note(Body);
  if (containsGoto(Body))
    for (const auto &[C, Growths] : Grown)
      if (llvm::any_of(Growths, [&](const Expr *G) { return contains(Body, G); }))
        GrownWithGoto.insert(C);
}

void ContainerGrowth::note(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const ValueDecl *D = DRE->getDecl();
    if (auto It = Aliases.find(D); It != Aliases.end()) {
      // `r.push_back(0)` of `auto &r = v`, `pv->push_back(0)` of `auto
      // *pv = &v` (adv67 F1).
      if (const Expr *At = It->second.Pointer ? growthThroughPointer(DRE) : growthAt(DRE))
        Grown[It->second.Of].push_back(At);
    } else if (mayBeGrown(D)) {
      if (const Expr *At = growthAt(DRE))
        Grown[D].push_back(At);
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
  if (!MD || MD->isConst() ||
      (MD->getDeclName().isIdentifier() && llvm::is_contained(Staying, MD->getName())))
    return nullptr;
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME)))
    return Call;
  return ME;
}

/// The expression through which the use DRE may grow its container, or
/// null where it only reads it or its elements.
const Expr *ContainerGrowth::growthAt(const Expr *E) {
  const Expr *Child = E;
  while (true) {
    DynTypedNodeList Ps = Ctx.getParents(*Child);
    if (Ps.empty())
      return nullptr;
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
      if (Op->getNumArgs() > 0 && Op->getArg(0) == Child && isComparison(K))
        return nullptr;
      return Op;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace() && Callee->getDeclName().isIdentifier()) {
        StringRef Name = Callee->getName();
        // The container itself, on its way on: `grow(std::move(v))`.
        if (Name == "move" || Name == "forward" || Name == "as_const") {
          Child = P;
          continue;
        }
        return llvm::is_contained(KeepingOrGrowing, Name) ? Call : nullptr;
      }
      return Call;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P))
      return isView(CE->getType()) ? nullptr : CE;
    // An aggregate's reference member bound to it may grow it later.
    if (isa<InitListExpr, CXXParenListInitExpr>(P))
      return P->getType()->isRecordType() ? P : nullptr;
    return P;
  }
}

const Expr *ContainerGrowth::heldAcross(const Expr *Side, const ValueDecl *C, const Expr *Use) {
  auto It = Grown.find(C);
  if (It == Grown.end())
    return nullptr;
  llvm::SmallVector<const VarDecl *, 4> Read;
  readVariables(Side, Read);
  for (const VarDecl *V : Read) {
    if (V == C || isa<ParmVarDecl>(V))
      continue;
    for (const Expr *G : It->second)
      if (GrownWithGoto.contains(C) || across(V, G, Use))
        return G;
  }
  return nullptr;
}

const Expr *ContainerGrowth::seenBy(const ValueDecl *C, const Expr *Use) {
  auto It = Grown.find(C);
  if (It == Grown.end())
    return nullptr;
  for (const Expr *G : It->second)
    if (GrownWithGoto.contains(C) || insideLambda(G) || insideLambda(Use) || before(G, Use) ||
        sharesLoop(G, Use))
      return G;
  return nullptr;
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
