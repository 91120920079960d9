//===- TripCounts.cpp - how many iterations a counted loop runs -----------===//
#include "TripCounts.h"
#include "PreprocessorRecord.h"
#include "LineDirectives.h"
#include "analysis/MayThrow.h"

#include "clang/Lex/Lexer.h"

using namespace clang;

namespace purecc {
namespace {

/// The value range of an integer type.
struct IntRange {
  llvm::APSInt Min, Max;
};
IntRange rangeOf(ASTContext &Ctx, QualType T) {
  unsigned W = Ctx.getIntWidth(T);
  bool Unsigned = T->isUnsignedIntegerOrEnumerationType();
  return {llvm::APSInt::getMinValue(W, Unsigned), llvm::APSInt::getMaxValue(W, Unsigned)};
}
bool within(const llvm::APSInt &V, const IntRange &R) {
  return llvm::APSInt::compareValues(V, R.Min) >= 0 && llvm::APSInt::compareValues(V, R.Max) <= 0;
}
/// Every value of From is a value of To.
bool contains(ASTContext &Ctx, QualType To, QualType From) {
  IntRange F = rangeOf(Ctx, From);
  return within(F.Min, rangeOf(Ctx, To)) && within(F.Max, rangeOf(Ctx, To));
}
std::optional<llvm::APSInt> constantOf(ASTContext &Ctx, const Expr *E) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

} // namespace

std::optional<std::int64_t> smallConstant(ASTContext &Ctx, const Expr *E) {
  Expr::EvalResult V;
  if (E->isValueDependent() || !E->EvaluateAsInt(V, Ctx) ||
      V.Val.getInt().getSignificantBits() > 40)
    return std::nullopt;
  return V.Val.getInt().getExtValue();
}

const Expr *counterStart(const VarDecl *I) {
  const Expr *Start = I->getInit();
  if (const auto *IL = dyn_cast_or_null<InitListExpr>(Start ? Start->IgnoreImplicit() : nullptr);
      IL && IL->getNumInits() == 1)
    return IL->getInit(0);
  return Start;
}

std::optional<std::string> boundText(PlanContext &PC, const Expr *E) {
  if (auto Plain = PC.text(E->getSourceRange()))
    return Plain;
  CharSourceRange R = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(E->getSourceRange()),
                                               PC.SM, PC.LO);
  if (R.isInvalid() || PC.SM.getFileID(R.getBegin()) != PC.SM.getMainFileID())
    return std::nullopt;
  unsigned B = PC.SM.getFileOffset(R.getBegin()), End = PC.SM.getFileOffset(R.getEnd());
  if (End <= B)
    return std::nullopt;
  std::string Text = PC.textAt(B, End);
  const Expr *Bare = E->IgnoreImpCasts();
  if (isa<IntegerLiteral, DeclRefExpr, ParenExpr, CharacterLiteral>(Bare))
    return Text;
  return "(" + Text + ")";
}

