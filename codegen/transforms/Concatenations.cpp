//===- Concatenations.cpp - concatenation: appends in loop order ------------===//
#include "Concatenations.h"

#include "BodyWalk.h"
#include "Containers.h"
#include "LoopBodies.h"
#include "Places.h"
#include "PlainValues.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

using namespace clang;

namespace purecc {
namespace {

/// A join with separators tests what earlier iterations appended
/// (`if (!csv.empty()) csv += ','; csv += piece(i);`: user47 k09): the
/// usual rewrite of it, for the remark; empty when the body does not ask
/// V's emptiness.
std::string separatorHint(PlanContext &PC, const Stmt *Body, const VarDecl *V) {
  const CXXMemberCallExpr *Asked = nullptr;
  std::function<void(const Stmt *)> Find = [&](const Stmt *S) {
    if (!S || Asked)
      return;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *M = MC->getMethodDecl();
          M && M->getIdentifier() && MC->getNumArgs() == 0 &&
          M->getName() == "empty" &&
          refersTo(MC->getImplicitObjectArgument()) == V) {
        Asked = MC;
        return;
      }
    for (const Stmt *Child : S->children())
      Find(Child);
  };
  Find(Body);
  if (!Asked)
    return "";
  std::string Text = writtenText(PC, Asked);
  return " ('" + (Text.empty() ? V->getNameAsString() + ".empty()" : Text) +
         "' depends on what earlier iterations appended; to join with a separator, append it "
         "before every piece and erase the first one after the loop)";
}

/// Which end of the accumulator a step puts its piece at; Both for a step
/// that puts one piece at each (`s = p + s + q`).
enum class End { Back, Front, Both };

/// One append (or prepend) of a loop body: the whole call (judged here)
/// and the arguments that compute what is appended (scanned like the rest).
struct Append {
  /// A variable, or a part of one local object (Places.h: `acc.s`), or an
  /// element at a constant index of a vector (`parts[1]`: Resizable).
  Place Acc;
  bool Resizable = false;
  /// The accumulator's own references in the step, as written: a leaf
  /// renames them to its private accumulator.
  llvm::SmallVector<const Expr *, 2> Own;
  const Expr *Call = nullptr;
  End At = End::Back;
  llvm::SmallVector<const Expr *, 3> Values;
  /// The inner loops of the loop body the append is in.
  llvm::SmallVector<const Stmt *, 1> Loops;
};

/// The string or vector E designates, as an accumulator: a place
/// (Places.h), or `parts[1]`, an element at a constant index of a vector
/// that is one, which the loop cannot resize when the body uses the vector
/// only through that element (partReason).
std::optional<Append> sequencePlace(PlanContext &PC, const Expr *E) {
  E = written(E);
  Append A;
  std::optional<Place> P = placeOf(E, PC.Ctx);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      !P && OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
      sequenceOf(OC->getArg(0)->getType().getNonReferenceType()) == Sequence::Vector &&
      !OC->getArg(1)->isValueDependent()) {
    std::optional<llvm::APSInt> K = OC->getArg(1)->getIntegerConstantExpr(PC.Ctx);
    P = K && !K->isNegative() ? placeOf(OC->getArg(0), PC.Ctx) : std::nullopt;
    if (P) {
      std::string At = "[" + llvm::toString(*K, 10) + "]";
      P->Path += At;
      P->Name += At;
      P->Type = E->getType();
      A.Resizable = true;
    }
  }
  if (!P || sequenceOf(P->Type.getNonReferenceType()) == Sequence::None)
    return std::nullopt;
  A.Acc = std::move(*P);
  A.Own.push_back(E);
  return A;
}

bool isPlaceOf(PlanContext &PC, const Expr *E, const Append &A) {
  std::optional<Append> B = sequencePlace(PC, E);
  return B && B->Acc == A.Acc;
}

