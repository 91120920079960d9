//===- MapRefusals.h - why an element store is no map's -------------------===//
//
// The reasons a store, whatever else holds, keeps its loop from being a
// map, each named as the user wrote the store: a container reached through
// a pointer (which container it is is not followed), rows that do not own
// their elements (two rows may share storage), a keyed table whose
// `operator[]` may insert, an accumulation into an element at a constant
// index (`vv[0] += heavy(i)`: a reduction's shape, not a map's), and the
// user's assignment operator on the elements (the element's address is
// handed to code that may keep it).
//
//   if (std::string Why = rowReason(PC, X, S.Rows); !Why.empty()) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Escapes.h"
#include "MapStores.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace purecc {

/// Why the container an element store reaches through a pointer (`(*po)[i]`,
/// `(*rows[i])[j]`) is not known to be one the loop does not otherwise
/// read, or empty when Base is no dereference.
std::string throughPointerReason(PlanContext &PC, const clang::Expr *Target,
                                 const clang::Expr *Base);

/// Why the rows an element store goes through may not be objects of their
/// own, or empty: a row must be an array or an owning standard container
/// (`std::vector<std::vector<double>>`, `double[N][M]`); a pointer or a
/// view (`std::vector<double *>`, `std::vector<std::span<double>>`) may
/// refer to another row's storage, so two iterations may write one element.
std::string rowReason(PlanContext &PC, const clang::VarDecl *X,
                      llvm::ArrayRef<const clang::Expr *> Rows);

/// The standard keyed table T is (`std::map`, `std::unordered_map`), as
/// the user names it; empty for anything else. Its `operator[]` is a
/// search that may insert, not an element of a fixed sequence.
std::string keyedTable(clang::QualType T);

/// `vv[0] += heavy(i)` on a `std::vector` (adv20 F-R5): the user wrote an
/// accumulation, not a map, into an element at a constant index of a
/// container whose elements a reduction does not take as accumulators
/// (Places.h: only a fixed array's or a 'std::array''s, whose element at a
/// constant index is a part of the object fixed by its type); empty for
/// any other store.
std::string fixedElementAccumulation(PlanContext &PC, const Store &S);

/// The user's assignment operator that the loop's stores call on X's
/// elements (`out[i] = make(i)` with a user-written `P::operator=`), when
/// those calls are all the escapes of X that count for the loop: the
/// element's address is handed to code that may keep it, which is the
/// true reason, not an escape elsewhere.
const clang::CXXMethodDecl *storeOperator(PlanContext &PC, const LoopShape &L,
                                          const clang::VarDecl *X,
                                          const std::vector<Store> &Stores,
                                          const EscapeSites &Sites);

} // namespace purecc
