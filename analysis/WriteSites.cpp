//===- WriteSites.cpp - what one statement of a function writes -----------===//
//
// Locality's second half: the places a statement writes (assignments,
// increments, placement new, library calls that write their arguments,
// objects handed over to a callee that adopts them, frees and destructors
// ending a block). Provenance itself is in Locality.cpp.
//
//===----------------------------------------------------------------------===//
#include "Locality.h"
#include "LibraryNames.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace purecc {
namespace {
const FieldDecl *namedField(const Expr *E) {
  if (const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}
} // namespace

/// A non-const member function among a library call's arguments (a
/// projection `&Pr::bump` given to std::ranges::count): it may write the
/// elements the call reads, so the call does not only read them.
static bool runsWritingMember(llvm::ArrayRef<const Expr *> Args) {
  return llvm::any_of(Args, [](const Expr *A) {
    const auto *MP = A->getType()->getAs<MemberPointerType>();
    const auto *Method = MP ? MP->getPointeeType()->getAs<FunctionProtoType>() : nullptr;
    return Method && !Method->getMethodQuals().hasConst();
  });
}

/// `std::tie(a.x, a.y) < std::tie(b.x, b.y)`: the tuple of references is
/// made only to be compared (adv80 F5: the idiom of a lexicographic
/// `operator<` counted as two writes).
bool Locality::onlyCompared(const Expr *Call) {
  const Expr *E = Call;
  for (unsigned Up = 0; Up < 4; ++Up) {
    DynTypedNodeList Parents = Ctx.getParents(*E);
    if (Parents.size() != 1)
      return false;
    if (const auto *Op = Parents[0].get<CXXOperatorCallExpr>()) {
      switch (Op->getOperator()) {
      case OO_EqualEqual: case OO_ExclaimEqual: case OO_Less: case OO_Greater:
      case OO_LessEqual: case OO_GreaterEqual: case OO_Spaceship:
        return true;
      default:
        return false;
      }
    }
    const auto *P = Parents[0].get<Expr>();
    if (!P || !isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ImplicitCastExpr, ParenExpr>(P))
      return false;
    E = P;
  }
  return false;
}

/// A std::reference_wrapper<T> of a library class T (not const) whose call
/// operator is non-const: calling it writes what it refers to.
bool Locality::wrapsWritingLibraryCallable(QualType T) {
  const auto *Wrapper = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Wrapper || Wrapper->getTemplateArgs().size() != 1 ||
      Wrapper->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      tableName(Wrapper) != "std::reference_wrapper")
    return false;
  QualType Target = Wrapper->getTemplateArgs()[0].getAsType();
  const CXXRecordDecl *RD = Target->getAsCXXRecordDecl();
  return !Target.isConstQualified() && RD && RD->hasDefinition() &&
         llvm::any_of(RD->methods(), [&](const CXXMethodDecl *M) {
           return M->getOverloadedOperator() == OO_Call && !M->isConst() && !M->isStatic() &&
                  isLibraryFunction(M, Ctx.getSourceManager());
         });
}

