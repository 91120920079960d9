//===- ConstFixIt.h - would adding 'const' keep the function compiling? ---===//
//
// purecc-param-indirection and purecc-nonconst-member offer a fix-it that
// inserts `const` (`const Node *list`, `int f() const`) when the function
// only reads through the parameter or the object. "Writes nothing" is not
// enough for the fix-it: a body that hands the pointer on to something
// typed non-const compiles today and not after the fix
// (adv75 F1, F2, from TheAlgorithms/C-Plus-Plus):
//
//   [[pure]] std::string sig2hex(void *sig) {
//     auto *b = static_cast<uint8_t *>(sig);   // casts away 'const'
//   [[pure]] bool contains(Node *list, int key) {
//     Node *p = list;                          // 'const Node *' to 'Node *'
//
// So the fix-it is offered only when every use of the parameter (or of
// `this`) is one that a `const` pointee accepts: a read of the object or of
// a member, a call of a `const` member, an argument whose parameter is
// by value or to const, a comparison, pointer arithmetic whose result is
// used the same way, a cast to a pointer to const, a new value assigned to
// the pointer parameter itself. Anything else (a copy into a non-const
// pointer, a binding to a non-const reference, a capture, a use this list
// does not know) gets the error without the fix-it: the fix-it must never
// break the build.
//
//   if (constKeepsCompiling(Param, Ctx)) ... // offer `const `
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

namespace purecc {

/// Whether \p P, a parameter of type `T&` or `T*` of a function with a body,
/// may become `const T&` / `const T*` with the body still compiling.
bool constKeepsCompiling(const clang::ParmVarDecl *P, clang::ASTContext &Ctx);

/// Whether \p MD, a member function with a body, may be declared `const`
/// with the body still compiling.
bool constMemberKeepsCompiling(const clang::CXXMethodDecl *MD, clang::ASTContext &Ctx);

} // namespace purecc
