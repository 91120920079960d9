//===- AddressRoots.h - the variables an address points into -------------===//
//
// An address (a pointer, an iterator, a reference, a view) is traced back to
// the variables it points into, its roots: `&a[i] + 1` into 'a', `v.data()`
// into 'v', a local pointer `p` into whatever its initializer and every
// assignment to it point into. A trace that meets an address it does not
// follow says Unknown: one a function of the program returns, one read
// from memory (a member, an element, what a reference refers to: whoever
// stored it there chose where it points), a local assigned where the trace
// does not look (through its address, or bound to a non-const reference).
//
// Used by the memo key check (two addresses that may lie in different
// referenced arguments, KeyedAccess.h) and by the map over a by-value
// parameter (an address that cannot point into the storage a caller gave
// up, transforms/Maps.cpp).
//
//   AddressRoots Trace(Ctx);
//   Trace.addBody(FD->getBody());    // each function whose assignments count
//   Roots R = Trace.of(E);           // R.Decls, R.Nothing, R.Unknown
//
//===----------------------------------------------------------------------===//
#pragma once

#include "AddressTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace purecc {

/// `std::basic_string_view<C>` or `std::span<T, N>`: a class that refers to
/// elements it does not own, which may continue past its end.
bool isView(clang::QualType T);

/// The variables an address points into.
struct Roots {
  /// The variables: an object (`a` of `&a[i]`), or a parameter or global
  /// that holds an address itself (where it points is its caller's or
  /// anyone's choice).
  llvm::SmallPtrSet<const clang::ValueDecl *, 4> Decls;
  /// A null pointer or a literal (a string literal, a number): no object
  /// at all, or none of the program's variables (`new long[8]`).
  bool Nothing = false;
  /// From somewhere this trace does not follow (a call of the program,
  /// `this`, memory).
  bool Unknown = false;
  void add(const Roots &R) {
    Decls.insert(R.Decls.begin(), R.Decls.end());
    Unknown |= R.Unknown;
  }
};

class AddressRoots {
public:
  explicit AddressRoots(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Records the assignments in Body (and the variables it may assign out
  /// of sight): a local's roots are those of all its values.
  void addBody(const clang::Stmt *Body);

  /// The roots of the address E evaluates to.
  Roots of(const clang::Expr *E) { return roots(E, 0); }
  /// The roots of what the variable VD (a pointer, a reference) refers to.
  Roots ofVariable(const clang::VarDecl *VD) { return variable(VD, 0); }

  /// Whether a body added converts a pointer to `void *` or to a pointer
  /// to what may hold an address, or constructs with placement `new`:
  /// storage of numbers may then hold an address's bytes.
  bool retypesStorage() const { return RetypesStorage; }

  /// A variable that stands for an address (a pointer, a reference, an
  /// iterator, a view) rather than an object of its own.
  static bool refersElsewhere(const clang::VarDecl *VD);

private:
  Roots roots(const clang::Expr *E, unsigned Depth);
  Roots variable(const clang::VarDecl *VD, unsigned Depth);
  Roots libraryCall(const clang::CallExpr *Call, unsigned First, unsigned Depth);
  Roots intoObject(const clang::Expr *O, unsigned Depth);
  static bool ownsWhatItHandsOut(clang::QualType T);
  static bool readsStoredAddress(const clang::Expr *E);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<const clang::Expr *, 2>> Assigned;
  /// Variables that may be assigned through an address or a reference.
  llvm::SmallPtrSet<const clang::VarDecl *, 4> Opaque;
  /// The variables being traced (a cycle of assignments ends in them).
  llvm::SmallPtrSet<const clang::VarDecl *, 8> Tracing;
  AddressTypes Types;
  bool RetypesStorage = false;
};

} // namespace purecc
