//===- LentContainers.h - maps into a container the caller lent -----------===//
//
// `void fill(std::vector<double> &out, int n) { for (int i = 0; i < n; ++i)
// out[i] = f(i); }`, and `c.out[i] = f(i)` of a `Cfg &c`: the most common
// map of all stores into a container the caller passed by reference. A
// local container is one no other name reaches while the loop runs; a
// lent one may be what the loop reads under another name (`transform(v,
// v)`, a `const P &q` bound to `out[5]`, a `span` over its buffer), so its
// map was refused whatever the loop read (adv90 F2).
//
// A lent container is written safely in parallel when the loop body reads
// no memory another iteration may write:
//  - values (locals, parameters taken by value, the counter) and the
//    element the iteration itself writes (`out[i] = g(out[i])`);
//  - an element, at the same index, of a standard container that owns its
//    elements and is passed by reference (`out[i] = f(in[i])`): two such
//    containers are one (then the element read is the one written, as in
//    `v[i] = g(v[i])`) or apart, never overlapping;
//  - the scalar members of the object a lent member container belongs to
//    (`c.out[i] = f(i) * c.scale`), which lie in the object, not in the
//    container's block;
// and every store into lent containers is at that one index, into
// elements wider than a byte (a byte array may hold any other object).
// Any other read through a pointer, a reference, `this` or of a global
// keeps the loop serial, naming what is read.
//
//   if (isLentReference(X)) ...                       // may be a lent container
//   std::string Why = lentReadsReason(PC, L, Stores, Targets);  // "" when safe
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "MapStores.h"
#include "PlanContext.h"

#include "llvm/ADT/SmallPtrSet.h"

#include <string>
#include <vector>

namespace purecc {

/// Whether VD is a reference through which the caller lends a container:
/// a non-const lvalue reference parameter to a standard container that
/// owns its elements (a map's X), or to a class object (the root of a
/// member container, `c.out`).
bool isLentReference(const clang::VarDecl *VD);

/// Whether S stores into a lent container (X itself, or a member of the
/// object a lent reference names).
bool storesIntoLent(const Store &S);

/// Why the body of L may read what another iteration of a map into lent
/// containers writes, or "" when it reads only what is listed above.
/// Targets holds the stores' targets and the element reads the map already
/// knows to be each iteration's own; Apart the reads of members apart from
/// the written containers (MapMembers.h).
std::string lentReadsReason(PlanContext &PC, const LoopShape &L, const std::vector<Store> &Stores,
                            const llvm::SmallPtrSetImpl<const clang::Expr *> &Targets);

/// The first element the body of map L hands on by reference, of a
/// written container at its store's own index (`v[i]` of `v[i] = g(i) +
/// h(v[i])`, h taking a `const double &`) or a range-for's element taken by
/// reference (`x` of `for (double &x : v)`), when the function given it may
/// use its address (read `(&x)[-1]`: the element another iteration
/// writes; adv97 F7); null when every such element is read as a value, or
/// given to the library or to a function of the program that only reads
/// the object. Any map, lent container or local.
const clang::Expr *elementHandedOn(PlanContext &PC, const LoopShape &L,
                                   const std::vector<Store> &Stores);

} // namespace purecc
