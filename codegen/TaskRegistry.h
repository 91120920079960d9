//===- TaskRegistry.h - range loops other ranks can run -------------------===//
//
// Under `mpirun`, a rewritten reduction is shipped to other ranks through a
// task registry entry (docs/distributed.md): a stable id, a fingerprint, and
// a thunk that decodes the values the loop body reads, evaluates nodes of
// the split tree and encodes the result. Code addresses never travel, so the
// leaf must be a *captureless* lambda: every local the loop reads becomes a
// parameter of the same name (the body's text stays as written), and the
// call passes those locals after the combine:
//
//   for (int i = 0; i < n; ++i) s += w * f(i);
//   ==>
//   s += purecc::reduce_at<"main#r57", 0x..ULL, 0x..ULL>(0, n, 0.0,
//       [](std::int64_t purecc_k0, [[maybe_unused]] const double &w,
//          [[maybe_unused]] const int &n) -> double { const int i = ...;
//         double s = 0.0; s += w * f(i); return s; },
//       [](double a, double b) { return a + b; }, w, n);
//
// Only in a distributed build: the unit is compiled with
// -DPURECC_DISTRIBUTED, which linking purecc::runtime_mpi adds (CMake), or
// the Makefile flags of docs/distributed.md. The rewritten source serves
// local runs too (reduce_at is parallel_reduce when no cluster is active),
// but plain builds keep the plain form, and their remarks, as before.
//
// A loop stays on this process, with a purecc-task-local remark naming the
// reason, when a value it reads cannot travel: a pointer, a type without a
// purecc::codec, `this`, a mutable global or static (each rank would read
// its own copy), or when it sits in a template.
//
//   if (auto Site = planRangeTask(PC, L, Own, "reduction")) ... Site->Id ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "PlanContext.h"
#include "Shapes.h"
#include "analysis/StartupCalls.h" // distributedBuild

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace purecc {

/// The registry entry of one shipped range loop: its id
/// ("<mangled enclosing function>#r<offset of the loop in it>"), the
/// enclosing function's fingerprint mixed with the id, and the leaf's
/// parameters after the index with the arguments passed for them.
using RangeTask = shapes::TaskSite;

/// The task entry of loop L (index Idx, from makeIndex), whose leaf declares the variables in Own
/// itself (the accumulators of a reduction); nullopt when the loop stays
/// on this process (with a purecc-task-local remark) or the build is not
/// distributed (silently). Kind names the loop in the remark.
/// Skip: an expression of the loop the leaf does not contain (a map's
/// stored-to element).
std::optional<RangeTask> planRangeTask(PlanContext &PC, const LoopShape &L,
                                       const shapes::Index &Idx,
                                       llvm::ArrayRef<const clang::VarDecl *> Own,
                                       llvm::StringRef Kind, const clang::Expr *Skip = nullptr);

/// In a distributed build, rewrites the map L whose body is the one
/// assignment `Target = e;` into purecc::map_at (its leaf returns e, a
/// second lambda stores it) and returns true; false (with a
/// purecc-task-local remark in a distributed build) leaves the map to
/// parallel_for. Idx: the loop's index (makeIndex); Grain: the local
/// run's leaf size (loopGrain), passed on to map_at.
bool planMapTask(PlanContext &PC, const LoopShape &L, const clang::Expr *Target,
                 const shapes::Index &Idx, llvm::StringRef Grain);

/// In a distributed build, the text of a parallel-call branch that other
/// ranks can run (task_site.h's call_at; the call's id is its callee's
/// linker symbol + "#call", its fingerprint the callee's):
///   purecc::call_at<"_Z3fibi#call", 0x..ULL, 0x..ULL>(
///       [](const int &purecc_arg_0) -> long { return fib(purecc_arg_0); }, n - 1)
/// The arguments are evaluated before the branches run, so a call whose
/// arguments may throw (ArgsMayThrow) stays a local branch. nullopt, with
/// a purecc-task-local remark in a distributed build, when the call cannot
/// travel: a member or operator call, a template, an argument or result
/// without a purecc::codec.
std::optional<std::string> planCallTask(PlanContext &PC, const clang::CallExpr *CE,
                                        bool ArgsMayThrow);

} // namespace purecc
