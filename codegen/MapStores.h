//===- MapStores.h - the element stores a map's loop body makes -----------===//
//
// A map is recognized by its stores: every assignment in the loop body
// (outside lambdas) whose target is an element of a container, `X[i] = ...`
// (also `X[i].x`, `std::get<1>(X[i])`: a part of the element), a row
// element `X[i][j]`, the range-for's reference variable `x = ...` or a
// structured binding of it, or an element of a container reached through
// members (`h.v[i]`, MapMembers.h). Each store records its container, its
// index and whether that index is injective in the counter (`i`,
// `n - 1 - i`, `2 * i + 1`), the rows on the way and, when the store can be
// no map's whatever else holds, the reason (MapRefusals.h). Which stores
// make a map, and what else the body may read, is Maps.cpp's question.
//
//   for (const Store &S : findStores(PC, L)) ... S.Container, S.Index ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "Places.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>
#include <vector>

namespace purecc {

/// An element store `X[i] = ...` (or `x = ...` through a range-for reference).
struct Store {
  Store(const clang::Expr *Target, const clang::VarDecl *Container, bool DistinctIndex,
        const clang::Expr *Index = nullptr)
      : Target(Target), Container(Container), DistinctIndex(DistinctIndex), Index(Index) {}
  const clang::Expr *Target;       // the whole left-hand side
  const clang::VarDecl *Container; // X (or the range); for a member container, its root
  /// A container reached through members (`h.v[i] = ...`): its path from
  /// Container (".v"; empty for X itself), its name ("h.v") and type.
  std::string Path, Name;
  clang::QualType Type;
  std::optional<MemberPath> Member;
  bool DistinctIndex;       // indexed by an injective function of the counter
  const clang::Expr *Index = nullptr; // the index written (counted loops)
  /// The loop-invariant parts of Index (`n - 1` in `X[n - 1 - i]`).
  llvm::SmallVector<const clang::Expr *, 2> Invariants;
  /// Why an index of the counter is not known to be injective, if it is not.
  std::string WhyNotDistinct;
  /// A store into a row, `out[i][j]` or `a[i][j][k]`: Index picks the row
  /// (`out[i]`), which no other iteration touches when Index is injective;
  /// these inner indexes (any expressions) pick the element inside it, and
  /// the row's elements are written serially by its own iteration. Empty
  /// for a store into an element of X itself.
  llvm::SmallVector<const clang::Expr *, 2> InnerIndexes;
  /// The rows on the way to the element (`out[i]`, then `out[i][j]` of a
  /// 3-D store), outermost first: each must be an object of its own.
  llvm::SmallVector<const clang::Expr *, 2> Rows;
  /// The one row of X that an inner loop writes (`g[i]` of `g[i][j]` in
  /// the loop over j, i the same in every iteration): Index then picks the
  /// element of that row, InnerIndexes and Rows go on from it. Null for a
  /// store whose Index picks an element of X itself.
  const clang::Expr *Row = nullptr;
  /// The inner range-for over the row that writes it (`for (auto &x :
  /// row)`), part of the map like an inner counted loop.
  const clang::CXXForRangeStmt *RowLoop = nullptr;
  /// Why a store the loop makes cannot be a map's, whatever else holds (a
  /// container reached through a pointer); empty for the others.
  std::string Refusal;
};

/// The type of the container S writes, and how a remark names it.
clang::QualType containerType(const Store &S);
std::string containerName(const Store &S);

/// An element reached by subscripts from a named container: `X[a]`, or
/// `X[a][b]...` through rows of X. Index is the outermost subscript (`a`),
/// Inner the inner subscripts, outermost first, and Rows the rows on the
/// way (`X[a]`, `X[a][b]`, ...).
struct ElementPath {
  const clang::VarDecl *Container = nullptr;
  /// A container reached through members (`h.v[i]`, `v[i]` of a member):
  /// the path (Places.h); Container is its root, null for '*this'.
  std::optional<MemberPath> Member;
  const clang::Expr *Index = nullptr;
  llvm::SmallVector<const clang::Expr *, 2> Inner, Rows;
  /// The base when it is no named container: `*po` of `(*po)[i]`.
  const clang::Expr *Unnamed = nullptr;
};

/// The element path of E when E is an element reached by subscripts, or
/// nullopt.
std::optional<ElementPath> elementPath(const clang::Expr *E);

/// An index `K * i + o` of the counter I (also `i * K`, `K * i - o`,
/// `o + K * i`) with constants K >= 2 and o. Stores at `K * i + o1`, ...,
/// `K * i + on` with offsets that span less than K give each iteration
/// elements of its own (user49 f16: xyz triples in one flat array,
/// `c[3 * i + 1]`), as long as the product cannot wrap around onto another
/// iteration's element: its type is signed (an overflow would be
/// undefined), or I is narrower than it by enough bits that K times a
/// difference of two of I's values stays below 2^W, or it is a 64-bit
/// unsigned product of a counter taking Consecutive values and K < 64:
/// two iterations meet only 2^58 iterations apart, each writing an element
/// of its own before, an array no 64-bit address space holds (a
/// `std::size_t i`; a narrower unsigned product, `unsigned i`, does wrap
/// onto real elements and is refused).
struct Interleaving {
  std::int64_t Factor, Offset;
};
std::optional<Interleaving> interleavedIndex(clang::ASTContext &Ctx, const clang::Expr *Index,
                                             const clang::VarDecl *I, bool Consecutive);

/// The element stores of L's body, in the order they are written.
std::vector<Store> findStores(PlanContext &PC, const LoopShape &L);

} // namespace purecc
