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
//    function, `.weakref`, `.weak_definition`, in any case, after a label
//    or a comment, or made by the assembler's macros (adv96 F1).
// The same holds of a global variable: another file's strong definition
// of a weak `const long K = 5;` gives it another value (adv96 F2), so a
// pure function that reads it reads state that is not its own.
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

/// The symbol names an assembler text may make weak, appended to Names:
/// every symbol it names when it mentions `weak` in any case (`.weak a`,
/// `.WEAK a`, `l: .weak a`, `.weakref a, b`, `.irp s,a ... .weak \s`),
/// none otherwise. Over-approximate on purpose: a symbol taken as weak
/// needlessly only makes a function "not judged by its body".
void weakNamesInAssembly(llvm::StringRef Text, std::vector<std::string> &Names);

/// Whether VD, a variable of static storage, is weak: its value here may
/// not be the one the linked program reads.
bool isWeakVariable(const clang::VarDecl *VD);

/// Marks weak every function and global variable of the unit whose symbol
/// (mangled name, or the name of one with C linkage) is in PragmaNames or
/// made weak by an `asm` of the unit. Returns how many declarations it
/// marked.
unsigned markLinkTimeWeak(clang::ASTContext &Ctx, llvm::ArrayRef<std::string> PragmaNames);

} // namespace purecc
