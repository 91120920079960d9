//===- ReadContexts.cpp - where a named global is consumed ----------------===//
#include "ReadContexts.h"
#include "Locality.h"
#include "Stdlib.h"
#include "Unevaluated.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <initializer_list>

using namespace clang;

namespace purecc {
namespace {

/// How far a question may climb (parents, then uses of a binding): past it
/// the answer is "escapes", a read where the global is named.
constexpr unsigned MaxDepth = 32;

bool isLocalBinding(const VarDecl *VD) {
  return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) && !VD->isStaticLocal();
}

} // namespace

ReadContexts::ReadContexts(const FunctionDecl *FD) : FD(FD) {}

void ReadContexts::link(const Stmt *Child, const Stmt *P) {
  auto [It, Inserted] = Parent.try_emplace(Child, P);
  // A default argument or member initializer used twice has two contexts.
  if (!Inserted && It->second != P)
    Ambiguous.insert(Child);
}

void ReadContexts::build(const Stmt *Root, const Stmt *RootParent) {
  // An explicit stack, not recursion: an expression can nest deeper than
  // the call stack holds. Children are pushed in reverse, so that each
  // variable's uses are recorded in source order.
  llvm::SmallVector<std::pair<const Stmt *, const Stmt *>, 64> Stack;
  llvm::SmallVector<std::pair<const Stmt *, const Stmt *>, 8> Next;
  Stack.push_back({Root, RootParent});
  while (!Stack.empty()) {
    auto [S, P] = Stack.pop_back_val();
    if (!S)
      continue;
    link(S, P);
    Next.clear();
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const Expr *Init = VD->getInit()) {
            InitOf[Init] = VD;
            Next.push_back({Init, DS});
          }
    } else {
      Returns += isa<ReturnStmt>(S);
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Uses[VD].push_back(DRE);
        else if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
          if (const auto *Whole = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl()))
            Uses[Whole].push_back(DRE);
      }
      if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S))
        Next.push_back({DA->getExpr(), DA});
      else if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
        Next.push_back({DI->getExpr(), DI});
      else
        for (const Stmt *C : S->children())
          Next.push_back({C, S});
    }
    Stack.append(Next.rbegin(), Next.rend());
  }
}

const Stmt *ReadContexts::parentOf(const Stmt *S) const {
  if (Ambiguous.count(S))
    return nullptr;
  auto It = Parent.find(S);
  return It == Parent.end() ? nullptr : It->second;
}

bool ReadContexts::reads(const Expr *Root) {
  if (!Built) {
    Built = true;
    if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *I : CD->inits())
        build(I->getInit(), nullptr);
    build(FD->getBody(), nullptr);
  }
  Mode M = Root->isGLValue() ? Mode::Designates : Mode::PointsTo;
  return up(Root, M, 0) != Outcome::Discarded;
}

bool ReadContexts::followed(const VarDecl *VD, Mode M, unsigned Depth) {
  auto [It, Inserted] = Followed.try_emplace(VD, false); // in progress: no
  if (!Inserted)
    return It->second;
  bool OK = true;
  bool Joined = InJoin;
  InJoin = false; // each use is a path of its own
  for (const DeclRefExpr *Use : Uses.lookup(VD))
    if (up(Use, M, Depth + 1) == Outcome::Escapes) {
      OK = false;
      break;
    }
  InJoin = Joined;
  Followed[VD] = OK;
  return OK;
}

/// Whether Callee, given E (as its object when IsObject), answers from
/// E's type alone: `std::size`, `std::ssize` or `std::empty` of a C array,
/// `size`, `max_size` or `empty` of a `std::array`.
static bool sizeOfType(const FunctionDecl *Callee, const Expr *E, bool IsObject) {
  if (!Callee->getIdentifier() ||
      !isLibraryFunction(Callee, Callee->getASTContext().getSourceManager()))
    return false;
  llvm::StringRef Name = Callee->getName();
  if (!IsObject)
    return isa<ConstantArrayType>(E->getType()->getUnqualifiedDesugaredType()) &&
           Callee->isInStdNamespace() && llvm::is_contained({"size", "ssize", "empty"}, Name);
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  return MD && MD->getParent()->getIdentifier() && MD->getParent()->getName() == "array" &&
         MD->getParent()->isInStdNamespace() &&
         llvm::is_contained({"size", "max_size", "empty"}, Name);
}