/// Which end of A's accumulator the position E of an `insert` or
/// `emplace` names: `v.end()` (or `cend`), `v.begin()` (or `cbegin`), and
/// for a string the index 0 or `s.size()` (`s.length()`); nothing for any
/// other position.
/// Its reference to the accumulator joins A's own (a leaf renames it).
std::optional<End> endOf(PlanContext &PC, const Expr *E, Append &A) {
  E = written(E);
  // insert takes a const_iterator: `v.end()` is converted to one.
  if (const auto *Conv = dyn_cast<CXXConstructExpr>(E); Conv && Conv->getNumArgs() == 1)
    E = written(Conv->getArg(0));
  if (E->getType()->isIntegerType()) { // `s.insert(0, piece)`
    std::optional<llvm::APSInt> Pos = E->getIntegerConstantExpr(PC.Ctx);
    if (Pos && *Pos == 0)
      return End::Front;
    // `s.insert(s.size(), piece)` appends (adv38 t05).
    const auto *Size = dyn_cast<CXXMemberCallExpr>(E);
    const auto *SizeMD = Size ? Size->getMethodDecl() : nullptr;
    if (SizeMD && SizeMD->getDeclName().isIdentifier() && Size->getNumArgs() == 0 &&
        (SizeMD->getName() == "size" || SizeMD->getName() == "length") &&
        isPlaceOf(PC, Size->getImplicitObjectArgument(), A)) {
      A.Own.push_back(written(Size->getImplicitObjectArgument()));
      return End::Back;
    }
    return std::nullopt;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const auto *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getDeclName().isIdentifier() ||
      !isPlaceOf(PC, MC->getImplicitObjectArgument(), A))
    return std::nullopt;
  bool Back = MD->getName() == "end" || MD->getName() == "cend";
  if (!Back && MD->getName() != "begin" && MD->getName() != "cbegin")
    return std::nullopt;
  A.Own.push_back(written(MC->getImplicitObjectArgument()));
  return Back ? End::Back : End::Front;
}

/// E is the integer constant 0 (`s.replace(0, 0, p)`'s length).
bool isZero(PlanContext &PC, const Expr *E) {
  E = written(E);
  std::optional<llvm::APSInt> V =
      E->getType()->isIntegerType() ? E->getIntegerConstantExpr(PC.Ctx) : std::nullopt;
  return V && *V == 0;
}

/// E without a `std::move` around it: `s = std::move(s) + piece(i)` is the
/// idiom that spares a copy of the accumulator, and the same append
/// (adv44 t07).
const Expr *withoutMove(const Expr *E) { return written(unmoved(written(E))); }

/// The standard library's `+` of strings: a user's `operator+` taking a
/// string may compute anything.
bool isStringPlus(const Expr *E) {
  const auto *P = dyn_cast<CXXOperatorCallExpr>(written(E));
  const FunctionDecl *FD = P ? P->getDirectCallee() : nullptr;
  return P && P->getOperator() == OO_Plus && P->getNumArgs() == 2 && FD &&
         FD->isInStdNamespace() && sequenceOf(P->getType()) == Sequence::String;
}

/// Puts the pieces At of From after those of Into (a chained step:
/// `s.append(a).append(b)`); two ends make Both.
void chain(Append &Into, const Append &From) {
  Into.Values.insert(Into.Values.begin(), From.Values.begin(), From.Values.end());
  if (Into.At != From.At)
    Into.At = End::Both;
}

std::optional<Append> matchAppend(PlanContext &PC, const Expr *E);

/// What a step appends to: an accumulator, or an earlier step of one
/// statement that returns it (`s.append(a)` in `s.append(a).append(b)`,
/// whose value is `s` itself).
std::optional<Append> targetOf(PlanContext &PC, const Expr *E) {
  if (std::optional<Append> A = sequencePlace(PC, E))
    return A;
  const Expr *W = written(E);
  if (!W->isLValue() || sequenceOf(W->getType()) == Sequence::None)
    return std::nullopt;
  return matchAppend(PC, W);
}

