//===- BodyWalk.cpp - the statements of a loop body that may fold or append ===//
#include "BodyWalk.h"
#include "Loops.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace purecc {
namespace {

void walk(const Stmt *S, StatementVisitor Visit, llvm::SmallVectorImpl<const Stmt *> &Loops) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      walk(Child, Visit, Loops);
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (Visit(If, Loops) == Walk::Past)
      return;
    walk(If->getThen(), Visit, Loops);
    walk(If->getElse(), Visit, Loops);
  } else if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    // A statement under a `case` runs under a condition, as under an `if`.
    walk(Switch->getBody(), Visit, Loops);
  } else if (const auto *Case = dyn_cast<SwitchCase>(S)) {
    walk(Case->getSubStmt(), Visit, Loops);
  } else if (const auto *Attributed = dyn_cast<AttributedStmt>(S)) {
    // `[[likely]]`/`[[unlikely]]` are hints to the optimizer: the statement
    // under them runs as it would without them.
    walk(Attributed->getSubStmt(), Visit, Loops);
  } else if (const auto *Label = dyn_cast<LabelStmt>(S)) {
    // `next: t += 7;`, the target of a `goto` inside the body (one that
    // leaves the body is an exit, StmtDeps.h): the statement runs as any
    // other of the iteration (adv63 F14).
    walk(Label->getSubStmt(), Visit, Loops);
  } else if (isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S)) {
    Loops.push_back(S);
    walk(loopBody(S), Visit, Loops);
    Loops.pop_back();
  } else {
    Visit(S, Loops);
  }
}

} // namespace

void walkStatements(const Stmt *Body, StatementVisitor Visit) {
  llvm::SmallVector<const Stmt *, 4> Loops;
  walk(Body, Visit, Loops);
}

void walkExpressionSides(const Stmt *Body, ExpressionVisitor Visit) {
  walkStatements(Body, [&](const Stmt *St, llvm::ArrayRef<const Stmt *> Loops) {
    const auto *E = dyn_cast<Expr>(St);
    if (!E)
      return Walk::Into;
    llvm::SmallVector<const Expr *, 4> Sides;
    if (!commaSides(E, Sides))
      Sides.push_back(E);
    for (const Expr *Side : Sides)
      Visit(Side, Loops);
    return Walk::Into;
  });
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == D)
    return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, D))
      return true;
  return false;
}

const VarDecl *refersTo(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

bool commaSides(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Sides) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr();
  const auto *Comma = dyn_cast<BinaryOperator>(E->IgnoreParens());
  if (!Comma || Comma->getOpcode() != BO_Comma)
    return false;
  for (const Expr *Side : {Comma->getLHS(), Comma->getRHS()})
    if (!commaSides(Side, Sides))
      Sides.push_back(Side);
  return true;
}

const CXXForRangeStmt *rangeForOf(const Stmt *S, const Decl *D) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S); RF && RF->getLoopVariable() == D)
    return RF;
  for (const Stmt *Child : S->children())
    if (const CXXForRangeStmt *RF = rangeForOf(Child, D))
      return RF;
  return nullptr;
}

bool isRepeatingLoop(const Stmt *S) {
  if (const auto *Do = dyn_cast_or_null<DoStmt>(S)) {
    const Expr *Cond = Do->getCond()->IgnoreParenImpCasts();
    if (const auto *I = dyn_cast<IntegerLiteral>(Cond))
      return I->getValue() != 0;
    if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Cond))
      return B->getValue();
    return true;
  }
  return isa_and_nonnull<ForStmt, WhileStmt, CXXForRangeStmt>(S);
}

const Decl *declaredNonVariable(const Stmt *S, const Stmt *Skip) {
  if (!S || S == Skip || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (!isa<VarDecl, StaticAssertDecl, EmptyDecl>(D))
        return D;
  for (const Stmt *Child : S->children())
    if (const Decl *D = declaredNonVariable(Child, Skip))
      return D;
  return nullptr;
}

} // namespace purecc
