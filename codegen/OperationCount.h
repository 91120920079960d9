//===- OperationCount.h - how much work one run of loop-free code does ----===//
//
// A loop whose body runs no loop (Loops.cpp's runsLoops) is worth sharing
// only when its iterations together pay for the tasks that share them. The
// trip count alone does not say so: 2000 iterations of `x * x + 1` take
// about 0.4 µs, a fifth of one fork and join on two threads, and their map
// ran 6.4 times slower than the serial loop (adv115 r02), while 1000
// iterations of a body ten times heavier were refused outright as "too
// little to share" by the old rule (at most 1024 constant iterations). So
// the planner counts the operations one iteration runs, a cost model in the
// spirit of a compiler's inlining cost (LLVM's InlineCost counts
// instructions, not time):
//
//  * an arithmetic, comparison, logical or bitwise operator, an increment,
//    an assignment, a subscript, a conversion between integer and floating
//    point: 1; a division or remainder: kDivision (a divider is 10-40 times
//    slower than an adder), 2 when it divides integers by a literal, an
//    enumerator or a constexpr variable (the compiler multiplies and shifts);
//  * a call of a function whose body is visible (the user's, or a library
//    template's): kCall plus the operations of its body (and, for a
//    constructor, of its initializers); of one whose body is not (the C
//    math library, a function through a pointer): kOpaqueCall, except the
//    few that compile to an instruction or two (`sqrt`, `fabs`, `fmin`...);
//  * `if` and `?:`: the condition plus the cheaper branch. Sharing work
//    that is not there costs more than keeping work serial: a heavy branch
//    taken once in 4096 iterations, counted, made a map five times slower
//    than the serial loop (adv119 F3), while a loop that takes its heavy
//    branch every time and is kept serial loses at most the speed-up.
//
// Measured on the benchmarks' 2-vCPU machine (docs/codegen.md, "Too little
// work to share"): one operation is about 0.2 ns of scalar code (a map of
// `std::sin`, about 25 operations, took 4.6 ns an element, and ran 1.3
// times faster than serial on two threads at 2048 elements), so
// kMinSharedOperations of them pay for sharing a loop, and a leaf of
// kLeafOperations (about 3 µs) pays for its task. Vectorized code runs
// faster than its count says; lanes are not counted.
//
//   std::int64_t Ops = loopFreeOperations(L.Body);       // runsLoops is false
//   if (Trips * Ops < kMinSharedOperations) ...          // too little work
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cstdint>

namespace purecc {

/// A division or remainder, in operations.
constexpr std::int64_t kDivision = 8;
/// The call and return of a function whose body is counted.
constexpr std::int64_t kCall = 2;
/// A call whose body purecc cannot see (`std::sin`, `std::exp`).
constexpr std::int64_t kOpaqueCall = 20;
/// The least work (iterations times operations each) a loop of loop-free
/// work must do to be shared: about 6 µs of scalar code, two leaves.
constexpr std::int64_t kMinSharedOperations = 32768;
/// The operations a leaf of such a loop runs at the least: a task's cost is
/// a few percent of it.
constexpr std::int64_t kLeafOperations = 16384;

/// The operations one run of S does (see the file comment), at least 1.
/// S must run no loop and no recursion (runsLoops is false): a loop is not
/// counted. Calls in Cheap count kOpaqueCall (a transformation's append,
/// whose library body has loops that a short append never runs).
/// Saturates at 2^40.
std::int64_t loopFreeOperations(const clang::Stmt *S,
                                const llvm::SmallPtrSetImpl<const clang::Expr *> *Cheap = nullptr);

/// The iterations a leaf of a loop-free loop body of Ops operations runs:
/// kLeafOperations / Ops rounded up to a power of two (so that the leaf
/// sizes in rewritten code read as what they are), at least 1.
std::int64_t leafIterations(std::int64_t Ops);

} // namespace purecc
