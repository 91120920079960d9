//===- KeptParameters.h - whether a function keeps what a reference names ===//
//
// Escapes.cpp counted every call of a function of the program with
// effects as a place where the address of each local it is given by
// reference escapes: `init(v);` before `for (i) v[i] = f(v[i]);` kept the
// loop serial ("the address of 'v' escapes ('init(v)')"), though `init`
// only wrote the elements and kept nothing (adv57 t14; issue 15, "an
// address escapes only if it can be used while the loop runs").
//
// A function whose body is in the translation unit is summarized once per
// reference parameter: the parameter is analysed as a local of the
// function it belongs to (findEscapes with it lent), and the address of
// what it names may be kept when it escapes there in any way (stored
// where others reach it, captured by reference, given to code purecc
// does not follow, its storage traded with an object that escapes). What
// the function returns is followed by the caller's analysis, as before.
// A lambda's call operator is summarized as well when its captures can
// hold no address (`[](long &x) { x = 3; }` given to `std::for_each`,
// adv57 t15). A virtual function an override of which may run, one whose
// body is not seen, a generic lambda, a call back into a function being summarized, and summaries more
// than 16 calls deep may keep it.
//
//   if (!parameterMayBeKept(FD, I, PC))
//     ...   // the argument's address ends with the call
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <utility>

namespace purecc {

class PlanContext;

/// The summaries of one translation unit's functions, computed on demand
/// (PlanContext holds one).
struct KeptParametersCache {
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool> Done;
  /// The summaries being computed: a call back into one may keep (an
  /// assumption on the safe side, so what rests on it may be cached).
  llvm::SmallVector<std::pair<const clang::FunctionDecl *, unsigned>, 4> InProgress;
};

/// Whether a call of FD (a function of the program, not the library's) may
/// keep, past the call, the address of what its parameter I, a reference,
/// names: true for a parameter that is no reference, for a virtual
/// function an unseen override of which may run, for a body purecc does
/// not see. Cached in PC.
bool parameterMayBeKept(const clang::FunctionDecl *FD, unsigned I, const PlanContext &PC);

} // namespace purecc
