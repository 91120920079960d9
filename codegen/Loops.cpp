//===- Loops.cpp - counted loops and range-for loops over random access ---===//
#include "Loops.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "Escapes.h"
#include "LoopDirectives.h"
#include "LoopMacros.h"
#include "Places.h"
#include "Resizes.h"
#include "Speculation.h"
#include "TripCounts.h"
#include "WhatMayThrow.h"
#include "analysis/FixedCallee.h"
#include "analysis/MayThrow.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace purecc {
namespace {

/// The constant step of `++i`, `i--`, `i += 3`, `i -= 2` (never 0).
std::optional<std::int64_t> stepOf(ASTContext &Ctx, const Expr *Inc, const VarDecl *I) {
  if (!Inc)
    return std::nullopt;
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc)) {
    if (!UO->isIncrementDecrementOp() || refersTo(UO->getSubExpr()) != I)
      return std::nullopt;
    return UO->isIncrementOp() ? 1 : -1;
  }
  const auto *CA = dyn_cast<CompoundAssignOperator>(Inc);
  if (!CA || refersTo(CA->getLHS()) != I ||
      (CA->getOpcode() != BO_AddAssign && CA->getOpcode() != BO_SubAssign))
    return std::nullopt;
  Expr::EvalResult R;
  const Expr *By = CA->getRHS();
  if (By->isValueDependent() || !By->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  // Any step whose negation is a std::int64_t: the counts are computed
  // without overflow for all of them (TripCounts.h).
  std::optional<std::int64_t> Step = R.Val.getInt().tryExtValue();
  if (!Step || *Step == 0 || *Step == INT64_MIN)
    return std::nullopt;
  return CA->getOpcode() == BO_AddAssign ? *Step : -*Step;
}

/// Whether E is the counter I as a condition compares it: `i`, or `i`
/// under explicit casts to integer types that hold every value of I's type
/// (`(long)i`); a cast to an unsigned type of the same width (`(unsigned)i`)
/// is judged like the usual conversion, by the common type of the condition.
bool isCounter(ASTContext &Ctx, const Expr *E, const VarDecl *I) {
  E = E->IgnoreParenImpCasts();
  while (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    QualType To = Cast->getType();
    if (!To->isIntegerType() || To->isBooleanType() ||
        Ctx.getIntWidth(To) < Ctx.getIntWidth(I->getType()))
      return false;
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  return refersTo(E) == I;
}

/// `i--` (the condition of `for (T i = n; i-- > 0;)`).
bool isPostDecrement(const Expr *E, const VarDecl *I) {
  const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  return UO && UO->getOpcode() == UO_PostDec && refersTo(UO->getSubExpr()) == I;
}

/// The text of E as the user wrote it, macros unexpanded (`STEP`, `K`):
/// for naming it in a remark.
std::string writtenText(PlanContext &PC, const Expr *E) {
  if (auto Plain = PC.text(E->getSourceRange()))
    return *Plain;
  CharSourceRange R = PC.SM.getExpansionRange(E->getSourceRange());
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(R, PC.SM, PC.LO, &Invalid);
  return Invalid ? std::string() : Text.str();
}

/// The variable an increment `++i`, `i += k`, `i = i + k` counts with.
const VarDecl *counterOfStep(const Expr *Inc) {
  if (!Inc)
    return nullptr;
  Inc = Inc->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc))
    return UO->isIncrementDecrementOp() ? refersTo(UO->getSubExpr()) : nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(Inc))
    return BO->isAssignmentOp() ? refersTo(BO->getLHS()) : nullptr;
  return nullptr;
}

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
  if (Target && isa<MemberExpr>(Target->IgnoreParenImpCasts()))
    if (std::string T = writtenText(PC, Target->IgnoreParenImpCasts()); !T.empty())
      return "'" + T + "'";
  return quoted(VD);
}

/// Why a part of a counted loop's header ("start", "bound", "step"),
/// whose effects are Fx, cannot be evaluated apart from the body: a call
/// through a lambda that captures by reference what the body changes, a
/// call that may throw, a call not known to be pure, a write.
std::string headerEffectReason(PlanContext &PC, const StmtDeps &Fx, const Expr *Part,
                               const char *What, const Stmt *Body) {
  std::string Text = writtenText(PC, Part);
  std::string Named = std::string("the loop's ") + What + (Text.empty() ? "" : " '" + Text + "'");
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Fx.ImpureCall);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    if (const CXXRecordDecl *RD = Op->getArg(0)->getType()->getAsCXXRecordDecl();
        RD && RD->isLambda()) {
      const VarDecl *Holder = refersTo(Op->getArg(0));
      StmtDeps BodyFx = DepScanner(PC).scan(Body);
      for (const LambdaCapture &C : RD->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()); V && BodyFx.Writes.contains(V))
            return Named + " reads " + quoted(V) + " through " +
                   (Holder ? quoted(Holder) : std::string("a lambda")) +
                   ", and the loop body changes " + quoted(V);
      if (Holder && !MayThrow(PC.Ctx).mayThrow(Part))
        return Named + " calls the lambda " + quoted(Holder) + ", which is not known to be pure";
    }
  if (Fx.ImpureCall && MayThrow(PC.Ctx).mayThrow(Part))
    return Named + " may throw, and the parallel loop would evaluate it before the first "
                   "iteration, the serial loop only after it";
  if (!Fx.Writes.empty())
    return Named + " writes " + quoted(*Fx.Writes.begin());
  if (Fx.MemoryWrite)
    return Named + " writes through a pointer or reference";
  if (Fx.ImpureCall)
    return Named + " has side effects: " +
           (Fx.ImpureWhy.empty() ? impureReason(Fx.ImpureCall) : Fx.ImpureWhy);
  return Named + " has side effects";
}

