//===- Selections.cpp - selection: argmin and argmax loops ------------------===//
#include "Selections.h"
#include "BranchHints.h"
#include "PreprocessorRecord.h"

#include "BodyWalk.h"
#include "CallTasks.h"
#include "FloatingExceptions.h"
#include "LoopBodies.h"
#include "Places.h"
#include "PlainValues.h"
#include "SameExpr.h"

#include "WhatMayThrow.h"
#include "analysis/MayThrow.h"
#include "codegen/LineDirectives.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <functional>

using namespace clang;

namespace purecc {
namespace {

/// One `if (term REL best) { best = term; arg = e; ... }` of a loop body.
struct Candidate {
  const IfStmt *If = nullptr;
  const CompoundStmt *Then = nullptr;
  const VarDecl *Best = nullptr;
  /// `best.d` of a struct `best`: the member compared; the block sets it to
  /// the term (`best.d = d; best.i = i;` or `best = {d, i};`).
  const FieldDecl *Member = nullptr;
  const Expr *Term = nullptr;
  /// The term as the comparison writes it (evaluated first in the loop).
  const Expr *CondTerm = nullptr;
  BinaryOperatorKind Rel = BO_LT; // `Term Rel Best`
  llvm::SmallVector<const VarDecl *, 2> Payloads;
  llvm::SmallVector<const Expr *, 4> Positions; // DeclRefExprs (or payload operator= calls) judged here
  /// The arguments of payloads' operator= calls, which Positions leaves out.
  llvm::SmallVector<const Expr *, 2> OperatorValues;
};

const DeclRefExpr *asVarRef(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE && isa<VarDecl>(DRE->getDecl()) ? DRE : nullptr;
}

/// `x = e;` as written in a block: the built-in assignment, or a class's
/// copy or move assignment operator (`name = names[i]` with a std::string,
/// `at = pts[i]` with a struct).
struct Assignment {
  const Expr *Whole = nullptr;
  const DeclRefExpr *Target = nullptr;
  const Expr *Value = nullptr;
  /// A class's operator=: judged by plainValueReason, not by DepScanner.
  bool ThroughOperator = false;
};

/// `v = {a, b}` of a standard class (std::vector, std::string): its
/// operator= from a std::initializer_list, which makes v hold those values
/// as a copy would (plainValueReason judges v's type; allocation failure
/// is exempt, as everywhere: docs/codegen.md, "Speculation").
bool assignsBracedList(const CXXMethodDecl *M) {
  if (M->getNumParams() != 1 || !M->getParent()->isInStdNamespace())
    return false;
  const auto *P = M->getParamDecl(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return P && P->isInStdNamespace() && P->getIdentifier() &&
         P->getName() == "initializer_list";
}

std::optional<Assignment> asAssignment(const Stmt *S) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
    S = EWC->getSubExpr();
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign && asVarRef(BO->getLHS()))
    return Assignment{BO, asVarRef(BO->getLHS()), BO->getRHS(), false};
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
  if (!Op || Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 || !asVarRef(Op->getArg(0)))
    return std::nullopt;
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Op->getCalleeDecl());
  if (!M || !(M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator() ||
              assignsBracedList(M)))
    return std::nullopt;
  return Assignment{Op, asVarRef(Op->getArg(0)), Op->getArg(1), true};
}

/// Adds what From reads, writes and calls to Into.
void merge(StmtDeps &Into, const StmtDeps &From) {
  Into.Reads.insert(From.Reads.begin(), From.Reads.end());
  Into.Writes.insert(From.Writes.begin(), From.Writes.end());
  Into.Locals.insert(From.Locals.begin(), From.Locals.end());
  Into.ReadsMemory |= From.ReadsMemory;
  if (!Into.MemoryWrite)
    Into.MemoryWrite = From.MemoryWrite;
  if (!Into.ImpureCall)
    Into.ImpureCall = From.ImpureCall;
  for (const auto &[V, E] : From.FirstWrite)
    Into.FirstWrite.try_emplace(V, E);
}

/// The selection an `if` makes, when it is one: a comparison of a term with
/// a variable that the block (of at least two statements; one alone is a
/// plain max/min, see Reductions.h) sets to that term. The block's other
/// assignments to variables from outside the body are the payloads.
std::optional<Candidate> matchCandidate(const IfStmt *If, const StmtDeps &Body, ASTContext &Ctx) {
  if (If->getElse() || If->getInit() || If->getConditionVariable() || If->isConstexpr())
    return std::nullopt;
  const auto *Then = dyn_cast<CompoundStmt>(withoutLikelihood(If->getThen()));
  const auto *Cmp = dyn_cast<BinaryOperator>(withoutExpectation(If->getCond()));
  if (!Then || Then->size() < 2 || !Cmp || !Cmp->isRelationalOp())
    return std::nullopt;
  const DeclRefExpr *L = asVarRef(Cmp->getLHS()), *R = asVarRef(Cmp->getRHS());
  for (const Stmt *S : Then->body()) {
    std::optional<Assignment> A = asAssignment(S);
    if (!A || A->ThroughOperator)
      continue; // best is arithmetic: the built-in assignment
    const DeclRefExpr *Target = A->Target;
    const auto *V = cast<VarDecl>(Target->getDecl());
    bool BestRight = R && R->getDecl() == V && sameExpr(Ctx, Cmp->getLHS(), A->Value);
    bool BestLeft = L && L->getDecl() == V && sameExpr(Ctx, Cmp->getRHS(), A->Value);
    if (BestRight == BestLeft || Body.Locals.contains(V))
      continue;
    Candidate C;
    C.If = If;
    C.Then = Then;
    C.Best = V;
    C.Term = A->Value;
    C.CondTerm = BestRight ? Cmp->getLHS() : Cmp->getRHS();
    C.Rel = BestRight ? Cmp->getOpcode() : BinaryOperator::reverseComparisonOp(Cmp->getOpcode());
    C.Positions = {BestRight ? R : L, Target};
    for (const Stmt *P : Then->body())
      if (std::optional<Assignment> PA = asAssignment(P); PA && PA->Whole != A->Whole) {
        const DeclRefExpr *PT = PA->Target;
        const auto *PV = cast<VarDecl>(PT->getDecl());
        if (Body.Locals.contains(PV) || PV == V || llvm::is_contained(C.Payloads, PV))
          continue; // body locals are the body's business; repeats are judged as writes
        C.Payloads.push_back(PV);
        if (PA->ThroughOperator) {
          // The operator= is judged by plainValueReason; its argument is
          // scanned as any other code of the body.
          C.Positions.push_back(PA->Whole);
          C.OperatorValues.push_back(PA->Value);
        } else {
          C.Positions.push_back(PT);
        }
      }
    return C;
  }
  return std::nullopt;
}

