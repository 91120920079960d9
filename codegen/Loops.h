//===- Loops.h - counted loops and range-for loops over random access -----===//
//
// Reductions and maps both start from a loop whose iterations can be
// numbered up front: `for (T i = B; i < E; ++i)` (also `<=`, `!=`, `i++`,
// `i += 1`, casts of `i` that keep its value), counting down (`--i` while
// `i > E` or `i >= E`, `i-- > E`) or in constant steps (`i += 3`), with B
// and E free of side effects, E (and B of a stride) not changed by the body,
// and `i` not written in it; or `for (decl : v)` over a local array or a
// standard container with random access. No iteration may leave the loop
// early (break, return, goto); a `continue` ends one iteration, which in the
// leaf lambda is a `return` (endIterationsEarly). The runtime numbers
// iterations with std::int64_t; Index recreates the user's variable from
// that number.
//
// matchLoop ties the parts together: CountedLoops.h and RangeLoops.h match
// the two kinds of header, LoopBodies.h checks that the body leaves the
// header alone. This file owns what follows from the match and what every
// loop transformation shares: the index, the reasons about accumulators and
// exceptions, the grain and the too-little-work refusal.
//
//   std::string WhyNot;
//   if (auto L = matchLoop(PC, Loop, WhyNot)) ... L->Body ... L->Begin ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "StmtDeps.h"
#include "PlanContext.h"
#include "Shapes.h"

#include "llvm/ADT/DenseMap.h"