void Locality::libraryWrites(const Expr *Call, std::vector<WriteSite> &Out) {
  CallParts Parts = callParts(Call);
  const FunctionDecl *Callee = Parts.Callee;
  if (!Callee)
    return;
  bool Library = isLibraryFunction(Callee, Ctx.getSourceManager());
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  // A trivial assignment operator has no body to judge: it writes its object.
  bool TrivialAssign = MD && MD->isTrivial() && MD->isCopyAssignmentOperator();
  TrivialAssign |= MD && MD->isTrivial() && MD->isMoveAssignmentOperator();
  if (!Library && !TrivialAssign)
    return;
  const CXXRecordDecl *ObjectClass = libraryObjectClass(Parts.Object, Parts.IsArrow);
  LibraryVerdict V = TrivialAssign ? LibraryVerdict{LibraryKind::ValueMember, nullptr}
                                   : judgeLibraryCall(Callee, ObjectClass);
  if (V.Kind == LibraryKind::Impure || V.Kind == LibraryKind::Unknown)
    return;
  // They take a non-const reference only to hand out its address: a write,
  // if any, happens through the result and is judged there.
  if (!MD && isAddressOnly(Callee))
    return;
  // Making a view (`g | std::views::take(2)`, `std::views::reverse(g)`)
  // takes the range by reference only to designate it: what is written
  // through the view is judged where it is written, and a loop over it
  // reads the range.
  // (An algorithm that writes its range and hands back a subrange of it,
  // `std::ranges::remove_if`, `rotate`, `unique`, `partition`, is not one:
  // adv88 F3.)
  if (V.Kind != LibraryKind::MutatesRange &&
      isRangesView(Callee->getReturnType()->getAsCXXRecordDecl()))
    return;
  auto Add = [&](Prov P, const Expr *Target) {
    WriteSite W;
    W.Where = P;
    W.Field = namedField(Target);
    W.Loc = Call->getExprLoc();
    W.Range = Call->getSourceRange();
    Out.push_back(W);
  };
  // A proxy reference (`comp[j] = true` on a std::vector<bool>) is a
  // temporary: what its assignment writes is the element it stands for.
  bool ThroughProxy = MD && Parts.Object && !Parts.IsArrow &&
                      isProxyReference(Parts.Object->getType());
  // `e()` of a std::reference_wrapper<std::mt19937>, or the wrapper given
  // to std::invoke or an algorithm: the library's own function object it
  // refers to runs there, and a non-const call operator writes it (adv87
  // F08: an engine given by reference wrapper was advanced by parallel
  // calls). The program's own are judged by their bodies (ImpureCall).
  if (MD && Parts.Object && !Parts.IsArrow && MD->getOverloadedOperator() == OO_Call &&
      wrapsWritingLibraryCallable(Parts.Object->getType()))
    Add(ofPointee(Parts.Object), Parts.Object);
  if (!MD)
    for (const Expr *A : Parts.Args)
      if (wrapsWritingLibraryCallable(A->getType()))
        Add(ofPointee(A), A);

  // `out = x` of a std::back_insert_iterator, front_insert_iterator or
  // insert_iterator inserts into its container, as `*out = x` does
  // (adv87 F09: a by-value iterator parameter was taken as the target).
  if (MD && Parts.Object && !Parts.IsArrow && MD->getOverloadedOperator() == OO_Equal &&
      !MD->isCopyAssignmentOperator() && !MD->isMoveAssignmentOperator()) {
    const CXXRecordDecl *RD = Parts.Object->getType().getNonReferenceType()->getAsCXXRecordDecl();
    std::string Name = RD ? tableName(RD) : "";
    if (Name == "std::back_insert_iterator" || Name == "std::front_insert_iterator" ||
        Name == "std::insert_iterator") {
      // `*out++ = x`: its `*` and `++` hand back the iterator itself.
      const Expr *Iterator = Parts.Object->IgnoreParenImpCasts();
      while (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Iterator)) {
        if ((Op->getOperator() != OO_Star && Op->getOperator() != OO_PlusPlus) ||
            Op->getNumArgs() == 0)
          break;
        Iterator = Op->getArg(0)->IgnoreParenImpCasts();
      }
      Add(ofPointee(Iterator), Parts.Object);
    }
  }
  if (ThroughProxy) {
    if (proxyMemberWrites(MD))
      Add(ofPointee(Parts.Object), Parts.Object);
  } else if (MD && Parts.Object && MD->isInstance() && !MD->isConst() &&
             !isa<CXXConstructorDecl>(MD) && !isa<CXXDestructorDecl>(MD) &&
             !leavesObject(memberRole(MD, ObjectClass))) {
    Add(ofObject(Parts.Object, Parts.IsArrow), Parts.Object);
    // `t = p` of a `std::tuple<int &>`: a tuple of references writes what
    // they refer to. One a library call makes in place (`std::tie(a, b) =
    // p`) was counted as written where it was made.
    // An iterator's reference type is a template argument too
    // (`_Deque_iterator<long, const long &, const long *>`): `++it` moves
    // it, and writes nothing it designates (adv85 F5: iterating a const
    // std::deque was a write to it).
    const auto *Made = dyn_cast<CallExpr>(Parts.Object->IgnoreImplicit());
    if (holdsReference(Parts.Object->getType()) && !isPointerLike(Parts.Object->getType()) &&
        !(Made && Made->getDirectCallee() &&
          isLibraryFunction(Made->getDirectCallee(), Ctx.getSourceManager())))
      Add(ofPointee(Parts.Object), Parts.Object);
  }
  // `std::get<0>(t)`, `std::begin(v)` take their arguments only to
  // designate them, and so does a std::tie made only to be compared; a
  // member function pointer given to a std::ranges algorithm (a
  // projection) may be one that writes. Asked only of a call that binds a
  // non-const lvalue reference (the names are looked up in the table).
  std::optional<bool> Designates;
  auto OnlyRead = [&](unsigned I, const Expr *A) {
    if (V.Kind != LibraryKind::Pure)
      return false;
    if (!Designates)
      Designates = designatesArguments(Callee) || (tiesArguments(Callee) && onlyCompared(Call));
    return *Designates || (!runsWritingMember(Parts.Args) && readsForwarded(Callee, I, A));
  };
  for (unsigned I = 0; I < Parts.Args.size() && I < Callee->getNumParams(); ++I) {
    QualType PT = Callee->getParamDecl(I)->getType();
    const Expr *A = Parts.Args[I];
    // std::swap(v[i], v[j]) on a std::vector<bool> takes its proxies by
    // value and writes the elements they stand for.
    if (isProxyReference(A->getType()) &&
        !(PT->isReferenceType() && PT.getNonReferenceType().isConstQualified()))
      Add(ofPointee(A), A);
    bool Written = false;
    if (PT->isLValueReferenceType() && !PT.getNonReferenceType().isConstQualified()) {
      if (!OnlyRead(I, A))
        Add(ofLValue(A), A);
      Written = true;
    }
    // What an iterator, pointer, span or view designates. A view or span
    // bound by reference (`std::ranges::fill(w, 0)` of a subrange taken by
    // value) is written through, not only itself (adv87 F10), from the
    // range the algorithm writes on (`std::ranges::copy` reads its first).
    if (V.Kind == LibraryKind::MutatesRange && isPointerLike(A->getType()) &&
        !A->getType()->isFunctionPointerType() && !isReadOnlyIterator(A->getType()) &&
        !isReadOnlyRange(A->getType()) &&
        (!Written || (!A->getType()->isPointerType() && rangeWritesArgument(Callee, Parts.Args, I))))
      Add(ofPointee(A), A);
  }
  // A builtin the compiler checks itself declares no parameters
  // (`__builtin_add_overflow(a, b, &r)`): a pointer to non-const it is
  // given is written, as a range function's.
  if (V.Kind == LibraryKind::MutatesRange && Callee->getBuiltinID())
    for (unsigned I = Callee->getNumParams(); I < Parts.Args.size(); ++I)
      if (const Expr *A = Parts.Args[I];
          A->getType()->isPointerType() && !A->getType()->getPointeeType().isConstQualified())
        Add(ofPointee(A), A);
}