std::optional<Append> matchAppend(PlanContext &PC, const Expr *E) {
  E = written(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    std::optional<Append> A = Op->getNumArgs() == 2 ? targetOf(PC, Op->getArg(0)) : std::nullopt;
    if (!A || sequenceOf(A->Acc.Type.getNonReferenceType()) != Sequence::String)
      return std::nullopt;
    Append Step = *A;
    Step.Values.clear();
    Step.At = End::Back;
    Step.Call = E;
    if (Op->getOperator() == OO_PlusEqual) { // s += e
      Step.Values.push_back(Op->getArg(1));
      if (A->Call)
        chain(Step, *A);
      return Step;
    }
    // s = s + e (+ f ...: `(s + e) + f` is `s + (e + f)` for strings), or
    // s = e + s (prepending), or s = e + s + f (both ends).
    if (Op->getOperator() != OO_Equal || A->Call || !isStringPlus(Op->getArg(1)))
      return std::nullopt;
    llvm::SmallVector<const Expr *, 3> Later; // right operands above, innermost first
    const Expr *Cur = written(Op->getArg(1));
    while (isStringPlus(Cur)) {
      const auto *Plus = cast<CXXOperatorCallExpr>(Cur);
      if (isPlaceOf(PC, withoutMove(Plus->getArg(1)), *A)) {
        Step.Own.push_back(withoutMove(Plus->getArg(1)));
        Step.At = Later.empty() ? End::Front : End::Both;
        Step.Values.push_back(Plus->getArg(0));
        Step.Values.append(Later.rbegin(), Later.rend());
        return Step;
      }
      Later.push_back(Plus->getArg(1));
      Cur = written(Plus->getArg(0));
    }
    if (Later.empty() || !isPlaceOf(PC, withoutMove(Cur), *A))
      return std::nullopt;
    Step.Own.push_back(withoutMove(Cur));
    Step.Values.append(Later.rbegin(), Later.rend());
    return Step;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getDeclName().isIdentifier())
    return std::nullopt;
  std::optional<Append> A = targetOf(PC, MC->getImplicitObjectArgument());
  if (!A)
    return std::nullopt;
  Append Step = *A;
  Step.Values.clear();
  Step.At = End::Back;
  Step.Call = E;
  StringRef Name = MD->getName();
  bool String = sequenceOf(A->Acc.Type.getNonReferenceType()) == Sequence::String;
  unsigned First = 0;
  // `v.insert(v.begin(), x)`, `s.insert(0, piece)`, `v.emplace(v.end(), a, b)`:
  // a piece at one end. (A vector's emplace takes its element's arguments,
  // so one with only the position is an append too.)
  bool Positioned = Name == "insert" ? MC->getNumArgs() >= 2
                                     : !String && Name == "emplace" && MC->getNumArgs() >= 1;
  // `s.replace(0, 0, piece)` replaces nothing at the front: it is
  // `s.insert(0, piece)`, for each of replace's forms.
  if (String && Name == "replace" && MC->getNumArgs() >= 3 &&
      isZero(PC, MC->getArg(1)) && endOf(PC, MC->getArg(0), Step) == End::Front) {
    Step.At = End::Front;
    First = 2;
  } else if (Positioned) {
    std::optional<End> At = endOf(PC, MC->getArg(0), Step);
    if (!At)
      return std::nullopt;
    Step.At = *At;
    First = 1;
  } else if (!(Name == "push_back" || (String ? Name == "append" : Name == "emplace_back"))) {
    return std::nullopt;
  }
  for (unsigned I = First; I < MC->getNumArgs(); ++I)
    Step.Values.push_back(MC->getArg(I));
  if (A->Call)
    chain(Step, *A);
  return Step;
}

