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
// pointer to it, or be a local moved from it (adv67). Whether a comparison
// sees a growth follows the text, a
// loop around both (the next trip), a lambda (which may run wherever it is
// called) and `goto` (anywhere).
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

private:
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
  /// The containers grown in a function with a `goto`, where any growth
  /// may come before any use.
  llvm::SmallPtrSet<const clang::ValueDecl *, 4> GrownWithGoto;
};

} // namespace purecc