std::optional<Trips> countTrips(PlanContext &PC, const VarDecl *I, QualType C, const Expr *Bnd,
                                bool NotEqual, bool Inclusive, const std::string &BeginText,
                                const std::string &EndText, std::string &WhyNot,
                                std::int64_t Offset) {
  ASTContext &Ctx = PC.Ctx;
  QualType T = I->getType().getUnqualifiedType();
  C = C.getUnqualifiedType();
  unsigned W = Ctx.getIntWidth(T);
  assert((Offset == 0 || !NotEqual) && "a window's condition is counted for '<' and '<=' only");
  bool Wraps = T->isUnsignedIntegerType() || W < Ctx.getIntWidth(Ctx.IntTy);
  IntRange TR = rangeOf(Ctx, T);
  std::string Name = quoted(I), TypeName = PC.typeText(T);
  const Expr *InitWritten = counterStart(I)->IgnoreParenImpCasts();
  QualType BoundType = Bnd->IgnoreParenImpCasts()->getType();
  std::optional<llvm::APSInt> B = constantOf(Ctx, counterStart(I)); // already converted to T
  std::optional<llvm::APSInt> E = constantOf(Ctx, Bnd);            // converted to C
  // `i + K < e` is `i < e - K`: a constant bound moves down by K (in a
  // wider type, where a bound below K stays below every i >= 0).
  if (E && Offset != 0) {
    llvm::APSInt Wide = E->extend(E->getBitWidth() + 64);
    Wide.setIsSigned(true);
    llvm::APSInt Moved = Wide - llvm::APSInt::get(Offset).extend(Wide.getBitWidth());
    // Back to a width the counts below read: e's own (0 <= e - K <= e), or
    // 64 signed bits (-K <= e - K < 0).
    E = Moved.isNegative() ? llvm::APSInt(Moved.trunc(64), /*isUnsigned=*/false)
                           : llvm::APSInt(Moved.trunc(E->getBitWidth()), E->isUnsigned());
  }

  // i as C is i itself unless a signed i is compared as unsigned: then a
  // negative i compares as a large value. Fine only when i starts at a
  // constant >= 0 and cannot wrap.
  if (T->isSignedIntegerType() && C->isUnsignedIntegerType() &&
      (Wraps || !B || B->isNegative())) {
    WhyNot = Name + " ('" + TypeName + "') is compared as '" + PC.typeText(C) +
             "', where a negative value compares as a large one";
    return std::nullopt;
  }
  // The bound as the condition sees it, and whether it lies in T's range.
  bool BoundExact = contains(Ctx, C, BoundType); // converting it to C keeps its value
  bool FitsAbove, FitsBoth;
  if (E) {
    FitsAbove = llvm::APSInt::compareValues(*E, TR.Max) < (Inclusive ? 0 : 1);
    FitsBoth = within(*E, TR);
  } else {
    QualType Seen = BoundExact ? BoundType : C;
    IntRange SR = rangeOf(Ctx, Seen);
    // `i <= e` with e == the largest T never ends: undefined for a loop
    // without side effects, so it need not be honoured.
    FitsAbove = llvm::APSInt::compareValues(SR.Max, TR.Max) <= 0;
    FitsBoth = contains(Ctx, T, Seen);
  }
  if (Wraps && !(NotEqual ? FitsBoth : FitsAbove)) {
    WhyNot = Name + " ('" + TypeName + "') wraps around before it " +
             (E ? "can reach" : "is sure to reach") + " the bound";
    return std::nullopt;
  }
  if (W > 64 || Ctx.getIntWidth(C) > 64) {
    WhyNot = Name + " ('" + TypeName + "') or its bound is wider than 64 bits";
    return std::nullopt;
  }
  // Iterations are numbered by the counter's values as std::int64_t, which
  // keeps their order unless a 64-bit unsigned counter's range crosses
  // 2^63: there the later iterations would number below the earlier ones
  // (adv49 t35: from 2^63 - 5000 to 2^63 + 5000, an empty range). Such a
  // range is numbered from 0 instead, with i == b + k computed in
  // std::uint64_t (Wide). Not needed where the values all lie on one side
  // of 2^63 (an end known to be at most 2^63, a start known to be at least
  // 2^63), or where reaching 2^63 takes 2^62 iterations or more, which no
  // program finishes (`for (std::size_t i = 0; i < n; ++i)`).
  bool Wide = false;
  if (T->isUnsignedIntegerType() && W == 64 && !NotEqual) {
    const llvm::APInt Half = llvm::APInt::getSignedMinValue(64), Quarter = Half.lshr(1);
    bool EndBelow = E && (E->isNegative() || (Inclusive ? E->extOrTrunc(64).ult(Half)
                                                        : E->extOrTrunc(64).ule(Half)));
    bool BeginAbove = B && B->extOrTrunc(64).uge(Half);
    bool FarBelow = B && B->extOrTrunc(64).ult(Quarter);
    Wide = !BeginAbove && (E ? !EndBelow : !FarBelow);
  }
  Trips R;
  auto Int64 = [&](QualType Ty, const std::string &Text) {
    if (Ty->isSignedIntegerType() && Ctx.getTypeSize(Ty) <= 64)
      return Text;
    return "static_cast<std::int64_t>(" + Text + ")";
  };
  // b converted to T, when that may change its value (`unsigned short i = -1`).
  QualType InitType = InitWritten->getType();
  std::optional<llvm::APSInt> Written = constantOf(Ctx, InitWritten);
  bool BeginExact = InitType->isIntegerType() &&
                    (contains(Ctx, T, InitType) || (Written && within(*Written, TR)));
  std::string Begin = BeginExact ? BeginText : "static_cast<" + TypeName + ">(" + BeginText + ")";
  R.Begin = Int64(BeginExact ? InitType : T, Begin);
  // e converted to C, when that changes its value (`unsigned i < -1`).
  bool EndExact = BoundExact || !Bnd->getType()->isIntegerType();
  std::string End = EndExact ? EndText : "static_cast<" + PC.typeText(C) + ">(" + EndText + ")";
  QualType EndType = EndExact ? BoundType : C;
  if (NotEqual && Wraps) {
    // The first k >= 0 with T(b + k) == e: (e - b) modulo 2^W.
    bool BeginsAtZero = B && B->isZero() && T->isUnsignedIntegerType();
    if (W >= 64 && !BeginsAtZero) {
      WhyNot = Name + " ('" + TypeName + "') may wrap around more often than a 64-bit count holds";
      return std::nullopt;
    }
    if (BeginsAtZero) {
      R.End = Int64(EndType, End);
    } else {
      std::string U = PC.typeText(Ctx.getCorrespondingUnsignedType(T));
      R.End = R.Begin + " + static_cast<std::int64_t>(static_cast<" + U + ">(static_cast<" + U +
              ">(" + End + ") - static_cast<" + U + ">(" + Begin + ")))";
    }
    if (B && E) {
      llvm::APInt Diff = E->extOrTrunc(W) - B->extOrTrunc(W);
      R.Count = static_cast<std::int64_t>(Diff.getZExtValue());
    }
    return R;
  }
  if (Wide) {
    // k in [0, e - b - K) (one more for '<='), and i == b + k. The window's
    // caller keeps b + K from wrapping.
    auto U = [](const std::string &X) { return "static_cast<std::uint64_t>(" + X + ")"; };
    std::string Ub = U(Begin);
    std::string Ue = U(Bnd->getType()->isIntegerType()
                           ? End
                           : "static_cast<" + PC.typeText(C) + ">(" + EndText + ")");
    std::string From = Offset == 0 ? Ub : "(" + Ub + " + " + std::to_string(Offset) + "u)";
    R.Begin = "0";
    R.End = "(" + Ue + (Inclusive ? " >= " : " > ") + From + " ? static_cast<std::int64_t>(" +
            Ue + " - " + From + (Inclusive ? " + 1u" : "") + ") : 0)";
    R.Index = "static_cast<" + TypeName + ">(" + Ub + " + " + U("\x01") + ")";
  } else {
    R.End = Inclusive ? "static_cast<std::int64_t>(" + End + ") + 1" : Int64(EndType, End);
  }
  if (Offset != 0 && !Wide) {
    // e - K (+ 1 for '<=') as std::int64_t: a count at or below Begin is an
    // empty range. Only a signed 64-bit e may lie within K of its type's
    // lowest value; there the guard keeps e - K from overflowing.
    std::string E64 = "static_cast<std::int64_t>(" + End + ")";
    std::int64_t Less = Offset - (Inclusive ? 1 : 0);
    std::string Moved = Less == 0 ? E64 : E64 + " - " + std::to_string(Less);
    bool NearLowest = !E && EndType->isSignedIntegerType() && Ctx.getIntWidth(EndType) >= 64;
    R.End = NearLowest ? "(" + E64 + " < " + R.Begin + " + " + std::to_string(Offset) + " ? " +
                             R.Begin + " : " + Moved + ")"
                       : Moved;
  }
  if (B && E) {
    __int128 Bv = B->isSigned() ? B->getSExtValue() : static_cast<__int128>(B->getZExtValue());
    __int128 Ev = E->isSigned() ? E->getSExtValue() : static_cast<__int128>(E->getZExtValue());
    __int128 N = Ev - Bv + (Inclusive ? 1 : 0);
    R.Count = N <= 0 ? 0 : N > INT64_MAX ? INT64_MAX : static_cast<std::int64_t>(N);
  }
  return R;
}

