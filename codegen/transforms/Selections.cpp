//===- Selections.cpp - selection: argmin and argmax loops ------------------===//
#include "Selections.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// One `if (term REL best) { best = term; arg = e; ... }` of a loop body.
struct Candidate {
  const IfStmt *If = nullptr;
  const CompoundStmt *Then = nullptr;
  const VarDecl *Best = nullptr;
  const Expr *Term = nullptr;
  BinaryOperatorKind Rel = BO_LT; // `Term Rel Best`
  llvm::SmallVector<const VarDecl *, 2> Payloads;
  llvm::SmallVector<const Expr *, 4> Positions; // DeclRefExprs judged here
};

const DeclRefExpr *asVarRef(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE && isa<VarDecl>(DRE->getDecl()) ? DRE : nullptr;
}

bool sameExpr(ASTContext &Ctx, const Expr *A, const Expr *B) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

/// `x = e;` as written in a block.
const BinaryOperator *asAssignment(const Stmt *S) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
    S = EWC->getSubExpr();
  const auto *BO = dyn_cast<BinaryOperator>(S);
  return BO && BO->getOpcode() == BO_Assign && asVarRef(BO->getLHS()) ? BO : nullptr;
}

/// The selection an `if` makes, when it is one: a comparison of a term with
/// a variable that the block (of at least two statements; one alone is a
/// plain max/min, see Reductions.h) sets to that term. The block's other
/// assignments to variables from outside the body are the payloads.
std::optional<Candidate> matchCandidate(const IfStmt *If, const StmtDeps &Body, ASTContext &Ctx) {
  if (If->getElse() || If->getInit() || If->getConditionVariable() || If->isConstexpr())
    return std::nullopt;
  const auto *Then = dyn_cast<CompoundStmt>(If->getThen());
  const auto *Cmp = dyn_cast<BinaryOperator>(If->getCond()->IgnoreParens());
  if (!Then || Then->size() < 2 || !Cmp || !Cmp->isRelationalOp())
    return std::nullopt;
  const DeclRefExpr *L = asVarRef(Cmp->getLHS()), *R = asVarRef(Cmp->getRHS());
  for (const Stmt *S : Then->body()) {
    const BinaryOperator *A = asAssignment(S);
    if (!A)
      continue;
    const DeclRefExpr *Target = asVarRef(A->getLHS());
    const auto *V = cast<VarDecl>(Target->getDecl());
    bool BestRight = R && R->getDecl() == V && sameExpr(Ctx, Cmp->getLHS(), A->getRHS());
    bool BestLeft = L && L->getDecl() == V && sameExpr(Ctx, Cmp->getRHS(), A->getRHS());
    if (BestRight == BestLeft || Body.Locals.contains(V))
      continue;
    Candidate C;
    C.If = If;
    C.Then = Then;
    C.Best = V;
    C.Term = A->getRHS();
    C.Rel = BestRight ? Cmp->getOpcode() : BinaryOperator::reverseComparisonOp(Cmp->getOpcode());
    C.Positions = {BestRight ? R : L, Target};
    for (const Stmt *P : Then->body())
      if (const BinaryOperator *PA = asAssignment(P); PA && PA != A) {
        const DeclRefExpr *PT = asVarRef(PA->getLHS());
        const auto *PV = cast<VarDecl>(PT->getDecl());
        if (Body.Locals.contains(PV) || PV == V || llvm::is_contained(C.Payloads, PV))
          continue; // body locals are the body's business; repeats are judged as writes
        C.Payloads.push_back(PV);
        C.Positions.push_back(PT);
      }
    return C;
  }
  return std::nullopt;
}

/// The selections among the statements of S (through blocks, ifs and
/// switches; not into inner loops, whose selections run per outer iteration).
void collect(const Stmt *S, const StmtDeps &Body, std::vector<Candidate> &Out, ASTContext &Ctx) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      collect(Child, Body, Out, Ctx);
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (auto C = matchCandidate(If, Body, Ctx)) {
      Out.push_back(std::move(*C));
      return;
    }
    collect(If->getThen(), Body, Out, Ctx);
    collect(If->getElse(), Body, Out, Ctx);
  } else if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    collect(Switch->getBody(), Body, Out, Ctx);
  } else if (const auto *Case = dyn_cast<SwitchCase>(S)) {
    collect(Case->getSubStmt(), Body, Out, Ctx);
  }
}

} // namespace

