//===- JumpTargets.cpp - where a jump may arrive inside a statement -------===//
#include "JumpTargets.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

bool isSetjmp(const Stmt *S) {
  const auto *CE = dyn_cast_or_null<CallExpr>(S);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  // `getcontext` (and `swapcontext`, which saves one) returns again when a
  // later `setcontext` resumes it, as `setjmp` does on a `longjmp` (adv50
  // t89).
  return N == "setjmp" || N == "_setjmp" || N == "sigsetjmp" || N == "__sigsetjmp" ||
         N == "__builtin_setjmp" || N == "savectx" || N == "vfork" || N == "getcontext" ||
         N == "swapcontext";
}

bool containsJumpTarget(const Stmt *S, JumpTarget K) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || isSetjmp(S) || (K == JumpTarget::LabelOrCase && isa<SwitchCase>(S)))
    return true;
  return llvm::any_of(S->children(), [K](const Stmt *C) { return containsJumpTarget(C, K); });
}

} // namespace purecc
