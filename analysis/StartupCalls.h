//===- StartupCalls.h - what a global's initializer runs at start-up ------===//
//
// `const long K = std::getenv("K") ? std::atol(std::getenv("K")) : 3;` is a
// constant within one run, so a pure function may read it (R2). But its
// value comes from outside the program text: the environment, the clock, a
// file, the machine. A memo key is made of the text (the fingerprint) and
// the arguments, so the disk tier would serve one run's answer to the next
// (docs/memo.md, "Globals computed at start-up"); and each rank of a
// cluster computes its own value, which the task it runs for rank 0 would
// read (docs/distributed.md, adv60 F2, F4). This finds, for a
// variable with static storage and a dynamic initializer, the first call in
// that initializer that is not pure: a library function not known to be
// pure, a user function with an effect that is not relative to its call
// (I/O, an impure callee, a global it reads or writes), an indirect call,
// or a function whose body this unit does not see. A constant initializer
// runs nothing.
//
//   if (std::optional<StartupCall> C = startupCall(VD, Fix)) ... C->Shown
//
// Depends on: Fixpoint.h (a user callee's verdict), Stdlib.h and
// LibraryNames.h (library calls), Attributes.h (declared pure).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"

#include <optional>
#include <string>

namespace purecc {

class Fixpoint;

/// A call that is not pure in the dynamic initializer of Global.
struct StartupCall {
  const clang::VarDecl *Global = nullptr;
  /// What is called, quoted as the checker names it ("'std::getenv'", "'load'",
  /// "a function pointer").
  std::string Shown;
  clang::SourceLocation Loc;
};

/// The first call in VD's dynamic initializer that is not pure, if any.
std::optional<StartupCall> startupCall(const clang::VarDecl *VD, Fixpoint &Fix);

/// Whether the unit is built for remote workers (PURECC_DISTRIBUTED is
/// defined at the end of the unit): there every rank computes its own
/// globals at start-up, so what their initializers run matters for the
/// tasks that travel too (codegen/TaskRegistry.h), not only for memo keys.
bool distributedBuild(clang::ASTContext &Ctx);

} // namespace purecc
