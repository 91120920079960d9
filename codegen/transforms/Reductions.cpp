//===- Reductions.cpp - reduction: loops that accumulate pure results -----===//
#include "Reductions.h"
#include "BranchHints.h"
#include "ArrayReductions.h"
#include "BodyWalk.h"
#include "LoopBodies.h"
#include "Maps.h"
#include "OrderedReductions.h"
#include "Places.h"
#include "analysis/Stdlib.h"
#include "TaskRegistry.h"
#include "SameExpr.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

using shapes::ReduceOp;

struct Step {
  /// A variable of its own, or a part of one object (Places.h).
  Place Acc;
  ReduceOp Op = ReduceOp::Add;
  const Expr *Value = nullptr; // null for ++/--
  llvm::SmallVector<const Expr *, 2> Positions; // the accumulator's own references
  /// max/min: the step keeps the last of equal values (`if (e >= m) m = e;`).
  bool LastWins = false;
  /// max/min: why no tree reproduces the step for a floating accumulator
  /// (a NaN term replaces it, or the library decides); empty when one does.
  std::string FloatingProblem;
  /// The inner loops of the loop body the step is in.
  llvm::SmallVector<const Stmt *, 1> Loops;
  /// The term is the left operand (`b = t(i) || b`): `&&` and `||` then
  /// skip only the read of the accumulator, never a term.
  bool TermFirst = false;
};

/// E as a reference to the accumulator Acc (without parentheses and
/// implicit conversions: the text a leaf renames), or null.
const Expr *refTo(const Expr *E, const Place &Acc, ASTContext &Ctx) {
  return isPlace(E, Acc, Ctx) ? E->IgnoreParenImpCasts() : nullptr;
}
/// E as a reference to a place that may be an accumulator, with the place.
const Expr *placeRef(const Expr *E, Place &Out, ASTContext &Ctx) {
  std::optional<Place> P = placeOf(E, Ctx);
  if (!P)
    return nullptr;
  Out = std::move(*P);
  return E->IgnoreParenImpCasts();
}

std::optional<ReduceOp> opOf(BinaryOperatorKind K) {
  switch (K) {
  case BO_Add: case BO_AddAssign: case BO_Sub: case BO_SubAssign: return ReduceOp::Add;
  case BO_Mul: case BO_MulAssign: return ReduceOp::Mul;
  case BO_And: case BO_AndAssign: return ReduceOp::BitAnd;
  case BO_Or: case BO_OrAssign: return ReduceOp::BitOr;
  case BO_Xor: case BO_XorAssign: return ReduceOp::BitXor;
  case BO_LAnd: return ReduceOp::LogicalAnd;
  case BO_LOr: return ReduceOp::LogicalOr;
  default: return std::nullopt;
  }
}

/// A selection step: the accumulator Acc takes the value E when the
/// comparison Cmp of the two holds (ReplacesWhenTrue) or fails. Fills Op,
/// LastWins and FloatingProblem of S. Written `e REL acc` (acc on the right
/// after mirroring), replacing on true:
///   e > acc: max, first of equals kept     e >= acc: max, last kept
///   e < acc: min, first of equals kept     e <= acc: min, last kept
/// A comparison with a NaN is false, so such a step skips NaN terms and a
/// NaN accumulator stays: the tree's combine does the same. Replacing on
/// false (`m = e < m ? m : e`, `std::max(e, m)`) lets a NaN term replace the
/// accumulator, which depends on where the last NaN is: no tree reproduces
/// that for a floating type.
bool classifySelection(const BinaryOperator *Cmp, const Place &Acc, const Expr *E,
                       bool ReplacesWhenTrue, Step &S, ASTContext &Ctx) {
  BinaryOperatorKind K = Cmp->getOpcode();
  if (K != BO_LT && K != BO_GT && K != BO_LE && K != BO_GE)
    return false;
  const Expr *L = refTo(Cmp->getLHS(), Acc, Ctx), *R = refTo(Cmp->getRHS(), Acc, Ctx);
  bool AccLeft = L && sameExpr(Ctx, Cmp->getRHS(), E);
  bool AccRight = R && sameExpr(Ctx, Cmp->getLHS(), E);
  if (AccLeft == AccRight)
    return false;
  if (AccLeft)
    K = BinaryOperator::reverseComparisonOp(K);
  S.Positions.push_back(AccLeft ? L : R);
  // Now `e K acc`.
  if (!ReplacesWhenTrue) // replaced when !(e K acc), i.e. (NaN aside) e K' acc
    K = BinaryOperator::negateComparisonOp(K);
  S.Op = (K == BO_GT || K == BO_GE) ? ReduceOp::Max : ReduceOp::Min;
  S.LastWins = K == BO_GE || K == BO_LE;
  S.Value = E;
  if (!ReplacesWhenTrue)
    S.FloatingProblem = "a NaN term replaces '" + Acc.Name + "'" +
                        " in its 'max'/'min' step, which no tree order reproduces";
  return true;
}

