//===- LoopBodies.cpp - what a loop's body must leave alone ----------------===//
#include "LoopBodies.h"
#include "analysis/Attributes.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "JumpTargets.h"
#include "Places.h"
#include "Resizes.h"

#include "clang/AST/ExprCXX.h"

#include <functional>

using namespace clang;

namespace purecc {
namespace {

/// What VD's change inside the body is, for a remark: `'p.s'` when the
/// body writes a member of VD (members are not told apart), else `'p'`.
std::string changedPart(PlanContext &PC, const StmtDeps &Body, const VarDecl *VD) {
  auto It = Body.FirstWrite.find(VD);
  const Expr *Target = It == Body.FirstWrite.end() ? nullptr : It->second;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Target))
    Target = BO->getLHS();
  else if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Target))
    Target = UO->getSubExpr();
  else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Target); Op && Op->getNumArgs())
    Target = Op->getArg(0);
  else
    Target = nullptr;
  // Not an element (`r[j] = ...` is no change of the bound 'r.size()',
  // and naming it would hide the 'r.push_back' that is).
  if (Target && isa<MemberExpr>(Target->IgnoreParenImpCasts()))
    if (std::string T = writtenText(PC, Target->IgnoreParenImpCasts()); !T.empty())
      return "'" + T + "'";
  return quoted(VD);
}

/// Why a bound (or range) that reads only sizes of containers may change:
/// Resizer, in the body, may resize one of them.
std::string resizedBoundReason(PlanContext &PC, const LoopShape &L, const Expr *BoundExpr,
                               const Expr *Resizer) {
  std::string What = BoundExpr ? "the bound '" + writtenText(PC, BoundExpr) + "'"
                               : "the range '" + L.RangeName + "'";
  return What + " may change: the loop body may resize a container" +
         shownInParens(writtenText(PC, Resizer));
}


} // namespace