/// `w = std::move(*p)`, `T x(std::move(*s.items))`: an object given up
/// with std::move (an xvalue, not a temporary, bound to a non-const rvalue
/// reference) may be moved from, which writes it (adv87 F06: a vector the
/// caller owned was emptied). A callee may move from what it is handed
/// (purity.md R3), so the write is the caller's, where it hands the object
/// over; handing over its own local writes nothing that matters. An
/// object that is trivially copyable is only copied.
void Locality::handedOverWrites(const Expr *Call, std::vector<WriteSite> &Out) {
  CallParts Parts = callParts(Call);
  if (!Parts.Callee)
    return;
  // `std::vector<T> w(std::make_move_iterator(b), std::make_move_iterator(e))`,
  // `w.insert(end, mb, me)`, `w.assign(mb, me)`: a move iterator hands over
  // the elements it reaches, which are moved from (adv88 F1).
  // (Not its own members, copies and comparisons, which move nothing.)
  const auto *Member = dyn_cast<CXXMethodDecl>(Parts.Callee);
  if (isLibraryFunction(Parts.Callee, Ctx.getSourceManager()) &&
      !Parts.Callee->isOverloadedOperator() &&
      !(Member && tableName(Member->getParent()) == "std::move_iterator"))
    for (const Expr *A : Parts.Args)
      if (const auto *RD = A->getType().getNonReferenceType()->getAsCXXRecordDecl();
          RD && RD->getIdentifier() && RD->getName() == "move_iterator" &&
          tableName(RD) == "std::move_iterator") {
        WriteSite W; // at the call: its begin and end are one write
        W.Where = ofPointee(A);
        W.Loc = Call->getExprLoc();
        W.Range = Call->getSourceRange();
        Out.push_back(W);
      }
  for (unsigned I = 0; I < Parts.Args.size() && I < Parts.Callee->getNumParams(); ++I) {
    QualType PT = Parts.Callee->getParamDecl(I)->getType();
    const Expr *A = Parts.Args[I];
    if (!PT->isRValueReferenceType() || PT.getNonReferenceType().isConstQualified() ||
        !A->isXValue() || isa<MaterializeTemporaryExpr>(A->IgnoreParens()) ||
        PT.getNonReferenceType()->isDependentType() ||
        PT.getNonReferenceType().isTriviallyCopyableType(Ctx))
      continue;
    // `std::move(std::string(s))`: a temporary moved is the call's own.
    const Expr *Object = handedOver(A);
    if (Object->isPRValue() || isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr>(Object))
      continue;
    Out.push_back(lvalueWrite(Object, A));
  }
}