namespace purecc {

struct LoopShape {
  const clang::Stmt *Loop = nullptr;
  const clang::Stmt *Body = nullptr;
  std::string Begin, End;                  // std::int64_t expressions
  const clang::VarDecl *Induction = nullptr; // counted loops
  /// Why the counter may have one value in several iterations (an iota
  /// view's values converted to a narrower loop variable, adv51 t01), for
  /// a remark; empty when its values are distinct. A map needs them so.
  std::string RepeatsValues;
  const clang::VarDecl *Element = nullptr;   // range-for: the loop variable
  /// range-for: the container, or for a container reached through members
  /// (`for (long x : h.v)`, Places.h's memberPathOf) the variable the path
  /// starts from (null for a member of '*this').
  const clang::VarDecl *Range = nullptr;
  /// range-for: the range as the rewritten code names it ("v", "h.v") and
  /// as written (the member path, when it is one).
  std::string RangeName;
  const clang::Expr *RangeExpr = nullptr;
  std::optional<std::int64_t> TripCount;     // when the bounds are constants
  /// The counter's value at iteration k ('\x01' stands for k) when it is
  /// not k itself: count-down and stride loops.
  std::string IndexValue;
  /// A step that is no constant (`i += k`): the loop is shared only when
  /// the guard, evaluated before it, finds a positive step and a counter
  /// that does not wrap around; otherwise the original loop runs, copied
  /// verbatim (guardStride). Trips names the guard's trip count, which End is.
  struct Guard {
    std::string Trips; // fresh name: the trip count, or -1 for "run serially"
    std::string Count; // the immediately invoked lambda computing it
  };
  std::optional<Guard> StrideGuard;
  StmtDeps Body_;                           // what the body does
  /// Locals outside the body that the body reaches through a holder of
  /// their address (`const long &cs = s; ... f(cs)`, Escapes.h), each with
  /// that holder. The planner fills it in before the transformations run.
  llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *> ReadThrough;
  /// Locals whose address escapes before the loop for a reason the text of
  /// the escape does not show (EscapeSites::Because), each with the
  /// remark's clause ("where it is made, on line 12: ..."). Filled in by
  /// the planner with ReadThrough.
  llvm::DenseMap<const clang::VarDecl *, std::string> EscapeBecause;
  unsigned HeaderBegin = 0;                // offset of `for`
  unsigned HeaderEnd = 0;                  // offset after the header's ')'
  unsigned BodyEnd = 0;                    // offset after the body
};

/// Recognizes Loop; on failure WhyNot says why (empty when Loop is not even
/// a for loop).
std::optional<LoopShape> matchLoop(PlanContext &PC, const clang::Stmt *Loop,
                                   std::string &WhyNot);

/// The lambda parameter and declarations that give the body its `i` (or its
/// range-for variable) back from the runtime's std::int64_t index.
shapes::Index makeIndex(PlanContext &PC, const LoopShape &L);

/// Text converting an integer expression to std::int64_t when needed.
std::string asInt64(PlanContext &PC, const clang::Expr *E, const std::string &Text);

/// Head without its trailing blanks when the original text at Off already
/// continues with whitespace (no blanks at line ends, no double spaces).
std::string trimBeforeSpace(PlanContext &PC, std::string Head, unsigned Off);

/// Why the loop is too little work to share, or empty: a constant trip
/// count (or the most iterations of a triangle's inner loop) whose body,
/// and every function it calls (transitively), runs no loop and no
/// recursion, and does fewer than kMinSharedOperations in all
/// (OperationCount.h); or at most kMaxTinyTrips iterations of counted inner
/// loops of bounded trips around loop-free work, of at most kMaxTinyTrips
/// loop-free statements in all. Splitting such a loop costs more than
/// running it (a nested one would be split again on every call of its
/// enclosing function).
constexpr std::int64_t kMaxTinyTrips = 1024;
/// Cheap: calls that a transformation judges cheap itself (a concatenation's
/// push_back, whose library body has loops that a short append never runs).
std::string tinyLoopReason(const LoopShape &L,
                           const llvm::SmallPtrSetImpl<const clang::Expr *> *Cheap = nullptr);

/// Why a loop that a transformation has matched is still not shared: too
/// little work (tinyLoopReason), or text another transformation already
/// edits. Empty when nothing stands in the way. Every loop transformation
/// asks this last, just before it edits.
std::string lastRefusal(PlanContext &PC, const LoopShape &L,
                        const llvm::SmallPtrSetImpl<const clang::Expr *> *Cheap = nullptr);

/// What a loop transformation asks once it has matched: a body that may
/// throw (exceptionReason), then lastRefusal. Empty when the loop may be
/// shared.
std::string sharingRefusal(PlanContext &PC, const LoopShape &L,
                           const llvm::SmallPtrSetImpl<const clang::Expr *> *Cheap = nullptr);

/// Why the body's other uses of accumulator Acc (Rest: the body's effects
/// without Acc's update steps, whose references to Acc are Positions)
/// keep it from being reduced: it is also written elsewhere in the body, or
/// read there, where a leaf's private copy holds a partial value. Names the
/// update, the other use and, for the counter of an enclosing loop
/// (`for (i ...) for (j ...) { if (j > i) ++i; }`), that loop. Empty when
/// Rest neither reads nor writes Acc.
std::string accumulatorUseReason(PlanContext &PC, const LoopShape &L, const clang::VarDecl *Acc,
                                 llvm::ArrayRef<const clang::Expr *> Positions,
                                 const StmtDeps &Rest);

/// The expression of E's statement that E is part of (the condition of an
/// `if`, the whole expression statement), or the operand of Stop that it is
/// part of (`f(acc + i)` in `acc += f(acc + i)`), as written, when short.
std::string enclosingText(PlanContext &PC, const clang::Expr *E, const clang::Expr *Stop);

/// The update of the accumulator that Position names in (`++i`, `s += f(j)`).
const clang::Expr *updateAround(PlanContext &PC, const clang::Expr *Position);

/// The first reference to V in S (a name of V, or a structured binding of
/// V's) outside the expressions in Skip.
const clang::DeclRefExpr *otherUse(const clang::Stmt *S, const clang::VarDecl *V,
                                   const llvm::SmallPtrSetImpl<const clang::Expr *> &Skip);

/// Why V cannot be a leaf's private accumulator: not a local variable of
/// the function (or volatile), read by the body through a holder of its
/// address (L.ReadThrough), or its address has escaped while the loop runs
/// (Escaped). Empty when it can.
std::string accumulatorReason(const clang::VarDecl *V,
                              const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                              const LoopShape &L);

/// Why the loop must stay serial because its body may throw, or empty.
/// Iterations of a parallel loop run at once: a later iteration may start
/// before an earlier one throws, a call the serial loop never makes then
/// (it may run for hours, or never return), so a body that may throw
/// (analysis/MayThrow.h) keeps the loop serial (docs/codegen.md,
/// "Speculation"). This also keeps what a handler sees after the throw: the
/// serial loop's partial result.
std::string exceptionReason(PlanContext &PC, const LoopShape &L);

/// The body of a for, range-for, while or do loop; null for anything else.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

/// The main-file spans of every reference to Var in Body, or nullopt when
/// one is not in the main file's own text (a macro): a transformation that
/// gives the leaf a private copy of Var renames them, since a copy named
/// like the user's variable would shadow it (`-Wshadow -Werror` builds).
std::optional<std::vector<std::pair<unsigned, unsigned>>>
referenceSpans(PlanContext &PC, const clang::Stmt *Body, const clang::VarDecl *Var);

/// The leaf size a loop's runtime call should pass, or empty for the
/// runtime's choice: a loop whose body is loop-free work (as for
/// tinyLoopReason) runs leafIterations(its operations) iterations per leaf
/// (OperationCount.h), so that a short run of it (the 16 centroids of a
/// k-means step, when the count is not a constant) is one leaf that the
/// runtime folds in the calling thread without a task, while a long one is
/// still shared in leaves large enough to pay for a task each.
std::string loopGrain(const LoopShape &L,
                      const llvm::SmallPtrSetImpl<const clang::Expr *> *Cheap = nullptr);

/// Replaces each `continue` of the loop (not of its inner loops) with
/// Return ("return acc", "return"): in the leaf lambda that runs one
/// iteration, leaving the lambda is going on to the next iteration.
void endIterationsEarly(PlanContext &PC, const LoopShape &L, const std::string &Return);

} // namespace purecc
