//===- ContainerGrowth.h - where a container may move its elements --------===//
//
// A contiguous container (`std::vector`, `std::string`) moves its elements
// to a new buffer when it grows past its capacity. A container a function
// takes by value carries the capacity its caller left, so an address into
// it taken before a growth, compared with one taken after, tells whether
// that capacity was full: something a memo key does not hold (KeyedAccess.h,
// reallocation; adv65 G6).
//
// A growth is any use of a container parameter (by value, or a helper's
// non-const reference) that may change it, except the members that never
// move its elements (`begin`, `data`, `operator[]`, `pop_back`, `erase`,
// `clear`, ...), reading it, and library functions that only read or
// permute its elements (`std::ranges::sort(v)`): `v.push_back(0)`, `v =
// {1, 2}`, `std::back_inserter(v)`, `std::swap(v, w)`, `&v`, `grow(v)`,
// in a lambda too. The container may sit in what the parameter holds (a
// struct's member, a pair, an optional, another container's element: the
// growth is the parameter's), be named through a local reference or
// pointer to it or a structured binding, or be any local container that
// is not known to be the function's own (adv67, adv68): one is when built
// from plain values (no move, no call given one, no lambda's result) and
// never given another object's storage afterwards (receivesStorage: no
// swap in any spelling, no non-const reference or address that may change
// it, no member or operator given an rvalue holding a container). A use
// that keeps a reference (`std::ref(v)`, `&v`, a lambda returning `v&`)
// is a growth anywhere, like a `goto`. The growths that take the storage
// elsewhere (a move, a swap, an exchange, an algorithm given iterators
// into a container of strings) are also kept apart: a short string's
// characters are copied out then, not taken along (transferAcross).
// Whether a comparison sees a growth follows the text, a loop around both
// (the next trip), a lambda (which may run wherever it is called) and
// `goto` (anywhere).
//
//   ContainerGrowth Growth(Ctx);
//   Growth.addBody(FD->getBody());             // each function in turn
//   if (const Expr *G = Growth.heldAcross(Side, V, Use)) ...  // 'v.push_back(0)'
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace purecc {

class ContainerGrowth {
public:
  explicit ContainerGrowth(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Records the growths of the container parameters used in Body (a
  /// function's; the functions it calls are added in turn).
  void addBody(const clang::Stmt *Body);

  /// A growth of C, a container parameter, across which Side, one side of
  /// the comparison Use, may hold an address into C: Side reads a local
  /// declared before the growth (`p0` of `const long *p0 = v.data();
  /// v.push_back(0); p0 == v.data()`, `p0 + 0`, `h.p` of a local struct).
  /// Null when there is none.
  const clang::Expr *heldAcross(const clang::Expr *Side, const clang::ValueDecl *C,
                                const clang::Expr *Use);

  /// The first growth of C that Use may see, for a comparison with an
  /// address whose origin is not known (a member, a pointer a helper was
  /// given); null when there is none.
  const clang::Expr *seenBy(const clang::ValueDecl *C, const clang::Expr *Use);

  /// Whether D may hold storage a caller gave: a parameter that holds a
  /// container (by value, or a helper's non-const reference), or a local
  /// that took one's storage (moved from it, swapped with it, assigned
  /// from `std::move(v)` or `std::exchange(v, {})`).
  bool holdsCallersStorage(const clang::ValueDecl *D) const;

  /// A move, swap or exchange that takes C's storage elsewhere (`std::
  /// string t = std::move(s)`, `u.swap(s)`, `u = std::move(s)`) across
  /// which Holder, a local read at Use, may hold an address into C:
  /// declared before it, with it before Use (or in a loop or lambda).
  /// Null when there is none.
  const clang::Expr *transferAcross(const clang::VarDecl *Holder, const clang::ValueDecl *C,
                                    const clang::Expr *Use);

  /// The containers whose storage some code takes elsewhere (a move, a
  /// swap, an exchange), in the order they are declared.
  llvm::SmallVector<const clang::ValueDecl *, 4> transferredContainers() const;

private:
  bool mayBeGrown(const clang::ValueDecl *D) const;
  bool receivesStorage(const clang::DeclRefExpr *DRE, const clang::Expr *&Giver);
  std::optional<bool> memberReceives(const clang::MemberExpr *ME, const clang::Stmt *&Child,
                                     const clang::Expr *&Giver);
  void noteTakenStorage(const clang::Stmt *S);
  void propagateTakenStorage();
  bool isTransfer(const clang::Expr *Growth, const clang::Expr *Use) const;
  const clang::Expr *growthAt(const clang::Expr *E);
  const clang::Expr *growthThroughPointer(const clang::DeclRefExpr *DRE);
  const clang::Expr *growthThroughMember(const clang::MemberExpr *ME);
  void note(const clang::Stmt *S);
  void noteAliases(const clang::Stmt *S);
  bool across(const clang::VarDecl *V, const clang::Expr *G, const clang::Expr *Use);
  bool before(const clang::Expr *A, const clang::Expr *B) const;
  bool insideLambda(const clang::Stmt *S);
  const clang::Stmt *parentOf(const clang::Stmt *S);
  const clang::Stmt *enclosingLoop(const clang::Stmt *S);
  bool sharesLoop(const clang::Stmt *A, const clang::Stmt *B);

  clang::ASTContext &Ctx;
  /// Local references and pointers to a container (or to what holds one):
  /// their uses are the container's.
  struct Alias {
    const clang::ValueDecl *Of;
    bool Pointer;
  };
  llvm::DenseMap<const clang::ValueDecl *, Alias> Aliases;
  /// The uses that may grow each container parameter.
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<const clang::Expr *, 2>> Grown;
  /// Of those, the ones that take its storage elsewhere (isTransfer).
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<const clang::Expr *, 2>> Transferred;
  /// Locals that took another object's storage (noteTakenStorage).
  llvm::SmallPtrSet<const clang::VarDecl *, 4> TakenStorage;
  /// Pairs of locals whose storage may pass between them (a swap, a move
  /// from one into the other): one is taken if the other is.
  llvm::SmallVector<std::pair<const clang::VarDecl *, const clang::VarDecl *>, 4> SharedStorage;
  /// The containers grown in a function with a `goto`, where any growth
  /// may come before any use, or through something that keeps a
  /// reference to them (`std::ref(v)`, `&v`, a lambda returning `v&`):
  /// grown wherever that is used.
  llvm::SmallPtrSet<const clang::ValueDecl *, 4> GrownAnywhere;
  /// The growths that are such a keeping (growthAt).
  llvm::SmallPtrSet<const clang::Expr *, 4> Keeping;
};

} // namespace purecc