ReadContexts::Outcome ReadContexts::upCall(const Expr *E, const Expr *Call, Mode M,
                                           unsigned Depth) {
  CallParts Parts = callParts(Call);
  const FunctionDecl *Callee = Parts.Callee;
  bool IsObject = Parts.Object && Parts.Object == E;
  Outcome Fallback = M == Mode::Holds ? Outcome::Escapes : Outcome::Consumed;
  if (!Callee)
    return Fallback;
  // A size fixed by the type: `std::size(g)` of a C array, `g.size()` of a
  // `std::array`, read from no element (adv110: "reads mutable global
  // 'garr'", where `sizeof garr / sizeof garr[0]` passed).
  if (M == Mode::Designates && sizeOfType(Callee, E, IsObject))
    return Outcome::Discarded;
  if (bool AddressOnly = isAddressOnly(Callee);
      !IsObject && !InJoin && (AddressOnly || designatesArguments(Callee))) {
    // std::move(g), std::ref(g), std::addressof(g): the result stands for
    // g; std::get<0>(g), std::begin(g), std::data(g): for a part of it,
    // read where it is used (adv77 F10).
    if (Call->isGLValue())
      return up(Call, M, Depth + 1);
    if (M == Mode::Designates && (AddressOnly || isPointerLike(Call->getType())))
      return up(Call, Mode::PointsTo, Depth + 1);
    if (AddressOnly)
      return Outcome::Escapes;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call)) {
    // A view or reference_wrapper made over g points into it.
    if (M == Mode::Designates && isPointerLike(CE->getType()) &&
        !CE->getConstructor()->isCopyOrMoveConstructor() && CE->getNumArgs() >= 1 &&
        CE->getArg(0) == E)
      return up(Call, Mode::PointsTo, Depth + 1);
    return Fallback;
  }
  if (IsObject && M == Mode::Designates && isa<CXXMethodDecl>(Callee) &&
      isLibraryFunction(Callee, FD->getASTContext().getSourceManager()) &&
      (Callee->getReturnType()->isPointerType() || isPointerLike(Callee->getReturnType())) &&
      Callee->getIdentifier() &&
      llvm::is_contained(std::initializer_list<llvm::StringRef>{"begin", "end", "cbegin", "cend",
                                                                "rbegin", "rend", "data"},
                         Callee->getName())) {
    // `auto it = g_v.begin();`: an iterator into g, read where it is used.
    return up(Call, Mode::PointsTo, Depth + 1);
  }
  if (IsObject && M == Mode::Holds) {
    // A member of a view, iterator or reference_wrapper held in a local:
    // what it returns refers to g again; anything else is judged as a read
    // where it is made (the rules look through the object's provenance).
    QualType R = Callee->getReturnType();
    if (Call->isGLValue())
      return up(Call, Mode::Designates, Depth + 1);
    if (R->isPointerType())
      return up(Call, Mode::PointsTo, Depth + 1);
    if (isPointerLike(R))
      return Outcome::Escapes;
    return Outcome::Consumed;
  }
  return Fallback;
}