/// Why a bound (or range) that reads only sizes of containers may change:
/// Resizer, in the body, may resize one of them.
std::string resizedBoundReason(PlanContext &PC, const LoopShape &L, const Expr *BoundExpr,
                               const Expr *Resizer) {
  std::string What = BoundExpr ? "the bound '" + writtenText(PC, BoundExpr) + "'"
                               : "the range '" + L.RangeName + "'";
  std::string Text = writtenText(PC, Resizer);
  return What + " may change: the loop body may resize a container" +
         (Text.empty() || Text.size() > 60 ? "" : " ('" + Text + "')");
}

/// Checks what every loop shape needs of its body, given its effects.
/// BoundExpr: the condition's bound (counted loops).
bool checkBody(PlanContext &PC, const LoopShape &L, const StmtDeps &Bound,
               const Expr *BoundExpr, std::string &WhyNot) {
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
  bool Resizes = !OnlySizes || mayResizeAny(L.Body, B);
  for (const VarDecl *VD : Bound.Reads)
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
      if (const Expr *Resizer = OnlySizes && MemberSizes ? mayResizeAny(L.Body, B) : nullptr) {
        WhyNot = resizedBoundReason(PC, L, BoundExpr, Resizer);
        return false;
      }
      std::string Changed = changedPart(PC, B, VD);
      WhyNot = Changed == quoted(VD)
                   ? "the bound '" + VD->getNameAsString() + "' changes inside the loop body"
                   : "the bound reads " + quoted(VD) + ", and the loop body changes " + Changed;
      return false;
    }
  if (Bound.ReadsMemory && (B.ImpureCall || (B.MemoryWrite && Resizes))) {
    // Sizes only (`v.size()` of a member, `row.size()` of a reference):
    // name what may resize.
    if (const Expr *Resizer = OnlySizes ? mayResizeAny(L.Body, B) : nullptr) {
      WhyNot = resizedBoundReason(PC, L, BoundExpr, Resizer);
      return false;
    }
    WhyNot = "the loop bound may change inside the loop body";
    return false;
  }
  return true;
}

/// Whether S declares a label (a copy of it would declare it twice).
bool containsLabel(const Stmt *S) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsLabel(Child))
      return true;
  return false;
}

} // namespace

