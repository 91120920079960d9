//===- Concatenations.cpp - concatenation: appends in loop order ------------===//
#include "Concatenations.h"

#include "BodyWalk.h"
#include "Containers.h"
#include "PlainValues.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {
namespace {

/// Which end of the accumulator a step puts its piece at; Both for a step
/// that puts one piece at each (`s = p + s + q`).
enum class End { Back, Front, Both };

/// One append (or prepend) of a loop body: the whole call (judged here)
/// and the arguments that compute what is appended (scanned like the rest).
struct Append {
  const VarDecl *Acc = nullptr;
  const Expr *Call = nullptr;
  End At = End::Back;
  llvm::SmallVector<const Expr *, 3> Values;
  /// The inner loops of the loop body the append is in.
  llvm::SmallVector<const Stmt *, 1> Loops;
};

const VarDecl *sequenceVar(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && sequenceOf(VD->getType().getNonReferenceType()) != Sequence::None ? VD : nullptr;
}

/// Which end of Acc the position E of an `insert` or `emplace` names:
/// `v.end()` (or `cend`), `v.begin()` (or `cbegin`), and for a string the
/// index 0; nothing for any other position.
std::optional<End> endOf(PlanContext &PC, const Expr *E, const VarDecl *Acc) {
  E = written(E);
  // insert takes a const_iterator: `v.end()` is converted to one.
  if (const auto *Conv = dyn_cast<CXXConstructExpr>(E); Conv && Conv->getNumArgs() == 1)
    E = written(Conv->getArg(0));
  if (E->getType()->isIntegerType()) { // `s.insert(0, piece)`
    std::optional<llvm::APSInt> Pos = E->getIntegerConstantExpr(PC.Ctx);
    if (Pos && *Pos == 0)
      return End::Front;
    return std::nullopt;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const auto *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getDeclName().isIdentifier() ||
      sequenceVar(MC->getImplicitObjectArgument()) != Acc)
    return std::nullopt;
  if (MD->getName() == "end" || MD->getName() == "cend")
    return End::Back;
  if (MD->getName() == "begin" || MD->getName() == "cbegin")
    return End::Front;
  return std::nullopt;
}

/// E is the integer constant 0 (`s.replace(0, 0, p)`'s length).
bool isZero(PlanContext &PC, const Expr *E) {
  E = written(E);
  std::optional<llvm::APSInt> V =
      E->getType()->isIntegerType() ? E->getIntegerConstantExpr(PC.Ctx) : std::nullopt;
  return V && *V == 0;
}

std::optional<Append> matchAppend(PlanContext &PC, const Expr *E) {
  E = written(E);
  Append A;
  A.Call = E;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    A.Acc = Op->getNumArgs() == 2 ? sequenceVar(Op->getArg(0)) : nullptr;
    if (!A.Acc || sequenceOf(A.Acc->getType()) != Sequence::String)
      return std::nullopt;
    if (Op->getOperator() == OO_PlusEqual) { // s += e
      A.Values.push_back(Op->getArg(1));
      return A;
    }
    // s = s + e, or s = e + s (prepending), or s = e + s + f (both ends)
    auto PlusOf = [](const Expr *X) -> const CXXOperatorCallExpr * {
      const auto *P = dyn_cast<CXXOperatorCallExpr>(written(X));
      return P && P->getOperator() == OO_Plus && P->getNumArgs() == 2 ? P : nullptr;
    };
    const CXXOperatorCallExpr *Plus = PlusOf(Op->getArg(1));
    if (Op->getOperator() != OO_Equal || !Plus)
      return std::nullopt;
    if (sequenceVar(Plus->getArg(0)) == A.Acc) {
      A.Values.push_back(Plus->getArg(1));
      return A;
    }
    if (sequenceVar(Plus->getArg(1)) == A.Acc) {
      A.At = End::Front;
      A.Values.push_back(Plus->getArg(0));
      return A;
    }
    if (const CXXOperatorCallExpr *Left = PlusOf(Plus->getArg(0));
        Left && sequenceVar(Left->getArg(1)) == A.Acc) {
      A.At = End::Both;
      A.Values.append({Left->getArg(0), Plus->getArg(1)});
      return A;
    }
    return std::nullopt;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getDeclName().isIdentifier())
    return std::nullopt;
  A.Acc = sequenceVar(MC->getImplicitObjectArgument());
  if (!A.Acc)
    return std::nullopt;
  StringRef Name = MD->getName();
  bool String = sequenceOf(A.Acc->getType()) == Sequence::String;
  unsigned First = 0;
  // `v.insert(v.begin(), x)`, `s.insert(0, piece)`, `v.emplace(v.end(), a, b)`:
  // a piece at one end. (A vector's emplace takes its element's arguments,
  // so one with only the position is an append too.)
  bool Positioned = Name == "insert" ? MC->getNumArgs() >= 2
                                     : !String && Name == "emplace" && MC->getNumArgs() >= 1;
  // `s.replace(0, 0, piece)` replaces nothing at the front: it is
  // `s.insert(0, piece)`, for each of replace's forms.
  if (String && Name == "replace" && MC->getNumArgs() >= 3 &&
      endOf(PC, MC->getArg(0), A.Acc) == End::Front && isZero(PC, MC->getArg(1))) {
    A.At = End::Front;
    First = 2;
  } else if (Positioned) {
    std::optional<End> At = endOf(PC, MC->getArg(0), A.Acc);
    if (!At)
      return std::nullopt;
    A.At = *At;
    First = 1;
  } else if (!(Name == "push_back" || (String ? Name == "append" : Name == "emplace_back"))) {
    return std::nullopt;
  }
  for (unsigned I = First; I < MC->getNumArgs(); ++I)
    A.Values.push_back(MC->getArg(I));
  return A;
}

