//===- ReadContexts.h - is naming a global here a read of it? -------------===//
//
// `p == &g_table`, `int &r = g_total;`, `Slot s{g_hits};` and `return
// g_cell;` from a function returning a reference name a global without
// reading it: an address is a constant, a binding copies nothing. The read,
// if any, happens later through the pointer, reference or member, and the
// purity rules judge it there by its provenance (Locality), with a note at
// the binding.
//
// That is sound only where every later use is one Locality can follow back
// to the global. ReadContexts walks up from the place a global is named
// (through members, subscripts, casts, `&`, `?:`, pointer arithmetic) to
// what consumes it:
//
//   discarded   compared, cast to void, assigned to, placement-new'd into,
//               or bound to a local reference / pointer / reference member
//               (or returned by reference) whose every use is followed
//   consumed    converted to a value, passed to a call, copied: a read here
//   escapes     stored where no one follows it: counted as a read here
//
//   ReadContexts RC(FD);
//   if (RC.reads(DRE)) ... report the read at DRE ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <vector>

namespace purecc {

class ReadContexts {
public:
  explicit ReadContexts(const clang::FunctionDecl *FD);

  /// Whether Root, an expression naming global storage (a variable, or a
  /// call whose result refers or points into one), reads it where it is.
  bool reads(const clang::Expr *Root);

private:
  enum class Mode { Designates, PointsTo, Holds };
  enum class Outcome { Discarded, Consumed, Escapes };

  void build(const clang::Stmt *S, const clang::Stmt *Parent);
  void link(const clang::Stmt *Child, const clang::Stmt *Parent);
  Outcome up(const clang::Expr *E, Mode M, unsigned Depth);
  Outcome upCall(const clang::Expr *E, const clang::Expr *Call, Mode M, unsigned Depth);
  Outcome upInit(const clang::Expr *E, const clang::Stmt *P, Mode M, unsigned Depth);
  bool followed(const clang::VarDecl *VD, Mode M, unsigned Depth);
  const clang::Stmt *parentOf(const clang::Stmt *S) const;

  const clang::FunctionDecl *FD;
  bool Built = false;
  // The walk came through a `?:` branch: Locality joins the branches into
  // the worse one (an unknown pointer hides the global), so the value may
  // not be stored in a binding whose reads are judged by provenance.
  bool InJoin = false;
  // Locality joins what every return statement returns; with more than one,
  // an unknown pointer returned elsewhere can hide the global.
  unsigned Returns = 0;
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parent;
  llvm::DenseSet<const clang::Stmt *> Ambiguous;
  llvm::DenseMap<const clang::Stmt *, const clang::VarDecl *> InitOf;
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::DeclRefExpr *>> Uses;
  llvm::DenseMap<const clang::VarDecl *, bool> Followed;
};

} // namespace purecc
