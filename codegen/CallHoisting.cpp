//===- CallHoisting.cpp - sibling work moved into a parallel_invoke -------===//
#include "CallHoisting.h"
#include "Shapes.h"
#include "TaskRegistry.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {

std::string branchText(CallTasks &Tasks, const CallExpr *CE, const std::string &CallText,
                       bool &AnyRemote) {
  // The parameter's copy is made by the branch either way (call_at holds
  // the argument by reference): only evaluating the argument counts.
  auto Evaluated = [](const Expr *A) {
    A = A->IgnoreImplicit();
    if (const auto *C = dyn_cast<CXXConstructExpr>(A);
        C && C->getNumArgs() == 1 && C->getConstructor()->isCopyOrMoveConstructor())
      A = C->getArg(0)->IgnoreImplicit();
    return A;
  };
  bool ArgsMayThrow = llvm::any_of(
      CE->arguments(), [&](const Expr *A) { return Tasks.Throws.mayThrow(Evaluated(A)); });
  if (std::optional<std::string> Remote = planCallTask(Tasks.PC, CE, ArgsMayThrow)) {
    AnyRemote = true;
    return *Remote;
  }
  return shapes::invokeBranch(CallText);
}

namespace {

/// Whether the result of U, used where U was, must be a prvalue as the call
/// was (take_result) rather than the result variable, an lvalue: an object;
/// a scalar bound to a reference (through the 'const' a `const long &`
/// adds); a scalar argument of a call or a constructor, where an overload
/// taking `long &` would win over `const long &` or `long` (adv34 t01), but
/// not one passed to a C-style '...' (printf's), which chooses nothing.
/// With LookedThrough, also one in parentheses (a choice is written in
/// them).
enum class Parens { Kept, LookedThrough };
bool movesResult(PlanContext &PC, const Expr *U, Parens Through) {
  if (U->getType()->isRecordType())
    return true;
  const Expr *Up = U;
  while (true) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Up);
    if (Parents.empty())
      return false;
    const auto *Paren = Parents[0].get<ParenExpr>();
    if (const auto *Cast = Parents[0].get<ImplicitCastExpr>();
        Cast && Cast->getCastKind() == CK_NoOp) {
      Up = Cast;
      continue;
    }
    if (Through == Parens::LookedThrough && Paren) {
      Up = Paren;
      continue;
    }
    for (const DynTypedNode &N : Parents) {
      if (const auto *Call = N.get<CallExpr>()) {
        // printf's '...': no overload to choose, the value is passed.
        const FunctionDecl *Callee = Call->getDirectCallee();
        auto At = llvm::find(llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()), Up);
        bool Variadic = Callee && Callee->isVariadic() && !isa<CXXOperatorCallExpr>(Call) &&
                        At != Call->getArgs() + Call->getNumArgs() &&
                        unsigned(At - Call->getArgs()) >= Callee->getNumParams();
        return !Variadic;
      }
      if (N.get<MaterializeTemporaryExpr>() || N.get<CXXConstructExpr>() ||
          N.get<CXXUnresolvedConstructExpr>())
        return true;
    }
    return false;
  }
}

/// Whether the value of U is thrown away: the left operand of a comma, or
/// a comma's right operand whose own value is thrown away. Its result then
/// gets a `(void)`, since a plain variable there is "left operand of comma
/// operator has no effect" to g++ and clang++, where the call was not.
bool valueDiscarded(PlanContext &PC, const Expr *U) {
  const Expr *Up = U;
  while (true) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Up);
    if (Parents.empty())
      return false;
    if (const auto *Paren = Parents[0].get<ParenExpr>()) {
      Up = Paren;
      continue;
    }
    if (Parents[0].get<CompoundStmt>())
      return true; // an expression statement
    const auto *Comma = Parents[0].get<BinaryOperator>();
    if (!Comma || Comma->getOpcode() != BO_Comma)
      return false;
    if (Comma->getLHS() == Up)
      return true;
    Up = Comma;
  }
}

/// Replaces each piece by its result; returns the parallel_invoke that
/// computes them.
std::string hoist(CallTasks &Tasks, const std::vector<const Expr *> &Pieces, Parens Through) {
  PlanContext &PC = Tasks.PC;
  std::vector<std::string> Results, Branches;
  bool AnyRemote = false;
  for (const Expr *U : Pieces) {
    std::string Result = PC.freshName("r");
    auto O = *PC.offsets(U->getSourceRange());
    std::string Text = PC.textAt(O.first, O.second);
    Branches.push_back(isa<CallExpr>(U) ? branchText(Tasks, cast<CallExpr>(U), Text, AnyRemote)
                                        : shapes::invokeBranch(Text));
    PC.replace(O.first, O.second,
               (valueDiscarded(PC, U) ? "(void)" : "") +
                   shapes::useResult(Result, movesResult(PC, U, Through)));
    PC.take(O.first, O.second);
    Results.push_back(std::move(Result));
  }
  return shapes::invokeHead(Results, AnyRemote) + llvm::join(Branches, shapes::InvokeSeparator) +
         shapes::InvokeTail + " ";
}

} // namespace

std::string hoistCalls(CallTasks &Tasks, const std::vector<const CallExpr *> &Calls) {
  return hoist(Tasks, std::vector<const Expr *>(Calls.begin(), Calls.end()), Parens::Kept);
}

std::string hoistPieces(CallTasks &Tasks, const std::vector<const Expr *> &Pieces) {
  return hoist(Tasks, Pieces, Parens::LookedThrough);
}

} // namespace purecc
