//===- AddressTypes.h - can a value of this type carry an address? --------===//
//
// Escapes.cpp follows every use of a local outwards until the value can no
// longer lead back into the local's storage. Whether it still can depends on
// the value's type alone: a pointer or reference can, and so can a class
// with one among its members or bases (a view, an iterator, a closure
// capturing by reference, `struct { int &r; }`). An owning standard
// container, string, pair, tuple or optional can only when its element
// types can: its own buffer is no one else's, so copying `v[i]` out of a
// `std::vector<int>` ends the trail, while `std::vector<int *>` keeps it.
//
//   AddressTypes Types;
//   if (Types.mayHold(VD->getType())) ... // VD may become a holder
//   if (inStd(Callee)) ...                 // trusted to keep no address
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"

namespace purecc {

/// Whether D is declared in namespace std or one nested in it (std::ranges,
/// std::views), or in libstdc++'s extension namespace: the standard library
/// keeps an argument's address only in what it returns, constructs, or is
/// called on.
bool inStd(const clang::Decl *D);

/// Whether a value of a type may hold an address (see the file comment).
/// Answers are memoized per class, so keep one object per analysis.
class AddressTypes {
public:
  bool mayHold(clang::QualType T);

private:
  bool recordMayHold(const clang::CXXRecordDecl *RD);
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> Memo;
};

} // namespace purecc
