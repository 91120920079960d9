//===- Maps.h - parallel-map: loops that write one element each -----------===//
//
// A loop (see Loops.h) whose body stores pure results into distinct elements
//
//   for (int i = 0; i < n; ++i) out[i] = f(i, in[i]);
//   for (auto &x : v) x = g(x);
//
// becomes purecc::parallel_for with the body unchanged. Distinct means the
// index is an injective function of the induction variable (`i`,
// `n - 1 - i`, `2 * i + 1`; an even factor only in a signed type, where it
// cannot wrap) or the element is the range-for variable, so no two
// iterations touch the same element. The written array
// or container must be a local that the body does not otherwise read,
// neither by name nor through a local that holds its address (a view,
// iterator, pointer, reference, lambda or struct made from it: see
// Escapes.h), whose address does not escape (nothing else can alias it),
// and whose elements do not share storage (not std::vector<bool>).
//
// A store `out[i][j]` writes into the row `out[i]`: with an injective outer
// index and rows that are objects of their own (arrays, owning containers;
// not pointers or views), the loop is a map over the rows, and the inner
// loops that write a row run serially inside its iteration. A structured
// binding of a range-for element bound by reference (`for (auto &[k, v] :
// kv) v = f(k);`) names a member of the element, unless a user's tuple
// protocol made it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Escapes.h"
#include "MapStores.h"
#include "Reductions.h"

namespace purecc {

/// A loop body's element stores that make a map: what checkMap found.
struct MapCheck {
  std::vector<Store> Stores;
  /// The stored-to elements (the stores' targets), which are no reads.
  llvm::SmallPtrSet<const clang::Expr *, 4> Targets;
  /// The containers written, in the order of their first store, and how
  /// remarks name them ("out", "h.v", "g[r]" for a row).
  std::vector<const clang::VarDecl *> Containers;
  std::vector<std::string> Names;
  /// A member container or one the caller lent: shared within this
  /// process only, so never computed by other ranks.
  bool ThisProcessOnly = false;
};

/// Whether L's element stores make a map: Rewritten (and Out filled) when
/// they do, Refused with WhyNot, or NotThisKind when the body stores no
/// element. Beside: references the caller judges itself and the scans of
/// the body leave out (a reduction's accumulators beside the stores,
/// `out[i] = h; s += h;`), or null. Checks only the stores; the caller
/// asks exceptionReason and lastRefusal for the whole loop, and rewrites.
LoopOutcome checkMap(PlanContext &PC, const LoopShape &L,
                     const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                     const EscapeSites &Sites, const llvm::SmallPtrSetImpl<const clang::Expr *> *Beside,
                     MapCheck &Out, std::string &WhyNot);

/// Marks the inner loops that write a row of M's stores (`for (j ...)
/// out[i][j] = ...`) as part of L's rewrite: they run serially inside the
/// row's iteration.
void absorbRowLoops(PlanContext &PC, const LoopShape &L, const MapCheck &M);

/// The "parallel map" remark and dump note of a loop whose stores were
/// judged a map (alone or beside a reduction).
void remarkMap(PlanContext &PC, const LoopShape &L, const MapCheck &M);

/// Escaped: the locals whose address may be used while L runs; Sites: the
/// function's holders.
LoopOutcome planMap(PlanContext &PC, const LoopShape &L,
                    const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                    const EscapeSites &Sites, std::string &WhyNot);

} // namespace purecc