std::optional<Trips> countStrided(PlanContext &PC, const VarDecl *I, QualType C, const Expr *Bnd,
                                  const Expr *Inc, std::int64_t Step, bool Inclusive, bool PostDec,
                                  const std::string &BeginText, const std::string &EndText,
                                  std::string &Index, std::string &WhyNot) {
  ASTContext &Ctx = PC.Ctx;
  QualType T = I->getType().getUnqualifiedType();
  C = C.getUnqualifiedType();
  std::string Name = quoted(I), TypeName = PC.typeText(T);
  // A narrow counter's step is computed in 'int' and converted back: it
  // wraps unless constant bounds keep the step after the last value that
  // passes the test in T (adv48 t23: `unsigned char i = 1; i < 250; i += 7`
  // ends at 246, and 253 fits).
  auto NarrowStaysInRange = [&] {
    std::optional<llvm::APSInt> B = constantOf(Ctx, counterStart(I)), E = constantOf(Ctx, Bnd);
    if (!B || !E)
      return false;
    auto Value = [](const llvm::APSInt &V) -> __int128 {
      return V.isSigned() ? V.getSExtValue() : static_cast<__int128>(V.getZExtValue());
    };
    IntRange TR = rangeOf(Ctx, T);
    __int128 Bc = Value(*B), Ec = Value(*E), A = Step < 0 ? -Step : Step;
    if (Step > 0) {
      __int128 Span = Ec - Bc - (Inclusive ? 0 : 1);
      return Span < 0 || Bc + A * (Span / A) + A <= Value(TR.Max);
    }
    __int128 Span = Bc - Ec - (Inclusive ? 0 : 1);
    return Span < 0 || Bc - A * (Span / A) - A >= Value(TR.Min);
  };
  if (Ctx.getIntWidth(T) < Ctx.getIntWidth(Ctx.IntTy) && (PostDec || !NarrowStaysInRange())) {
    WhyNot = Name + " ('" + TypeName + "') is narrower than 'int' and counts " +
             (Step < 0 ? "down" : "in steps of " + std::to_string(Step)) +
             ", which may wrap around";
    return std::nullopt;
  }
  if (Ctx.getIntWidth(T) > 64 || Ctx.getIntWidth(C) > 64) {
    WhyNot = Name + " ('" + TypeName + "') or its bound is wider than 64 bits";
    return std::nullopt;
  }
  std::optional<llvm::APSInt> B = constantOf(Ctx, counterStart(I));
  std::optional<llvm::APSInt> E = constantOf(Ctx, Bnd);
  if (T->isSignedIntegerType() && C->isUnsignedIntegerType() && (!B || B->isNegative())) {
    WhyNot = Name + " ('" + TypeName + "') is compared as '" + PC.typeText(C) +
             "', where a negative value compares as a large one";
    return std::nullopt;
  }
  QualType BoundType = Bnd->IgnoreParenImpCasts()->getType();
  bool BoundExact = contains(Ctx, C, BoundType);
  QualType InitType = counterStart(I)->IgnoreParenImpCasts()->getType();
  bool BeginExact = contains(Ctx, T, InitType);
  std::string Bv = "static_cast<std::int64_t>(" +
                   (BeginExact ? BeginText : "static_cast<" + TypeName + ">(" + BeginText + ")") +
                   ")";
  bool EndExact = BoundExact || !Bnd->getType()->isIntegerType();
  std::string Ev = "static_cast<std::int64_t>(" +
                   (EndExact ? EndText : "static_cast<" + PC.typeText(C) + ">(" + EndText + ")") +
                   ")";
  Trips R;
  auto Value = [](const std::optional<llvm::APSInt> &V) -> __int128 {
    return V->isSigned() ? V->getSExtValue() : static_cast<__int128>(V->getZExtValue());
  };
  // The values b and e may have (as T and as the condition sees e): their
  // own when they are constants, else their types' ranges; a bound that is
  // no integer may be anything.
  struct Span {
    __int128 Lo, Hi;
  };
  auto SpanOf = [&](const std::optional<llvm::APSInt> &V, QualType Ty) -> Span {
    if (V)
      return {Value(V), Value(V)};
    if (!Ty->isIntegerType())
      return {INT64_MIN, static_cast<__int128>(UINT64_MAX)};
    IntRange TR = rangeOf(Ctx, Ty);
    return {Value(TR.Min), Value(TR.Max)};
  };
  Span Bs = SpanOf(B, BeginExact ? InitType : T);
  Span Es = SpanOf(E, EndExact ? BoundType : C);
  // Where the counts below cannot be computed in std::int64_t without
  // overflow, they are computed in std::uint64_t, where they do not: the
  // trip count (e - b, at most 2^64 - 1 apart) as (e - b - 1) / s + 1, and
  // the counter as b + s*k, which modulo 2^64 is the counter's value (it is
  // one the serial loop reaches) converted back to T. A count above
  // INT64_MAX (only from a step of 2 over the whole range) is a loop the
  // serial program does not finish either: 2^63 iterations.
  auto U = [](const std::string &X) { return "static_cast<std::uint64_t>(" + X + ")"; };
  auto WideCount = [&](const std::string &From, const std::string &To, std::int64_t A,
                       bool AsUnsigned) {
    std::string Ahead = AsUnsigned ? U(To) + (Inclusive ? " >= " : " > ") + U(From)
                                   : To + (Inclusive ? " >= " : " > ") + From;
    std::string Diff = "(" + U(To) + " - " + U(From) + ")";
    std::string Per = A == 1 ? "" : " / " + std::to_string(A) + "u";
    std::string N = Inclusive ? Diff + Per + " + 1"
                    : A == 1  ? Diff
                              : "(" + Diff + " - 1)" + Per + " + 1";
    return "(" + Ahead + " ? static_cast<std::int64_t>(" + N + ") : 0)";
  };
  if (Step == -1) {
    if (T->isUnsignedIntegerType()) {
      // The bound as the condition sees it must be >= 0 (else `i > e`
      // never fails), and `i >= e` ends only when e > 0.
      bool NonNegative = C->isUnsignedIntegerType() || BoundType->isUnsignedIntegerType() ||
                         (E && !E->isNegative());
      if (!NonNegative || (Inclusive && !(E && E->isStrictlyPositive()))) {
        WhyNot = Name + " ('" + TypeName + "') wraps around before it is sure to reach the bound";
        return std::nullopt;
      }
    }
    // k is -i: exact while -b, -e and 1 - e stay in std::int64_t and k
    // grows with the iterations (b and e both below 2^63, or a b above
    // that only with e <= 0: 2^63 iterations or more). A signed b that may
    // be too small to negate (LONG_MIN) is negated only when the loop runs,
    // which means b > e.
    auto Negatable = [](const Span &S) { return S.Lo >= INT64_MIN + 2 && S.Hi <= INT64_MAX; };
    bool SignedB = T->isSignedIntegerType() && C->isSignedIntegerType();
    if (Negatable(Es) &&
        (Negatable(Bs) || SignedB || (Bs.Lo >= INT64_MIN + 2 && Es.Hi <= 0))) {
      if (PostDec) {
        R.Begin = "1 - " + Bv;
        R.End = "1 - " + Ev;
      } else {
        R.Begin = "-" + Bv;
        R.End = Inclusive ? "1 - " + Ev : "-" + Ev;
      }
      if (SignedB && !Negatable(Bs))
        R.Begin = "(" + Bv + (Inclusive ? " >= " : " > ") + Ev + " ? " + R.Begin + " : " + R.End +
                  ")";
      Index = "static_cast<" + TypeName + ">(-\x01)";
    } else {
      // k in [0, b - e) and i == b - k (`i-- > e`: b - 1 - k).
      R.Begin = "0";
      R.End = WideCount(Ev, Bv, 1, C->isUnsignedIntegerType());
      Index = "static_cast<" + TypeName + ">(" + U(Bv) + (PostDec ? " - 1u" : "") + " - " +
              U("\x01") + ")";
    }
    if (B && E) {
      __int128 N = Value(B) - Value(E) + (Inclusive ? 1 : 0);
      R.Count = N <= 0 ? 0 : N > INT64_MAX ? INT64_MAX : static_cast<std::int64_t>(N);
    }
    return R;
  }
  // Constant bounds tell whether an unsigned counter can wrap: from b to
  // e in steps of s, the step after the last value that passes the test
  // must stay in T (user46 k09: `for (uint32_t i = 0;
  // i < 100000; i += 3)` never wraps). Both in [0, INT64_MAX], the counts
  // below are exact in std::int64_t.
  std::int64_t A = Step < 0 ? -Step : Step;
  bool BoundsKeepItInRange = [&] {
    // A narrow counter's values all lie in 'int': exact in std::int64_t.
    if (Ctx.getIntWidth(T) < Ctx.getIntWidth(Ctx.IntTy))
      return NarrowStaysInRange();
    if (!B || !E)
      return false;
    __int128 Bc = Value(B), Ec = Value(E), Max = Value(rangeOf(Ctx, T).Max);
    if (Bc < 0 || Ec < 0 || Bc > INT64_MAX || Ec > INT64_MAX)
      return false;
    // The last value that passes the test, and the step after it.
    if (Step > 0) {
      __int128 Span = Ec - Bc - (Inclusive ? 0 : 1);
      return Span < 0 || Bc + A * (Span / A) + A <= Max;
    }
    __int128 Span = Bc - Ec - (Inclusive ? 0 : 1);
    return Span < 0 || Bc - A * (Span / A) - A >= 0;
  }();
  if (!BoundsKeepItInRange && (!T->isSignedIntegerType() || !C->isSignedIntegerType())) {
    // Constants past INT64_MAX are refused for the counts, not for a wrap
    // (adv49 t61 was told "may wrap around" of one that cannot).
    bool Past = B && E && (Value(B) > INT64_MAX || Value(E) > INT64_MAX);
    WhyNot = Name + " ('" + TypeName + "') counts in steps of " + std::to_string(Step) +
             (Past ? " past 9223372036854775807 (2^63 - 1), where the runtime's std::int64_t "
                     "iteration numbers end"
                   : " and may wrap around");
    return std::nullopt;
  }
  // `i += 3UL` adds in 'unsigned long' and converts back: past the largest
  // 'long' the counter wraps around to negative values and the loop goes on,
  // where `i += 3` would overflow (which the loop may assume it does not).
  if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(Inc);
      CA && !BoundsKeepItInRange && !Ctx.hasSameType(CA->getComputationResultType().getUnqualifiedType(), T)) {
    WhyNot = Name + " ('" + TypeName + "') counts in steps of " + std::to_string(Step) +
             " computed in '" + PC.typeText(CA->getComputationResultType()) +
             "', in which it wraps around instead of overflowing";
    return std::nullopt;
  }
  std::string From = Step > 0 ? Bv : Ev, To = Step > 0 ? Ev : Bv, AText = std::to_string(A);
  R.Begin = "0";
  const Span &Lower = Step > 0 ? Bs : Es, &Upper = Step > 0 ? Es : Bs;
  if (Upper.Hi - Lower.Lo <= INT64_MAX) {
    // A call, not `To >= From ? ... : 0` written out: g++'s -Wtype-limits
    // sees through the casts to int64 and warns on a comparison the bounds'
    // types decide (`(int64)m >= 0` for an unsigned short m), breaking
    // -Werror builds (purecc/trip_count.h).
    R.End = std::string(Inclusive ? "::purecc::trips_through(" : "::purecc::trips_until(") + From +
            ", " + To + ", " + AText + ")";
    Index = "static_cast<" + TypeName + ">(" + Bv + (Step > 0 ? " + " : " - ") + AText + " * \x01)";
  } else {
    // b and e may lie more than INT64_MAX apart (`for (long i = LONG_MIN;
    // i < LONG_MAX - 4; i += 1L << 62)`).
    R.End = WideCount(From, To, A, /*AsUnsigned=*/false);
    Index = "static_cast<" + TypeName + ">(" + U(Bv) + (Step > 0 ? " + " : " - ") + AText +
            "u * " + U("\x01") + ")";
  }
  if (B && E) {
    __int128 D = Step > 0 ? Value(E) - Value(B) : Value(B) - Value(E);
    __int128 N = Inclusive ? (D >= 0 ? D / A + 1 : 0) : (D > 0 ? (D + A - 1) / A : 0);
    R.Count = N > INT64_MAX ? INT64_MAX : static_cast<std::int64_t>(N);
  }
  return R;
}