/// `v.m` for a local v (not through a pointer).
const MemberExpr *asMemberOfVar(const Expr *E, const VarDecl *&V) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
    return nullptr;
  const DeclRefExpr *Base = asVarRef(ME->getBase());
  if (!Base)
    return nullptr;
  V = cast<VarDecl>(Base->getDecl());
  return ME;
}

/// The initializer of field F in a braced list assigned whole (`{d, i}`,
/// `Best{d, i}`), if any.
const Expr *fieldInit(const Expr *Value, const FieldDecl *F) {
  const Expr *E = Value->IgnoreImplicit();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    E = MT->getSubExpr()->IgnoreImplicit();
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
    E = FC->getSubExpr()->IgnoreImplicit();
  const auto *IL = dyn_cast<InitListExpr>(E);
  if (!IL || F->getFieldIndex() >= IL->getNumInits())
    return nullptr;
  if (IL->isSemanticForm() && IL->getInitializedFieldInUnion())
    return nullptr;
  return IL->getInit(F->getFieldIndex());
}

/// The selection of a struct's member: `if (term REL b.m)` whose block sets
/// b.m to the term, member by member or whole.
std::optional<Candidate> matchMemberCandidate(const IfStmt *If, const CompoundStmt *Then,
                                              llvm::ArrayRef<const Stmt *> Statements,
                                              const BinaryOperator *Cmp, const StmtDeps &Body,
                                              ASTContext &Ctx) {
  for (int Side = 0; Side < 2; ++Side) {
    const VarDecl *V = nullptr;
    const MemberExpr *Compared = asMemberOfVar(Side ? Cmp->getLHS() : Cmp->getRHS(), V);
    if (!Compared || Body.Locals.contains(V))
      continue;
    const auto *F = cast<FieldDecl>(Compared->getMemberDecl());
    const Expr *Term = Side ? Cmp->getRHS() : Cmp->getLHS();
    Candidate C;
    C.If = If;
    C.Then = Then;
    C.Best = V;
    C.Member = F;
    C.Term = Term;
    C.CondTerm = Term;
    C.Rel = Side ? BinaryOperator::reverseComparisonOp(Cmp->getOpcode()) : Cmp->getOpcode();
    C.Positions = {Compared};
    bool SetsMember = false;
    for (const Stmt *S : Statements) {
      const Stmt *Plain = S;
      if (const auto *EWC = dyn_cast<ExprWithCleanups>(Plain))
        Plain = EWC->getSubExpr();
      const VarDecl *W = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(Plain);
          BO && BO->getOpcode() == BO_Assign && asMemberOfVar(BO->getLHS(), W) && W == V) {
        // `b.x = e;`: the member is b's business, e is scanned as usual.
        C.Positions.push_back(BO->getLHS()->IgnoreParenImpCasts());
        if (cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts())->getMemberDecl() == F) {
          if (!sameExpr(Ctx, BO->getRHS(), Term) || SetsMember)
            return std::nullopt;
          SetsMember = true;
        }
        continue;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Plain);
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          asMemberOfVar(Op->getArg(0), W) && W == V) {
        // `b.name = label(i);` through the member's operator=: judged with
        // b's type by plainValueReason, its argument scanned as usual.
        const auto *M = dyn_cast_or_null<CXXMethodDecl>(Op->getCalleeDecl());
        if (!M || !(M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()) ||
            cast<MemberExpr>(Op->getArg(0)->IgnoreParenImpCasts())->getMemberDecl() == F)
          return std::nullopt;
        C.Positions.push_back(Op);
        C.OperatorValues.push_back(Op->getArg(1));
        continue;
      }
      if (std::optional<Assignment> A = asAssignment(S); A && A->Target->getDecl() == V) {
        const Expr *Init = A->ThroughOperator ? fieldInit(A->Value, F) : nullptr;
        if (!Init || !sameExpr(Ctx, Init, Term) || SetsMember)
          return std::nullopt;
        SetsMember = true;
        C.Positions.push_back(A->Whole);
        C.OperatorValues.push_back(A->Value);
        continue;
      }
      if (std::optional<Assignment> PA = asAssignment(S)) {
        const auto *PV = cast<VarDecl>(PA->Target->getDecl());
        if (Body.Locals.contains(PV) || llvm::is_contained(C.Payloads, PV))
          continue;
        C.Payloads.push_back(PV);
        if (PA->ThroughOperator) {
          C.Positions.push_back(PA->Whole);
          C.OperatorValues.push_back(PA->Value);
        } else {
          C.Positions.push_back(PA->Target);
        }
      }
    }
    if (SetsMember)
      return C;
  }
  return std::nullopt;
}

/// matchMemberCandidate for an `if` of the right form.
std::optional<Candidate> matchMemberOf(const IfStmt *If, const StmtDeps &Body, ASTContext &Ctx) {
  if (If->getElse() || If->getInit() || If->getConditionVariable() || If->isConstexpr())
    return std::nullopt;
  const Stmt *ThenS = withoutLikelihood(If->getThen());
  const auto *Cmp = dyn_cast<BinaryOperator>(withoutExpectation(If->getCond()));
  if (!Cmp || !Cmp->isRelationalOp())
    return std::nullopt;
  // `if (d < b.d) b = {d, i};` sets the whole selection in one statement.
  const auto *Then = dyn_cast<CompoundStmt>(ThenS);
  llvm::SmallVector<const Stmt *, 4> Statements;
  if (Then)
    Statements.append(Then->body_begin(), Then->body_end());
  else if (isa<Expr>(ThenS))
    Statements.push_back(ThenS);
  else
    return std::nullopt;
  return matchMemberCandidate(If, Then, Statements, Cmp, Body, Ctx);
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
    if (auto C = matchMemberOf(If, Body, Ctx)) {
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

/// A statement that leaves Block before its end — a `continue` or `break`
/// outside any loop or `switch` nested in it, a `return` or `goto` outside
/// a nested lambda — or null. (A throw leaves too; blockThrowReason and the
/// records' order handle exceptions.)
const Stmt *leavesEarly(const Stmt *S, bool InInnerLoop = false) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt>(S))
    return S;
  if (isa<ContinueStmt, BreakStmt>(S))
    return InInnerLoop ? nullptr : S;
  bool Inner = InInnerLoop || isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (const Stmt *Exit = leavesEarly(Child, Inner))
      return Exit;
  return nullptr;
}

