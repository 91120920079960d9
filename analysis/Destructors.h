//===- Destructors.h - what destroying an object runs ---------------------===//
//
// Destroying an object runs code no expression names: the destructor of its
// class, and after that destructor's body the destructors of its members and
// bases ([class.dtor]/13). The checker (ImpureCall), the may-throw fact
// (MayThrow), the user code a library call runs (LibraryRuns) and codegen's
// no-return fact (NoReturn) all ask the same two questions; they are
// answered here, once, so that they agree.
//
// Variant members are never destroyed implicitly: a class holding
// `union { char d; std::string s; };` (tl::optional<std::string>'s and
// tl::expected<T, std::string>'s storage) destroys `s` itself, in its
// destructor's body, when `s` is the active member. The anonymous union's
// own destructor is deleted and never runs, so it is no call at all (adv123:
// it was reported as "calls '(anonymous union)::~(anonymous union)', which is
// not pure"). A named union member's destructor does run (a user-written
// `~U()` is called; a deleted one makes the class's destructor deleted).
//
//===----------------------------------------------------------------------===//
#ifndef PURECC_ANALYSIS_DESTRUCTORS_H
#define PURECC_ANALYSIS_DESTRUCTORS_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace purecc {

/// The destructor an object of type \p T (or an array of it) runs, if any:
/// null for a reference, a dependent type, a type that is not a class, an
/// incomplete class, or one whose destructor is trivial.
const clang::CXXDestructorDecl *destructorOf(clang::QualType T);

/// The types whose destructors a destructor of \p RD runs after its body,
/// in the order they run: its non-static data members, last declared first
/// (an anonymous union, whose members are variant members, is left out),
/// then its direct non-virtual bases, last first, then its virtual bases.
/// Members of reference type and trivially destructible ones are listed too:
/// pass each to destructorOf. Empty for a class without a definition.
///
///   for (clang::QualType T : destroyedAfterBody(Dtor->getParent()))
///     if (const clang::CXXDestructorDecl *D = destructorOf(T)) visit(D, T);
llvm::SmallVector<clang::QualType, 8> destroyedAfterBody(const clang::CXXRecordDecl *RD);

} // namespace purecc

#endif