ReadContexts::Outcome ReadContexts::upInit(const Expr *E, const Stmt *P, Mode M,
                                           unsigned Depth) {
  // Only a reference member of a local aggregate is followed.
  if (M != Mode::Designates)
    return Outcome::Escapes;
  ArrayRef<Expr *> Elements;
  QualType T;
  if (const auto *ILE = dyn_cast<InitListExpr>(P)) {
    Elements = ILE->inits();
    T = ILE->getType();
  } else if (const auto *PL = dyn_cast<CXXParenListInitExpr>(P)) {
    Elements = const_cast<CXXParenListInitExpr *>(PL)->getInitExprs();
    T = PL->getType();
  }
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || RD->isUnion())
    return Outcome::Consumed;
  unsigned Index = 0;
  while (Index < Elements.size() && Elements[Index] != E)
    ++Index;
  if (Index < RD->getNumBases() || Index >= Elements.size())
    return Outcome::Consumed;
  Index -= RD->getNumBases();
  const FieldDecl *F = nullptr;
  for (const FieldDecl *Field : RD->fields())
    if (Field->getFieldIndex() == Index)
      F = Field;
  if (!F || !F->getType()->isReferenceType())
    return Outcome::Consumed;
  // Up through enclosing aggregates to the local variable they initialize.
  const Stmt *Cur = P;
  const Stmt *Up = parentOf(Cur);
  while (Up && isa<InitListExpr, CXXParenListInitExpr, ParenExpr, ExprWithCleanups,
                   CXXFunctionalCastExpr, CXXDefaultInitExpr>(Up)) {
    Cur = Up;
    Up = parentOf(Cur);
  }
  const VarDecl *VD = Up && isa<DeclStmt>(Up) ? InitOf.lookup(Cur) : nullptr;
  if (!isLocalBinding(VD) || VD->getType()->isReferenceType())
    return Outcome::Escapes;
  // Every use of the variable must read a member: a reference member's use
  // is followed on; a copy of the whole (or of a part holding references)
  // would carry the binding out of sight.
  for (const DeclRefExpr *Use : Uses.lookup(VD)) {
    const Expr *Top = Use;
    bool Member = false;
    Outcome O = Outcome::Discarded;
    while (const auto *ME = dyn_cast_or_null<MemberExpr>(parentOf(Top))) {
      const auto *G = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!G || ME->isArrow())
        return Outcome::Escapes;
      Member = true;
      Top = ME;
      if (G->getType()->isReferenceType()) {
        O = up(ME, Mode::Designates, Depth + 1);
        break;
      }
    }
    if (!Member || O == Outcome::Escapes)
      return Outcome::Escapes;
    if (O == Outcome::Discarded && Top->getType()->isRecordType() &&
        !cast<MemberExpr>(Top)->getMemberDecl()->getType()->isReferenceType())
      return Outcome::Escapes;
  }
  return Outcome::Discarded;
}