LoopOutcome planSelection(PlanContext &PC, const LoopShape &L,
                          const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                          std::string &WhyNot) {
  std::vector<Candidate> Found;
  collect(L.Body, L.Body_, Found, PC.Ctx);
  if (Found.empty())
    return LoopOutcome::NotThisKind;
  if (Found.size() > 1) {
    WhyNot = "the loop selects both " + quoted(Found[0].Best) + " and " + quoted(Found[1].Best) +
             ", which purecc does not combine in one reduction";
    return LoopOutcome::Refused;
  }
  const Candidate &C = Found[0];
  llvm::SmallVector<const VarDecl *, 3> Vars{C.Best};
  Vars.append(C.Payloads.begin(), C.Payloads.end());
  llvm::SmallPtrSet<const Expr *, 8> Positions(C.Positions.begin(), C.Positions.end());
  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Positions);
  for (const VarDecl *V : Vars) {
    std::string Name = quoted(V);
    if (Fx.Reads.contains(V)) {
      WhyNot = Name + " is read inside the loop body";
      return LoopOutcome::Refused;
    }
    if (Fx.Writes.contains(V)) {
      WhyNot = Name + " is also written outside the selection of " + quoted(C.Best);
      return LoopOutcome::Refused;
    }
    if (std::string Why = accumulatorReason(V, Escaped, L); !Why.empty()) {
      WhyNot = Why;
      return LoopOutcome::Refused;
    }
  }
  QualType T = C.Best->getType().getUnqualifiedType();
  if (!(T->isIntegerType() || T->isRealFloatingType()) || T->isBooleanType() ||
      T->isEnumeralType()) {
    WhyNot = quoted(C.Best) + " has type '" + T.getAsString() +
             "', which has no parallel selection";
    return LoopOutcome::Refused;
  }
  QualType V = C.Term->IgnoreParenImpCasts()->getType().getNonReferenceType().getUnqualifiedType();
  if (!PC.Ctx.hasSameType(T, V)) {
    // The loop compares the unconverted term and keeps the converted one.
    WhyNot = "the loop compares a '" + V.getAsString() + "' with " + quoted(C.Best) + " of type '" +
             T.getAsString() + "', which the tree's comparisons of kept values would change";
    return LoopOutcome::Refused;
  }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  std::vector<const VarDecl *> Written{C.Best};
  Written.insert(Written.end(), C.Payloads.begin(), C.Payloads.end());
  if (std::string Why = exceptionReason(PC, L, Written); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = lastRefusal(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  auto Brace = PC.offsets(SourceRange(C.Then->getLBracLoc(), C.Then->getLBracLoc()));
  if (!Brace) {
    WhyNot = "the block that updates " + quoted(C.Best) +
             " is written in a macro, where the selection cannot mark that it ran";
    return LoopOutcome::Refused;
  }

  bool Min = C.Rel == BO_LT || C.Rel == BO_LE;
  bool LastWins = C.Rel == BO_LE || C.Rel == BO_GE;
  shapes::Selection S;
  // The leaf's copies of best and the payloads get names of their own (see
  // referenceSpans); a reference written in a macro cannot be renamed.
  std::vector<std::vector<std::pair<unsigned, unsigned>>> References;
  std::vector<const VarDecl *> Renamed{C.Best};
  Renamed.insert(Renamed.end(), C.Payloads.begin(), C.Payloads.end());
  for (const VarDecl *V : Renamed) {
    auto Spans = referenceSpans(PC, L.Body, V);
    if (!Spans) {
      WhyNot = quoted(V) + " is written in a macro in the loop body, where its private "
                           "copy cannot be given a name of its own";
      return LoopOutcome::Refused;
    }
    References.push_back(std::move(*Spans));
  }
  S.Best = {C.Best->getNameAsString(), PC.freshNumbered("acc"), PC.typeText(T),
            Min ? shapes::ReduceOp::Min : shapes::ReduceOp::Max, false, false,
            T->isRealFloatingType(), LastWins};
  S.Params = {PC.unusedName("lhs"), PC.unusedName("rhs")};
  S.Rel = BinaryOperator::getOpcodeStr(C.Rel).str();
  std::vector<std::string> PayloadNames;
  for (const VarDecl *P : C.Payloads) {
    S.Payloads.push_back(P->getNameAsString());
    S.PayloadTypes.push_back(PC.typeText(P->getType().getUnqualifiedType()));
    S.PayloadPrivates.push_back(PC.freshNumbered("acc"));
    PayloadNames.push_back(P->getNameAsString());
  }
  S.Stem = PC.freshName("a");
  PC.P.ExtraIncludes.insert("limits");
  PC.P.ExtraIncludes.insert("tuple");
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::selectHead(L.Begin, L.End, S, Idx) + (Block ? "" : "{"),
                             L.HeaderEnd));
  for (size_t I = 0; I < References.size(); ++I)
    for (auto [B, E] : References[I])
      PC.replace(B, E, I == 0 ? S.Best.Private : S.PayloadPrivates[I - 1]);
  PC.insert(Brace->first + 1, shapes::selectFired(S));
  endIterationsEarly(PC, L, shapes::selectContinue(S));
  PC.insert(L.BodyEnd, (Block ? "" : " }") + shapes::selectTail(S, loopGrain(L)));
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkSelection))
    *D << C.Best << (PayloadNames.empty() ? std::string() : " with " + quotedList(PayloadNames))
       << LastWins;
  PC.note(Loc, Transform::Selections,
          C.Best->getNameAsString() + ":" + S.Rel +
              (PayloadNames.empty() ? "" : " " + llvm::join(PayloadNames, " ")));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
