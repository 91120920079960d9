//===- CountedLoops.cpp - the header of a counted loop ---------------------===//
#include "CountedLoops.h"
#include "BodyWalk.h"
#include "LoopMacros.h"
#include "TripCounts.h"
#include "analysis/MayThrow.h"

#include "clang/AST/ExprCXX.h"

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

/// K of a window's condition `i + K < e` (or `K + i`): a constant K >= 0
/// added to the counter itself (as isCounter judges it).
std::optional<std::int64_t> windowOffset(ASTContext &Ctx, const Expr *E, const VarDecl *I) {
  const auto *Sum = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!Sum || Sum->getOpcode() != BO_Add || !Sum->getType()->isIntegerType())
    return std::nullopt;
  const Expr *K = isCounter(Ctx, Sum->getLHS(), I)   ? Sum->getRHS()
                  : isCounter(Ctx, Sum->getRHS(), I) ? Sum->getLHS()
                                                     : nullptr;
  Expr::EvalResult R;
  if (!K || K->isValueDependent() || !K->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  const llvm::APSInt &V = R.Val.getInt();
  // Far below any 64-bit bound: b + K and e - K cannot overflow the count.
  if (V.isNegative() || V.getActiveBits() > 40)
    return std::nullopt;
  return static_cast<std::int64_t>(V.getZExtValue());
}

/// `i--` (the condition of `for (T i = n; i-- > 0;)`).
bool isPostDecrement(const Expr *E, const VarDecl *I) {
  const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  return UO && UO->getOpcode() == UO_PostDec && refersTo(UO->getSubExpr()) == I;
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

} // namespace

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
    return Named + " writes " + quoted(inSourceOrder(Fx.Writes, Part, PC.SM).front());
  if (Fx.MemoryWrite)
    return Named + " writes through a pointer or reference";
  if (Fx.ImpureCall)
    return Named + " has side effects: " +
           (Fx.ImpureWhy.empty() ? impureReason(Fx.ImpureCall) : Fx.ImpureWhy);
  return Named + " has side effects";
}

