//===- Speculation.cpp - would a hoisted call run where the serial one doesn't?
#include "Speculation.h"
#include "SiblingCalls.h"
#include "WhatMayThrow.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace purecc {

namespace {

/// The operands of E in the order C++17 sequences their evaluation, when E
/// sequences them (a braced initializer, `,`, `<<`, `>>`, an assignment,
/// `a[i]`, a member call's object before its arguments); empty otherwise
/// (`+`, a function's arguments: unsequenced or in an unspecified order).
std::vector<const Expr *> sequencedOperands(const Expr *E) {
  std::vector<const Expr *> Out;
  auto Args = [&](auto Range) {
    for (const Expr *A : Range)
      Out.push_back(A);
  };
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    Args(IL->inits());
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->isListInitialization())
    Args(CE->arguments());
  else if (const auto *PL = dyn_cast<CXXParenListInitExpr>(E))
    Args(PL->getInitExprs());
  else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      Out = {BO->getRHS(), BO->getLHS()};
    else if (BO->isCommaOp() || BO->isShiftOp() || BO->isPtrMemOp())
      Out = {BO->getLHS(), BO->getRHS()};
  } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    Out = {AS->getLHS(), AS->getRHS()};
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getNumArgs() == 2) {
    OverloadedOperatorKind K = Op->getOperator();
    if (K == OO_Equal || (K >= OO_PlusEqual && K <= OO_GreaterGreaterEqual && K != OO_LessLess &&
                          K != OO_GreaterGreater))
      Out = {Op->getArg(1), Op->getArg(0)};
    else if (K == OO_Comma || K == OO_LessLess || K == OO_GreaterGreater || K == OO_Subscript)
      Out = {Op->getArg(0), Op->getArg(1)};
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    Out.push_back(MC->getCallee());
    Args(MC->arguments());
  }
  return Out;
}

/// The operands of E in the order the serial program is taken to evaluate
/// them: C++17's where it fixes one (sequencedOperands), otherwise the
/// order they are written in. For built-in operators (`+`, `*`, `<`) that
/// is what g++ and clang++ do; for a function's or constructor's arguments
/// and overloaded operators it is clang++'s order, g++ evaluates them right
/// to left (docs/codegen.md, "Speculation").
std::vector<const Expr *> serialOperands(const Expr *E) {
  std::vector<const Expr *> Out = sequencedOperands(E);
  if (!Out.empty())
    return Out;
  for (const Stmt *Child : E->children())
    if (const auto *C = dyn_cast_or_null<Expr>(Child))
      Out.push_back(C);
  return Out;
}

/// Whether the operand Earlier is the node Child, seen through the two
/// forms of a braced initializer (the parent map may hand back the
/// semantic form of a list whose syntactic form holds Child).
bool sameOperand(const Expr *Earlier, const Expr *Child) {
  if (Earlier == Child)
    return true;
  const auto *A = dyn_cast<InitListExpr>(Earlier->IgnoreImplicit());
  const auto *B = dyn_cast<InitListExpr>(Child->IgnoreImplicit());
  if (!A || !B)
    return Earlier->IgnoreImplicit() == Child->IgnoreImplicit();
  auto Semantic = [](const InitListExpr *L) { return L->isSemanticForm() ? L : L->getSemanticForm(); };
  return Semantic(A) == Semantic(B);
}

/// Whether the language fixes the order in which Parent evaluates its
/// operands A and B (C++17: `&&` `||` `,` `?:`, assignments, shifts, `[]`,
/// braced initializers, a call's callee or object before its arguments).
/// Not so for a function's arguments and the operands of `+`, `*`, `<`:
/// g++ and clang++ may pick different orders (adv52 t126, t74: g++
/// evaluated `chk(2) * 0` and the last argument first).
bool orderFixed(const Expr *Parent, const Expr *A, const Expr *B) {
  if (isa<AbstractConditionalOperator, ArraySubscriptExpr, InitListExpr, CXXParenListInitExpr>(Parent))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    return BO->isLogicalOp() || BO->isCommaOp() || BO->isAssignmentOp() || BO->isShiftOp() ||
           BO->isPtrMemOp();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Parent))
    return CE->isListInitialization();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent)) {
    OverloadedOperatorKind K = Op->getOperator();
    if (K == OO_Equal || (K >= OO_PlusEqual && K <= OO_GreaterGreaterEqual) || K == OO_LessLess ||
        K == OO_GreaterGreater || K == OO_Subscript || K == OO_Comma || K == OO_AmpAmp ||
        K == OO_PipePipe)
      return true;
    return Op->getCallee() == A || Op->getCallee() == B;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Parent))
    return MC->getCallee() == A || MC->getCallee() == B;
  if (const auto *Call = dyn_cast<CallExpr>(Parent))
    return Call->getCallee() == A || Call->getCallee() == B;
  return true; // one operand, or a node that is no evaluation of operands
}

