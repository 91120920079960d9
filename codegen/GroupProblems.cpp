//===- GroupProblems.cpp - may sibling work run beside its statement's rest?
#include "GroupProblems.h"
#include "PreprocessorRecord.h"
#include "OutlivesException.h"
#include "SiblingCalls.h"
#include "ValueUses.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace purecc {

std::string constantContext(PlanContext &PC, const Expr *Full) {
  // Up through the expressions around Full (a full-expression's parents are
  // few: a ConstantExpr, an ExprWithCleanups) to the statement or the
  // declaration that holds it.
  for (const Stmt *Node = Full; Node && isa<Expr>(Node);) {
    if (isa<ConstantExpr>(Node))
      return "the expression is a constant the compiler computes, which calls moved into tasks "
             "would not be";
    DynTypedNodeList Parents = PC.Ctx.getParents(*Node);
    if (Parents.empty())
      return "";
    if (const auto *VD = Parents[0].get<VarDecl>())
      return VD->getInit() == Node ? constantVariableReason(VD, PC.Ctx) : "";
    Node = Parents[0].get<Stmt>();
  }
  return "";
}

namespace {

/// Whether S is X or holds it.
bool holds(const Stmt *S, const Stmt *X) {
  if (S == X)
    return true;
  for (const Stmt *Child : S->children())
    if (Child && holds(Child, X))
      return true;
  return false;
}

} // namespace

