//===- ConstIndirection.h - what a const global refers to ------------------===//
//
// `const long &r = g;`, `long *const p = &g;`, `const std::span<long> s(v);`,
// `const std::string_view sv(buf, 3);`, `const std::shared_ptr<long> sp;`:
// the global is `const`, what it designates is not. Reading `r`, `*p`,
// `s[0]`, `sv[0]` or `*sp` reads memory that the program may change between
// two calls (const is shallow), so R2 judges such a read by the target, not
// by the global's own constness.
//
// The target is known from the global's initializer:
//
//  * a constant initializer (what `constexpr`, `long *const p = &g;` and
//    `const std::string_view sv = "abc";` have) is evaluated, and every
//    address in its value is looked at: a `const` object with static
//    storage, a string literal or a const temporary is a constant; a
//    mutable global is named;
//  * a dynamic initializer (`const std::span<long> s(v);`) is a constant
//    only when it names no mutable global and allocates nothing, in what
//    it runs: the bodies of the program's functions it calls or hands to
//    the library (lambdas, functions named as values), constructors'
//    initializers, default member initializers and default arguments, the
//    default constructors of the program's classes the library makes. A
//    `new`, a library call that is not `constexpr` (`std::make_shared`,
//    `std::getenv`; the library's owning containers excepted: they keep
//    copies), a virtual call, a function with no body here, or an address
//    made from a number may hand out memory anyone can write.
//
// A global whose type cannot designate other memory (a scalar, an owning
// container of values, `const std::vector<long>`) is a constant whatever
// its initializer says: reading it reads its own copy.
//
// Depends on: rules/GlobalRead.h (isMutableGlobal), Stdlib.h (the library's
// pointer-like classes).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace purecc {

/// What a `const` global (or static member, or static local) designates.
struct DesignatedTarget {
  enum Kind : unsigned char {
    Constant,      // nothing, or memory that cannot change
    MutableGlobal, // the mutable global `Global`
    Unknown,       // memory purecc cannot name: allocated, or handed out by a call
  };
  Kind K = Constant;
  const clang::VarDecl *Global = nullptr;
};

/// Whether a value of type T may designate memory other than its own:
/// references, data pointers, pointer-like and reference-holding classes,
/// `std::string_view`, smart pointers, and classes, arrays and standard
/// templates that hold one.
bool mayDesignate(clang::QualType T);

/// What VD, a variable with static storage that is not itself mutable,
/// designates.
DesignatedTarget designatedBy(const clang::VarDecl *VD, const clang::ASTContext &Ctx);

/// The variable with static storage at the bottom of an expression's
/// member, subscript, `*`, call-object and pointer-arithmetic chain
/// (`GS[0]`, `*GP`, `GH.r`, `std::get<0>(GT)`, `*(GP + 1)`), and whether
/// the chain goes through what it designates: a `*`, `->`, a reference
/// (variable or member), a subscript of a pointer, or a call returning a
/// reference. `GH.n` or `GA[1]` of an array reads the global's own storage.
/// A structured binding at the bottom (`*sp` of `const auto [sp] = H{&g};`)
/// is resolved to the variable it belongs to, and named in Binding.
struct GlobalRoot {
  const clang::VarDecl *Global = nullptr;
  bool Indirect = false;
  const clang::BindingDecl *Binding = nullptr;
};
GlobalRoot rootGlobal(const clang::Expr *E);

} // namespace purecc
