//===- Maps.h - parallel-map: loops that write one element each -----------===//
//
// A loop (see Loops.h) whose body stores pure results into distinct elements
//
//   for (int i = 0; i < n; ++i) out[i] = f(i, in[i]);
//   for (auto &x : v) x = g(x);
//
// becomes purecc::parallel_for with the body unchanged. Distinct means the
// index is the induction variable itself (or the element is the range-for
// variable), so no two iterations touch the same element. The written array
// or container must be a local that the body does not otherwise read, whose
// address does not escape (nothing else can alias it), and whose elements do
// not share storage (not std::vector<bool>).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Reductions.h"

namespace purecc {

LoopOutcome planMap(PlanContext &PC, const LoopShape &L,
                    const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                    std::string &WhyNot);

} // namespace purecc