/// Whether g++ and clang++ evaluate Parent's operands in different orders:
/// the arguments of a call (not its callee or object) and of a constructor
/// that is no list-initialization, the operands of an overloaded operator
/// whose order C++17 does not fix. The built-in operators' operands are
/// evaluated as written by both (docs/codegen.md, "Speculation").
bool evaluatedInEitherOrder(const Expr *Parent) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Parent))
    return !CE->isListInitialization();
  return isa<CallExpr>(Parent);
}

} // namespace

const char *const OrderChoice = ", and the compiler chooses which runs first";

bool isOrderChoice(const std::string &Why) { return llvm::StringRef(Why).ends_with(OrderChoice); }

MayThrow speculationThrows(ASTContext &Ctx) { return MayThrow(Ctx, Operands::Speculated); }

std::string whichMayThrow(PlanContext &PC, MayThrow &Throws, const Stmt *S) {
  std::string What = whatMayThrow(PC, Throws, S);
  if (What.empty())
    return "code that may throw";
  return What == ThrowExpression ? What : What + ", which may throw";
}

std::string whichMayThrowThen(PlanContext &PC, MayThrow &Throws, const Stmt *S,
                              const std::string &Then) {
  std::string Which = whichMayThrow(PC, Throws, S);
  // "'chk', which may throw, runs ..." but "a 'throw' expression runs ...".
  return Which + (llvm::StringRef(Which).ends_with(", which may throw") ? ", " : " ") + Then;
}

std::optional<std::string> unreachedBecause(PlanContext &PC, MayThrow &Throws,
                                            NoReturnCalls &NoReturn, const Expr *Region,
                                            const Expr *Piece, const std::string &Name) {
  const auto *CE = dyn_cast<CallExpr>(Piece);
  const bool PieceMayThrow = Throws.mayThrow(Piece);
  const Expr *Child = Piece;
  const std::string Subject = CE ? "the call to '" + Name + "'" : "'" + Name + "'";
  // What in Operand may keep the serial program from reaching Piece (code
  // that may throw, or a call that does not return), named for a remark;
  // "" for nothing. `total(0, m) + total(m, n)`: not "'total' comes after
  // 'total'".
  auto Stops = [&](const Expr *Operand) -> std::string {
    std::string What;
    if (Throws.mayThrow(Operand))
      What = whichMayThrow(PC, Throws, Operand);
    else if (std::optional<NoReturnCall> N = NoReturn.first(Operand))
      What = N->Named;
    else
      return "";
    if (CE && calledFunction(CE))
      if (std::string Own = "'" + calledFunction(CE)->getNameAsString() + "'";
          What.rfind(Own + ", which ", 0) == 0 || What.rfind(Own + " (where ", 0) == 0)
        What = "another call to " + What;
    return What;
  };
  while (Child != Region) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Child);
    const Expr *Parent = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Parent)
      break;
    for (const Expr *Earlier : serialOperands(Parent)) {
      if (sameOperand(Earlier, Child))
        break;
      if (std::string What = Stops(Earlier); !What.empty())
        return Subject + " comes after " + What;
    }
    // An operand the compiler may evaluate before or after Piece that may
    // throw: when both throw, which exception escapes is the compiler's
    // choice, and the serial build's own must escape (docs/codegen.md,
    // "Which exception").
    if (PieceMayThrow)
      for (const Stmt *S : Parent->children()) {
        const auto *Other = dyn_cast_or_null<Expr>(S);
        if (!Other || sameOperand(Other, Child) || orderFixed(Parent, Child, Other) ||
            !Throws.mayThrow(Other))
          continue;
        std::string What = whatMayThrow(PC, Throws, Other);
        if (What.empty() || What == ThrowExpression)
          What = "code beside it";
        else if (CE && calledFunction(CE) &&
                 What.rfind("'" + calledFunction(CE)->getNameAsString() + "'", 0) == 0)
          What = "another call to " + What;
        return Subject + " and " + What + " may both throw" + OrderChoice;
      }
    // A function's or a constructor's arguments, an overloaded operator's
    // operands: g++ evaluates them right to left, clang++ left to right.
    // An operand written after Piece that may throw or not return runs
    // first in one of the serial builds, which then never reaches Piece
    // (adv56 t04: `h(chk(-1), boom(2))`, where the g++ build throws from
    // 'boom' and never divides by zero in 'chk').
    if (evaluatedInEitherOrder(Parent)) {
      bool After = false;
      for (const Expr *Later : serialOperands(Parent)) {
        if (sameOperand(Later, Child)) {
          After = true;
          continue;
        }
        if (!After || orderFixed(Parent, Child, Later))
          continue;
        if (std::string What = Stops(Later); !What.empty())
          return Subject + " may come after " + What + OrderChoice;
      }
    }
    Child = Parent;
  }
  return std::nullopt;
}

} // namespace purecc
