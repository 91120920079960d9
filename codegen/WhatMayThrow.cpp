//===- WhatMayThrow.cpp - name the part of the code that may throw --------===//
#include "WhatMayThrow.h"
#include "AddressTypes.h"
#include "analysis/FixedCallee.h"
#include "analysis/MayThrow.h"
#include "analysis/SizeLimit.h"
#include "analysis/VirtualDispatch.h"

#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"

#include <optional>

using namespace clang;

namespace purecc {
namespace {

/// How the user wrote the function a library call throws through: the
/// callee as written (`v.at`, `std::get<int>`, `opt.value`), or the object
/// called (`f` of an empty std::function `f`).
std::string writtenCallee(PlanContext &PC, const CallExpr *CE) {
  const Expr *Callee = CE->getCallee()->IgnoreImplicit();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE); Op && Op->getNumArgs() > 0)
    Callee = Op->getArg(0)->IgnoreImplicit();
  if (std::optional<std::string> Text = PC.text(Callee->getSourceRange()))
    return "'" + *Text + "'";
  return "'" + CE->getDirectCallee()->getNameAsString() + "'";
}

/// E as the user wrote it when that is short and on one line, else Fallback.
std::string writtenOr(PlanContext &PC, const Expr *E, const char *Fallback) {
  std::string Text = writtenText(PC, E);
  return !Text.empty() && Text.size() <= 40 && Text.find('\n') == std::string::npos ? Text
                                                                                     : Fallback;
}

/// Why a size limit is what may throw, said after the call E that asks for
/// the size (analysis/SizeLimit.h): its own throw is not written anywhere.
/// The count is named as written, with its line when it lies in a callee
/// (user46 k06: the remark named the function, not the allocation in it).
enum class CountLine { Omitted, Named };
std::string sizeLimitWhy(PlanContext &PC, const Expr *E, CountLine Line) {
  const Expr *Count = countPastLimit(E, PC.Ctx);
  std::string Named;
  if (std::string Text = Count ? writtenOr(PC, Count, "") : ""; !Text.empty())
    Named = " ('" + Text + "'" +
            (Line == CountLine::Named ? " on line " + std::to_string(PC.SM.getPresumedLineNumber(
                                          PC.SM.getExpansionLoc(Count->getBeginLoc())))
                      : std::string()) +
            ")";
  switch (sizeLimitThrow(E)) {
  case SizeLimitThrow::LengthError:
    return "a size not known to be small" + Named +
           " throws 'std::length_error' past 'max_size()'";
  case SizeLimitThrow::BadArrayNewLength:
    return "a count not known to be small" + Named + " makes the allocation throw at once";
  }
  return "";
}

/// The call or construction that the first part of S that may throw (in
/// whatMayThrow's order) is, or calls through the user's functions, when it
/// gives a size to a container or an allocation that may pass its limit:
/// the user sees no `throw` in 'work'.
const Expr *sizeLimitFirst(PlanContext &PC, MayThrow &Throws, const Stmt *S, unsigned Depth = 0) {
  for (const Stmt *Child : S->children())
    if (Child && Throws.mayThrow(Child))
      return sizeLimitFirst(PC, Throws, Child, Depth);
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (sizeMayPassLimit(E, PC.Ctx))
    return E;
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *Def = nullptr;
  if (Depth < 4 && CE && CE->getDirectCallee() && !inStd(CE->getDirectCallee()) &&
      CE->getDirectCallee()->hasBody(Def) && Def)
    return sizeLimitFirst(PC, Throws, Def->getBody(), Depth + 1);
  // A constructor of the program's (`Buffer a(n)` whose member
  // initializer is `d(new long[n])`): its initializers run first.
  if (const auto *Made = dyn_cast<CXXConstructExpr>(E);
      Depth < 4 && Made && !inStd(Made->getConstructor()) && Made->getConstructor()->hasBody(Def) &&
      Def) {
    for (const CXXCtorInitializer *I : cast<CXXConstructorDecl>(Def)->inits())
      if (I->getInit() && Throws.mayThrow(I->getInit()))
        return sizeLimitFirst(PC, Throws, I->getInit(), Depth + 1);
    return sizeLimitFirst(PC, Throws, Def->getBody(), Depth + 1);
  }
  return nullptr;
}

/// The library call that S's first part that may throw is, or reaches
/// through the user's functions (4 calls deep), when it throws by the
/// library's contract (`a.substr(1)`, `v.at(i)`, `std::stoi(s)`), as
/// written; or empty. The user sees no `throw` in 'work' (user41 t04: a
/// memoized edit distance's `a.substr(1)`, guarded by 'empty()' checks
/// purecc does not follow).
std::string libraryThrowFirst(PlanContext &PC, MayThrow &Throws, const Stmt *S,
                              unsigned Depth = 0) {
  for (const Stmt *Child : S->children())
    if (Child && Throws.mayThrow(Child))
      return libraryThrowFirst(PC, Throws, Child, Depth);
  const auto *E = dyn_cast<Expr>(S);
  const auto *CE = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
  if (!CE || !CE->getDirectCallee())
    return "";
  // What the library throws counts by its contract only (MayThrow.h): a
  // library call that may throw is named as written, not looked into
  // (inStd: a member of a std class too, whose own isInStdNamespace() is
  // false; user47 k04 named '__str._M_limit(__pos, __n)').
  if (throwsByContract(CE, PC.Ctx) || inStd(CE->getDirectCallee()))
    return writtenCallee(PC, CE);
  const FunctionDecl *Def = nullptr;
  if (Depth < 4 &&
      CE->getDirectCallee()->hasBody(Def) && Def)
    return libraryThrowFirst(PC, Throws, Def->getBody(), Depth + 1);
  return "";
}

} // namespace