std::string trimBeforeSpace(PlanContext &PC, std::string Head, unsigned Off) {
  std::string Next = PC.textAt(Off, Off + 1);
  if (!Next.empty() && isspace(static_cast<unsigned char>(Next[0])))
    while (!Head.empty() && Head.back() == ' ')
      Head.pop_back();
  return Head;
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
    return quoted(FD) + " is not known to be pure";
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

/// The `#pragma` line that stands right before the main-file offset At
/// (`#pragma GCC unroll 4`, `#pragma omp simd`: they apply to the statement
/// that follows, which must stay a loop), skipping blank and `//` comment
/// lines; empty when there is none.
std::string pragmaBefore(PlanContext &PC, unsigned At) {
  StringRef Before = PC.SM.getBufferData(PC.SM.getMainFileID()).take_front(At);
  llvm::SmallVector<StringRef, 16> Lines;
  // A pragma stands within the few lines above; no need to split the file.
  Before.take_back(4096).split(Lines, '\n');
  // The loop must begin its line: `x = 1; for (...)` follows no pragma.
  if (Lines.size() < 2 || !Lines.back().trim().empty())
    return "";
  for (size_t K = Lines.size() - 1; K-- > 0;) {
    StringRef T = Lines[K].trim();
    if (T.empty() || T.starts_with("//"))
      continue;
    // A pragma continued over several lines ends here: its first line.
    size_t First = K;
    while (First > 0 && Lines[First - 1].rtrim().ends_with("\\"))
      --First;
    StringRef Head = Lines[First].trim();
    if ((Head.consume_front("#") && Head.ltrim().starts_with("pragma")) ||
        Head.starts_with("_Pragma"))
      return Lines[First].trim().rtrim("\\").rtrim().str();
    return "";
  }
  return "";
}

std::string asInt64(PlanContext &PC, const Expr *E, const std::string &Text) {
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (T->isSignedIntegerType() && PC.Ctx.getTypeSize(T) <= 64)
    return Text;
  return "static_cast<std::int64_t>(" + Text + ")";
}

std::optional<LoopShape> matchLoop(PlanContext &PC, const Stmt *Loop, std::string &WhyNot) {
  LoopShape L;
  L.Loop = Loop;
  DepScanner Scan(PC);
  StmtDeps Bound;
  StmtDeps StepFx; // a step that is no constant: what it reads
  // A strided loop's leaves evaluate the start again (i == b + s*k): what
  // it reads must not change in the body.
  StmtDeps StartFx;
  const Expr *StartExpr = nullptr;
  const Expr *StepExpr = nullptr; // a step that is no constant
  const Expr *BoundExpr = nullptr;
  SourceLocation RParen;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    // `LOOP(i, n) body`: the header a rewrite replaces is the macro's text.
    if (For->getForLoc().isMacroID() || For->getRParenLoc().isMacroID()) {
      WhyNot = macroReason(PC, Loop, For->getRParenLoc(), For->getBody());
      return std::nullopt;
    }
    WhyNot = "the loop is not of the form 'for (T i = b; i < e; ++i)'";
    const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
    const auto *I = Init && Init->isSingleDecl() ? dyn_cast<VarDecl>(Init->getSingleDecl()) : nullptr;
    const auto *Cond = dyn_cast_or_null<BinaryOperator>(For->getCond());
    if (I && !I->getType()->isIntegerType() && !I->getType()->isDependentType()) {
      // `for (auto it = v.begin(); it != v.end(); ++it)`: say so in the
      // user's words, not with the library's iterator class.
      QualType T = I->getType().getNonReferenceType();
      std::string What = T->isPointerType()      ? "a pointer"
                         : T->isRecordType()     ? "an iterator"
                         : T->isRealFloatingType() ? "a floating-point counter"
                                                 : "not an integer";
      WhyNot = quoted(I) + " is " + What +
               ": only loops that count with an integer ('for (T i = b; i < e; ++i)') and "
               "range-for loops ('for (auto &x : v)') are rewritten";
      return std::nullopt;
    }
    if (I && I->isStaticLocal()) {
      // Its last value outlives the loop (the next call starts from it),
      // and the rewritten loop leaves it as it was.
      WhyNot = quoted(I) + " is declared '" +
               (I->getTSCSpec() != TSCS_unspecified ? "thread_local" : "static") +
               "': it keeps its last value after the loop, which the rewritten loop would not "
               "set";
      return std::nullopt;
    }
    if (!I || !I->getInit() || !Cond) {
      // Say which part of the header is not the counted form.
      const VarDecl *Counter = I ? I : counterOfStep(For->getInc());
      if (Counter && !I && Counter->getType()->isRealFloatingType())
        WhyNot = quoted(Counter) + " is a floating-point counter: only loops that count with an "
                 "integer ('for (T i = b; i < e; ++i)') and range-for loops ('for (auto &x : v)') "
                 "are rewritten";
      else if (!I && Init)
        WhyNot = "the loop's header declares more than one variable: only loops that declare "
                 "their counter alone ('for (T i = b; i < e; ++i)') are rewritten";
      else if (!I)
        WhyNot = std::string("the loop's counter ") +
                 (Counter ? quoted(Counter) + " " : std::string()) +
                 "is not declared in its header: only loops of the form 'for (T i = b; i < e; "
                 "++i)' are rewritten";
      else if (!I->getInit())
        WhyNot = quoted(I) + " has no start value in the loop's header";
      else if (!For->getCond())
        WhyNot = "the loop has no condition";
      else
        WhyNot = "the condition '" + writtenText(PC, For->getCond()) + "' does not compare " +
                 quoted(I) + " with a bound ('i < e', 'i <= e', 'i != e', 'i > e', 'i >= e')";
      return std::nullopt;
    }
    ASTContext &Ctx = PC.Ctx;
    // `for (T i = b; i-- > e;)`: no increment, the condition counts down.
    bool PostDec = !For->getInc() &&
                   ((Cond->getOpcode() == BO_GT && isPostDecrement(Cond->getLHS(), I)) ||
                    (Cond->getOpcode() == BO_LT && isPostDecrement(Cond->getRHS(), I)));
    std::optional<std::int64_t> Step = PostDec ? std::optional<std::int64_t>(-1)
                                               : stepOf(Ctx, For->getInc(), I);
    // `i += k` with a k that is not a constant: its sign decides whether
    // the loop ends at all (k <= 0 counts away from the bound for ever), so
    // it is shared only under a run-time guard (countVariableStride).
    const Expr *VarStep = nullptr;
    if (!Step) {
      if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(For->getInc());
          CA && refersTo(CA->getLHS()) == I &&
          (CA->getOpcode() == BO_AddAssign || CA->getOpcode() == BO_SubAssign) &&
          !CA->getRHS()->isValueDependent() && !CA->getRHS()->isIntegerConstantExpr(Ctx)) {
        // A macro step (`i += K`, K a macro naming a variable) is repeated
        // as written, as bounds are (boundText).
        auto StepText = boundText(PC, CA->getRHS());
        if (!CA->getRHS()->getType()->isIntegerType())
          WhyNot = quoted(I) + " counts in steps of '" + writtenText(PC, CA->getRHS()) +
                   "', which is not an integer: only integer steps are rewritten";
        else if (!StepText)
          // The guard that tests the step's sign repeats its text.
          WhyNot = "the loop's step '" + writtenText(PC, CA->getRHS()) +
                   "' is written in a macro and is not a constant";
        else {
          WhyNot = quoted(I) + " counts in steps of '" + *StepText +
                   "', which is not a constant: whether the loop ends depends on its sign";
          if (CA->getOpcode() == BO_AddAssign && CA->getRHS()->getType()->isIntegerType() &&
              !CA->getRHS()->getType()->isBooleanType()) {
            VarStep = CA->getRHS();
            Step = 2; // any step but 1 and -1: the strided shapes of the condition
          }
        }
      } else if (For->getInc() && !counterOfStep(For->getInc())) {
        WhyNot = "the step '" + writtenText(PC, For->getInc()) + "' does not count " + quoted(I) +
                 ": only '++i', '--i', 'i += k' and 'i -= k' are rewritten";
      } else if (For->getInc()) {
        WhyNot = "the step '" + writtenText(PC, For->getInc()) + "' is not of the form '++i', "
                 "'--i', 'i += k' or 'i -= k'";
      } else {
        WhyNot = "the loop has no step";
      }
      if (!Step)
        return std::nullopt;
    }
    const Expr *Bnd = nullptr;
    const Expr *Counter = nullptr; // the side of the condition that is `i`
    bool Inclusive = false;
    BinaryOperatorKind Op = Cond->getOpcode();
    // Written with `i` on the left: `i < e`; mirrored: `e > i` is `i < e`.
    BinaryOperatorKind AsLeft = Op;
    if (PostDec ? isPostDecrement(Cond->getLHS(), I) : isCounter(Ctx, Cond->getLHS(), I)) {
      Bnd = Cond->getRHS();
      Counter = Cond->getLHS();
    } else if (PostDec ? isPostDecrement(Cond->getRHS(), I) : isCounter(Ctx, Cond->getRHS(), I)) {
      Bnd = Cond->getLHS();
      Counter = Cond->getRHS();
      AsLeft = BinaryOperator::isComparisonOp(Op) ? BinaryOperator::reverseComparisonOp(Op) : Op;
    }
    bool Up = *Step > 0;
    if (Up ? !(AsLeft == BO_LT || AsLeft == BO_LE || (AsLeft == BO_NE && *Step == 1))
           : !(AsLeft == BO_GT || AsLeft == BO_GE))
      Bnd = nullptr;
    if (!Bnd) {
      WhyNot = "the condition '" + writtenText(PC, Cond) + "' does not compare " + quoted(I) +
               (Counter ? " with a bound in the direction of its step ('i < e', 'i <= e' or, "
                          "counting by one, 'i != e' up; 'i > e' or 'i >= e' down)"
                        : " itself with a bound ('i < e', 'i <= e', 'i != e', 'i > e', 'i >= e')");
      return std::nullopt;
    }
    // `i < 7.5`, `i >= lo` with a double lo: the condition compares the
    // counter converted to a floating type, and a count from the bound
    // converted to an integer is off by one (7.5 truncates to 7; the serial
    // loop also runs i == 7).
    if (QualType Compared = Cond->getLHS()->getType(); !Compared->isIntegralOrEnumerationType()) {
      WhyNot = "the condition '" + writtenText(PC, Cond) + "' compares " + quoted(I) + " as '" +
               PC.typeText(Compared) + "': only conditions that compare integers are counted";
      return std::nullopt;
    }
    if (VarStep) {
      StepFx = Scan.scan(VarStep);
      StepExpr = VarStep;
      if (!StepFx.isEffectFree()) {
        WhyNot = headerEffectReason(PC, StepFx, VarStep, "step", For->getBody());
        return std::nullopt;
      }
      if (StepFx.Reads.contains(I)) {
        WhyNot = "the loop's step depends on " + quoted(I);
        return std::nullopt;
      }
    }
    Inclusive = AsLeft == BO_LE || AsLeft == BO_GE;
    // `for (auto i{0L}; ...)`, `long i = {0}`: the start is the one value
    // inside the braces (the braces around a plain value as a function's
    // argument draw clang's -Wbraced-scalar-init).
    const Expr *Start = counterStart(I);
    StmtDeps InitFx = Scan.scan(Start);
    Bound = Scan.scan(Bnd);
    if (!InitFx.isEffectFree() || !Bound.isEffectFree()) {
      WhyNot = InitFx.isEffectFree()
                   ? headerEffectReason(PC, Bound, Bnd, "bound", For->getBody())
                   : headerEffectReason(PC, InitFx, Start, "start", For->getBody());
      return std::nullopt;
    }
    if (Bound.Reads.contains(I)) {
      WhyNot = "the loop bound depends on " + quoted(I);
      return std::nullopt;
    }
    auto BeginText = boundText(PC, Start);
    auto EndText = boundText(PC, Bnd);
    if (!BeginText || !EndText) {
      // `i < n DIV`: the text to repeat would cut the macro call in two.
      const Expr *Part = BeginText ? Bnd : I->getInit();
      SourceLocation In = Part->getBeginLoc().isMacroID() ? Part->getBeginLoc() : Part->getEndLoc();
      std::string Text = writtenText(PC, Part);
      MacroUse M = macroAt(PC, In);
      // `for (long i = 0; COND; ++i)`: the macro holds more than the part.
      bool Whole = !M.Call.empty() && Text == M.Call;
      WhyNot = std::string("the loop's ") + (BeginText ? "bound" : "start") +
               (Text.empty() || Whole ? "" : " '" + Text + "'") +
               (Whole ? " is written inside " + macroPhrase(M) + " with more of the header"
                      : " is written partly inside " + macroPhrase(M)) +
               ": only a part that is a whole macro call, or has none, is repeated as written";
      return std::nullopt;
    }
    L.Induction = I;
    std::optional<Trips> Trips;
    if (VarStep) {
      Trips = countVariableStride(PC, I, Counter->getType(), VarStep, Inclusive, *BeginText,
                                  *EndText, L, WhyNot);
      // The leaves evaluate b and k again: the body must change neither.
      StartFx = InitFx;
      StartExpr = Start;
    } else if (*Step == 1) {
      Trips = countTrips(PC, I, Counter->getType(), Bnd, Op == BO_NE, Inclusive, *BeginText,
                         *EndText, WhyNot);
    } else {
      Trips = countStrided(PC, I, Counter->getType(), Bnd, For->getInc(), *Step, Inclusive,
                           PostDec, *BeginText, *EndText, L.IndexValue, WhyNot);
      // A stride's leaves evaluate b again: the body must not change it.
      StartFx = InitFx;
      StartExpr = Start;
    }
    if (!Trips)
      return std::nullopt;
    L.Begin = Trips->Begin;
    L.End = Trips->End;
    L.TripCount = Trips->Count;
    L.Body = For->getBody();
    BoundExpr = Bnd;
    RParen = For->getRParenLoc();
  } else if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop)) {
    if (RF->getInit()) {
      // `for (auto v = mk(n); long x : v)`: the rewritten loop would not run
      // it, and its names may hide the function's.
      WhyNot = "the range-for loop has an init-statement: only range-for loops without one "
               "are rewritten";
      return std::nullopt;
    }
    const VarDecl *Range = refersTo(RF->getRangeInit());
    // `for (long x : h.v)`, `for (long x : v)` in a member function: a
    // container named through members is as random-access as a variable.
    std::optional<MemberPath> Member = Range ? std::nullopt : memberPathOf(RF->getRangeInit());
    if (const auto *ME = dyn_cast<MemberExpr>(RF->getRangeInit()->IgnoreParenImpCasts());
        ME && !Member && ME->getMemberDecl()->getType()->isReferenceType()) {
      WhyNot = "the range '" + writtenText(PC, ME) + "' is the reference member " +
               quoted(ME->getMemberDecl()) + ", which may refer to any container: only a "
               "container that is a member itself is looped over";
      return std::nullopt;
    }
    QualType RangeType = Range ? Range->getType() : Member ? Member->Type : QualType();
    ContainerKind K = RangeType.isNull() ? ContainerKind::None : containerKind(RangeType);
    // `for (bool b : flags)` copies each bit: reading bits that share words
    // is no race (a proxy, `auto x`, would write them).
    if (K == ContainerKind::None && !RangeType.isNull() && packsBits(RangeType) &&
        RF->getLoopVariable()->getType()->isBooleanType())
      K = ContainerKind::Owning;
    if (K == ContainerKind::None) {
      std::string Named = Range ? quoted(Range) : Member ? "'" + Member->Name + "'" : "";
      if (!Named.empty() && packsBits(RangeType))
        WhyNot = "the range " + Named + " is a '" +
                 RangeType.getNonReferenceType().getCanonicalType().getUnqualifiedType().getAsString(
                     PC.Ctx.getPrintingPolicy()) +
                 "', whose elements share storage";
      else if (!Named.empty())
        WhyNot = "the range " + Named + " is a '" +
                 RangeType.getNonReferenceType().getUnqualifiedType().getAsString(
                     PC.Ctx.getPrintingPolicy()) +
                 "', which is neither an array nor a random-access standard container";
      else
        WhyNot = "the range is not a named array or random-access standard container";
      return std::nullopt;
    }
    const VarDecl *Elem = RF->getLoopVariable();
    auto ElemText = PC.offsets(SourceRange(Elem->getBeginLoc(), Elem->getLocation()));
    if (!ElemText || !PC.offsets(RF->getRangeInit()->getSourceRange())) {
      SourceLocation At = !ElemText ? Elem->getLocation() : RF->getRangeInit()->getBeginLoc();
      WhyNot = (!ElemText ? "the loop's element " + quoted(Elem)
                          : "the loop's range '" + writtenText(PC, RF->getRangeInit()) + "'") +
               " is written in " + macroPhrase(macroAt(PC, At)) +
               ": only a header written out in the source is rewritten";
      return std::nullopt;
    }
    L.Range = Range ? Range : Member->Root;
    L.RangeName = Range ? Range->getNameAsString() : Member->Name;
    L.RangeExpr = RF->getRangeInit()->IgnoreParenImpCasts();
    L.Element = Elem;
    L.Begin = "0";
    const std::string &Name = L.RangeName;
    if (const auto *AT = PC.Ctx.getAsConstantArrayType(RangeType.getNonReferenceType())) {
      L.End = std::to_string(AT->getSize().getZExtValue());
      L.TripCount = static_cast<std::int64_t>(AT->getSize().getZExtValue());
    } else {
      L.End = "static_cast<std::int64_t>(" + Name + ".size())";
    }
    L.Body = RF->getBody();
    RParen = RF->getRParenLoc();
    if (L.Range)
      Bound.Reads.insert(L.Range);
    if (!L.Range || L.Range->getType()->isReferenceType())
      Bound.ReadsMemory = true;
  } else {
    WhyNot.clear();
    return std::nullopt;
  }
  auto Header = PC.offsets(SourceRange(Loop->getBeginLoc(), RParen));
  std::optional<unsigned> End = PC.endOfStatement(L.Body);
  if (!End)
    End = endOfMacroBody(PC, L.Body);
  std::string DirectivesWhy;
  if (!End)
    End = endPastDirectives(PC, L.Body, DirectivesWhy);
  if (!Header || !End) {
    WhyNot = Header && !DirectivesWhy.empty() ? DirectivesWhy
                                              : macroReason(PC, Loop, RParen, L.Body);
    return std::nullopt;
  }
  if (auto Why = splitConditional(PC, Header->first, Header->second, *End)) {
    WhyNot = *Why;
    return std::nullopt;
  }
  if (std::string Pragma = pragmaBefore(PC, Header->first); !Pragma.empty()) {
    WhyNot = "the loop follows '" + Pragma + "', which must stand before a loop: loops under a "
             "pragma are left as written";
    return std::nullopt;
  }
  L.HeaderBegin = Header->first;
  L.HeaderEnd = Header->second;
  L.BodyEnd = *End;
  L.Body_ = Scan.scan(L.Body);
  if (!checkBody(PC, L, Bound, BoundExpr, WhyNot))
    return std::nullopt;
  if (StartExpr) {
    for (const VarDecl *VD : StartFx.Reads)
      if (L.Body_.Writes.contains(VD) &&
          !(containerKind(VD->getType()) == ContainerKind::Owning &&
            !VD->getType()->isReferenceType() && usesOnlySize(StartExpr, VD) &&
            !mayResize(L.Body, VD)) &&
          // `i = h.v.size()` while the body stores `h.v[i]`: nothing
          // resizes a container (checkBody).
          !(containerKind(VD->getType()) == ContainerKind::None && usesOnlySize(StartExpr, VD) &&
            !mayResizeAny(L.Body, L.Body_))) {
        WhyNot = "the start reads " + quoted(VD) + ", which changes inside the loop body (each " +
                 "iteration of the parallel loop computes its counter from the start)";
        return std::nullopt;
      }
    if (StartFx.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)) {
      WhyNot = "the loop's start may change inside the loop body";
      return std::nullopt;
    }
  }
  if (L.StrideGuard) {
    for (const VarDecl *VD : StepFx.Reads)
      if (L.Body_.Writes.contains(VD)) {
        std::string Step = writtenText(PC, StepExpr), Changed = changedPart(PC, L.Body_, VD);
        WhyNot = Step == VD->getNameAsString() && Changed == quoted(VD)
                     ? "the step '" + Step + "' changes inside the loop body"
                     : "the step '" + Step + "' reads " + quoted(VD) +
                           ", and the loop body changes " + Changed;
        return std::nullopt;
      }
    if ((StepFx.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)) ||
        containsLabel(L.Body)) {
      WhyNot = StepFx.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)
                   ? "the loop's step may change inside the loop body"
                   : "the loop body has a label, which the serial copy of the loop for a step "
                     "that is not positive would repeat";
      return std::nullopt;
    }
  }
  for (const ContinueStmt *C : L.Body_.Continues)
    if (!PC.offsets(C->getSourceRange())) {
      WhyNot = "a 'continue' of the loop is written in a macro";
      return std::nullopt;
    }
  // A range reached through members (`h.v`) may stay while the body
  // writes other members of its object (checkBody: nothing resizes it).
  if (L.Range && refersTo(L.RangeExpr) && L.Body_.Writes.contains(L.Range)) {
    WhyNot = "the loop body changes '" + L.Range->getNameAsString() + "'";
    return std::nullopt;
  }
  WhyNot.clear();
  return L;
}

