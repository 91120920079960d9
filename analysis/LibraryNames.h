//===- LibraryNames.h - library calls as the user wrote them --------------===//
//
// The standard library implements its public classes through internal bases
// (std::shared_ptr's operator-> lives in std::__shared_ptr_access<T, _S_atomic>)
// and its public names through aliases of long templates (std::mt19937_64 is
// a std::mersenne_twister_engine<unsigned long, 64, 312, ...>). A diagnostic
// must name what the user wrote, and the table must judge the class the API
// was used through, not the base that happens to implement it.
//
//   const CXXRecordDecl *RD = libraryObjectClass(Parts.Object, Parts.IsArrow);
//   E.Shown = libraryCallName(FD, objectType(Parts.Object, Parts.IsArrow), PP);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/PrettyPrinter.h"

#include <string>

namespace purecc {

/// The static type of the object a member is called on, as written: implicit
/// derived-to-base conversions (into the library's implementation bases) are
/// looked through; through `->` it is the pointee. Null type if no object.
clang::QualType objectType(const clang::Expr *Object, bool IsArrow);

/// A declaration the implementation makes for itself, in its own headers:
/// a reserved name (`_Sp_counted_base`, `__detail::_Hash_node`) or one inside
/// a reserved namespace. A user's header may use the same spellings
/// (`mylib::__impl`); only the implementation's headers count.
bool isReservedDecl(const clang::NamedDecl *D);

/// The class of objectType(), or null.
const clang::CXXRecordDecl *libraryObjectClass(const clang::Expr *Object, bool IsArrow);

/// How a diagnostic names a call into the library, quoted: members through
/// the object's type as written ('std::mt19937_64::discard'), constructors and
/// destructors as "the constructor of 'T'", free functions by their qualified
/// name without deduced template arguments and without namespaces or classes
/// the library reserves for itself ('std::ranges::views::operator|').
/// Object: objectType(), the constructed or the destroyed type; may be null.
/// Call (may be null): the call as written; a C function named through the
/// namespace the user wrote (`std::nextafter`, declared as `::nextafter`)
/// keeps that qualifier.
std::string libraryCallName(const clang::FunctionDecl *FD, clang::QualType Object,
                            const clang::PrintingPolicy &PP,
                            const clang::Expr *Call = nullptr);

} // namespace purecc
