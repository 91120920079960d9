//===- Attributes.h - purecc's attributes and how to query them -----------===//
//
// purecc's attributes, registered as Clang plugin attributes linked into the
// tool (ParsedAttrInfoRegistry), so that Clang knows them: no
// "unknown attribute" warning, and a purecc diagnostic at the attribute when
// it is written on something that is not a function.
//
//   [[pure]] / [[purecc::pure]]   the function must be pure (checked)
//   [[purecc::assume_pure]]       the user vouches for a declaration (trusted)
//   [[purecc::memo]]              memoize the (pure) function's results
//   [[purecc::associative]]       the user promises that the binary function
//                                 (or operator) is associative: a loop that
//                                 folds with it may be split into an ordered
//                                 tree (checked to be pure; never proved
//                                 associative)
//
// Sema turns each into an AnnotateAttr ("purecc::pure", ...) on the
// declaration (or, for a unit that only is checked, into an entry of a
// table beside the AST: keepAttributesAside); the queries below look
// through redeclarations, template patterns and lambda call operators.
//
//   purecc::registerAttributes();           // once, before running Clang
//   if (purecc::isDeclaredPure(FD)) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"

namespace purecc {

enum class PureccAttr { Pure, AssumePure, Memo, Associative };

/// Makes sure the plugin attributes are linked in and registered. Call before
/// constructing any CompilerInstance.
void registerAttributes();

/// For the unit being parsed into Ctx, which only the queries below will
/// ask about its attributes (`purecc check`): keep them in a table of
/// purecc's own instead of on the declarations (Clang then checks those
/// declarations as fast as unannotated ones). Call before parsing; the
/// table lives as long as Ctx. Code that reads the AnnotateAttrs off the
/// declarations itself (codegen) needs them attached: do not call it then.
void keepAttributesAside(clang::ASTContext &Ctx);

/// The annotation string Sema attaches for an attribute ("purecc::pure", ...).
llvm::StringRef annotationName(PureccAttr A);

/// The attribute as written on some declaration of FD (or on the pattern it
/// was instantiated from), or null when it has none.
const clang::AnnotateAttr *findAttr(const clang::FunctionDecl *FD, PureccAttr A);

inline bool isDeclaredPure(const clang::FunctionDecl *FD) {
  return findAttr(FD, PureccAttr::Pure) != nullptr;
}
inline bool isAssumedPure(const clang::FunctionDecl *FD) {
  return findAttr(FD, PureccAttr::AssumePure) != nullptr;
}
inline bool isMemoized(const clang::FunctionDecl *FD) {
  return findAttr(FD, PureccAttr::Memo) != nullptr;
}
inline bool isDeclaredAssociative(const clang::FunctionDecl *FD) {
  return findAttr(FD, PureccAttr::Associative) != nullptr;
}

} // namespace purecc
