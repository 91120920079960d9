//===- BodyWalk.h - the statements of a loop body that may fold or append -===//
//
// A reduction's step (`acc += e`, `if (e > m) m = e;`), an ordered
// reduction's fold (`acc = f(acc, e)`) and a concatenation's append
// (`s.push_back(x)`) may stand anywhere a loop body runs statements in
// order: in blocks, in either branch of an `if`, under the cases of a
// `switch`, and in inner loops, which run serially inside a leaf of the
// outer loop (a nest is one reduction, not one small reduction per outer
// iteration). One walker goes through those the same way for each of them,
// so that what one transformation counts as a step the others see too.
//
//   walkStatements(L.Body, [&](const Stmt *S, llvm::ArrayRef<const Stmt *> Loops) {
//     if (const auto *E = dyn_cast<Expr>(S))
//       if (auto F = matchFold(PC, E)) { F->Loops.assign(Loops.begin(), Loops.end()); ... }
//     return Walk::Into;
//   });
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace purecc {

/// What walkStatements does next with an `if` its visitor has seen.
enum class Walk {
  Into, // walk both branches
  Past, // the visitor took the whole `if` (a selection: `if (e > m) m = e;`)
};

/// Shows Visit every statement of Body that is not a block, a `switch`, a
/// `case` or a loop, each with the inner loops of Body around it (outermost
/// first): the statements of blocks in order, the cases of a `switch`, the
/// bodies of inner loops, and each `if` itself before, unless Visit says
/// Walk::Past, its two branches. Visit's answer for anything but an `if`
/// does not matter.
using StatementVisitor =
    llvm::function_ref<Walk(const clang::Stmt *S, llvm::ArrayRef<const clang::Stmt *> Loops)>;
void walkStatements(const clang::Stmt *Body, StatementVisitor Visit);

/// Shows Visit every expression statement of Body that walkStatements
/// reaches, a comma expression's sides one by one (`b.push_back(x),
/// b.push_back('-');` is two steps), each with the inner loops around it.
using ExpressionVisitor =
    llvm::function_ref<void(const clang::Expr *E, llvm::ArrayRef<const clang::Stmt *> Loops)>;
void walkExpressionSides(const clang::Stmt *Body, ExpressionVisitor Visit);

/// Whether S names D anywhere (a reference to it in S or any of its
/// subexpressions, lambdas' bodies included). S may be null.
///   if (mentions(Handler, Acc)) ... // the handler reads the accumulator
bool mentions(const clang::Stmt *S, const clang::ValueDecl *D);

/// The variable E names, through parentheses and implicit casts (`v`,
/// `(v)`), or null.
const clang::VarDecl *refersTo(const clang::Expr *E);

/// The operands of a top-level comma expression, left to right, appended
/// to Sides (false, and nothing appended, when E is not one): `s += f(i),
/// t += g(i);` sequences its sides as two statements would, so each side
/// that is a step is one.
bool commaSides(const clang::Expr *E, llvm::SmallVectorImpl<const clang::Expr *> &Sides);

/// The range-for in S (lambdas' bodies excluded) whose loop variable is D,
/// or null: the inner loop that walks a row (`for (auto &x : row)`).
const clang::CXXForRangeStmt *rangeForOf(const clang::Stmt *S, const clang::Decl *D);

/// Whether `S` is a loop that can run its body more than once. A
/// `do { ... } while (0)` (or `while (false)`) is no loop: it is how macros
/// (the user's, and libstdc++'s `__glibcxx_assert` in every `operator[]`)
/// make a block one statement, and counting it as one made 3-iteration
/// loops look like loops of loops (user51 k01).
bool isRepeatingLoop(const clang::Stmt *S);

/// The first declaration in S (lambdas' bodies and Skip excluded) of a name
/// other than a variable: a using-declaration or -directive, an alias, a
/// namespace alias, a local class or enumeration. Text the rewrite writes
/// outside the body would not see it, and might find another entity by
/// that name (adv66 F2, F9). Null when there is none.
const clang::Decl *declaredNonVariable(const clang::Stmt *S, const clang::Stmt *Skip = nullptr);

} // namespace purecc
