//===- Stdlib.h - judging standard library calls at the API level ---------===//
//
// purecc never descends into libstdc++'s bodies (that would be slow and
// would judge implementation details rather than the contract). A call into
// the library is judged from the table in StdlibPurity.def, and from the
// types involved: a non-const member of a value class writes its object.
//
//   if (isLibraryFunction(FD, SM)) {
//     LibraryVerdict V = judgeLibraryCall(FD, ObjectClass);
//     if (V.Kind == LibraryKind::Impure) ... V.Reason ...
//   }
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"

#include <string>

namespace purecc {

enum class LibraryKind {
  Pure,         // reads its arguments; writes only non-const reference args
  ValueMember,  // member of a value class: a non-const one writes its object
  MutatesRange, // also writes through its iterator/pointer arguments
  Impure,       // known impure; Reason says why
  Unknown,      // not in the table: not known to be pure
};

struct LibraryVerdict {
  LibraryKind Kind = LibraryKind::Unknown;
  const char *Reason = nullptr;
};

/// A function judged only by the table: declared in namespace std (or
/// libstdc++'s __gnu_cxx), or a C library function from a system header.
bool isLibraryFunction(const clang::FunctionDecl *FD, const clang::SourceManager &SM);

/// ObjectClass: the static type of the object a member is called on, if any.
LibraryVerdict judgeLibraryCall(const clang::FunctionDecl *FD,
                                const clang::CXXRecordDecl *ObjectClass);

/// The name the table uses: qualified, no template arguments, no inline
/// namespaces ("std::vector::push_back").
std::string tableName(const clang::NamedDecl *D);

/// A library function that only hands back the address of (or a reference
/// to) its argument: std::ref, std::cref, std::addressof, std::as_const,
/// std::move, std::forward. It neither reads nor writes it; what is done
/// through the result is judged where it is done.
bool isAddressOnly(const clang::FunctionDecl *FD);

/// A class value that designates other memory: pointers, iterators, spans.
bool isPointerLike(clang::QualType T);
/// A pointer-like value that cannot be written through: a pointer to const,
/// or an iterator whose operator* yields a const reference or a value
/// (std::vector<T>::const_iterator). Library algorithms that write through
/// their iterators cannot write through these.
bool isReadOnlyIterator(clang::QualType T);
/// std::basic_ostream, std::basic_istream and their relatives.
bool isStreamType(clang::QualType T);
/// A class derived from std::exception.
bool isStdExceptionClass(const clang::CXXRecordDecl *RD);
/// std::atomic, std::atomic_ref, std::atomic_flag (or a C _Atomic type).
bool isAtomicType(clang::QualType T);
/// std::function / std::move_only_function: calls through it are indirect.
bool isFunctionWrapper(clang::QualType T);

} // namespace purecc