/// The keyword of a statement leavesEarly found.
const char *exitKeyword(const Stmt *Exit) {
  if (isa<ContinueStmt>(Exit))
    return "continue";
  if (isa<BreakStmt>(Exit))
    return "break";
  if (isa<ReturnStmt>(Exit))
    return "return";
  return "goto";
}

/// Why running the block that updates the selection for iterations the
/// serial loop never selects (see blockThrowReason) could do what the
/// serial loop never does, other than throw: a call to a function of the
/// user's, which for such a term may run for hours (adv34 t02: `who =
/// weigh(*p)`) or divide by zero (adv35 t04: `q = scale(*p)`, `1000 / x`),
/// or an integer division or remainder by a value that is not a constant,
/// a loop (its trip count may be huge for such a term, adv36 t02), or a
/// dereference or subscript of what the loop computes (`who = *p`, with a
/// 'p' null for the terms never selected, adv36 t01), or an address the
/// loop computes, or a count, handed to a call or a construction
/// (`std::strlen(p)`, adv39 t01; `std::vector<long>(cnt, x)`, adv40 t03),
/// or a floating-point operation that may raise an exception flag or trap
/// (FloatingExceptions.h, `1.0 / scale`, adv41 t02), or a floating-point
/// value the loop computes handed to a call (`std::sqrt(d)`). Or empty. The library's calls count by what they throw
/// alone, but for those.
std::string blockSpeculationReason(PlanContext &PC, const LoopShape &L, const Candidate &C) {
  std::string What;
  auto Text = [&](const Stmt *S, const char *Otherwise) {
    auto O = PC.offsets(S->getSourceRange());
    return O ? "'" + PC.textAt(O->first, O->second) + "'" : std::string(Otherwise);
  };
  // Whether E names a variable the loop declares (its counter, a local of
  // the body): a pointer or an index that may be valid only for the
  // iterations the serial loop selects (`who = *p` with a 'p' that is null
  // for the others, adv36 t01).
  // Within, when given: variables it declares do not count.
  // Each subtree's answer is kept: the walk below asks it of every node it
  // visits, which would otherwise walk the block's subtrees again and again.
  llvm::DenseMap<const Stmt *, bool> Computed;
  std::function<bool(const Stmt *, const Stmt *)> LoopComputedIn =
      [&](const Stmt *S, const Stmt *Within) -> bool {
    if (!S)
      return false;
    if (!Within)
      if (auto It = Computed.find(S); It != Computed.end())
        return It->second;
    bool Found = false;
    // A structured binding the body declares counts as its variable does
    // (`auto [d, scale] = scaled(i)`, adv41 t02).
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      const ValueDecl *D = DRE->getDecl();
      const auto *VD = dyn_cast<VarDecl>(D);
      Found = (isa<BindingDecl>(D) || (VD && VD->hasLocalStorage())) &&
              L.Loop->getSourceRange().fullyContains(D->getSourceRange()) &&
              !(Within && Within->getSourceRange().fullyContains(D->getSourceRange()));
    }
    for (const Stmt *Child : S->children())
      Found = LoopComputedIn(Child, Within) || Found;
    if (!Within)
      Computed[S] = Found;
    return Found;
  };
  auto LoopComputed = [&](const Stmt *E, const Stmt *Within = nullptr) {
    return LoopComputedIn(E, Within);
  };
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || !What.empty())
      return;
    // A loop whose trip count the body computes may be long only for the
    // iterations the serial loop never selects (adv36 t02). A 'for' whose
    // header reads nothing the loop computes runs as long in every
    // iteration, as it does in those the serial loop selects.
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S)) {
      const auto *For = dyn_cast<ForStmt>(S);
      if (!For || LoopComputed(For->getInit(), For) || LoopComputed(For->getCond(), For) ||
          LoopComputed(For->getInc(), For)) {
        What = "the loop in it may run long there";
        return;
      }
    }
    const Expr *Deref = nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->getOpcode() == UO_Deref)
      Deref = UO->getSubExpr();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
      Deref = AS;
    else if (const auto *ME = dyn_cast<MemberExpr>(S); ME && ME->isArrow())
      Deref = ME->getBase();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && (Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Arrow ||
                    (Op->getOperator() == OO_Star && Op->getNumArgs() == 1)))
      Deref = Op;
    if (Deref && LoopComputed(Deref)) {
      What = Text(S, "a dereference") + " in it may read where no object is there";
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      // The payload's own assignment (a plain value's operator=) is judged
      // by plainValueReason; a library function by what it throws.
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      bool Library = Callee && (Callee->isInStdNamespace() ||
                                (Method && Method->getParent()->isInStdNamespace()) ||
                                Callee->getBuiltinID());
      bool Implicit = Callee && (Callee->isImplicit() || Callee->isDefaulted());
      if (!Library && !Implicit) {
        What = "the call to '" + calleeName(CE) + "' in it may run long or fail there";
        return;
      }
    }
    // A library call or construction handed an address the loop computes
    // reads through it (`len = std::strlen(p)`, `name = std::string(p)`,
    // with a 'p' null for the terms never selected, adv39 t01).
    // So does a count or a size the loop computes, which may be huge
    // there (adv40 t03: `std::vector<long>(cnt, x)` threw 'bad_alloc').
    auto HandsAddress = [&](const Expr *Arg) {
      const Expr *Value = Arg->IgnoreParenImpCasts();
      QualType T = Value->getType().getNonReferenceType();
      return (holdsAddress(T) || T->isIntegerType()) && LoopComputed(Value);
    };
    // A floating-point value: `std::log(scale)` raises FE_DIVBYZERO for a
    // 'scale' that is 0.0 there (adv41 t02).
    auto HandsFloating = [&](const Expr *Arg) {
      const Expr *Value = Arg->IgnoreParenImpCasts();
      QualType T = Value->getType().getNonReferenceType();
      return (T->isRealFloatingType() || T->isAnyComplexType()) && LoopComputed(Value);
    };
    llvm::ArrayRef<const Expr *> Args;
    const Expr *Object = nullptr;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        Object = MC->getImplicitObjectArgument();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    }
    if ((Object && HandsAddress(Object)) || llvm::any_of(Args, HandsAddress)) {
      What = Text(S, "a call") + " in it is handed what the loop computes, and may read where "
                                 "no object is, or run long, there";
      return;
    }
    if (llvm::any_of(Args, HandsFloating)) {
      What = Text(S, "a call") + " in it is handed a floating-point value the loop computes, "
                                 "and may raise a floating-point exception there, which the "
                                 "program's flags and traps would see";
      return;
    }
    // Floating-point arithmetic raises the flags the program may test, or
    // traps where it enabled a trap (`ratio = 1.0 / scale` with a 'scale'
    // that is 0.0 for the terms never selected, adv41 t02).
    if (std::string Op = floatingExceptionOperation(PC.Ctx, S); !Op.empty()) {
      What = Text(S, Op.c_str()) + " in it may raise a floating-point exception there, which "
                                   "the program's flags and traps would see";
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      BinaryOperatorKind Op = BO->getOpcode();
      bool Divides = Op == BO_Div || Op == BO_Rem || Op == BO_DivAssign || Op == BO_RemAssign;
      if (Divides && BO->getType()->isIntegerType() &&
          !BO->getRHS()->isValueDependent() && !BO->getRHS()->isIntegerConstantExpr(PC.Ctx)) {
        What = Text(BO, "a division") + " in it may divide by zero there";
        return;
      }
    }
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(C.If->getThen());
  if (What.empty())
    return "";
  return "the parallel selection runs the block that updates " + quoted(C.Best) +
         " for iterations the serial loop never selects, and " + What;
}

