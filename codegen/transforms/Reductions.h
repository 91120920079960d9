//===- Reductions.h - reduction: loops that accumulate pure results -------===//
//
// A loop (see Loops.h) whose body only folds values into accumulators
//
//   acc += f(i);  acc -= e;  acc *= e;  acc = acc + e;  acc = std::max(acc, e);
//   if (e > acc) acc = e;  acc |= e;  acc ^= e;  if (p(i)) ++n;  ...
//
// (several accumulators, conditions and body-local variables allowed;
// an accumulator may be a part of one local object, `st.sum`, `acc[2]`, a
// structured binding (Places.h), and a floating `std::complex` sums with
// `+=`/`-=`)
// becomes one deterministic tree reduction of the runtime. Each leaf runs
// the unchanged body on private accumulators that start at the operation's
// identity; the tree combines them and the result is folded into the
// accumulators once. That is only the same as the loop when:
//  * an accumulator is not read anywhere else in the body (for a part of an
//    object: the object is used only through its accumulations);
//  * everything else the body writes is declared inside it, or is an
//    element the body stores as a map would (Maps.h: `out[i] = h; s += h;`,
//    each iteration its own element), which the leaves store as they go;
//  * every call in it is pure;
//  * the reduction type is the accumulator's type and the per-step
//    conversion cannot change the result (no `int acc += double`);
//  * floating-point sums and products may be reassociated (`--fp-reassoc=on`,
//    the default: reproducible for any thread count, possibly different in
//    the last bits from the serial left-to-right order);
//  * a floating-point max/min step is a selection the tree can repeat
//    exactly: it skips NaN terms (the comparison is false) and keeps the
//    first or the last of equal values consistently (see classifySelection);
//  * the fold is not `&&`/`||`, which skip terms once decided.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"

namespace purecc {

enum class LoopOutcome { Rewritten, Refused, NotThisKind };

struct EscapeSites;

/// Plans the reduction of loop L; on refusal WhyNot (when not empty) is the
/// remark to print. A refusal for `--fp-reassoc=off` is remarked here.
/// Escaped: the locals whose address may be used while L runs; Sites: the
/// function's holders (for element stores beside the accumulation, which
/// must make a map: Maps.h).
LoopOutcome planReduction(PlanContext &PC, const LoopShape &L,
                          const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                          const EscapeSites &Sites, std::string &WhyNot);

/// Why folding values of type V into an accumulator of type T one step at a
/// time gives another result than folding the tree's partial results (e.g.
/// `int += double` truncates every step), or empty when it cannot.
std::string conversionProblem(clang::ASTContext &Ctx, llvm::StringRef AccName, clang::QualType T,
                              clang::QualType V, shapes::ReduceOp Op);

/// Why a floating-point product stays serial, for Subject ("'p' is a
/// floating-point product"): a leaf's product of its terms alone may
/// overflow or underflow where the serial running product, which starts
/// from the user's value, does not; 0 times an overflowed partial is NaN
/// where the serial product stays 0 (adv47 t39, t40, t54). Unlike a sum's
/// last bits, no `--fp-reassoc` makes that acceptable.
std::string floatingProductReason(const std::string &Subject);

} // namespace purecc