namespace {

/// Whether S runs a loop or calls (transitively, through functions whose
/// bodies are visible) a function that does, or recursion. Depth-limited:
/// a long call chain counts as heavy.
bool runsLoops(const Stmt *S, llvm::SmallPtrSetImpl<const FunctionDecl *> &Path, int Depth,
               const llvm::SmallPtrSetImpl<const Expr *> *Cheap = nullptr) {
  if (!S)
    return false;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return true;
  if (const auto *CE = dyn_cast<CallExpr>(S); CE && !(Cheap && Cheap->contains(CE)))
    if (const FunctionDecl *FD =
            CE->getDirectCallee() ? CE->getDirectCallee() : fixedCallee(CE).Function) {
      const FunctionDecl *Def = nullptr;
      if (FD->hasBody(Def) && Def) {
        if (Depth >= 4 || !Path.insert(Def).second)
          return true; // deep, or recursion
        bool Heavy = runsLoops(Def->getBody(), Path, Depth + 1);
        Path.erase(Def);
        if (Heavy)
          return true;
      } else if (!FD->getASTContext().getSourceManager().isInSystemHeader(FD->getLocation())) {
        return true; // the user's, defined in another file: unknown cost
      }
    }
  for (const Stmt *Child : S->children())
    if (runsLoops(Child, Path, Depth, Cheap))
      return true;
  return false;
}

} // namespace