/// Collects the appends among the statements of S (BodyWalk.h: through
/// blocks, ifs, switches and inner loops, which run serially inside a leaf).
void collect(PlanContext &PC, const Stmt *S, std::vector<Append> &Out) {
  walkStatements(S, [&](const Stmt *St, llvm::ArrayRef<const Stmt *> Loops) {
    if (const auto *E = dyn_cast<Expr>(St))
      if (auto A = matchAppend(PC, E)) {
        A->Loops.assign(Loops.begin(), Loops.end());
        Out.push_back(std::move(*A));
      }
    return Walk::Into;
  });
}

} // namespace

LoopOutcome planConcatenation(PlanContext &PC, const LoopShape &L,
                              const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                              std::string &WhyNot) {
  std::vector<Append> All;
  collect(PC, L.Body, All);
  // Appends to the body's own strings and vectors are writes to its locals.
  std::vector<Append> Found;
  llvm::copy_if(All, std::back_inserter(Found),
                [&](const Append &A) { return !L.Body_.Locals.contains(A.Acc); });
  if (Found.empty())
    return LoopOutcome::NotThisKind;
  const VarDecl *Acc = Found[0].Acc;
  for (const Append &A : Found)
    if (A.Acc != Acc) {
      WhyNot = "the loop appends to both " + quoted(Acc) + " and " + quoted(A.Acc) +
               ", which purecc does not combine in one reduction";
      return LoopOutcome::Refused;
    }
  std::string Name = quoted(Acc);
  // Prepending is the same fold with the pieces in reverse order; a loop
  // that does both would need a pair of partials (front and back).
  End At = Found[0].At;
  for (const Append &A : Found)
    if (A.At != At || A.At == End::Both) {
      WhyNot = "the loop both appends to " + Name + " and prepends to it, which purecc does " +
               "not combine in one reduction";
      return LoopOutcome::Refused;
    }
  QualType T = Acc->getType().getNonReferenceType().getUnqualifiedType();
  bool String = sequenceOf(T) == Sequence::String;
  if (!String) {
    // push_back copies (or constructs) the element inside the library, and
    // the combine moves every element of a right partial into the left one
    // (and a growing vector moves or copies what it holds), which the loop
    // does fewer times: the element's copies and moves must be plain ones
    // (PlainValues.h), not a user's, even inside a std::pair or std::array.
    QualType Elem = elementType(PC.Ctx, T);
    if (!Elem.isTriviallyCopyableType(PC.Ctx))
      if (std::string Why = plainValueReason(Elem); !Why.empty()) {
        WhyNot = "appending to " + Name + " copies and moves '" + PC.typeText(Elem) +
                 "', which " + Why + ": the parallel combine would run that code more often "
                 "than the loop does";
        return LoopOutcome::Refused;
      }
  }
  // The appends are judged here; what they append is scanned as code.
  llvm::SmallPtrSet<const Expr *, 8> Calls;
  llvm::SmallPtrSet<const Stmt *, 4> Inner;
  for (const Append &A : All)
    Calls.insert(A.Call);
  for (const Append &A : Found)
    Inner.insert(A.Loops.begin(), A.Loops.end());
  DepScanner Scan(PC);
  StmtDeps Fx = Scan.scan(L.Body, &Calls);
  for (const Append &A : All)
    for (const Expr *V : A.Values)
      Fx.merge(Scan.scan(V));
  if (Fx.Reads.contains(Acc) || Fx.Writes.contains(Acc)) {
    WhyNot = Name + " is used inside the loop body other than by " +
             (At == End::Front ? "prepending" : "appending") + " to it";
    return LoopOutcome::Refused;
  }
  if (std::string Why = accumulatorReason(Acc, Escaped, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = exceptionReason(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = lastRefusal(PC, L, &Calls); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  // The leaf appends to a private accumulator of its own name (see
  // referenceSpans); a reference written in a macro cannot be renamed.
  auto References = referenceSpans(PC, L.Body, Acc);
  if (!References) {
    WhyNot = quoted(Acc) + " is written in a macro in the loop body, where its private "
                           "copy cannot be given a name of its own";
    return LoopOutcome::Refused;
  }
  shapes::Concatenation C{Acc->getNameAsString(), PC.typeText(T), String, PC.freshName("c"),
                          PC.freshNumbered("acc"),
                          {PC.unusedName("lhs"), PC.unusedName("rhs")},
                          At == End::Front};
  if (!String)
    PC.P.ExtraIncludes.insert("iterator");
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::concatHead(L.Begin, L.End, C, Idx) + (Block ? "" : "{"),
                             L.HeaderEnd));
  for (auto [B, E] : *References)
    PC.replace(B, E, C.Private);
  endIterationsEarly(PC, L, shapes::concatContinue(C));
  PC.insert(L.BodyEnd, (Block ? "" : " }") + shapes::concatTail(C, loopGrain(L, &Calls)));
  PC.Absorbed.insert(Inner.begin(), Inner.end());
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkConcatenation))
    *D << Acc << (At == End::Front);
  PC.note(Loc, Transform::Concatenations,
          Acc->getNameAsString() + (At == End::Front ? " prepended" : ""));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