std::optional<Trips> countVariableStride(PlanContext &PC, const VarDecl *I, QualType C,
                                         const Expr *Step, bool Inclusive,
                                         const std::string &BeginText,
                                         const std::string &EndText, LoopShape &L,
                                         std::string &WhyNot) {
  ASTContext &Ctx = PC.Ctx;
  QualType T = I->getType().getUnqualifiedType();
  C = C.getUnqualifiedType();
  std::string Name = quoted(I), TypeName = PC.typeText(T);
  if (Ctx.getIntWidth(T) > 64 || Ctx.getIntWidth(C) > 64 ||
      Ctx.getIntWidth(Step->getType()) > 64) {
    WhyNot = Name + " ('" + TypeName + "') or its step is wider than 64 bits";
    return std::nullopt;
  }
  if (!contains(Ctx, C, T)) {
    WhyNot = Name + " ('" + TypeName + "') is compared as '" + PC.typeText(C) +
             "', where a negative value compares as a large one";
    return std::nullopt;
  }
  std::optional<std::string> StepText = boundText(PC, Step);
  if (!StepText) {
    WhyNot = "the loop's step is written in a macro";
    return std::nullopt;
  }
  // The parallel loop needs the step before the first iteration; the serial
  // one evaluates it after each, so a throw would come before the first
  // iteration's work instead of after it (or where the serial loop never
  // evaluates it: the first iteration throws).
  if (MayThrow(Ctx).mayThrow(Step)) {
    WhyNot = "the step '" + *StepText + "' may throw, and the parallel loop would evaluate it "
             "before the first iteration, the serial loop only after it";
    return std::nullopt;
  }
  // The run-time check keeps a copy of the loop's text for the serial
  // branch; a copy expands its macros again, and one whose expansion counts
  // (`__COUNTER__`) or a `#define` in the loop would expand otherwise in
  // the branch that runs (adv36 t06: a tag macro gave another product).
  if (PC.changesPreprocessorState(L.Loop->getSourceRange())) {
    WhyNot = "the step '" + *StepText + "' is not a constant, and the serial copy of the loop that "
             "the check of its value keeps would change the preprocessor's state again "
             "('__COUNTER__', '#define' or '#undef' in the loop)";
    return std::nullopt;
  }
  std::string Stem = PC.freshName("g");
  L.StrideGuard = LoopShape::Guard{
      Stem + "_n", shapes::strideCount(TypeName, PC.typeText(C), BeginText, EndText, *StepText,
                                       Inclusive, Stem)};
  L.IndexValue = shapes::strideIndex(TypeName, BeginText, *StepText);
  Trips R;
  R.Begin = "0";
  R.End = L.StrideGuard->Trips;
  return R;
}