std::optional<std::string> groupProblem(CallTasks &Tasks, const Expr *Full, const Expr *Region,
                                        const std::vector<const CallExpr *> &Calls) {
  PlanContext &PC = Tasks.PC;
  // `if constexpr (fib(8) + fib(9) > 2)`, `constexpr long a = fib(3) +
  // fib(4);`: the compiler computes a constant there, which a call moved
  // into a task is not (adv27 C3).
  if (std::string Why = constantContext(PC, Full); !Why.empty())
    return Why;
  // `__COUNTER__ * 1000000 + fib(22 + __COUNTER__)`: the hoisted calls
  // expand their macros before the rest of the expression (adv37 t08).
  if (PC.changesPreprocessorState(Full->getSourceRange()))
    return std::string("the expression changes the preprocessor's state ('__COUNTER__' or a "
                       "directive in it), and the calls would move before the rest of it");
  // Every call must be movable out of the region...
  llvm::SmallPtrSet<const Expr *, 4> CallSet;
  llvm::SmallPtrSet<const VarDecl *, 8> ArgReads;
  bool ArgsReadMemory = false;
  // What each call reads: its arguments, its object, what a lambda
  // captures by reference.
  std::vector<StmtDeps> CallReads;
  for (const CallExpr *CE : Calls) {
    std::string Why;
    if (!Tasks.acceptableCall(CE, Why))
      return Why;
    CallSet.insert(CE);
    CallReads.push_back(Tasks.callReads(CE));
    ArgReads.insert(CallReads.back().Reads.begin(), CallReads.back().Reads.end());
    ArgsReadMemory |= CallReads.back().ReadsMemory;
  }
  // No call may read what another's arguments hand on to be changed:
  // `fv(std::move(v)) * 1000000 + gv(v)` would race on 'v' (adv27 W1).
  for (size_t G = 0; G < Calls.size(); ++G)
    for (const VarDecl *VD : Tasks.handedOn(Calls[G]))
      for (size_t R = 0; R < Calls.size(); ++R)
        if (R != G && CallReads[R].Reads.contains(VD))
          return CallTasks::handedOnReason(Calls[G], VD, Calls[R]);
  // Nor may the rest of the expression end the program (`assert` in a
  // cheap call beside them): it runs after the calls, which the serial
  // program might never have made (adv27 H1).
  if (std::optional<NoReturnCall> N = Tasks.NoReturn.first(Full, &CallSet))
    return N->Named + ", is evaluated in the same expression, after them in the parallel "
                      "program, and the serial program may not make them then";
  // ...(the serial program reaches every one of them once it evaluates
  // the region: planGroup kept only those) and nothing else in the full-expression may write what their
  // arguments read.
  StmtDeps Rest = Tasks.Scanner.scan(Full, &CallSet);
  // The assignment itself, under the cleanups of its temporaries (`p =
  // P{f(x), g(y)}` materializes the aggregate before storing it).
  const Expr *Assign = Full->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Assign))
    Assign = EWC->getSubExpr()->IgnoreParens();
  // Its target, named for the store (`x = fib(x) + fib(x - 1)`), is no use
  // of 'x' that may change it before the calls return (adv39 t04).
  llvm::SmallPtrSet<const Expr *, 4> NotUses(CallSet.begin(), CallSet.end());
  if (const auto *BO = dyn_cast<BinaryOperator>(Assign); BO && BO->isAssignmentOp()) {
    if (const VarDecl *Target = baseVariable(BO->getLHS()); Target && Rest.FirstWrite[Target] == BO) {
      Rest.Writes.erase(Target); // stored after the calls, as before
      if (isa<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
        NotUses.insert(BO->getLHS());
    }
    // `v = fib(v) + fib(v - 1)` in a member function, `*p = f(*p) + g(*p)`:
    // the assignment's own store into memory, after the calls, when
    // nothing else in the expression writes (adv39 t04).
    if (Rest.MemoryWrite == BO && Tasks.Scanner.scan(BO->getLHS()).isEffectFree()) {
      StmtDeps Value = Tasks.Scanner.scan(BO->getRHS(), &CallSet);
      if (!Value.MemoryWrite && !Value.ImpureCall)
        Rest.MemoryWrite = nullptr;
    }
  }
  // `p = P{f(x), g(y)}`, `v = {f(x), g(y)}`: likewise, the whole object is
  // built (both calls returned) before operator= stores it, so a throw
  // leaves the target as it was, in the serial program as in the parallel.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Assign);
      Op && Op->getOperator() == OO_Equal)
    if (const VarDecl *Target = baseVariable(Op->getArg(0)); Target && Rest.FirstWrite[Target] == Op)
      Rest.Writes.erase(Target);
  // ...nor store something a handler reads that the serial program stored
  // before a call threw (`a = heavy(1), b = checked(2)`): the rewritten
  // expression stores only once every call has returned.
  if (llvm::any_of(Calls, [&](const CallExpr *CE) { return Tasks.Throws.mayThrow(CE); })) {
    std::vector<const VarDecl *> Stored(Rest.Writes.begin(), Rest.Writes.end());
    llvm::sort(Stored, [](const VarDecl *A, const VarDecl *B) {
      return A->getBeginLoc() < B->getBeginLoc();
    });
    if (std::string Seen = outlivesException(PC, Full, Stored); !Seen.empty())
      return "a call may throw, and " + Seen +
             ": the serial program stores it before the call, the parallel one only after all";
  }
  // Reading a local that holds another's address reads that other local.
  Tasks.Escapes.addHeldReads(Region, ArgReads);
  for (const VarDecl *VD : ArgReads)
    if (Rest.Writes.contains(VD))
      return quoted(VD) + " is written in the same expression";
  // `(std::get<0>(pr) = 4, 0) + f(pr.first) + g(1)`: the rest hands the
  // variable on as an lvalue, to be written where the scanner sees no
  // write by name (adv27 W0).
  for (const VarDecl *VD : inSourceOrder(ArgReads, Full, PC.SM))
    if (!isImmutable(VD, PC.Ctx) && namedOtherThanByValue(PC.Ctx, Full, VD, &NotUses))
      return quoted(VD) + " is used other than by its value in the same expression, which may "
                          "change it";
  // A call around every one of them (`printf("%ld %ld\n", f(a), g(b))`,
  // `report(f(a), g(b))`) runs its own code only once all of its
  // arguments are evaluated, in the serial program as in the parallel one:
  // whatever it writes, the calls have read before (user49 f02, where
  // 'printf' was said to write what they read). Of such a call only its
  // callee and its other arguments are the rest.
  llvm::SmallPtrSet<const Expr *, 4> Around;
  while (Rest.ImpureCall && isa<CallExpr>(Rest.ImpureCall) &&
         !Around.contains(Rest.ImpureCall) &&
         llvm::all_of(Calls, [&](const CallExpr *CE) { return holds(Rest.ImpureCall, CE); })) {
    Around.insert(Rest.ImpureCall);
    llvm::SmallPtrSet<const Expr *, 8> Skip(CallSet.begin(), CallSet.end());
    Skip.insert(Around.begin(), Around.end());
    StmtDeps Narrowed = Tasks.Scanner.scan(Full, &Skip);
    for (const Expr *A : Around)
      for (const Stmt *Part : A->children())
        if (const auto *E = dyn_cast_or_null<Expr>(Part); E && !Skip.contains(E))
          Narrowed.merge(Tasks.Scanner.scan(E, &Skip));
    // What the assignment's handling above took out stays out.
    llvm::SmallPtrSet<const VarDecl *, 8> Kept;
    for (const VarDecl *VD : Narrowed.Writes)
      if (Rest.Writes.contains(VD))
        Kept.insert(VD);
    Narrowed.Writes = Kept;
    if (!Rest.MemoryWrite)
      Narrowed.MemoryWrite = nullptr;
    Rest = std::move(Narrowed);
  }
  if (Rest.ImpureCall || Rest.MemoryWrite) {
    // A write through a reference or pointer has no callee to name.
    std::string Writer = "the expression";
    if (const FunctionDecl *Callee = calleeOf(Rest.ImpureCall ? Rest.ImpureCall : Rest.MemoryWrite))
      Writer = quoted(Callee);
    if (ArgsReadMemory)
      return Writer + " may write the memory their arguments read";
    for (const VarDecl *VD : ArgReads)
      if (!isOwnedLocal(VD) || Tasks.Escapes.liveEscape(VD, Full))
        if (!isImmutable(VD, PC.Ctx))
          return Writer + " may write '" + VD->getNameAsString() + "', whose address escapes";
    // `(sv[0] = 9, f(v[0]) + f(v[1]))`: a write through a local that holds
    // the address of what the calls read.
    addBindingReads(Full, Rest.Reads);
    for (const VarDecl *VD : ArgReads)
      if (!isImmutable(VD, PC.Ctx))
        for (const auto &[H, Held] : Tasks.Escapes.holds())
          if (Held.contains(VD) && Rest.Reads.contains(H))
            return Writer + " may write " + quoted(VD) + " through " + quoted(H);
  }
  return std::nullopt;
}

