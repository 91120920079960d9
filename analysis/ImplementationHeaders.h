//===- ImplementationHeaders.h - the compiler's own library, by directory -===//
//
// Several questions hang on whether a declaration is the implementation's:
// libstdc++ or libc++, the C library, or the compiler's resource headers.
// Its calls are judged by the table (StdlibPurity.def), not by their bodies;
// the memo fingerprint leaves its bodies to the compiler's version; its
// internal names (`std::__detail`, `__normal_iterator`) are not shown to the
// user. Spellings cannot decide it: a user library may say
// `namespace mylib { namespace __impl {...} }` or `inline long __twice(long)`,
// and "a system header" cannot either: CMake passes every imported target's
// include directory as `-isystem`, and any header may say
// `#pragma GCC system_header`. So the answer is the header's DIRECTORY, as the
// driver set up the search path:
//
//  * clang's resource directory (`<resource-dir>/include`);
//  * the C library's directories (the driver's `-internal-externc-isystem`:
//    `/usr/include`, `/usr/include/<triple>`);
//  * the C++ library's directories: a system directory that ends in
//    `c++/<version>` (libstdc++'s `include/c++/12` and
//    `include/<triple>/c++/12`, libc++'s `include/c++/v1`) or in
//    `c++/<version>/backward`.
//
// A header belongs to the deepest search directory it lies under, so a user's
// `-isystem /usr/include/eigen3` is the user's although `/usr/include` is the
// C library's. The answer is cached per file.
//
//   ImplementationScope Scope(CI.getSourceManager(), CI.getHeaderSearchOpts());
//   ... isImplementationDecl(D) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/HeaderSearchOptions.h"

namespace purecc {

/// Makes the unit's include directories known to the predicates below for as
/// long as it lives (one per unit: the frontend action holds it).
class ImplementationScope {
public:
  ImplementationScope(const clang::SourceManager &SM, const clang::HeaderSearchOptions &HSO);
  ~ImplementationScope();
  ImplementationScope(const ImplementationScope &) = delete;
  ImplementationScope &operator=(const ImplementationScope &) = delete;

private:
  const clang::SourceManager &SM;
};

/// Whether Loc (its expansion) lies in a header of the implementation. A unit
/// without an ImplementationScope (none in purecc itself) falls back to
/// "a system header".
bool isImplementationHeader(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// Whether D is declared in a header of the implementation.
bool isImplementationDecl(const clang::Decl *D);

} // namespace purecc