/// `acc = std::max(acc, e)`, `acc = std::min(e, acc)`, `acc = std::fmax(acc, e)`.
bool matchMinMaxCall(const CallExpr *Call, Step &S, ASTContext &Ctx) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || Call->getNumArgs() != 2 || !FD->getDeclName().isIdentifier())
    return false;
  StringRef Name = FD->getName();
  // The library model's max/min combines; std::max and std::min are
  // comparisons (selections), the fmax family is libm's.
  Combine C = combineOf(FD);
  if (C != Combine::Max && C != Combine::Min)
    return false;
  bool Libm = Name != "max" && Name != "min";
  for (unsigned I = 0; I < 2; ++I)
    if (const Expr *A = refTo(Call->getArg(I), S.Acc, Ctx)) {
      S.Positions.push_back(A);
      S.Value = Call->getArg(1 - I);
      bool Max = C == Combine::Max;
      S.Op = Max ? ReduceOp::Max : ReduceOp::Min;
      if (Libm) {
        S.FloatingProblem = "'" + Name.str() +
                            "' leaves the sign of its result for equal zeros to the library, so "
                            "no tree order is sure to reproduce it";
        return true;
      }
      // std::max(a, b) is `a < b ? b : a`, std::min(a, b) is `b < a ? b : a`:
      // with the accumulator first, a strict selection (first of equals
      // kept); second, it is replaced unless the term is worse.
      S.LastWins = I == 1;
      if (I == 1)
        S.FloatingProblem = "a NaN term replaces '" + S.Acc.Name + "' in 'std::" + Name.str() +
                            "(..., " + S.Acc.Name + ")', which no tree order reproduces; 'std::" +
                            Name.str() + "(" + S.Acc.Name + ", ...)' skips NaN terms";
      return true;
    }
  return false;
}

/// `z = z + c(i)`, `z = c(i) + z`, `z = z - c(i)` on a floating
/// 'std::complex' (OC the assignment): the step `z += c(i)` (or `-=`) spelled
/// out, as `s = s + e` is for a number. The library's '+' copies its left
/// operand and adds the right one into it, component by component; adding
/// two floating-point numbers commutes bit for bit, so `c(i) + z` is the
/// same sum (a real term adds to the real part alone, on either side). A
/// difference is a step only with the accumulator on the left.
bool matchComplexSum(const CXXOperatorCallExpr *OC, Step &S, ASTContext &Ctx) {
  if (!OC || OC->getOperator() != OO_Equal || OC->getNumArgs() != 2)
    return false;
  const Expr *V = placeRef(OC->getArg(0), S.Acc, Ctx);
  if (!V || !isFloatingComplex(S.Acc.Type))
    return false;
  const auto *Bin = dyn_cast<CXXOperatorCallExpr>(written(OC->getArg(1)));
  if (!Bin || Bin->getNumArgs() != 2 ||
      (Bin->getOperator() != OO_Plus && Bin->getOperator() != OO_Minus))
    return false;
  const Expr *L = refTo(Bin->getArg(0), S.Acc, Ctx), *R = refTo(Bin->getArg(1), S.Acc, Ctx);
  if (L && !R) {
    S.Positions.append({V, L});
    S.Value = Bin->getArg(1);
  } else if (R && !L && Bin->getOperator() == OO_Plus) {
    S.Positions.append({V, R});
    S.Value = Bin->getArg(0);
  } else {
    return false;
  }
  return true;
}