bool matchCountedHeader(PlanContext &PC, const ForStmt *For, DepScanner &Scan, LoopShape &L,
                        HeaderReads &H, std::string &WhyNot) {
  // `LOOP(i, n) body`: the header a rewrite replaces is the macro's text.
  if (For->getForLoc().isMacroID() || For->getRParenLoc().isMacroID()) {
    WhyNot = macroReason(PC, For, For->getRParenLoc(), For->getBody());
    return false;
  }
  WhyNot = "the loop is not of the form 'for (T i = b; i < e; ++i)'";
  const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
  const auto *I = Init && Init->isSingleDecl() ? dyn_cast<VarDecl>(Init->getSingleDecl()) : nullptr;
  // `y < std::min(H, top + 15)` binds a temporary to the library's `const
  // int &` parameter: the comparison is under the cleanups that end it
  // (user49 f01).
  const Expr *Written = For->getCond();
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(Written))
    Written = Cleanups->getSubExpr();
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(Written);
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
    return false;
  }
  if (I && I->isStaticLocal()) {
    // Its last value outlives the loop (the next call starts from it),
    // and the rewritten loop leaves it as it was.
    WhyNot = quoted(I) + " is declared '" +
             (I->getTSCSpec() != TSCS_unspecified ? "thread_local" : "static") +
             "': it keeps its last value after the loop, which the rewritten loop would not "
             "set";
    return false;
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
    return false;
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
    } else if (llvm::SmallVector<const Expr *, 4> Sides;
               For->getInc() && commaSides(For->getInc(), Sides) &&
               llvm::any_of(Sides, [&](const Expr *S) { return counterOfStep(S) == I; })) {
      // `++i, j += 3`: the counter is stepped, and so is something else
      // (adv93 F2: "does not count 'i'" of a step that does).
      const auto *Other = llvm::find_if(Sides, [&](const Expr *S) { return counterOfStep(S) != I; });
      WhyNot = "the step '" + writtenText(PC, For->getInc()) + "' " +
               (Other == Sides.end() ? "changes " + quoted(I) + " more than once"
                                     : "also evaluates '" + writtenText(PC, *Other) + "'") +
               ": only '++i', '--i', 'i += k' and 'i -= k' alone are rewritten";
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
      return false;
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
  // A window from i: `i + K < e`, `i + K <= e` (or `e > i + K`), counting
  // up by one. The counter compared is the sum; it is i + K < e exactly
  // when i < e - K, counted by countTrips with Offset K.
  std::int64_t Offset = 0;
  if (!Bnd && !PostDec && !VarStep && *Step == 1) {
    if (auto K = windowOffset(Ctx, Cond->getLHS(), I)) {
      Bnd = Cond->getRHS();
      Counter = Cond->getLHS();
      Offset = *K;
    } else if (auto K = windowOffset(Ctx, Cond->getRHS(), I)) {
      Bnd = Cond->getLHS();
      Counter = Cond->getRHS();
      AsLeft = BinaryOperator::isComparisonOp(Op) ? BinaryOperator::reverseComparisonOp(Op) : Op;
      Offset = *K;
    }
    if (Bnd && AsLeft != BO_LT && AsLeft != BO_LE) {
      WhyNot = "the condition '" + writtenText(PC, Cond) + "' compares '" +
               writtenText(PC, Counter) + "' with a bound other than by '<' or '<=': of a "
               "window 'i + K' only 'i + K < e' and 'i + K <= e' are counted";
      return false;
    }
    // An unsigned sum wraps when the start is within K of its type's
    // largest value: `i + 400 < n` from 4294967000u is 104 < n at once,
    // and the serial loop runs through the wrap (adv49 t30). Counted only
    // from a constant start that keeps the first sum in range.
    if (Bnd && Counter->IgnoreParenImpCasts()->getType()->isUnsignedIntegerType()) {
      QualType Sum = Counter->IgnoreParenImpCasts()->getType();
      Expr::EvalResult Start;
      bool Fits = false;
      if (counterStart(I)->EvaluateAsInt(Start, Ctx)) {
        const llvm::APSInt &B = Start.Val.getInt();
        constexpr unsigned Wide = 192;
        llvm::APInt Max = llvm::APInt::getMaxValue(Ctx.getIntWidth(Sum)).zext(Wide);
        llvm::APInt First = (B.isSigned() ? B.sext(Wide) : B.zext(Wide)) +
                            llvm::APInt(Wide, static_cast<std::uint64_t>(Offset));
        Fits = !B.isNegative() && First.ule(Max);
      }
      if (!Fits) {
        WhyNot = "the sum '" + writtenText(PC, Counter) + "' ('" + PC.typeText(Sum) +
                 "') may wrap around from the start, where the serial loop counts on through "
                 "the wrap: a window over an unsigned sum is counted from a constant start";
        return false;
      }
    }
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
    return false;
  }
  // `i < 7.5`, `i >= lo` with a double lo: the condition compares the
  // counter converted to a floating type, and a count from the bound
  // converted to an integer is off by one (7.5 truncates to 7; the serial
  // loop also runs i == 7).
  if (QualType Compared = Cond->getLHS()->getType(); !Compared->isIntegralOrEnumerationType()) {
    WhyNot = "the condition '" + writtenText(PC, Cond) + "' compares " + quoted(I) + " as '" +
             PC.typeText(Compared) + "': only conditions that compare integers are counted";
    return false;
  }
  if (VarStep) {
    H.Step = Scan.scan(VarStep);
    H.StepExpr = VarStep;
    if (!H.Step.isEffectFree()) {
      WhyNot = headerEffectReason(PC, H.Step, VarStep, "step", For->getBody());
      return false;
    }
    if (H.Step.Reads.contains(I)) {
      WhyNot = "the loop's step depends on " + quoted(I);
      return false;
    }
  }
  Inclusive = AsLeft == BO_LE || AsLeft == BO_GE;
  // `for (auto i{0L}; ...)`, `long i = {0}`: the start is the one value
  // inside the braces (the braces around a plain value as a function's
  // argument draw clang's -Wbraced-scalar-init).
  const Expr *Start = counterStart(I);
  StmtDeps InitFx = Scan.scan(Start);
  H.Bound = Scan.scan(Bnd);
  if (!InitFx.isEffectFree() || !H.Bound.isEffectFree()) {
    WhyNot = InitFx.isEffectFree()
                 ? headerEffectReason(PC, H.Bound, Bnd, "bound", For->getBody())
                 : headerEffectReason(PC, InitFx, Start, "start", For->getBody());
    return false;
  }
  if (H.Bound.Reads.contains(I)) {
    WhyNot = "the loop bound depends on " + quoted(I);
    return false;
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
    return false;
  }
  L.Induction = I;
  std::optional<Trips> Trips;
  if (VarStep) {
    Trips = countVariableStride(PC, I, Counter->getType(), VarStep, Inclusive, *BeginText,
                                *EndText, L, WhyNot);
    // The leaves evaluate b and k again: the body must change neither.
    H.Start = InitFx;
    H.StartExpr = Start;
  } else if (*Step == 1) {
    Trips = countTrips(PC, I, Counter->getType(), Bnd, Op == BO_NE, Inclusive, *BeginText,
                       *EndText, WhyNot, Offset);
    // A range numbered from 0 (across 2^63): the leaves evaluate b again.
    if (Trips && !Trips->Index.empty()) {
      L.IndexValue = Trips->Index;
      H.Start = InitFx;
      H.StartExpr = Start;
    }
  } else {
    Trips = countStrided(PC, I, Counter->getType(), Bnd, For->getInc(), *Step, Inclusive,
                         PostDec, *BeginText, *EndText, L.IndexValue, WhyNot);
    // A stride's leaves evaluate b again: the body must not change it.
    H.Start = InitFx;
    H.StartExpr = Start;
  }
  if (!Trips)
    return false;
  L.Begin = Trips->Begin;
  L.End = Trips->End;
  L.TripCount = Trips->Count;
  L.Body = For->getBody();
  H.BoundExpr = Bnd;
  return true;
}

} // namespace purecc