void endIterationsEarly(PlanContext &PC, const LoopShape &L, const std::string &Return) {
  for (const ContinueStmt *C : L.Body_.Continues) {
    auto [B, E] = *PC.offsets(C->getSourceRange());
    PC.replace(B, E, Return);
  }
}

std::string loopGrain(const LoopShape &L, const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  if (L.TripCount)
    return "";
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  if (runsLoops(L.Body, Path, 0, Cheap))
    return "";
  return "purecc::leaf_size{" + std::to_string(kMaxTinyTrips) + "}";
}

std::string tinyLoopReason(const LoopShape &L, const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  if (!L.TripCount || *L.TripCount > kMaxTinyTrips)
    return "";
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  if (runsLoops(L.Body, Path, 0, Cheap))
    return "";
  return std::to_string(*L.TripCount) + " iterations of loop-free work are too little to share";
}

std::string lastRefusal(PlanContext &PC, const LoopShape &L,
                        const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  if (std::string Tiny = tinyLoopReason(L, Cheap); !Tiny.empty())
    return Tiny;
  if (PC.isTaken(L.HeaderBegin, L.BodyEnd))
    return "the loop is rewritten otherwise";
  return "";
}

/// The expression of E's statement that E is part of (the condition of an
/// `if`, the whole expression statement), or the operand of Stop that it is
/// part of (`f(acc + i)` in `acc += f(acc + i)`), as written, when short.
std::string enclosingText(PlanContext &PC, const Expr *E, const Expr *Stop) {
  const Expr *Top = E;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Top);
    const Expr *Up = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Up || Up == Stop)
      break;
    Top = Up;
  }
  std::optional<std::string> T = PC.text(Top->getSourceRange());
  return T && T->size() <= 60 ? *T : std::string();
}