/// Recognizes one accumulation step written as an expression statement.
std::optional<Step> matchStep(const Expr *E, ASTContext &Ctx) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr();
  E = E->IgnoreParens();
  Step S;
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    const Expr *V = UO->isIncrementDecrementOp() ? placeRef(UO->getSubExpr(), S.Acc, Ctx) : nullptr;
    if (!V)
      return std::nullopt;
    S.Positions.push_back(V);
    return S;
  }
  // `z += c(i)` on a 'std::complex': two floating-point sums (Places.h).
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getNumArgs() == 2 &&
      (OC->getOperator() == OO_PlusEqual || OC->getOperator() == OO_MinusEqual)) {
    const Expr *V = placeRef(OC->getArg(0), S.Acc, Ctx);
    if (!V || !isFloatingComplex(S.Acc.Type))
      return std::nullopt;
    S.Positions.push_back(V);
    S.Value = OC->getArg(1);
    return S;
  }
  if (matchComplexSum(dyn_cast<CXXOperatorCallExpr>(E), S, Ctx))
    return S;
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->isAssignmentOp())
    return std::nullopt;
  const Expr *V = placeRef(BO->getLHS(), S.Acc, Ctx);
  if (!V)
    return std::nullopt;
  S.Positions.push_back(V);
  if (BO->isCompoundAssignmentOp()) {
    auto Op = opOf(BO->getOpcode());
    if (!Op)
      return std::nullopt;
    S.Op = *Op;
    S.Value = BO->getRHS();
    return S;
  }
  const Expr *RHS = BO->getRHS()->IgnoreParenImpCasts();
  if (const auto *Bin = dyn_cast<BinaryOperator>(RHS)) {
    auto Op = opOf(Bin->getOpcode());
    if (!Op)
      return std::nullopt;
    const Expr *L = refTo(Bin->getLHS(), S.Acc, Ctx), *R = refTo(Bin->getRHS(), S.Acc, Ctx);
    bool Commutes = Bin->getOpcode() != BO_Sub;
    if (L) {
      S.Positions.push_back(L);
      S.Value = Bin->getRHS();
    } else if (R && Commutes) {
      S.Positions.push_back(R);
      S.Value = Bin->getLHS();
      S.TermFirst = true;
    } else {
      return std::nullopt;
    }
    S.Op = *Op;
    return S;
  }
  // acc = e > acc ? e : acc;  acc = acc < e ? e : acc;  acc = e < acc ? acc : e;
  if (const auto *Cond = dyn_cast<ConditionalOperator>(RHS)) {
    const auto *Cmp = dyn_cast<BinaryOperator>(Cond->getCond()->IgnoreParens());
    const Expr *T = refTo(Cond->getTrueExpr(), S.Acc, Ctx), *F = refTo(Cond->getFalseExpr(), S.Acc, Ctx);
    bool TrueIsAcc = T != nullptr, FalseIsAcc = F != nullptr;
    if (!Cmp || TrueIsAcc == FalseIsAcc)
      return std::nullopt;
    S.Positions.push_back(TrueIsAcc ? T : F);
    const Expr *Term = TrueIsAcc ? Cond->getFalseExpr() : Cond->getTrueExpr();
    if (!classifySelection(Cmp, S.Acc, Term, /*ReplacesWhenTrue=*/FalseIsAcc, S, Ctx))
      return std::nullopt;
    return S;
  }
  if (matchMinMaxCall(dyn_cast<CallExpr>(RHS), S, Ctx))
    return S;
  return std::nullopt;
}

/// `if (e > acc) acc = e;` (any of <, >, <=, >=; braces allowed; no else).
std::optional<Step> matchSelectingIf(const IfStmt *If, ASTContext &Ctx) {
  if (If->getElse() || If->getInit() || If->getConditionVariable() || If->isConstexpr())
    return std::nullopt;
  const Stmt *Then = withoutLikelihood(If->getThen());
  if (const auto *CS = dyn_cast<CompoundStmt>(Then)) {
    if (CS->size() != 1)
      return std::nullopt;
    Then = withoutLikelihood(CS->body_front());
  }
  const auto *Assign = dyn_cast<BinaryOperator>(Then);
  const auto *Cmp = dyn_cast<BinaryOperator>(withoutExpectation(If->getCond()));
  if (!Assign || Assign->getOpcode() != BO_Assign || !Cmp)
    return std::nullopt;
  Step S;
  const Expr *V = placeRef(Assign->getLHS(), S.Acc, Ctx);
  if (!V)
    return std::nullopt;
  S.Positions.push_back(V);
  if (!classifySelection(Cmp, S.Acc, Assign->getRHS(), /*ReplacesWhenTrue=*/true, S, Ctx))
    return std::nullopt;
  return S;
}