std::optional<MemberReads> memberReads(const ASTContext &Ctx, const Expr *Header, const Stmt *Body,
                                       const VarDecl *VD, ThroughReference Through) {
  if (!Header || !VD->hasLocalStorage() ||
      (VD->getType()->isReferenceType() && Through == ThroughReference::No) ||
      !VD->getType().getNonReferenceType()->isRecordType())
    return std::nullopt;
  auto Root = [&](const Expr *E) -> std::optional<MemberPath> {
    std::optional<MemberPath> P = memberPathOf(E);
    if (P && P->Root == VD)
      return P;
    return std::nullopt;
  };
  // A read of a scalar member: `g.n` converted to its value.
  auto ScalarRead = [&](const Stmt *S) -> std::optional<MemberPath> {
    const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
    if (!Cast || Cast->getCastKind() != CK_LValueToRValue)
      return std::nullopt;
    const Expr *Read = Cast->getSubExpr()->IgnoreParens();
    // An element of an array member at a constant index (`q.lim[1]`): the
    // whole member stands for it.
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Read);
        AS && !AS->getIdx()->isValueDependent() && AS->getIdx()->isIntegerConstantExpr(Ctx))
      Read = AS->getBase()->IgnoreParenImpCasts();
    // An element of a member that owns its elements (`g.rowptr[v + 1]`,
    // a std::vector, std::array, std::deque or std::string): the member
    // stands for it, as no store into another member's elements reaches
    // its storage (user47 k03). Its index is walked apart (ElementIndex).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Read);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      if (std::optional<MemberPath> P = Root(Op->getArg(0)->IgnoreParenImpCasts());
          P && containerKind(P->Type) == ContainerKind::Owning &&
          (Cast->getType()->isArithmeticType() || Cast->getType()->isEnumeralType()))
        return P;
    std::optional<MemberPath> P = Root(Read);
    QualType Value = Cast->getType();
    if (!P || !(Value->isArithmeticType() || Value->isEnumeralType()) ||
        !(P->Type->isArithmeticType() || P->Type->isEnumeralType() ||
          P->Type->isConstantArrayType()))
      return std::nullopt;
    return P;
  };
  // The index of an element ScalarRead took (`v + 1` of `g.rowptr[v + 1]`):
  // it may read, or change, VD itself.
  auto ElementIndex = [](const Stmt *S) -> const Expr * {
    const auto *Cast = cast<ImplicitCastExpr>(S);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cast->getSubExpr()->IgnoreParens());
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      return Op->getArg(1);
    return nullptr;
  };
  std::vector<MemberPath> Read;
  bool Other = false;
  std::function<void(const Stmt *)> InHeader = [&](const Stmt *S) {
    if (!S || Other)
      return;
    if (std::optional<MemberPath> P = ScalarRead(S)) {
      Read.push_back(*P);
      InHeader(ElementIndex(S));
      return;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == VD) {
      Other = true;
      return;
    }
    for (const Stmt *Child : S->children())
      InHeader(Child);
  };
  InHeader(Header);
  if (Other || Read.empty())
    return std::nullopt;
  auto Overlaps = [](const std::string &A, const std::string &B) {
    auto Contains = [](const std::string &Outer, const std::string &Inner) {
      return Inner.compare(0, Outer.size(), Outer) == 0 &&
             (Inner.size() == Outer.size() || Inner[Outer.size()] == '.');
    };
    return Contains(A, B) || Contains(B, A);
  };
  MemberReads R;
  std::vector<std::string> Names;
  for (const MemberPath &P : Read)
    if (!llvm::is_contained(Names, P.Name))
      Names.push_back(P.Name);
  R.Names = quotedList(Names);
  std::function<void(const Stmt *)> InBody = [&](const Stmt *S) {
    if (!S || R.Change)
      return;
    if (ScalarRead(S)) {
      InBody(ElementIndex(S));
      return;
    }
    // A conversion of a value read (`std::size_t(y) * img.w` widens the
    // read of 'img.w'): what it converts is looked at, not the member its
    // operand names (user52 k02: "the bound reads 'img.w', which the loop
    // body may change" of a body that only reads it).
    if (const auto *Cast = dyn_cast<CastExpr>(S); Cast && Cast->getSubExpr()->isPRValue()) {
      InBody(Cast->getSubExpr());
      return;
    }
    if (const auto *E = dyn_cast<Expr>(S))
      if (std::optional<MemberPath> P = Root(E)) {
        // Anything may be done to a member apart from those read.
        if (llvm::any_of(Read, [&](const MemberPath &M) { return Overlaps(M.Path, P->Path); }))
          R.Change = E;
        return;
      }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == VD) {
      R.Change = DRE;
      return;
    }
    for (const Stmt *Child : S->children())
      InBody(Child);
  };
  InBody(Body);
  return R;
}

namespace {

/// The stores in Body into elements of containers that are members of the
/// object VD refers to (`c.out[i] = h` of a `Cfg &c`), with indices free of
/// effects and elements wider than a byte: each lands in the container's
/// own block, never in an object.
llvm::SmallPtrSet<const Expr *, 4> memberElementStores(const PlanContext &PC, const Stmt *Body,
                                                       const VarDecl *VD) {
  llvm::SmallPtrSet<const Expr *, 4> Stores;
  DepScanner Scan(PC);
  auto Consider = [&](const Expr *LHS) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(LHS->IgnoreParens());
    if (!Op || Op->getOperator() != OO_Subscript || Op->getNumArgs() != 2)
      return;
    // Elements of one byte may be the storage another object was built in
    // (`new (c.raw.data()) Cfg`): a store there may change any object.
    QualType Element = Op->getType().getNonReferenceType();
    if (Element->isIncompleteType() || Element->isDependentType() ||
        PC.Ctx.getTypeSizeInChars(Element).getQuantity() <= 1)
      return;
    std::optional<MemberPath> P = memberPathOf(Op->getArg(0));
    if (P && P->Root == VD && containerKind(P->Type) == ContainerKind::Owning &&
        !packsBits(P->Type) && Scan.scan(Op->getArg(1)).isEffectFree())
      Stores.insert(Op);
  };
  llvm::SmallVector<const Stmt *, 64> Stack{Body};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
      Consider(BO->getLHS());
    else if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
      Consider(UO->getSubExpr());
    for (const Stmt *C : S->children())
      if (C)
        Stack.push_back(C);
  }
  return Stores;
}