/// The update of the accumulator that Position names in (`++i`, `s += f(j)`).
const Expr *updateAround(PlanContext &PC, const Expr *Position) {
  const Expr *At = Position;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*At);
    const Expr *Up = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Up)
      return nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(Up); UO && UO->isIncrementDecrementOp())
      return UO;
    if (const auto *BO = dyn_cast<BinaryOperator>(Up); BO && BO->isAssignmentOp())
      return BO;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Up); Op && Op->isAssignmentOp())
      return Op;
    At = Up;
  }
  return nullptr;
}

const DeclRefExpr *otherUse(const Stmt *S, const VarDecl *V,
                            const llvm::SmallPtrSetImpl<const Expr *> &Skip) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S); E && Skip.contains(E))
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl());
    if (DRE->getDecl() == V || (BD && BD->getDecomposedDecl() == V))
      return DRE;
  }
  for (const Stmt *Child : S->children())
    if (const DeclRefExpr *Found = otherUse(Child, V, Skip))
      return Found;
  return nullptr;
}

namespace {

/// The `for` loop around Loop whose header declares V, if any.
const ForStmt *loopCountingWith(PlanContext &PC, const Stmt *Loop, const VarDecl *V) {
  const Stmt *At = Loop;
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*At);
    const Stmt *Up = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!Up || isa<LambdaExpr>(Up))
      return nullptr;
    if (const auto *For = dyn_cast<ForStmt>(Up))
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()))
        for (const Decl *D : Init->decls())
          if (D == V)
            return For;
    At = Up;
  }
  return nullptr;
}

} // namespace