/// Collects the steps among the statements of S (BodyWalk.h: through blocks,
/// ifs, switches and inner loops). A step in an inner loop that folds into
/// the outer accumulator runs serially inside the outer loop's leaves: the
/// nest is one reduction, not one small reduction per outer iteration.
void collectSteps(const Stmt *S, std::vector<Step> &Out, ASTContext &Ctx) {
  walkStatements(S, [&](const Stmt *St, llvm::ArrayRef<const Stmt *> Loops) {
    std::optional<Step> Found;
    if (const auto *If = dyn_cast<IfStmt>(St))
      Found = matchSelectingIf(If, Ctx);
    else if (const auto *E = dyn_cast<Expr>(St)) {
      // `s += f(i), t += g(i);`: a comma sequences its sides as two
      // statements would, so each side that is a step is one.
      llvm::SmallVector<const Expr *, 4> Sides;
      if (commaSides(E, Sides)) {
        std::vector<Step> Parts;
        for (const Expr *Side : Sides)
          if (std::optional<Step> P = matchStep(Side, Ctx))
            Parts.push_back(std::move(*P));
        if (Parts.size() != Sides.size())
          return Walk::Into;
        for (Step &P : Parts) {
          P.Loops.assign(Loops.begin(), Loops.end());
          Out.push_back(std::move(P));
        }
        return Walk::Past;
      }
      Found = matchStep(E, Ctx);
    }
    if (!Found)
      return Walk::Into;
    Found->Loops.assign(Loops.begin(), Loops.end());
    Out.push_back(std::move(*Found));
    return Walk::Past;
  });
}

/// The references to one accumulator in a loop body, each a token the leaf
/// renames. (Any other use, such as a lambda capturing it, is a read that
/// planReduction has refused.)
class AccumulatorRefs : public RecursiveASTVisitor<AccumulatorRefs> {
public:
  explicit AccumulatorRefs(const VarDecl *Acc) : Acc(Acc) {}
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() == Acc)
      Locs.push_back(DRE->getLocation());
    return true;
  }
  const VarDecl *Acc;
  std::vector<SourceLocation> Locs;
};

} // namespace

/// The main-file spans of every reference to Acc in Body, or nullopt when
/// one is not in the main file's own text (a macro).
std::optional<std::vector<std::pair<unsigned, unsigned>>>
referenceSpans(PlanContext &PC, const Stmt *Body, const VarDecl *Acc) {
  AccumulatorRefs Refs(Acc);
  Refs.TraverseStmt(const_cast<Stmt *>(Body));
  std::vector<std::pair<unsigned, unsigned>> Spans;
  for (SourceLocation Loc : Refs.Locs) {
    auto O = PC.offsets(SourceRange(Loc, Loc));
    if (!O)
      return std::nullopt;
    if (!llvm::is_contained(Spans, *O)) // a template's text seen twice
      Spans.push_back(*O);
  }
  return Spans;
}

namespace {

/// Whether every value of V converts to T exactly and keeps its order (a
/// widening: `unsigned short` to `unsigned`, `int` to `long` or `double`,
/// `float` to `double`). Then a max/min step in T over converted terms is
/// the max/min of the terms themselves: the comparison `e > m` is made in T
/// (or in `int`, which holds both when T is narrower), and the tree compares
/// the same converted values. Not a widening: signed to unsigned (-1 becomes
/// the largest value), an integer to a floating type without the digits
/// (`long` to `double` rounds, so two terms become equal), any narrowing.
bool exactWidening(ASTContext &Ctx, QualType T, QualType V) {
  if (V->isIntegralOrUnscopedEnumerationType() && T->isIntegerType() && !T->isBooleanType()) {
    unsigned WV = Ctx.getIntWidth(V), WT = Ctx.getIntWidth(T);
    bool SV = V->isSignedIntegerOrEnumerationType(), ST = T->isSignedIntegerOrEnumerationType();
    if (SV == ST)
      return WV <= WT;
    return !SV && WV < WT; // unsigned into a wider signed type
  }
  if (V->isIntegralOrUnscopedEnumerationType() && T->isRealFloatingType())
    return Ctx.getIntWidth(V) <= llvm::APFloat::semanticsPrecision(Ctx.getFloatTypeSemantics(T));
  if (V->isRealFloatingType() && T->isRealFloatingType())
    return Ctx.getFloatingTypeOrder(V, T) <= 0;
  return false;
}

} // namespace

