//===- NoReturn.cpp - code that may never return to the code after it -----===//
#include "NoReturn.h"

#include "PlaceNames.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {
namespace {

/// How deep the user's functions are followed: past it, a call is taken
/// not to return (adv29 H1: a call that ends the program 9 calls down was
/// taken to return, and the hoisted call after it never ended).
constexpr unsigned MaxDepth = 32;

} // namespace

bool NoReturnCalls::mayNotReturn(const FunctionDecl *FD, unsigned Depth) {
  if (FD->isNoReturn())
    return true;
  if (isImplementationDecl(FD))
    return false;
  if (Depth >= MaxDepth)
    return true;
  if (auto It = Known.find(FD); It != Known.end())
    return It->second;
  Known[FD] = false; // a recursive call returns if the rest does
  const FunctionDecl *Def = nullptr;
  bool May = FD->hasBody(Def) && Def && !Def->isDependentContext() &&
             firstIn(Def->getBody(), nullptr, Depth + 1) != nullptr;
  Known[FD] = May;
  return May;
}

const CallExpr *NoReturnCalls::firstIn(const Stmt *S,
                                       const llvm::SmallPtrSetImpl<const Expr *> *Skip,
                                       unsigned Depth) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S); E && Skip && Skip->contains(E))
    return nullptr;
  // Never evaluated: `sizeof(abort_if(x))`, `noexcept(...)`, `decltype`.
  if (isUnevaluatedOperand(S))
    return nullptr;
  if (isa<LambdaExpr>(S))
    return nullptr; // a lambda's body runs where it is called
  // Operands first: they are evaluated before the call they feed.
  for (const Stmt *Child : S->children())
    if (const CallExpr *Found = firstIn(Child, Skip, Depth))
      return Found;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = CE->getDirectCallee(); FD && mayNotReturn(FD, Depth))
      return CE;
  return nullptr;
}

std::optional<NoReturnCall> NoReturnCalls::first(const Stmt *S,
                                                 const llvm::SmallPtrSetImpl<const Expr *> *Skip) {
  const CallExpr *Call = firstIn(S, Skip, 0);
  if (!Call)
    return std::nullopt;
  const FunctionDecl *FD = Call->getDirectCallee();
  std::string Macro = outermostMacro(Call->getBeginLoc(), PC.Ctx).str();
  std::string Name = !Macro.empty() ? Macro : FD->getNameAsString();
  return NoReturnCall{Call, "'" + Name + "', which " +
                                (FD->isNoReturn() ? "does not return" : "may not return")};
}

} // namespace purecc
