//===- StdComparisons.h - what the standard library compares by itself ---===//
//
// `std::sort(ps.begin(), ps.end())`, `std::max(&a, &b)`, `std::set<T *>`,
// `std::ranges::equal_to{}(p, q)`: the library compares values with its own
// default comparison, in code purecc does not walk (the library's headers).
// When those values are addresses, where objects lie decides the answer,
// which a memo key does not hold (docs/memo.md, "Serialization"; adv53
// t06, t135, t136). A call given a comparison of the program's
// (`std::sort(b, e, [](auto *x, auto *y) { return *x < *y; })`) compares
// in code that is walked, and counts here as no comparison.
//
//   if (auto C = stdComparison(Call, Ctx); C && isAddressLike(C->Values))
//     ... // C->How: Equality or Order
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <optional>

namespace purecc {

/// Pointers, arrays and iterators: values that are addresses.
bool isAddressLike(clang::QualType T);

/// `==`, `!=`, `<`, `>`, `<=`, `>=`, `<=>` as an overloaded operator.
bool isComparisonOperator(clang::OverloadedOperatorKind K);

/// Whether comparing or ranking values of type T with the library's own
/// `==` or `<` compares addresses: T is an address, or a standard pair,
/// tuple, optional, variant, array or container holding one
/// (`std::pair<const long *, long>`, adv54 t04, t05, t08, t23).
bool holdsAddressValues(clang::QualType T);

struct StdComparison {
  /// Equality (`std::find`, `std::equal_to`) tells objects apart; Order
  /// (`std::sort`, `std::less`, `std::max`) and hashing (`std::hash`) also
  /// rank them.
  enum class Kind { Equality, Order };
  Kind How;
  /// The type of the values compared (`const long *` for a
  /// `std::vector<const long *>` sorted).
  clang::QualType Values;
};

/// What a call of a standard function, algorithm object (`std::ranges::sort`)
/// or comparison object (`std::less<T *>{}(p, q)`) compares with the
/// library's own comparison; nullopt when it compares nothing or is given a
/// comparison or projection of the program.
std::optional<StdComparison> stdComparison(const clang::CallExpr *Call, clang::ASTContext &Ctx);

/// What a standard ordered or hashed container or adaptor of type T
/// (`std::set<T *>`, `std::unordered_map<K, V>`, `std::priority_queue`)
/// compares: its keys; nullopt for any other type.
std::optional<StdComparison> containerComparison(clang::QualType T);

/// The values a pointer, iterator or range of type T yields (`*it`); null
/// when T is none of those.
clang::QualType yieldedType(clang::QualType T, clang::ASTContext &Ctx, unsigned Depth = 0);

} // namespace purecc