/// Why folding Value into an accumulator of type T step by step differs
/// from folding the tree's partial results, or empty if it does not.
std::string floatingProductReason(const std::string &Subject) {
  return Subject + ", which purecc does not reassociate: a partial product of some terms alone "
                   "may overflow or underflow where the serial running product does not (0 "
                   "times a partial that overflowed is NaN, not 0)";
}

std::string conversionProblem(ASTContext &Ctx, llvm::StringRef Acc, QualType T, QualType V,
                              ReduceOp Op) {
  T = T.getNonReferenceType().getUnqualifiedType();
  V = V.getNonReferenceType().getUnqualifiedType();
  auto Problem = [&] {
    const PrintingPolicy &P = Ctx.getPrintingPolicy();
    return "each step converts '" + V.getAsString(P) + "' to '" + T.getAsString(P) + "' (" +
           Acc.str() + "), which the tree order would change";
  };
  if (Op == ReduceOp::LogicalAnd || Op == ReduceOp::LogicalOr)
    return "";
  if (Op == ReduceOp::Max || Op == ReduceOp::Min)
    return Ctx.hasSameType(T, V) || exactWidening(Ctx, T, V) ? "" : Problem();
  // Integer conversions wrap, which '+', '*' and the bitwise operators
  // commute with; a conversion to bool does not wrap (2 becomes true), so
  // `bool b ^= 2` sets b where the tree's `true ^ true` clears it, and a
  // rewritten `std::accumulate(b, e, true, std::bit_and<>())`, whose leaves
  // convert each element to the total's type, takes 2 as true where the
  // serial `true & 2` is 0.
  if (T->isBooleanType() && !V->isBooleanType())
    return Problem();
  if (T->isIntegerType())
    return V->isIntegralOrUnscopedEnumerationType() ? "" : Problem();
  if (T->isRealFloatingType()) {
    if (V->isRealFloatingType())
      return Ctx.getFloatingTypeOrder(V, T) <= 0 ? "" : Problem();
    // An integer converts exactly when the floating type has the digits.
    if (V->isIntegerType() &&
        Ctx.getIntWidth(V) <= llvm::APFloat::semanticsPrecision(Ctx.getFloatTypeSemantics(T)))
      return "";
    return Problem();
  }
  return Problem();
}