/// Why running the block that updates the selection could throw where the
/// serial loop does not, or empty. A leaf compares each term with its own
/// best, which starts at the identity: the block runs for every term that
/// beats the leaf's earlier ones, also for iterations the serial loop never
/// selects (the first of each leaf's range, at least). Code in it that may
/// throw (`name = label(i)` with a `label` that throws for some i) would
/// then throw where the serial loop did not call it. Allocation failure and
/// the library's size limit do not count (MayThrow.h, Operands::Other).
std::string blockThrowReason(PlanContext &PC, const Candidate &C) {
  MayThrow Throws(PC.Ctx, Operands::Other);
  const Stmt *Block = C.If->getThen();
  if (!Throws.mayThrow(Block))
    return "";
  std::string What = whatMayThrow(PC, Throws, Block);
  What = What.empty() ? "the block that updates " + quoted(C.Best) + " may throw"
                      : What + " may throw in the block that updates " + quoted(C.Best);
  return What + ", and the parallel selection runs that block for iterations the serial loop "
                "never selects";
}

/// Whether a value of type T may hold a pointer or a reference, which
/// could point into the iteration that computed it (gone when the final
/// pass reads it), or into what a reference of the body names.
bool holdsPointer(QualType T) {
  T = T.getCanonicalType().getUnqualifiedType();
  if (T->isReferenceType() || T->isAnyPointerType() || T->isMemberPointerType() ||
      T->isNullPtrType() || T->isBlockPointerType())
    return true;
  if (T->isScalarType())
    return false;
  if (const auto *A = dyn_cast<ConstantArrayType>(T.getTypePtr()))
    return holdsPointer(A->getElementType());
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  if (RD->isInStdNamespace()) {
    // plainValueReason admits std::string, std::vector, std::array and
    // std::pair of plain values: their elements decide.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    llvm::StringRef Name = RD->getIdentifier() ? RD->getName() : "";
    if (!Spec || !(Name == "basic_string" || Name == "vector" || Name == "array" || Name == "pair"))
      return true;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    unsigned Elements = Name == "pair" ? 2 : 1;
    for (unsigned I = 0; I < Elements && I < Args.size(); ++I)
      if (Args[I].getKind() == TemplateArgument::Type && holdsPointer(Args[I].getAsType()))
        return true;
    return false;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (holdsPointer(B.getType()))
      return true;
  for (const FieldDecl *F : RD->fields())
    if (holdsPointer(F->getType()))
      return true;
  return false;
}

/// What the final pass of a selection in two passes needs to run the block
/// for one record (Selections.h): the body's locals the block reads, which
/// the leaf carries to it by value, and whether it reads the loop variable,
/// which the pass recreates from the record's index.
struct Records {
  std::vector<const VarDecl *> Carried;
  bool ReadsIndex = false;
  std::pair<unsigned, unsigned> If;    // the `if` statement, replaced in the leaf
  std::pair<unsigned, unsigned> Block; // the block, copied into the final pass
  std::string Term;                    // the term's text, as compared
};

/// Whether S (a statement of the block) sets best, a member of it or a
/// payload, whole (the statements the matchers took).
bool setsSelection(const Stmt *S, const Candidate &C) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
    S = EWC->getSubExpr();
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign)
    Target = BO->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    Target = Op->getArg(0);
  if (!Target)
    return false;
  const VarDecl *V = nullptr;
  if (const DeclRefExpr *DRE = asVarRef(Target))
    V = cast<VarDecl>(DRE->getDecl());
  else if (!C.Member || !asMemberOfVar(Target, V))
    return false;
  return V && (V == C.Best || llvm::is_contained(C.Payloads, V));
}

