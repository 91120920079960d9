//===- LiveEscapes.h - can an escaped address be used while calls run? ----===//
//
// Calls that run side by side read their arguments' variables while other
// code runs; so do the calls of a run of statements before the first
// target is stored. An escape of a variable's address (Escapes.h) matters
// only if the address can be used meanwhile: one before the calls end, or
// anywhere in a loop around them (an earlier iteration). An escape after
// them is no matter, unless jumps defeat the order of the text (a function
// with `goto`) or the variable outlives one call (a lambda's capture).
//
//   LiveEscapes Escapes(PC, FD);
//   if (std::optional<LiveEscape> E = Escapes.liveEscape(VD, Where))
//     Why = Escapes.reason(VD, *E); // "the address of 'a' escapes before them (line 12)"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Escapes.h"
#include "PlanContext.h"

#include <optional>
#include <string>

namespace purecc {

/// Why an escape of a variable's address may be used while code runs.
enum class LiveBecause {
  EscapesBefore,       // before the code ends, or in the same statement
  EscapesInLoopAround, // in a loop around the code: an earlier iteration
  FunctionHasGoto,     // any escape: jumps defeat the order of the text
  OfEnclosingFunction, // any escape: a lambda's capture outlives one call
};

struct LiveEscape {
  const clang::Stmt *Site;
  LiveBecause Because;
};

class LiveEscapes {
public:
  /// FD is null for an initializer outside any function: no escapes.
  LiveEscapes(PlanContext &PC, const clang::FunctionDecl *FD);

  /// An escape of VD's address that could be used while the code of Where
  /// runs (an impure call there could write VD through it, or a call of
  /// a group read VD through it).
  std::optional<LiveEscape> liveEscape(const clang::VarDecl *VD, const clang::Stmt *Where) const;

  /// A remark's reason naming where VD's address escapes.
  std::string reason(const clang::VarDecl *VD, const LiveEscape &E) const;

  /// Adds to Reads the variables S reads through the locals it reads that
  /// hold their addresses (`const long &ra = a;`, a view, a lambda
  /// capturing by reference): reading one reads the other.
  void addHeldReads(const clang::Stmt *S, llvm::SmallPtrSetImpl<const clang::VarDecl *> &Reads) const;

  /// Each local that may lead into the storage of others (Escapes.h).
  const decltype(EscapeSites::Holds) &holds() const { return Sites.Holds; }

private:
  PlanContext &PC;
  const clang::FunctionDecl *FD;
  EscapeSites Sites;
  bool HasJumps = false;
};

} // namespace purecc
