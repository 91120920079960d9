//===- WeakSymbols.h - weak spellings that Clang does not apply -----------===//
//
// A weak definition is one a strong definition in another file replaces at
// link time, so its body here is not the code that runs (Fixpoint.h,
// replaceableAtLinkTime). g++ makes a symbol weak from spellings Clang,
// which purecc checks with, does not apply to the declaration:
//  - `#pragma weak _Z4kernl`, naming a C++ function by its mangled name
//    (Clang looks the name up as an identifier, finds nothing and only
//    warns "weak identifier never declared");
//  - an assembler directive, `asm(".weak _Z4kernl");` at file scope or in a
//    function, `.weakref`, `.weak_definition`.
// adv94 F1: either made a [[pure]] callee of a memoized function weak; a
// strong definition in another file replaced it, and the memo answered from
// an entry of the old body.
//
// markLinkTimeWeak gives each function so named an implicit weak attribute
// before the unit is checked, so that every later step sees it as written
// with `__attribute__((weak))`.
//
//   markLinkTimeWeak(Ctx, NamesOfPragmaWeak);  // Sema::WeakUndeclaredIdentifiers
//   ... verifyPurity(Ctx, ...)   // kern: "is a weak definition"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace purecc {

/// The symbol names an assembler text makes weak (`.weak a, b`, `.weakref
/// a, b` makes `a` weak, `.weak_definition a`), appended to Names.
void weakNamesInAssembly(llvm::StringRef Text, std::vector<std::string> &Names);

/// Marks weak every function of the unit whose symbol (mangled name, or
/// the name of a function with C linkage) is in PragmaNames or made weak by
/// an `asm` of the unit. Returns how many declarations it marked.
unsigned markLinkTimeWeak(clang::ASTContext &Ctx, llvm::ArrayRef<std::string> PragmaNames);

} // namespace purecc