/// The two passes for candidate C, or nullopt with Why when the block
/// needs what the leaf cannot carry to the final pass.
std::optional<Records> planRecords(PlanContext &PC, const LoopShape &L, const Candidate &C,
                                   std::string &Why) {
  const Stmt *Block = C.If->getThen();
  std::string Updates = "the block that updates " + quoted(C.Best);
  llvm::SmallVector<const Stmt *, 4> Statements;
  if (C.Then)
    Statements.append(C.Then->body_begin(), C.Then->body_end());
  else
    Statements.push_back(Block);
  for (const Stmt *S : Statements)
    if (!setsSelection(S, C)) {
      Why = Updates + " does more than assign it and what goes with it";
      return std::nullopt;
    }
  // It writes nothing but the selection: the leaves skip it, and the rest
  // of the body must not depend on it.
  llvm::SmallPtrSet<const Expr *, 8> Positions(C.Positions.begin(), C.Positions.end());
  StmtDeps D = DepScanner(PC).scan(Block, &Positions);
  for (const Expr *Value : C.OperatorValues)
    merge(D, DepScanner(PC).scan(Value));
  for (const VarDecl *W : D.Writes)
    if (W != C.Best && !llvm::is_contained(C.Payloads, W)) {
      Why = Updates + " writes " + quoted(W);
      return std::nullopt;
    }
  if (D.MemoryWrite) {
    Why = Updates + " writes through a pointer or reference";
    return std::nullopt;
  }
  struct Refs : RecursiveASTVisitor<Refs> {
    std::vector<const ValueDecl *> Seen;
    bool TakesAddress = false;
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      Seen.push_back(E->getDecl());
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *U) {
      TakesAddress |= U->getOpcode() == UO_AddrOf;
      return true;
    }
  } Found;
  Found.TraverseStmt(const_cast<Stmt *>(Block));
  if (Found.TakesAddress) {
    Why = Updates + " takes an address";
    return std::nullopt;
  }
  // The final pass runs after the loop, where what the body declares is
  // out of scope: `using a::FAST;` (the block's `FAST` would be another
  // one: adv66 F2), `using W = long;`, `namespace q = std;`.
  if (const Decl *D = declaredNonVariable(L.Body, Block)) {
    std::optional<std::string> Text = quotable(PC.shownText(D->getSourceRange()));
    Why = Updates + " would run again after the loop, where the loop body's " +
          (Text ? "'" + *Text + "'" : std::string("declaration")) +
          " (of a name other than a variable) does not reach";
    return std::nullopt;
  }
  // Nor the body's pragmas: a `#pragma GCC diagnostic` push/pop around the
  // block would no longer enclose it (adv66 F6).
  if (std::vector<std::string> Pragmas = PC.pragmasBetween(L.HeaderEnd, L.BodyEnd); !Pragmas.empty()) {
    Why = Updates + " would run again after the loop, out of the reach of '" + Pragmas.front() +
          "' in the loop body";
    return std::nullopt;
  }
  const SourceManager &SM = PC.SM;
  auto Within = [&](const Decl *D, const Stmt *S) {
    SourceRange R = S->getSourceRange();
    SourceLocation Loc = D->getLocation();
    return !SM.isBeforeInTranslationUnit(Loc, R.getBegin()) &&
           !SM.isBeforeInTranslationUnit(R.getEnd(), Loc);
  };
  Records R;
  bool CarriesReference = false;
  const auto *Decomposed = dyn_cast_or_null<DecompositionDecl>(L.Element);
  for (const ValueDecl *VD : Found.Seen) {
    if (const auto *B = dyn_cast<BindingDecl>(VD)) {
      if (Decomposed && llvm::is_contained(Decomposed->bindings(), B)) {
        R.ReadsIndex = true;
        continue;
      }
      if (Within(B, Block))
        continue;
      Why = Updates + " reads the structured binding " + quoted(B);
      return std::nullopt;
    }
    const auto *V = dyn_cast<VarDecl>(VD);
    if (!V || V == C.Best || llvm::is_contained(C.Payloads, V) ||
        llvm::is_contained(R.Carried, V) || !Within(V, L.Loop) || Within(V, Block))
      continue;
    if (V == L.Induction || V == L.Element) {
      // The final pass makes the element anew from the range: a copy the
      // body changed (`for (long v : vals) { v += 1000000; ...`) would be
      // lost (adv66 F4).
      if (V == L.Element && L.Body_.Writes.contains(V)) {
        Why = Updates + " reads " + quoted(V) + ", which the loop body changes, and the final "
                        "pass after the loop would read it anew from the range";
        return std::nullopt;
      }
      R.ReadsIndex = true;
      continue;
    }
    // Its value is carried, not its being a constant (adv66 F3).
    if (V->isConstexpr()) {
      Why = Updates + " reads " + quoted(V) + ", declared 'constexpr', which the final pass "
                      "could declare only as a copy of a carried value, not as a constant";
      return std::nullopt;
    }
    if (!Within(V, L.Body) || !V->hasLocalStorage()) {
      Why = Updates + " reads " + quoted(V) + ", which the final pass cannot see";
      return std::nullopt;
    }
    QualType Value = V->getType().getNonReferenceType().getUnqualifiedType();
    if (Value->isArrayType() || !plainValueReason(Value).empty() || holdsPointer(Value)) {
      Why = Updates + " reads " + quoted(V) + " of type '" + Value.getAsString() +
            "', which the leaf cannot carry to the final pass as a plain value";
      return std::nullopt;
    }
    // The leaves' records write its type out.
    if (unnamedType(V->getType())) {
      Why = Updates + " reads " + quoted(V) + ", whose type has no name for the leaves' "
                      "records to write";
      return std::nullopt;
    }
    CarriesReference |= V->getType()->isReferenceType();
    R.Carried.push_back(V);
  }
  if (CarriesReference) {
    // A copy stands for what the reference named: what the block keeps must
    // not tell them apart.
    llvm::SmallVector<const VarDecl *, 4> Kept{C.Best};
    Kept.append(C.Payloads.begin(), C.Payloads.end());
    for (const VarDecl *K : Kept)
      if (holdsPointer(K->getType())) {
        Why = Updates + " reads a reference and keeps " + quoted(K) + ", which holds a pointer";
        return std::nullopt;
      }
  }
  auto Term = PC.offsets(C.CondTerm->getSourceRange());
  auto Whole = PC.offsets(SourceRange(C.If->getBeginLoc(), Block->getEndLoc()));
  auto Start = PC.offsets(SourceRange(Block->getBeginLoc(), Block->getBeginLoc()));
  std::optional<unsigned> End = C.Then ? std::optional<unsigned>(PC.endOfToken(C.Then->getRBracLoc()))
                                       : PC.endOfStatement(Block);
  if (!Term || !Whole || !Start || !End) {
    Why = Updates + " is written in a macro";
    return std::nullopt;
  }
  R.Term = PC.textAt(Term->first, Term->second);
  R.If = {Whole->first, *End};
  R.Block = {Start->first, *End};
  return R;
}