/// A bound that reads memory only as scalar members of objects named by
/// references (`i < c.n` of a `Cfg &c`), which no statement of the body
/// names as such: then only a write through another pointer or reference,
/// or a call not known to be pure, may change it. Stores into elements of
/// the objects' container members (`c.out[i] = h`) land in the containers'
/// blocks, never in the objects (adv90 F2: "the bound 'c' changes" named
/// no change at all, and such a map stayed serial).
struct ReferenceBound {
  bool Applies = false;
  std::string Names;
  /// The first write or call that may reach the members, or null.
  const Expr *Reach = nullptr;
  bool ReachIsCall = false;
  /// Reach names the object in the body other than as a member apart from
  /// those read (`c.out[i]` of a reference member 'out', `g(c)`).
  bool ReachNamesObject = false;

  std::string why(PlanContext &PC, const StmtDeps &Body) const {
    if (ReachNamesObject) {
      std::string Where = enclosingText(PC, Reach, nullptr);
      return "the bound reads " + Names + " through a reference, which the loop body may change" +
             (Where.empty() ? "" : " ('" + Where + "')");
    }
    if (ReachIsCall)
      return "the bound reads " + Names + " through a reference, which a call in the loop body " +
             "may change: " + (Body.ImpureWhy.empty() ? impureReason(Reach) : Body.ImpureWhy);
    std::string Where = enclosingText(PC, Reach, nullptr);
    return "the bound reads " + Names + " through a reference, which a write through a " +
           "pointer or reference may reach" + (Where.empty() ? "" : " ('" + Where + "')");
  }
};

ReferenceBound referenceBound(PlanContext &PC, const LoopShape &L, const Expr *BoundExpr,
                              const StmtDeps &Bound) {
  ReferenceBound R;
  if (!BoundExpr)
    return R;
  llvm::SmallPtrSet<const Expr *, 4> BoundMembers, Stores;
  std::vector<std::string> Names;
  for (const VarDecl *VD : inSourceOrder(Bound.Reads, BoundExpr, PC.SM)) {
    if (!VD->getType()->isReferenceType())
      continue;
    std::optional<MemberReads> M = memberReads(PC.Ctx, BoundExpr, L.Body, VD, ThroughReference::Yes);
    if (!M)
      return R;
    if (M->Change) {
      // `c.out[i]` of a reference member: what it refers to may be anything
      // (adv96 F3: "the bound 'c' changes" of a body that names no change).
      R.Applies = true;
      R.Names = M->Names;
      R.Reach = M->Change;
      R.ReachNamesObject = true;
      return R;
    }
    Names.push_back(M->Names);
    llvm::SmallVector<const Stmt *, 16> Stack{BoundExpr};
    while (!Stack.empty()) {
      const Stmt *S = Stack.pop_back_val();
      if (const auto *E = dyn_cast<Expr>(S))
        if (std::optional<MemberPath> P = memberPathOf(E); P && P->Root == VD &&
                                                           isa<MemberExpr>(E->IgnoreParenImpCasts())) {
          BoundMembers.insert(E->IgnoreParenImpCasts());
          continue;
        }
      for (const Stmt *C : S->children())
        if (C)
          Stack.push_back(C);
    }
    for (const Expr *Store : memberElementStores(PC, L.Body, VD))
      Stores.insert(Store);
  }
  DepScanner Scan(PC);
  if (Names.empty() || Scan.scan(BoundExpr, &BoundMembers).ReadsMemory)
    return R;
  StmtDeps Rest = Scan.scan(L.Body, &Stores);
  R.Applies = true;
  for (const std::string &N : Names)
    R.Names += (R.Names.empty() ? "" : ", ") + N;
  R.Reach = Rest.MemoryWrite ? Rest.MemoryWrite : Rest.ImpureCall;
  R.ReachIsCall = !Rest.MemoryWrite && Rest.ImpureCall;
  return R;
}

} // namespace

