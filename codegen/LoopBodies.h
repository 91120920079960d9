//===- LoopBodies.h - what a loop's body must leave alone ------------------===//
//
// A loop matched by its header (CountedLoops.h, RangeLoops.h) is shared only
// when its body leaves the header alone: no iteration leaves the loop early
// (break, return, goto), none writes the counter, and none changes what the
// bound, a stride's start or a variable step reads (the parallel loop
// evaluates them once, or again in each leaf; the serial one after every
// iteration). Writing the elements of a container whose size is the bound
// does not change it; only what may resize it does (Resizes.h). This file
// also owns the reasons a body's own effects give (bodyEffectReason), which
// every loop transformation names.
//
//   HeaderReads H;   // filled in by matchCountedHeader or matchRangeHeader
//   L.Body_ = Scan.scan(L.Body);
//   if (!checkBody(PC, L, H, WhyNot)) ... // WhyNot names the change
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "StmtDeps.h"

#include "clang/AST/Expr.h"

#include <optional>
#include <string>

namespace purecc {

/// What a loop's header reads, which its body must not change.
struct HeaderReads {
  /// The bound (a range-for: the range) and, for a counted loop, the
  /// condition's bound expression.
  StmtDeps Bound;
  const clang::Expr *BoundExpr = nullptr;
  /// A strided loop's start, which its leaves evaluate again (i == b + s*k);
  /// StartExpr is null when the start is evaluated once.
  StmtDeps Start;
  const clang::Expr *StartExpr = nullptr;
  /// A step that is no constant (`i += k`), which the guard and the leaves
  /// evaluate again.
  StmtDeps Step;
  const clang::Expr *StepExpr = nullptr;
};

/// Checks what every loop shape needs of its body (L.Body_, its effects)
/// given what its header reads; on failure WhyNot says why.
bool checkBody(PlanContext &PC, const LoopShape &L, const HeaderReads &H, std::string &WhyNot);

/// What a header reads of the local object VD, when that is only scalar
/// members or elements of members that own them (`i < g.n`, `g.rows *
/// g.cols`, `q.lim[1]`: adv42; `g.rowptr[v + 1]`: user47 k03): Body may leave them alone while
/// it writes other members (`g.a[i] = cell(i)` stores into 'g.a', never
/// into 'g.n'; user41 t03 was refused as "the bound 'g' changes").
struct MemberReads {
  /// The members read ("g.n"), as written.
  std::string Names;
  /// The first use in Body that may change one of them (`g.n = 20`, `g`
  /// passed on whole), or null when every use of VD in Body reads one of
  /// them or names a member apart from them.
  const clang::Expr *Change = nullptr;
};

/// Whether memberReads looks through a reference VD (`Cfg &c`) to the
/// object it names.
enum class ThroughReference { No, Yes };

/// MemberReads of VD for Header and Body, or nullopt when Header reads VD
/// otherwise (or VD is no local object, nor, with ThroughReference::Yes, a
/// reference to one). Writes through pointers and references and calls not
/// known to be pure are the caller's to exclude: they might reach the
/// members.
std::optional<MemberReads> memberReads(const clang::ASTContext &Ctx, const clang::Expr *Header,
                                       const clang::Stmt *Body, const clang::VarDecl *VD,
                                       ThroughReference Through = ThroughReference::No);

/// "'break' leaves the loop" and the like.
std::string exitReason(const clang::Stmt *Exit);

/// Why a call is not known to be free of side effects, e.g. "'log' is not
/// known to be pure".
std::string impureReason(const clang::Expr *Call);

/// Why a loop body's effects forbid running its iterations in parallel: it
/// writes a variable declared outside the body (other than a by-value range
/// element), writes through a pointer or reference, or calls impure code.
/// Empty when they do not.
std::string bodyEffectReason(const StmtDeps &Fx, const LoopShape &L);

} // namespace purecc