std::string whatMayThrow(PlanContext &PC, MayThrow &Throws, const Stmt *S) {
  // `throw std::runtime_error("x")` throws itself, whatever its operand
  // might (adv18: not "the construction of a 'std::runtime_error'").
  if (const auto *E = dyn_cast<Expr>(S); E && isa<CXXThrowExpr>(E->IgnoreImplicit()))
    return ThrowExpression;
  // Operands are evaluated first (for a declaration: its initializers).
  for (const Stmt *Child : S->children())
    if (Child && Throws.mayThrow(Child))
      return whatMayThrow(PC, Throws, Child);
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    // A tuple-like structured binding's `get` calls, in the initializers of
    // variables no statement shows (adv63 R12: "the destruction of ''").
    for (const Decl *D : DS->decls())
      if (const auto *DD = dyn_cast<DecompositionDecl>(D))
        for (const BindingDecl *B : DD->bindings())
          if (const VarDecl *Holding = B->getHoldingVar();
              Holding && Holding->getInit() && Throws.mayThrow(Holding->getInit()))
            return whatMayThrow(PC, Throws, Holding->getInit());
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        return "the destruction of " + quoted(VD);
    return "";
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return "";
  // What is left may throw on its own: a temporary's destructor runs at the
  // end of the full-expression.
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return "the destructor of a temporary '" +
           BT->getType().getUnqualifiedType().getAsString() + "'";
  E = E->IgnoreImplicit();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->isAssignmentOp() && Op->getNumArgs() == 2)
    return "the assignment to a '" +
           Op->getArg(0)->getType().getUnqualifiedType().getAsString() + "'";
  // A lambda is named as it is called: the variable that holds it, or the
  // line it is written on.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() > 0 && isLambdaCallOperator(Op->getDirectCallee())) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return "the lambda " + quoted(DRE->getDecl());
    return "the lambda on line " +
           std::to_string(PC.SM.getPresumedLineNumber(Op->getArg(0)->getBeginLoc()));
  }
  if (const auto *CE = dyn_cast<CallExpr>(E); CE && !CE->getDirectCallee())
    if (FixedCallee T = fixedCallee(CE); T.Function)
      return quoted(T.Function) + " (called through " + quoted(T.Through) + ")";
  if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getDirectCallee()) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (sizeMayPassLimit(CE, PC.Ctx))
      return writtenCallee(PC, CE) + " (" + sizeLimitWhy(PC, CE, CountLine::Omitted) + ")";
    if (throwsByContract(CE, PC.Ctx))
      return writtenCallee(PC, CE);
    // An override purecc does not see may run: what this member's body
    // shows (or that it has none, `= 0`) is not what the call runs (adv74
    // F2: "'area' may throw" blamed a body that cannot).
    const std::string Virtual =
        mayRunUnseenOverride(CE, FD)
            ? " (virtual: an override purecc does not see may run; 'final' or 'noexcept' on "
              "it would rule that out)"
            : "";
    if (!Virtual.empty() && !FD->hasBody())
      return "'" + FD->getNameAsString() + "'" + Virtual;
    // Defined in another file: only its declaration can promise.
    if (!FD->hasBody() && !FD->getBuiltinID() && !inStd(FD))
      return "'" + FD->getNameAsString() +
             "' (defined in another file; declare it 'noexcept' if it cannot throw)";
    const FunctionDecl *Def = nullptr;
    if (!inStd(FD) && FD->hasBody(Def) && Def) {
      // A user's `noexcept` does not make the body nothrow: a throw out
      // of it ends the program, where the serial program may never have
      // made the call (analysis/MayThrow.h; user46 k05 read it as ignored).
      std::string Noexcept;
      if (const auto *FPT = Def->getType()->getAs<FunctionProtoType>(); FPT && FPT->isNothrow())
        Noexcept = ", which its 'noexcept' turns into the end of the program";
      if (const Expr *Sized = sizeLimitFirst(PC, Throws, Def->getBody()))
        return "'" + FD->getNameAsString() + "' (where " +
               sizeLimitWhy(PC, Sized, CountLine::Named) + Noexcept + ")";
      if (std::string Library = libraryThrowFirst(PC, Throws, Def->getBody()); !Library.empty())
        return "'" + FD->getNameAsString() + "' (where " + Library + " may throw" + Noexcept +
               ")";
      if (!Noexcept.empty())
        return "'" + FD->getNameAsString() + "' (whose body may throw" + Noexcept + ")";
    }
    return "'" + FD->getNameAsString() + "'" + Virtual;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return "the construction of a '" + CE->getType().getUnqualifiedType().getAsString() + "'" +
           (sizeMayPassLimit(CE, PC.Ctx) ? " (" + sizeLimitWhy(PC, CE, CountLine::Omitted) + ")"
                                          : "");
  // A reference cast that fails ('std::bad_cast'), or 'typeid' of a null
  // polymorphic pointer ('std::bad_typeid'), throws by the language's
  // rules: named as written, not "code" (adv24 R5).
  if (isa<CXXDynamicCastExpr>(E))
    return "'" + writtenOr(PC, E, "dynamic_cast") + "'";
  if (isa<CXXTypeidExpr>(E))
    return "'" + writtenOr(PC, E, "typeid") + "'";
  if (const auto *New = dyn_cast<CXXNewExpr>(E); New && sizeMayPassLimit(New, PC.Ctx))
    return "the array 'new' (" + sizeLimitWhy(PC, New, CountLine::Omitted) + ")";
  return "";
}

} // namespace purecc