std::string accumulatorUseReason(PlanContext &PC, const LoopShape &L, const VarDecl *Acc,
                                 llvm::ArrayRef<const Expr *> Positions, const StmtDeps &Rest) {
  bool Written = Rest.Writes.contains(Acc);
  if (!Written && !Rest.Reads.contains(Acc))
    return "";
  std::string Name = quoted(Acc);
  if (const ForStmt *Outer = loopCountingWith(PC, L.Loop, Acc))
    Name += ", the counter of the loop on line " +
            std::to_string(PC.SM.getPresumedLineNumber(Outer->getBeginLoc())) + ",";
  std::string Update;
  const Expr *U = Positions.empty() ? nullptr : updateAround(PC, Positions.front());
  if (U)
    if (std::optional<std::string> T = PC.text(U->getSourceRange()); T && T->size() <= 60)
      Update = " ('" + *T + "')";
  llvm::SmallPtrSet<const Expr *, 4> Skip(Positions.begin(), Positions.end());
  const DeclRefExpr *Use = otherUse(L.Body, Acc, Skip);
  std::string Where = Use ? enclosingText(PC, Use, U) : std::string();
  if (auto It = Rest.FirstWrite.find(Acc); Written && It != Rest.FirstWrite.end()) {
    // The write itself, not a read met first (`if (c > 5) c = 0;`).
    std::optional<std::string> T = PC.text(It->second->getSourceRange());
    Where = T && T->size() <= 60 ? *T : std::string();
  }
  Where = Where.empty() ? "" : " ('" + Where + "')";
  if (Written)
    return Name + " is updated inside the loop body" + Update + " and also written there" +
           Where + " otherwise: only a variable that the body changes by its updates alone is "
           "combined";
  return Name + " is written inside the loop body" + Update + " and read there" + Where +
         ": each iteration would read a partial value instead of the one the iterations before "
         "it left";
}