/// The remark and the plan's line for a rewritten selection.
void reportSelection(PlanContext &PC, const LoopShape &L, const Candidate &C, bool LastWins,
                     llvm::StringRef Rel) {
  std::vector<std::string> PayloadNames;
  for (const VarDecl *P : C.Payloads)
    PayloadNames.push_back(P->getNameAsString());
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkSelection))
    *D << C.Best << (PayloadNames.empty() ? std::string() : " with " + quotedList(PayloadNames))
       << LastWins;
  PC.note(Loc, Transform::Selections,
          C.Best->getNameAsString() + ":" + Rel.str() +
              (PayloadNames.empty() ? "" : " " + llvm::join(PayloadNames, " ")));
}

/// Rewrites the loop as a selection in two passes (Selections.h): the
/// leaves keep the records, the final pass runs the block for them.
LoopOutcome emitPasses(PlanContext &PC, const LoopShape &L, const Candidate &C,
                       const Records &R, QualType Key) {
  shapes::SelectionPasses S;
  S.Stem = PC.freshName("a");
  S.Rel = BinaryOperator::getOpcodeStr(C.Rel).str();
  S.Better = C.Rel == BO_LT   ? "std::less<>"
             : C.Rel == BO_LE ? "std::less_equal<>"
             : C.Rel == BO_GT ? "std::greater<>"
                              : "std::greater_equal<>";
  S.KeyType = PC.typeText(Key);
  S.Compared = C.Best->getNameAsString() + (C.Member ? "." + C.Member->getNameAsString() : "");
  shapes::Index Idx = makeIndex(PC, L);
  S.Param = Idx.Param.empty() ? PC.freshName("k") : Idx.Param;
  S.BlockReadsIndex = R.ReadsIndex;
  for (const VarDecl *V : R.Carried) {
    QualType T = V->getType();
    QualType Value = T.getNonReferenceType();
    // Declared as the body declares it: `const long d` stays 'const' and a
    // reference stays a reference, to a 'const' when it was one
    // (`std::is_const_v<decltype(d)>` in the block, adv41 t01).
    std::string Qualifiers = Value.getQualifiers().getAsString();
    std::string Declared = (Qualifiers.empty() ? "" : Qualifiers + " ") + PC.typeText(Value);
    S.Carries.push_back({V->getNameAsString(),
                         T->isReferenceType() ? Declared + " &" : Declared,
                         PC.typeText(Value.getUnqualifiedType())});
  }
  PC.P.ExtraIncludes.insert("functional");
  PC.P.ExtraIncludes.insert("tuple");
  bool Block = isa<CompoundStmt>(L.Body);
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::passesHead(L.Begin, L.End, S, Idx) + (Block ? "" : "{"),
                             L.HeaderEnd));
  // The leaf only adds the term; it keeps the `if`'s lines.
  std::string IfText = PC.textAt(R.If.first, R.If.second);
  PC.replace(R.If.first, R.If.second,
             shapes::passesAdd(S, R.Term) + std::string(llvm::count(IfText, '\n'), '\n'));
  endIterationsEarly(PC, L, shapes::passesContinue(S));
  // The block, verbatim on its own lines, in the final pass after the loop.
  FileID Main = PC.SM.getMainFileID();
  LineDirectives Lines(PC.SM, PC.LO);
  unsigned BlockLine = PC.SM.getLineNumber(Main, R.Block.first);
  unsigned EndLine = PC.SM.getLineNumber(Main, L.BodyEnd);
  PC.insert(L.BodyEnd, (Block ? "" : " }") + shapes::passesBeforeBlock(S, Idx, loopGrain(L)) +
                           "\n" + Lines.directive(BlockLine) +
                           PC.textAt(R.Block.first, R.Block.second) + "\n" +
                           Lines.directive(EndLine) + shapes::passesAfterBlock(S));
  PC.P.Edits.back().EndsWithLineDirective = true;
  reportSelection(PC, L, C, C.Rel == BO_LE || C.Rel == BO_GE, S.Rel);
  return LoopOutcome::Rewritten;
}

} // namespace

namespace {

/// An assignment `V = T` (built-in or a class's operator=) somewhere in S,
/// not inside a nested loop or lambda; Depth counts the statements around
/// it below S that run only on some paths (an `if`, a `switch`, `?:`).
const Expr *findSetting(const Stmt *S, const VarDecl *V, const Expr *T, ASTContext &Ctx,
                        bool &Conditional, bool Nested = false) {
  if (!S || isa<LambdaExpr, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return nullptr;
  // `best = (float)t`: the term converted by a cast the user wrote is
  // found too, so that the remark can name the conversion.
  if (std::optional<Assignment> A = asAssignment(S);
      A && A->Target->getDecl() == V &&
      (sameExpr(Ctx, A->Value, T) ||
       sameExpr(Ctx, A->Value->IgnoreParenImpCasts()->IgnoreCasts(), T))) {
    Conditional = Nested;
    return A->Whole;
  }
  bool Inner = Nested || isa<IfStmt, SwitchStmt, ConditionalOperator, BinaryConditionalOperator>(S);
  if (isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isLogicalOp())
    Inner = true;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = findSetting(Child, V, T, Ctx, Conditional, Inner))
      return Found;
  return nullptr;
}

/// The `if` statements among S (through blocks, ifs and switches; not into
/// inner loops).
void collectIfs(const Stmt *S, std::vector<const IfStmt *> &Out) {
  if (!S)
    return;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    Out.push_back(If);
    collectIfs(If->getThen(), Out);
    collectIfs(If->getElse(), Out);
  } else if (isa<CompoundStmt>(S)) {
    for (const Stmt *Child : S->children())
      collectIfs(Child, Out);
  } else if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    collectIfs(Switch->getBody(), Out);
  } else if (const auto *Case = dyn_cast<SwitchCase>(S)) {
    collectIfs(Case->getSubStmt(), Out);
  }
}

} // namespace

