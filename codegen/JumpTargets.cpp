//===- JumpTargets.cpp - where a jump may arrive inside a statement -------===//
#include "JumpTargets.h"

#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

bool containsJumpTarget(const Stmt *S, JumpTarget K) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || (K == JumpTarget::LabelOrCase && isa<SwitchCase>(S)))
    return true;
  return llvm::any_of(S->children(), [K](const Stmt *C) { return containsJumpTarget(C, K); });
}

} // namespace purecc