bool checkBody(PlanContext &PC, const LoopShape &L, const HeaderReads &H, std::string &WhyNot) {
  const StmtDeps &Bound = H.Bound;
  const Expr *BoundExpr = H.BoundExpr;
  const StmtDeps &B = L.Body_;
  if (B.Leave) {
    WhyNot = exitReason(B.Leave);
    return false;
  }
  if (L.Induction && B.Writes.contains(L.Induction)) {
    WhyNot = quoted(L.Induction) + " is written inside the loop body";
    return false;
  }
  if (B.Unmovable) {
    // The rewritten body runs in a lambda on other threads.
    WhyNot = "the loop body uses " + B.UnmovableWhy;
    return false;
  }
  // The bound is only sizes of containers (a range-for's range, `j <
  // r.size()`): writing elements, through any name, leaves them as they
  // are; only what may resize a container the body does not declare
  // changes them, whichever container a reference names.
  bool OnlySizes = BoundExpr ? boundReadsOnlySizes(BoundExpr) : L.RangeExpr != nullptr;
  bool Resizes = !OnlySizes || mayResizeAny(L.Body, B, &PC.Facts);
  // The first bound read that the body writes, in source order: the
  // reason named is the same on every run.
  const Stmt *BoundText = BoundExpr ? static_cast<const Stmt *>(BoundExpr) : L.RangeExpr;
  const ReferenceBound RefBound = referenceBound(PC, L, BoundExpr, Bound);
  for (const VarDecl *VD : inSourceOrder(Bound.Reads, BoundText, PC.SM))
    if (B.Writes.contains(VD)) {
      // `i < out.size()` while the body stores `out[i] = ...`: storing
      // into elements does not change the size (nor does storing bits of
      // a std::vector<bool> through its proxies: the map then gives the
      // true reason, that the bits share words).
      if (BoundExpr &&
          (containerKind(VD->getType()) == ContainerKind::Owning || packsBits(VD->getType())) &&
          !VD->getType()->isReferenceType() && usesOnlySize(BoundExpr, VD) &&
          !mayResize(L.Body, VD))
        continue;
      if (!Resizes && containerKind(VD->getType()) != ContainerKind::None &&
          (BoundExpr ? usesOnlySize(BoundExpr, VD) : VD == L.Range) && !mayResize(L.Body, VD))
        continue;
      // `i < h.v.size()` (or `for (long x : h.v)`) while the body stores
      // `h.v[i]` or writes `h.bias`: VD holds the containers the bound
      // measures, which nothing in the body resizes.
      bool MemberSizes = containerKind(VD->getType()) == ContainerKind::None &&
                         (BoundExpr ? usesOnlySize(BoundExpr, VD)
                                    : VD == L.Range && !refersTo(L.RangeExpr));
      if (!Resizes && MemberSizes)
        continue;
      // `i < g.n` while the body stores `g.a[i]`; else name the change of
      // 'g.n' itself.
      std::optional<MemberReads> Members = memberReads(PC.Ctx, BoundExpr, L.Body, VD);
      if (Members && !Members->Change && !B.MemoryWrite && !B.ImpureCall)
        continue;
      // `i < c.n` of a reference `Cfg &c` while the body stores `c.out[i]`.
      if (VD->getType()->isReferenceType() && RefBound.Applies) {
        if (!RefBound.Reach)
          continue;
        WhyNot = RefBound.why(PC, B);
        return false;
      }
      if (Members && Members->Change) {
        std::string Where = enclosingText(PC, Members->Change, nullptr);
        WhyNot = "the bound reads " + Members->Names + ", which the loop body may change" +
                 (Where.empty() ? "" : " ('" + Where + "')");
        return false;
      }
      if (const Expr *Resizer = OnlySizes && MemberSizes ? mayResizeAny(L.Body, B, &PC.Facts) : nullptr) {
        WhyNot = resizedBoundReason(PC, L, BoundExpr, Resizer);
        return false;
      }
      std::string Changed = changedPart(PC, B, VD);
      WhyNot = Changed == quoted(VD)
                   ? "the bound '" + VD->getNameAsString() + "' changes inside the loop body"
                   : "the bound reads " + quoted(VD) + ", and the loop body changes " + Changed;
      return false;
    }
  if (Bound.ReadsMemory && (B.ImpureCall || (B.MemoryWrite && Resizes)) &&
      !(RefBound.Applies && !RefBound.Reach)) {
    if (RefBound.Applies) {
      WhyNot = RefBound.why(PC, B);
      return false;
    }
    // Sizes only (`v.size()` of a member, `row.size()` of a reference):
    // name what may resize.
    if (const Expr *Resizer = OnlySizes ? mayResizeAny(L.Body, B, &PC.Facts) : nullptr) {
      WhyNot = resizedBoundReason(PC, L, BoundExpr, Resizer);
      return false;
    }
    WhyNot = "the loop bound may change inside the loop body";
    return false;
  }
  if (H.StartExpr) {
    for (const VarDecl *VD : inSourceOrder(H.Start.Reads, H.StartExpr, PC.SM))
      if (L.Body_.Writes.contains(VD) &&
          !(containerKind(VD->getType()) == ContainerKind::Owning &&
            !VD->getType()->isReferenceType() && usesOnlySize(H.StartExpr, VD) &&
            !mayResize(L.Body, VD)) &&
          // `i = h.v.size()` while the body stores `h.v[i]`: nothing
          // resizes a container (as for the bound).
          !(containerKind(VD->getType()) == ContainerKind::None && usesOnlySize(H.StartExpr, VD) &&
            !mayResizeAny(L.Body, L.Body_, &PC.Facts)) &&
          !(!L.Body_.MemoryWrite && !L.Body_.ImpureCall && [&] {
            std::optional<MemberReads> Members = memberReads(PC.Ctx, H.StartExpr, L.Body, VD);
            return Members && !Members->Change;
          }())) {
        WhyNot = "the start reads " + quoted(VD) + ", which changes inside the loop body (each " +
                 "iteration of the parallel loop computes its counter from the start)";
        return false;
      }
    if (H.Start.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)) {
      WhyNot = "the loop's start may change inside the loop body";
      return false;
    }
  }
  if (L.StrideGuard) {
    for (const VarDecl *VD : inSourceOrder(H.Step.Reads, H.StepExpr, PC.SM))
      if (L.Body_.Writes.contains(VD)) {
        std::string Step = writtenText(PC, H.StepExpr), Changed = changedPart(PC, L.Body_, VD);
        WhyNot = Step == VD->getNameAsString() && Changed == quoted(VD)
                     ? "the step '" + Step + "' changes inside the loop body"
                     : "the step '" + Step + "' reads " + quoted(VD) +
                           ", and the loop body changes " + Changed;
        return false;
      }
    if ((H.Step.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)) ||
        containsJumpTarget(L.Body, JumpTarget::Label)) {
      WhyNot = H.Step.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)
                   ? "the loop's step may change inside the loop body"
                   : "the loop body has a label, which the serial copy of the loop for a step "
                     "that is not positive would repeat";
      return false;
    }
  }
  for (const ContinueStmt *C : L.Body_.Continues)
    if (!PC.offsets(C->getSourceRange())) {
      WhyNot = "a 'continue' of the loop is written in a macro";
      return false;
    }
  // A range reached through members (`h.v`) may stay while the body
  // writes other members of its object (nothing resizes it: above).
  if (L.Range && refersTo(L.RangeExpr) && L.Body_.Writes.contains(L.Range)) {
    WhyNot = "the loop body changes '" + L.Range->getNameAsString() + "'";
    return false;
  }
  return true;
}