/// The object an xvalue hands over: what `std::move(x)`, `std::forward<T>(x)`
/// or `static_cast<T &&>(x)` names, itself, not what it may point to (adv88
/// F8: `v.push_back(std::move(p))` of a by-value std::shared_ptr parameter
/// was taken for a write through it).
const Expr *Locality::handedOver(const Expr *A) {
  for (;;) {
    A = A->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<CXXStaticCastExpr>(A)) {
      A = Cast->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(A); Cast && Cast->getType()->isReferenceType()) {
      A = Cast->getSubExpr();
      continue;
    }
    const auto *CE = dyn_cast<CallExpr>(A);
    const FunctionDecl *F = CE ? CE->getDirectCallee() : nullptr;
    if (F && CE->getNumArgs() == 1 && F->isInStdNamespace() && F->getIdentifier() &&
        (F->getName() == "move" || F->getName() == "forward")) {
      A = CE->getArg(0);
      continue;
    }
    return A;
  }
}

WriteSite Locality::lvalueWrite(const Expr *Target, const Expr *Site) {
  WriteSite W;
  W.Where = ofLValue(Target);
  W.Field = namedField(Target);
  W.Loc = Site->getExprLoc();
  W.Range = Site->getSourceRange();
  return W;
}

/// Ending an object's life writes it: `delete p`, `p->~T()`, and a smart
/// pointer made to own `p` (`std::unique_ptr<const T> up(p)`, `up.reset(p)`),
/// which deletes it (adv87 F05: a pure function deleted the caller's node
/// while a parallel call read it). A pointer to const may be deleted, so
/// the const does not protect it.
void Locality::endingWrites(const Stmt *S, std::vector<WriteSite> &Out) {
  auto Add = [&](Prov P, const Expr *Site) {
    WriteSite W;
    W.Where = P;
    W.Loc = Site->getExprLoc();
    W.Range = Site->getSourceRange();
    Out.push_back(W);
  };
  // A destructor or a member that changes its object frees what the
  // object owns: `~Own() { delete p; }`, a list freeing its nodes (adv88
  // F7: everyday RAII was a false error). The write is to the object,
  // judged where the member is called.
  auto Ended = [&](const Expr *Pointer, const Expr *Site) {
    Prov P = ofPointee(Pointer);
    const auto *Member = dyn_cast<CXXMethodDecl>(FD);
    if (P.K == Prov::Unknown && !P.Cast && Member && Member->isInstance() &&
        (isa<CXXDestructorDecl>(Member) || !Member->isConst()))
      P = thisProv();
    Add(P, Site);
  };
  if (const auto *DE = dyn_cast<CXXDeleteExpr>(S)) {
    Ended(DE->getArgument(), DE);
    return;
  }
  // `free(p)`, `::operator delete(p)`, `realloc(p, n)`: as `delete p`;
  // but not in the program's own `operator delete`, whose job it is: the
  // delete-expression that runs it writes the object it ends, above.
  OverloadedOperatorKind Own = FD->getOverloadedOperator();
  if (const auto *CE = dyn_cast<CallExpr>(S);
      CE && CE->getNumArgs() > 0 && Own != OO_Delete && Own != OO_Array_Delete)
    if (MemoryCall M = memoryCall(CE->getDirectCallee(), Ctx.getSourceManager());
        (M == MemoryCall::Frees || M == MemoryCall::Reallocates) &&
        !CE->getArg(0)->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) {
      Ended(CE->getArg(0), CE);
      return;
    }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (isa_and_nonnull<CXXDestructorDecl>(MD)) {
      bool Arrow = false;
      if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
        Arrow = ME->isArrow();
      Add(ofObject(MC->getImplicitObjectArgument(), Arrow), MC);
      return;
    }
  }
  // A smart pointer given a raw pointer to own.
  CallParts Parts = callParts(cast<Expr>(S));
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Parts.Callee);
  if (!MD || !MD->getParent()->isInStdNamespace() || !MD->getParent()->getIdentifier())
    return;
  // shared_ptr's reset is its base's (libstdc++'s std::__shared_ptr: adv88 F2).
  StringRef Class = MD->getParent()->getName();
  if (Class != "unique_ptr" && Class != "shared_ptr" && Class != "__shared_ptr")
    return;
  bool Adopts = isa<CXXConstructorDecl>(MD) ||
                (MD->getIdentifier() && MD->getName() == "reset");
  if (!Adopts || Parts.Args.empty())
    return;
  const Expr *Owned = Parts.Args[0];
  if (isa<CXXDefaultArgExpr>(Owned)) // `up.reset()`
    return;
  if (Owned->getType()->isPointerType() && !Owned->isNullPointerConstant(
                                                Ctx, Expr::NPC_ValueDependentIsNotNull))
    Add(ofPointee(Owned), Owned);
}