void guardStride(PlanContext &PC, const LoopShape &L) {
  if (!L.StrideGuard)
    return;
  // The original loop, on its own lines, for the branch that runs it
  // serially; the rewritten one continues on the loop's first line.
  FileID Main = PC.SM.getMainFileID();
  unsigned Line = PC.SM.getLineNumber(Main, L.HeaderBegin);
  LineDirectives Lines(PC.SM, PC.LO);
  bool Repeat = PC.repeatsInSerialClone(L.HeaderBegin, L.BodyEnd);
  // The copy hides purecc's attributes as the output does (a `[[pure]]`
  // lambda in the body: g++ warns about the attribute).
  Edit Head{L.HeaderBegin, L.HeaderBegin,
            shapes::strideGuardHead(L.StrideGuard->Trips, L.StrideGuard->Count) + "\n" +
                Lines.directive(Line) + PC.textAt(L.HeaderBegin, L.BodyEnd) +
                "\n" + Lines.directive(Line)};
  Head.EndsWithLineDirective = true;
  PC.P.ExtraIncludes.insert("limits");
  Head.RepeatInSerialClone = Repeat;
  PC.P.Edits.push_back(std::move(Head));
  PC.insert(L.HeaderBegin, shapes::StrideGuardElse);
  PC.P.Edits.back().RepeatInSerialClone = Repeat;
  PC.insert(L.BodyEnd, shapes::StrideGuardTail);
  PC.P.Edits.back().RepeatInSerialClone = Repeat;
}

} // namespace purecc