std::optional<std::string> choiceProblem(CallTasks &Tasks, const Expr *Full,
                                         const std::vector<const Expr *> &Units,
                                         const std::vector<const Expr *> &Parts) {
  PlanContext &PC = Tasks.PC;
  llvm::SmallPtrSet<const Expr *, 4> UnitSet(Units.begin(), Units.end());
  StmtDeps Rest = Tasks.Scanner.scan(Full, &UnitSet);
  std::string Writer = "the expression";
  if (const Expr *W = Rest.ImpureCall ? Rest.ImpureCall : Rest.MemoryWrite)
    if (const FunctionDecl *Callee = calleeOf(W))
      Writer = quoted(Callee);
  for (const Expr *Part : Parts) {
    StmtDeps D = Tasks.Scanner.scan(Part);
    std::string What = shown(PC, Part, "a condition of a '?:'");
    if (!D.isEffectFree())
      return What + " has side effects";
    llvm::SmallPtrSet<const VarDecl *, 8> Reads(D.Reads.begin(), D.Reads.end());
    Tasks.Escapes.addHeldReads(Part, Reads);
    for (const VarDecl *VD : Reads)
      if (Rest.Writes.contains(VD))
        return quoted(VD) + " is written in the same expression";
    if (!Rest.ImpureCall && !Rest.MemoryWrite)
      continue;
    if (D.ReadsMemory)
      return Writer + " may write the memory " + What + " reads";
    for (const VarDecl *VD : Reads)
      if ((!isOwnedLocal(VD) || Tasks.Escapes.liveEscape(VD, Full)) && !isImmutable(VD, PC.Ctx))
        return Writer + " may write '" + VD->getNameAsString() + "', whose address escapes";
  }
  return std::nullopt;
}

} // namespace purecc