const std::vector<WriteSite> &Locality::writes(const Stmt *S) {
  if (S == WritesOf)
    return Writes;
  WritesOf = S;
  std::vector<WriteSite> &Out = Writes;
  Out.clear();
  auto Add = [&](const Expr *Target, const Expr *Site) { Out.push_back(lvalueWrite(Target, Site)); };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Add(BO->getLHS(), BO);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      Add(UO->getSubExpr(), UO);
  } else if (const auto *NE = dyn_cast<CXXNewExpr>(S)) {
    if (NE->getNumPlacementArgs() > 0) {
      WriteSite W;
      W.Where = ofPlacement(NE);
      // Making an object in storage the function may write anyway (its own
      // object's member: tl::optional's emplace, a small vector's inline
      // buffer; what a parameter points to) is a write there, judged as
      // one. Placement new cannot strip `const` (its operand converts to
      // `void *` only from a pointer to non-const): a write anywhere else
      // is named for how it was made.
      if (W.Where.K == Prov::Global || W.Where.K == Prov::Unknown)
        W.Where.Cast = "placement new";
      W.Loc = NE->getExprLoc();
      W.Range = NE->getSourceRange();
      Out.push_back(W);
    }
  } else if (isa<CallExpr>(S)) {
    libraryWrites(cast<Expr>(S), Out);
    handedOverWrites(cast<Expr>(S), Out);
    endingWrites(S, Out);
  } else if (isa<CXXConstructExpr>(S)) {
    handedOverWrites(cast<Expr>(S), Out);
    endingWrites(S, Out);
  } else if (isa<CXXDeleteExpr>(S)) {
    endingWrites(S, Out);
  }
  return Out;
}

} // namespace purecc