std::string exitReason(const Stmt *Exit) {
  const char *What = isa<BreakStmt>(Exit)      ? "break"
                     : isa<ContinueStmt>(Exit) ? "continue"
                     : isa<ReturnStmt>(Exit)   ? "return"
                                               : "goto";
  return std::string("'") + What + "' leaves the loop body";
}

std::string impureReason(const Expr *Call) {
  if (const FunctionDecl *FD = calleeOf(Call))
    return quoted(FD) + (isDeclaredPure(FD) ? " is declared pure but did not pass its check"
                                            : " is not known to be pure");
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call))
    return "the constructor of '" + CE->getType().getAsString() + "' is not known to be pure";
  return "the loop body has side effects";
}

std::string bodyEffectReason(const StmtDeps &Fx, const LoopShape &L) {
  for (const VarDecl *W : Fx.Writes)
    if (!Fx.Locals.contains(W) && !(W == L.Element && !W->getType()->isReferenceType()))
      return quoted(W) + " is written inside the loop body";
  if (Fx.MemoryWrite)
    return "the loop body writes through a pointer or reference";
  if (Fx.ImpureCall)
    return Fx.ImpureWhy.empty() ? impureReason(Fx.ImpureCall) : Fx.ImpureWhy;
  return "";
}

} // namespace purecc