LoopOutcome planReduction(PlanContext &PC, const LoopShape &L,
                          const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                          const EscapeSites &Sites, std::string &WhyNot) {
  std::vector<Step> Steps;
  collectSteps(L.Body, Steps, PC.Ctx);
  // A fold with a user's combine (`P = P * m`) is an ordered reduction;
  // the built-in steps' accumulators are passed so that it can refuse a
  // loop that has both.
  auto Outside = [&](const Place &P) {
    return !L.Body_.Locals.contains(P.Root) && P.Root != L.Induction && P.Root != L.Element;
  };
  std::vector<std::string> Builtin;
  for (const Step &S : Steps)
    if (Outside(S.Acc))
      Builtin.push_back("'" + S.Acc.Name + "'");
  if (LoopOutcome O = planOrderedReduction(PC, L, Escaped, Builtin, WhyNot);
      O != LoopOutcome::NotThisKind)
    return O;
  // Only variables from outside the body (or parts of such objects)
  // accumulate; the steps of each in the order they are first met.
  struct Accumulator {
    Place P;
    ReduceOp Op;
    std::optional<bool> LastWins; // floating max/min: which of equals is kept
    llvm::SmallVector<const Expr *, 4> Own; // the references its steps make
    std::string quotedName() const { return "'" + P.Name + "'"; }
    QualType type() const { return P.Type.getNonReferenceType(); }
  };
  std::vector<Accumulator> Accs;
  llvm::SmallPtrSet<const Expr *, 8> Positions;
  llvm::SmallPtrSet<const Stmt *, 4> Inner; // inner loops folding into Accs
  for (const Step &S : Steps) {
    if (!Outside(S.Acc))
      continue;
    auto It = llvm::find_if(Accs, [&](const Accumulator &A) { return A.P == S.Acc; });
    if (It == Accs.end())
      It = Accs.insert(Accs.end(), Accumulator{S.Acc, S.Op, std::nullopt, {}});
    else if (It->Op != S.Op) {
      WhyNot = It->quotedName() + " is combined with both '" + shapes::opName(It->Op).str() +
               "' and '" + shapes::opName(S.Op).str() + "'";
      return LoopOutcome::Refused;
    }
    It->Own.append(S.Positions.begin(), S.Positions.end());
    // Ties and NaN terms only show in floating types: integers compare equal
    // only when their bits are equal.
    bool Floating = It->type()->isRealFloatingType();
    if (Floating && (S.Op == ReduceOp::Max || S.Op == ReduceOp::Min)) {
      if (!S.FloatingProblem.empty()) {
        WhyNot = S.FloatingProblem;
        return LoopOutcome::Refused;
      }
      if (It->LastWins && *It->LastWins != S.LastWins) {
        WhyNot = It->quotedName() + " keeps the first of equal values in one step and the last "
                                    "in another, which no tree order reproduces";
        return LoopOutcome::Refused;
      }
      It->LastWins = S.LastWins;
    }
    if ((S.Op == ReduceOp::LogicalAnd || S.Op == ReduceOp::LogicalOr) && !S.TermFirst) {
      // The serial loop stops evaluating terms once the result is decided;
      // a parallel one would call them anyway (and a term may throw or run
      // forever where the serial program never called it).
      WhyNot = "once " + It->quotedName() + " is decided, '" + shapes::opName(S.Op).str() +
               "' skips the remaining terms, which a parallel loop would evaluate";
      return LoopOutcome::Refused;
    }
    Positions.insert(S.Positions.begin(), S.Positions.end());
    Inner.insert(S.Loops.begin(), S.Loops.end());
  }
  if (Accs.empty())
    return LoopOutcome::NotThisKind;
  // `if (b == 0) ++hist[0]; else hist[b] += 1;`: an element at a constant
  // index is one step of an array reduction when other steps of the
  // array compute their index (adv45 t08).
  if (auto ByValue = arraysStepsIndexByValue(L, PC.Ctx); llvm::any_of(Accs, [&](const Accumulator &A) {
        return !A.P.isVariable() && ByValue.contains(A.P.Root);
      }))
    return LoopOutcome::NotThisKind;

  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Positions);
  for (const Accumulator &A : Accs) {
    if (A.P.isVariable() && (Fx.Reads.contains(A.P.Root) || Fx.Writes.contains(A.P.Root))) {
      WhyNot = accumulatorUseReason(PC, L, A.P.Root, A.Own, Fx);
      return LoopOutcome::Refused;
    }
    if (!A.P.isVariable())
      if (std::string Why = partReason(PC, L, A.P, A.Own, Fx, Positions); !Why.empty()) {
        WhyNot = Why;
        return LoopOutcome::Refused;
      }
    // A binding of a reference decomposition was refused above: its
    // object is the one the declaration binds, checked as the variable.
    if (std::string Why = accumulatorReason(A.P.Root, Escaped, L); !Why.empty()) {
      WhyNot = Why;
      return LoopOutcome::Refused;
    }
    QualType T = A.type();
    bool Complex = isFloatingComplex(T);
    bool Arith = T->isIntegerType() || isStandardFloating(T) || Complex;
    if (!Arith || (T->isBooleanType() && (A.Op == ReduceOp::Add || A.Op == ReduceOp::Mul)) ||
        (Complex && A.Op != ReduceOp::Add) ||
        (T->isRealFloatingType() && A.Op != ReduceOp::Add && A.Op != ReduceOp::Mul &&
         A.Op != ReduceOp::Max && A.Op != ReduceOp::Min)) {
      WhyNot = A.quotedName() + " has type '" + typeName(T, PC.Ctx) +
               "', which has no parallel '" + shapes::opName(A.Op).str() + "' reduction";
      return LoopOutcome::Refused;
    }
  }
  for (const Step &S : Steps)
    if (Outside(S.Acc)) {
      // A 'std::complex' sum is a sum of each component: a term converts
      // as its components do (a real term is a complex one with imaginary
      // part zero, which `+=` does not even add).
      QualType T = componentType(S.Acc.Type.getNonReferenceType());
      QualType V = S.Value ? componentType(S.Value->IgnoreParenImpCasts()->getType()) : T;
      if (std::string P = conversionProblem(PC.Ctx, "'" + S.Acc.Name + "'", T, V, S.Op);
          !P.empty()) {
        WhyNot = P;
        return LoopOutcome::Refused;
      }
    }
  // `out[i] = h; s += h;`: element stores beside the accumulation are
  // fine when they make a map on their own (each iteration writes
  // elements of its own that nothing else in the body reads), judged with
  // the accumulators' references left out.
  std::optional<MapCheck> Map;
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    MapCheck M;
    std::string MapWhy;
    LoopOutcome O = checkMap(PC, L, Escaped, Sites, &Positions, M, MapWhy);
    auto Stored = [&](const VarDecl *V) {
      return llvm::any_of(M.Stores, [&](const Store &S) { return S.Container == V; });
    };
    bool Accumulates = llvm::any_of(Accs, [&](const Accumulator &A) { return Stored(A.P.Root); });
    if (O == LoopOutcome::Rewritten && !Accumulates) {
      Map = std::move(M);
    } else {
      // The stores are why, when they are all the body writes besides the
      // accumulators and its own locals: the map's reason is the true one.
      bool OnlyStores = O == LoopOutcome::Refused && !MapWhy.empty() && !Accumulates &&
                        !Fx.ImpureCall && llvm::all_of(Fx.Writes, [&](const VarDecl *W) {
                          return Fx.Locals.contains(W) || L.Body_.Locals.contains(W) || Stored(W);
                        });
      WhyNot = OnlyStores ? MapWhy : Why;
      return LoopOutcome::Refused;
    }
  }
  std::vector<std::string> Names;
  for (const Accumulator &A : Accs)
    Names.push_back(A.P.Name);
  SourceLocation Loc = L.Loop->getBeginLoc();
  // A max/min selects one of the values exactly: only sums and products
  // round differently in the tree order (a complex sum is two sums).
  auto Rounds = [](QualType T, ReduceOp Op) {
    return (T->isRealFloatingType() || isFloatingComplex(T)) &&
           (Op == ReduceOp::Add || Op == ReduceOp::Mul);
  };
  for (const Accumulator &A : Accs)
    if (A.Op == ReduceOp::Mul && A.type()->isRealFloatingType()) {
      WhyNot = floatingProductReason(A.quotedName() + " is a floating-point product");
      return LoopOutcome::Refused;
    }
  if (!PC.Config.ReassociateFloatingPoint)
    for (const Accumulator &A : Accs)
      if (Rounds(A.type(), A.Op)) {
        if (auto D = PC.remark(Loc, Diag::RemarkFpKeptSerial))
          *D << A.quotedName();
        WhyNot.clear();
        return LoopOutcome::Refused;
      }
  if (std::string Why = sharingRefusal(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }

  // The body is kept verbatim, but its accumulators are the leaf's private
  // ones: every reference is renamed to a name of their own, since a private
  // accumulator named like the user's would shadow it (and `-Wshadow
  // -Werror` builds fail). A reference written in a macro cannot be renamed.
  // A part's references are its steps' own (nothing else in the body names
  // its object): each is replaced whole (`st.sum` becomes the private name).
  std::vector<std::vector<std::pair<unsigned, unsigned>>> References;
  for (const Accumulator &A : Accs) {
    std::optional<std::vector<std::pair<unsigned, unsigned>>> Spans;
    if (A.P.isVariable())
      Spans = referenceSpans(PC, L.Body, A.P.Root);
    else {
      Spans.emplace();
      for (const Expr *E : A.Own) {
        auto O = PC.offsets(E->getSourceRange());
        if (!O) {
          Spans.reset();
          break;
        }
        if (!llvm::is_contained(*Spans, *O)) // a template's text seen twice
          Spans->push_back(*O);
      }
    }
    if (!Spans) {
      WhyNot = A.quotedName() + " is written in a macro in the loop body, where its private "
                                "copy cannot be given a name of its own";
      return LoopOutcome::Refused;
    }
    References.push_back(std::move(*Spans));
  }

  // The merge after the loop writes a part as the body first wrote it
  // (Places.h, mergeTarget).
  std::vector<std::string> Merged;
  for (const Accumulator &A : Accs) {
    std::optional<std::string> M = mergeTarget(PC, L, A.P, A.Own.front(), WhyNot);
    if (!M)
      return LoopOutcome::Refused;
    Merged.push_back(std::move(*M));
  }

  std::vector<shapes::Accumulator> Shape;
  for (const Accumulator &A : Accs) {
    QualType T = A.type().getUnqualifiedType();
    bool Narrow = T->isBooleanType() || (T->isIntegerType() && PC.Ctx.getTypeSize(T) <
                                                                   PC.Ctx.getTypeSize(PC.Ctx.IntTy));
    // A complex sum starts, as a floating one does, from -0.0 (both parts).
    bool Floating = T->isRealFloatingType() || isFloatingComplex(T);
    Shape.push_back({Merged[Shape.size()], PC.freshNumbered("acc"), PC.typeText(T), A.Op, T->isBooleanType(),
                     Narrow, Floating, Floating && A.LastWins.value_or(false),
                     T->isIntegerType() && !T->isBooleanType()});
    if (shapes::needsLimits(A.Op))
      PC.P.ExtraIncludes.insert("limits");
  }
  shapes::Index Idx = makeIndex(PC, L);
  bool Named = Accs.size() > 1 || Shape[0].LastWins; // see shapes::reduceHead
  std::string Stem = Named ? PC.freshName("r") + "_" : "";
  shapes::CombineParams Params{PC.unusedName("lhs"), PC.unusedName("rhs")};
  // A body that is not a block gets one, so that what follows it in the
  // leaf is not indented as if it were part of it.
  bool Block = isa<CompoundStmt>(L.Body);
  size_t FirstEdit = PC.P.Edits.size();
  // Under mpirun other ranks may run it (TaskRegistry.h).
  std::vector<const VarDecl *> Own;
  for (const Accumulator &A : Accs)
    Own.push_back(A.P.Root);
  // Elements stored beside the accumulation are this process's memory:
  // such a loop never leaves it.
  std::optional<RangeTask> Task;
  if (!Map)
    Task = planRangeTask(PC, L, Idx, Own, "reduction");
  const shapes::TaskSite *Site = Task ? &*Task : nullptr;
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::reduceHead(L.Begin, L.End, Shape, Idx, Stem, Site) +
                                     (Block ? "" : "{"), L.HeaderEnd));
  for (size_t I = 0; I < Shape.size(); ++I)
    for (auto [B, E] : References[I])
      PC.replace(B, E, Shape[I].Private);
  endIterationsEarly(PC, L, shapes::reduceContinue(Shape));
  // A distributed reduction keeps the local leaf size: the same tree, and
  // a short range of cheap iterations never leaves this process.
  PC.insert(L.BodyEnd, (Block ? "" : " }") +
                           shapes::reduceTail(Shape, Stem, Params, Site, loopGrain(L)));
  // A rounded (floating-point + or *) result depends on the tree order; the
  // serial clone must round the same way (bits independent of the path).
  if (llvm::any_of(Shape, [](const shapes::Accumulator &A) {
        return A.Floating && (A.Op == ReduceOp::Add || A.Op == ReduceOp::Mul);
      }))
    for (size_t I = FirstEdit; I < PC.P.Edits.size(); ++I)
      PC.P.Edits[I].RepeatInSerialClone = true;
  std::string Detail;
  for (const Accumulator &A : Accs)
    Detail += (Detail.empty() ? "" : " ") + A.P.Name + ":" + shapes::opName(A.Op).str();
  // Inner loops that fold into the accumulators are part of this reduction.
  PC.Absorbed.insert(Inner.begin(), Inner.end());
  if (auto D = PC.remark(Loc, Diag::RemarkReduction))
    *D << quotedList(Names);
  PC.note(Loc, Transform::Reductions, Detail);
  if (Map) {
    // Each leaf stores its iterations' elements as the serial loop does.
    absorbRowLoops(PC, L, *Map);
    remarkMap(PC, L, *Map);
  }
  return LoopOutcome::Rewritten;
}

} // namespace purecc