std::pair<const VarDecl *, std::string> nearSelectionReason(PlanContext &PC, const LoopShape &L) {
  std::vector<const IfStmt *> Ifs;
  collectIfs(L.Body, Ifs);
  for (const IfStmt *If : Ifs) {
    if (If->isConstexpr())
      continue;
    // The comparisons of the condition: itself, or the operands of its
    // `||` and `&&` (`if (v < b || std::isnan(v))`).
    llvm::SmallVector<const BinaryOperator *, 2> Cmps;
    bool Compound = false;
    std::function<void(const Expr *)> Collect = [&](const Expr *E) {
      const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParens());
      if (BO && BO->isLogicalOp()) {
        Compound = true;
        Collect(BO->getLHS());
        Collect(BO->getRHS());
      } else if (BO && BO->isRelationalOp()) {
        Cmps.push_back(BO);
      }
    };
    Collect(If->getCond());
    for (const BinaryOperator *Cmp : Cmps) {
      for (int Side = 0; Side < 2; ++Side) {
        const DeclRefExpr *Ref = asVarRef(Side ? Cmp->getLHS() : Cmp->getRHS());
        const Expr *Term = Side ? Cmp->getRHS() : Cmp->getLHS();
        const auto *V = Ref ? cast<VarDecl>(Ref->getDecl()) : nullptr;
        if (!V || L.Body_.Locals.contains(V) || V == L.Induction || V == L.Element)
          continue;
        bool Conditional = false;
        const Expr *Set = findSetting(If->getThen(), V, Term, PC.Ctx, Conditional);
        if (!Set)
          continue;
        std::optional<std::string> Cond = quotable(PC.shownText(If->getCond()->getSourceRange()));
        std::string IfText = Cond ? " ('if (" + *Cond + ")')" : "";
        if (Compound)
          return {V, "the 'if' that selects " + quoted(V) + IfText + " tests more than " +
                         "one comparison of a term with " + quoted(V) +
                         ": a selection is rewritten only for 'if (e < " + V->getNameAsString() +
                         ")' and the like"};
        QualType BestType = V->getType().getNonReferenceType().getUnqualifiedType();
        QualType TermType =
            Term->IgnoreParenImpCasts()->getType().getNonReferenceType().getUnqualifiedType();
        if (BestType->isArithmeticType() && TermType->isArithmeticType() &&
            !PC.Ctx.hasSameType(BestType, TermType))
          return {V, "the loop compares a '" + TermType.getAsString() + "' with " + quoted(V) +
                         " of type '" + BestType.getAsString() +
                         "', which the tree's comparisons of kept values would change"};
        if (If->getElse())
          return {V, "the 'if' that selects " + quoted(V) + IfText +
                         " has an 'else' branch: a selection is rewritten only without one (its "
                         "leaves run the 'if' for iterations the serial loop does not select)"};
        if (Conditional) {
          return {V, quoted(V) + " is set" + shownInParens(PC.shownText(Set->getSourceRange())) +
                         " only on some paths of the block of the 'if' that compares it" + IfText +
                         ": not a selection, whose block sets the best whenever it runs"};
        }
      }
    }
  }
  return {nullptr, ""};
}

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
  // `{ arg = i; if (i > 100) continue; best = d; }`: an iteration that
  // leaves the block early updates some of the selection and not the rest,
  // so the payloads no longer belong to the best (and the leaves, which end
  // an iteration by returning its partial, would drop the part already set).
  if (const Stmt *Exit = leavesEarly(C.Then)) {
    WhyNot = "the block that updates " + quoted(C.Best) + " may end early ('" +
             exitKeyword(Exit) + "'), leaving part of the selection unset";
    return LoopOutcome::Refused;
  }
  llvm::SmallVector<const VarDecl *, 3> Vars{C.Best};
  Vars.append(C.Payloads.begin(), C.Payloads.end());
  llvm::SmallPtrSet<const Expr *, 8> Positions(C.Positions.begin(), C.Positions.end());
  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Positions);
  for (const Expr *Value : C.OperatorValues)
    merge(Fx, DepScanner(PC).scan(Value));
  for (const VarDecl *P : C.Payloads)
    if (std::string Why = plainValueReason(P->getType()); !Why.empty()) {
      // The leaves copy the payload where the loop does not; other copies
      // must be what the compiler's memberwise copy makes.
      WhyNot = quoted(P) + " has type '" + typeName(P->getType().getUnqualifiedType(), PC.Ctx) +
               "', which " + Why + ": the selection's private copies would run code the loop does not";
      return LoopOutcome::Refused;
    }
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
  // The value compared: best itself, or its member best.d.
  std::string BestName =
      C.Member ? "'" + C.Best->getNameAsString() + "." + C.Member->getNameAsString() + "'"
               : quoted(C.Best);
  QualType Whole = C.Best->getType().getUnqualifiedType();
  if (C.Member)
    if (std::string Why = plainValueReason(Whole); !Why.empty()) {
      WhyNot = quoted(C.Best) + " has type '" + typeName(Whole, PC.Ctx) + "', which " + Why +
               ": the selection's private copies would run code the loop does not";
      return LoopOutcome::Refused;
    }
  // The leaves' tuples and private copies write the types out.
  for (const VarDecl *V : Vars)
    if (unnamedType(V->getType())) {
      WhyNot = quoted(V) + " has a type without a name, which the selection's private copies "
                           "would have to write";
      return LoopOutcome::Refused;
    }
  QualType T = C.Member ? C.Member->getType().getUnqualifiedType() : Whole;
  if (!(T->isIntegerType() || isStandardFloating(T)) || T->isBooleanType() ||
      T->isEnumeralType()) {
    WhyNot = BestName + " has type '" + typeName(T, PC.Ctx) + "', which has no parallel selection";
    return LoopOutcome::Refused;
  }
  QualType V = C.Term->IgnoreParenImpCasts()->getType().getNonReferenceType().getUnqualifiedType();
  if (!PC.Ctx.hasSameType(T, V)) {
    // The loop compares the unconverted term and keeps the converted one.
    WhyNot = "the loop compares a '" + V.getAsString() + "' with " + BestName + " of type '" +
             T.getAsString() + "', which the tree's comparisons of kept values would change";
    return LoopOutcome::Refused;
  }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    // `total += a` beside `if (a > largest) { ... }`: each alone is
    // rewritten, not the two in one loop (user48 k03).
    for (const VarDecl *W : inSourceOrder(Fx.Writes, L.Body, PC.SM)) {
      if (Fx.Locals.contains(W) || W == L.Element)
        continue;
      auto It = Fx.FirstWrite.find(W);
      const Expr *Step = It == Fx.FirstWrite.end() ? nullptr : It->second;
      // `mx = std::max(mx, s)` and `t = t + x` update it as `+=` does
      // (adv90 F3: the remark said only that 'mx' is written).
      auto Mentions = [W](const Stmt *S) {
        llvm::SmallVector<const Stmt *, 16> Stack{S};
        while (!Stack.empty()) {
          const Stmt *T = Stack.pop_back_val();
          if (const auto *D = dyn_cast<DeclRefExpr>(T); D && D->getDecl() == W)
            return true;
          for (const Stmt *C : T->children())
            if (C)
              Stack.push_back(C);
        }
        return false;
      };
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(Step);
      bool Accumulates = (isa_and_nonnull<CompoundAssignOperator>(Step)) ||
                         (isa_and_nonnull<UnaryOperator>(Step) &&
                          cast<UnaryOperator>(Step)->isIncrementDecrementOp()) ||
                         (Assign && Assign->getOpcode() == BO_Assign && Mentions(Assign->getRHS()));
      // Inside the selection's block (`++seen` counting improvements,
      // user47 k12) it is no reduction a loop of its own could make.
      auto Within = [&](const Stmt *Outer, const Stmt *S) {
        SourceRange R = Outer->getSourceRange();
        return !PC.SM.isBeforeInTranslationUnit(S->getBeginLoc(), R.getBegin()) &&
               !PC.SM.isBeforeInTranslationUnit(R.getEnd(), S->getBeginLoc());
      };
      if (Accumulates && C.If && Within(C.If, Step))
        Why = quoted(W) + " is written inside the selection's block" +
              (writtenText(PC, Step).empty() ? "" : " ('" + writtenText(PC, Step) + "')") +
              ": the block of a selection may only assign what it keeps (" + BestName +
              " and its payloads), which the tree takes from one iteration";
      else if (Accumulates) {
        std::string Text = writtenText(PC, Step);
        Why = quoted(W) + " is updated inside the loop body" +
              (Text.empty() ? "" : " ('" + Text + "')") + " beside the selection of " + BestName +
              ": a selection and a reduction are not combined in one loop; each is rewritten "
              "in a loop of its own";
      }
      break;
    }
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = exceptionReason(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  std::string NoPasses;
  std::optional<Records> Passes = planRecords(PC, L, C, NoPasses);
  if (!Passes) {
    if (std::string Why = blockThrowReason(PC, C); !Why.empty()) {
      WhyNot = Why + " (" + NoPasses + ")";
      return LoopOutcome::Refused;
    }
    if (std::string Why = blockSpeculationReason(PC, L, C); !Why.empty()) {
      WhyNot = Why + " (" + NoPasses + ")";
      return LoopOutcome::Refused;
    }
  }
  if (std::string Why = lastRefusal(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  // The final pass runs the block after the rest of the body: a
  // `__COUNTER__` in both would expand in the other order (adv37 t07).
  if (Passes && PC.changesPreprocessorState(L.HeaderEnd, L.BodyEnd)) {
    WhyNot = "the loop body changes the preprocessor's state ('__COUNTER__' or a directive in "
             "it), and the selection's final pass would run the block that updates " +
             quoted(C.Best) + " after the rest of the body";
    return LoopOutcome::Refused;
  }
  if (Passes)
    return emitPasses(PC, L, C, *Passes, T);
  // Where the flag is set: first in the block, or in braces put around the
  // one statement (`if (d < b.d) b = {d, i};`).
  std::optional<std::pair<unsigned, unsigned>> Brace;
  std::optional<unsigned> StatementEnd;
  if (C.Then) {
    Brace = PC.offsets(SourceRange(C.Then->getLBracLoc(), C.Then->getLBracLoc()));
  } else if (PC.offsets(SourceRange(C.If->getRParenLoc(), C.If->getThen()->getEndLoc()))) {
    unsigned AfterParen = PC.endOfToken(C.If->getRParenLoc());
    Brace = std::make_pair(AfterParen - 1, AfterParen);
    StatementEnd = PC.endOfStatement(C.If->getThen());
  }
  if (!Brace || (!C.Then && !StatementEnd)) {
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
  if (C.Member) {
    S.Member = C.Member->getNameAsString();
    S.WholeType = PC.typeText(Whole);
  }
  S.Params = {PC.unusedName("lhs"), PC.unusedName("rhs")};
  S.Rel = BinaryOperator::getOpcodeStr(C.Rel).str();
  for (const VarDecl *P : C.Payloads) {
    S.Payloads.push_back(P->getNameAsString());
    S.PayloadTypes.push_back(PC.typeText(P->getType().getUnqualifiedType()));
    S.PayloadPrivates.push_back(PC.freshNumbered("acc"));
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
  if (C.Then) {
    PC.insert(Brace->first + 1, shapes::selectFired(S));
  } else {
    PC.insert(Brace->second, " {" + shapes::selectFired(S));
    PC.insert(*StatementEnd, " }");
  }
  endIterationsEarly(PC, L, shapes::selectContinue(S));
  PC.insert(L.BodyEnd, (Block ? "" : " }") + shapes::selectTail(S, loopGrain(L)));
  reportSelection(PC, L, C, LastWins, S.Rel);
  return LoopOutcome::Rewritten;
}

} // namespace purecc