ReadContexts::Outcome ReadContexts::up(const Expr *E, Mode M, unsigned Depth) {
  if (Depth > MaxDepth)
    return Outcome::Escapes;
  const Stmt *P = parentOf(E);
  Outcome Fallback = M == Mode::Designates ? Outcome::Consumed : Outcome::Escapes;
  if (!P)
    return Outcome::Escapes;
  if (isa<ParenExpr, ExprWithCleanups, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
          ConstantExpr, CXXDefaultInitExpr, CXXDefaultArgExpr>(P))
    return up(cast<Expr>(P), M, Depth + 1);
  // Not evaluated: nothing is read.
  if (isUnevaluatedOperand(P))
    return Outcome::Discarded;

  if (const auto *IC = dyn_cast<ImplicitCastExpr>(P)) {
    CastKind K = IC->getCastKind();
    // `std::reference_wrapper<long> r = g;` (adv86 F3): the object the
    // converting constructor made, as it is.
    bool Keeps = K == CK_NoOp || K == CK_DerivedToBase || K == CK_UncheckedDerivedToBase ||
                 (K == CK_ConstructorConversion && M != Mode::Designates);
    switch (M) {
    case Mode::Designates:
      if (K == CK_ArrayToPointerDecay)
        return up(IC, Mode::PointsTo, Depth + 1);
      return Keeps ? up(IC, M, Depth + 1) : Outcome::Consumed;
    case Mode::PointsTo:
      if (K == CK_PointerToBoolean)
        return Outcome::Discarded; // an object's address is never null
      return Keeps || K == CK_BitCast ? up(IC, M, Depth + 1) : Outcome::Escapes;
    case Mode::Holds:
      if (K == CK_LValueToRValue)
        return up(IC, Mode::PointsTo, Depth + 1);
      return K == CK_NoOp ? up(IC, M, Depth + 1) : Outcome::Escapes;
    }
  }
  if (const auto *EC = dyn_cast<ExplicitCastExpr>(P)) {
    CastKind K = EC->getCastKind();
    if (K == CK_ToVoid)
      return Outcome::Discarded;
    bool Keeps = K == CK_NoOp || K == CK_DerivedToBase || K == CK_UncheckedDerivedToBase ||
                 K == CK_BaseToDerived || K == CK_LValueBitCast || K == CK_BitCast ||
                 (K == CK_ConstructorConversion && M == Mode::PointsTo);
    if (M == Mode::Holds)
      return Outcome::Escapes;
    if (Keeps && (M == Mode::PointsTo || EC->isGLValue()))
      return up(EC, M, Depth + 1);
    return Fallback;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    bool Object = M == (ME->isArrow() ? Mode::PointsTo : Mode::Designates) ||
                  (M == Mode::Holds && !ME->isArrow());
    if (!Object)
      return Fallback;
    if (isa<CXXMethodDecl>(ME->getMemberDecl())) {
      if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME)))
        return upCall(E, Call, M == Mode::Holds ? M : Mode::Designates, Depth + 1);
      return Fallback;
    }
    if (M == Mode::Holds)
      return Outcome::Escapes;
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (!F->getType()->isReferenceType())
        return up(ME, Mode::Designates, Depth + 1);
    return isa<VarDecl>(ME->getMemberDecl()) ? Outcome::Discarded : Outcome::Consumed;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(P)) {
    if (M == Mode::PointsTo && AS->getBase() == E)
      return up(AS, Mode::Designates, Depth + 1);
    return Fallback;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
    switch (UO->getOpcode()) {
    case UO_AddrOf:
      return M == Mode::Designates ? up(UO, Mode::PointsTo, Depth + 1) : Outcome::Escapes;
    case UO_Deref:
      return M == Mode::PointsTo ? up(UO, Mode::Designates, Depth + 1) : Fallback;
    case UO_PreInc:
    case UO_PreDec:
      // `++p` keeps p inside the object it points into.
      return M == Mode::Holds ? up(UO, M, Depth + 1) : Fallback;
    case UO_PostInc:
    case UO_PostDec:
      return M == Mode::Holds ? up(UO, Mode::PointsTo, Depth + 1) : Fallback;
    default:
      return Fallback;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    bool IsLHS = BO->getLHS() == E;
    if (BO->getOpcode() == BO_Comma)
      return IsLHS ? Outcome::Discarded : up(BO, M, Depth + 1);
    if (BO->getOpcode() == BO_Assign && IsLHS && M == Mode::Designates)
      return Outcome::Discarded; // a write, judged by the write rules
    if (BO->isCompoundAssignmentOp() && IsLHS && M == Mode::Holds &&
        BO->getType()->isPointerType())
      return up(BO, M, Depth + 1);
    if (M == Mode::PointsTo) {
      if (BO->isComparisonOp() || BO->getOpcode() == BO_Cmp)
        return Outcome::Discarded;
      if (BO->isAdditiveOp())
        return BO->getType()->isPointerType() ? up(BO, M, Depth + 1) : Outcome::Discarded;
    }
    return Fallback;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
    if (CO->getTrueExpr() == E || CO->getFalseExpr() == E) {
      bool Saved = InJoin;
      InJoin = true;
      Outcome O = up(CO, M, Depth + 1);
      InJoin = Saved;
      return O;
    }
    return Fallback;
  }
  if (isa<CallExpr, CXXConstructExpr>(P))
    return upCall(E, cast<Expr>(P), M, Depth + 1);
  if (const auto *NE = dyn_cast<CXXNewExpr>(P)) {
    // Placement new into it: a write, judged by the write rules.
    for (const Expr *A : NE->placement_arguments())
      if (A == E && M == Mode::PointsTo)
        return Outcome::Discarded;
    return Fallback;
  }
  // A binding, a member or a returned reference after a `?:`: see InJoin.
  if (InJoin && isa<InitListExpr, CXXParenListInitExpr, DeclStmt, ReturnStmt>(P))
    return Outcome::Escapes;
  if (isa<InitListExpr, CXXParenListInitExpr>(P))
    return upInit(E, P, M, Depth);
  if (isa<DeclStmt>(P)) {
    const VarDecl *VD = InitOf.lookup(E);
    if (!isLocalBinding(VD))
      return Fallback;
    QualType T = VD->getType();
    if (M == Mode::Designates && T->isReferenceType())
      return followed(VD, Mode::Designates, Depth) ? Outcome::Discarded : Outcome::Escapes;
    if (M == Mode::PointsTo && (T->isPointerType() || isPointerLike(T)))
      return followed(VD, Mode::Holds, Depth) ? Outcome::Discarded : Outcome::Escapes;
    return Fallback;
  }
  if (isa<ReturnStmt>(P)) {
    // Returned by reference or as a pointer: the caller judges what it does
    // with the result (the call stands for the global there).
    QualType R = FD->getReturnType();
    if (Returns == 1 && ((M == Mode::Designates && R->isReferenceType()) ||
                         (M == Mode::PointsTo && R->isPointerType())))
      return Outcome::Discarded;
    return Fallback;
  }
  if (isa<Expr>(P) || isa<IfStmt, WhileStmt, DoStmt, ForStmt, SwitchStmt,
                          CXXForRangeStmt>(P))
    return Fallback;
  // A statement of its own: a discarded-value expression reads nothing.
  return Outcome::Discarded;
}

} // namespace purecc