std::string accumulatorReason(const VarDecl *V,
                              const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                              const LoopShape &L) {
  if (V->getType().isVolatileQualified())
    return quoted(V) + " is volatile: each of its reads and writes must happen as the loop "
           "makes them";
  if (!isOwnedLocal(V))
    return quoted(V) + " is not a local variable";
  if (auto It = L.ReadThrough.find(V); It != L.ReadThrough.end())
    return readThroughReason(V, It->second);
  if (Escaped.contains(V))
    return "the address of " + quoted(V) + " escapes";
  return "";
}


std::string exceptionReason(PlanContext &PC, const LoopShape &L) {
  // The speculation rule (docs/codegen.md): iterations run at once, so a
  // later one may start before an earlier one throws; the serial loop never
  // runs it then, and it may run for hours or never return. Stopping at the
  // next chunk boundary does not help a chunk already running. What the
  // library throws counts by the contract of the function the user calls
  // (Operands::Speculated: `v.at(i)` does, `"item-" + std::to_string(i)`
  // does not; docs/codegen.md).
  // A range-for's loop variable is made in each iteration too (a copy of
  // the element, destroyed at the iteration's end), outside the body.
  MayThrow Throws = speculationThrows(PC.Ctx);
  const Stmt *Thrower = nullptr;
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(L.Loop);
      RF && Throws.mayThrow(RF->getLoopVarStmt()))
    Thrower = RF->getLoopVarStmt();
  else if (Throws.mayThrow(L.Body))
    Thrower = L.Body;
  else
    return "";
  std::string What = whatMayThrow(PC, Throws, Thrower);
  return (What.empty() ? "code in the loop body" : What) +
         " may throw, and the serial loop does not run the later iterations then";
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return F->getBody();
  if (const auto *RF = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return RF->getBody();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return W->getBody();
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return D->getBody();
  return nullptr;
}

shapes::Index makeIndex(PlanContext &PC, const LoopShape &L) {
  shapes::Index Idx;
  if (L.Element) {
    if (!L.Body_.Reads.contains(L.Element) && !L.Body_.Writes.contains(L.Element) &&
        !L.Body_.MemoryWrite)
      return Idx;
    Idx.Param = PC.freshName("k");
    const VarDecl *E = L.Element;
    unsigned B = PC.offsets(SourceRange(E->getBeginLoc(), E->getLocation()))->first;
    // `const auto &[k, v]`: a structured binding's location is its '['.
    const auto *DD = dyn_cast<DecompositionDecl>(E);
    SourceLocation Last = DD && !DD->bindings().empty() ? DD->bindings().back()->getLocation()
                                                        : E->getLocation();
    Idx.Declaration = PC.textAt(B, PC.endOfToken(Last)) + (DD ? "]" : "") + " = " +
                      L.RangeName + "[" + Idx.Param + "]; ";
    return Idx;
  }
  const VarDecl *I = L.Induction;
  if (!L.Body_.Reads.contains(I))
    return Idx;
  if (!L.IndexValue.empty()) {
    Idx.Param = PC.freshName("k");
    std::string Value = L.IndexValue;
    Value.replace(Value.find('\x01'), 1, Idx.Param);
    Idx.Declaration = "const " + PC.typeText(I->getType().getUnqualifiedType()) + " " +
                      I->getNameAsString() + " = " + Value + "; ";
    return Idx;
  }
  QualType T = I->getType().getUnqualifiedType();
  if (PC.Ctx.hasSameType(T, PC.Ctx.getIntTypeForBitwidth(64, /*Signed=*/true))) {
    Idx.Param = I->getNameAsString();
    return Idx;
  }
  Idx.Param = PC.freshName("i");
  std::string Type = PC.typeText(T);
  Idx.Declaration = "const " + Type + " " + I->getNameAsString() + " = static_cast<" + Type +
                    ">(" + Idx.Param + "); ";
  return Idx;
}

} // namespace purecc