/// Collects the appends among the statements of S (BodyWalk.h: through
/// blocks, ifs, switches and inner loops, which run serially inside a leaf).
void collect(PlanContext &PC, const Stmt *S, std::vector<Append> &Out) {
  // `b.push_back(x), b.push_back('-');` is two appends (adv38 t04).
  walkExpressionSides(S, [&](const Expr *Side, llvm::ArrayRef<const Stmt *> Loops) {
    if (auto A = matchAppend(PC, Side)) {
      A->Loops.assign(Loops.begin(), Loops.end());
      Out.push_back(std::move(*A));
    }
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
                [&](const Append &A) { return !L.Body_.Locals.contains(A.Acc.Root); });
  if (Found.empty())
    return LoopOutcome::NotThisKind;
  auto Refuse = [&](std::string Why) {
    WhyNot = std::move(Why);
    return LoopOutcome::Refused;
  };
  const Place &Acc = Found[0].Acc;
  std::string Name = "'" + Acc.Name + "'";
  for (const Append &A : Found)
    if (A.Acc != Acc)
      return Refuse("the loop appends to both " + Name + " and '" + A.Acc.Name +
                    "', which purecc does not combine in one reduction");
  // Prepending is the same fold with the pieces in reverse order; a loop
  // that does both would need a pair of partials (front and back).
  End At = Found[0].At;
  for (const Append &A : Found)
    if (A.At != At || A.At == End::Both)
      return Refuse("the loop both appends to " + Name + " and prepends to it, which purecc " +
                    "does not combine in one reduction");
  QualType T = Acc.Type.getNonReferenceType().getUnqualifiedType();
  bool String = sequenceOf(T) == Sequence::String;
  // The partials are built, moved and joined through the sequence's own
  // allocator and character traits, more often than the loop uses them: a
  // user's (which may count, log or throw) must not run there (adv33 t02,
  // t03).
  std::string Hooks = userAllocatorReason(T);
  if (Hooks.empty())
    Hooks = userTraitsReason(T);
  if (!Hooks.empty())
    return Refuse(Name + " " + Hooks + ": the parallel concatenation would run its code more "
                    "often than the loop does");
  if (!String) {
    // push_back copies (or constructs) the element inside the library, and
    // the combine moves every element of a right partial into the left one
    // (and a growing vector moves or copies what it holds), which the loop
    // does fewer times: the element's copies and moves must be plain ones
    // (PlainValues.h), not a user's, even inside a std::pair or std::array.
    QualType Elem = elementType(PC.Ctx, T);
    if (!Elem.isTriviallyCopyableType(PC.Ctx))
      if (std::string Why = plainValueReason(Elem); !Why.empty())
        return Refuse("appending to " + Name + " copies and moves '" + PC.typeText(Elem) +
                      "', which " + Why + ": the parallel combine would run that code more " +
                      "often than the loop does");
  }
  // The appends are judged here; what they append is scanned as code.
  llvm::SmallPtrSet<const Expr *, 8> Calls;
  llvm::SmallPtrSet<const Stmt *, 4> Inner;
  llvm::SmallVector<const Expr *, 4> Own;
  for (const Append &A : All)
    Calls.insert(A.Call);
  for (const Append &A : Found) {
    Inner.insert(A.Loops.begin(), A.Loops.end());
    Own.append(A.Own.begin(), A.Own.end());
  }
  DepScanner Scan(PC);
  StmtDeps Fx = Scan.scan(L.Body, &Calls);
  for (const Append &A : All)
    for (const Expr *V : A.Values)
      Fx.merge(Scan.scan(V));
  if (Acc.isVariable() && (Fx.Reads.contains(Acc.Root) || Fx.Writes.contains(Acc.Root)))
    return Refuse(Name + " is used inside the loop body other than by " +
                  (At == End::Front ? "prepending" : "appending") + " to it" +
                  separatorHint(PC, L.Body, Acc.Root));
  // A part of an object: nothing else in the body may use the object
  // (Places.h); for an element of a vector, that also means nothing in the
  // body resizes the vector.
  llvm::SmallPtrSet<const Expr *, 8> OwnSet(Own.begin(), Own.end());
  if (!Acc.isVariable())
    if (std::string Why = partReason(PC, L, Acc, Own, Fx, OwnSet); !Why.empty())
      return Refuse(Why);
  if (std::string Why = accumulatorReason(Acc.Root, Escaped, L); !Why.empty())
    return Refuse(Why);
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty())
    return Refuse(Why);
  if (std::string Why = exceptionReason(PC, L); !Why.empty())
    return Refuse(Why);
  if (std::string Why = lastRefusal(PC, L, &Calls); !Why.empty())
    return Refuse(Why);
  // The leaf appends to a private accumulator of its own name (see
  // referenceSpans); a reference written in a macro cannot be renamed.
  std::optional<std::vector<std::pair<unsigned, unsigned>>> References;
  if (Acc.isVariable()) {
    References = referenceSpans(PC, L.Body, Acc.Root);
  } else {
    References.emplace();
    for (const Expr *Ref : Own)
      if (auto O = PC.offsets(Ref->getSourceRange()))
        References->push_back(*O);
      else
        References.reset();
  }
  if (!References)
    return Refuse(Name + " is written in a macro in the loop body, where its private copy "
                         "cannot be given a name of its own");
  std::string Why;
  std::optional<std::string> Target = mergeTarget(PC, L, Acc, Own.front(), Why);
  if (!Target)
    return Refuse(Why);
  shapes::Concatenation C{*Target, PC.typeText(T), String, PC.freshName("c"),
                          PC.freshNumbered("acc"),
                          {PC.unusedName("lhs"), PC.unusedName("rhs")},
                          At == End::Front, llvm::any_of(Found, [](const Append &A) {
                            return A.Resizable;
                          })};
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
    *D << Name << (At == End::Front);
  PC.note(Loc, Transform::Concatenations, Acc.Name + (At == End::Front ? " prepended" : ""));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
