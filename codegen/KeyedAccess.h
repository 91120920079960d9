//===- KeyedAccess.h - what a memoized function sees beyond its key -------===//
//
// A memo key holds the values of a call's arguments: a view's characters, a
// referenced argument's value. A memoized function must compute only from
// those. The ways its code can see more, all refused (docs/memo.md,
// "Serialization"):
//
//  - past-view: it uses a view argument (`std::string_view`, and any view
//    or span made from it) in a way that can reach past the view's
//    elements: `std::data(s)[s.size()]`, `*std::end(s)`, `&s[n - 1] + 1`,
//    a `std::span` or a helper given `&s[0]`, the address of a range-for
//    element (adv52 t02-t04, t07, t107-t110). The check is a list of the
//    uses that stay within the elements (size, comparisons, `s[i]` read as
//    a value, `substr`, a range-for by value, passing it to a function of
//    the program, which is checked in turn); any other use is refused.
//  - argument-identity: it compares or subtracts addresses that may lie in
//    different referenced arguments (`&a == &b`, `&b - &a`, adv52 t120,
//    t121), which `f(x, x)` and `f(x, y)` with equal values tell apart.
//    Addresses are traced to the variables they point into; two that point
//    into the same one (a loop's `p != v.data() + n`) are fine.
//  - reallocation: it compares addresses into a container taken by value
//    that it also grows (`p0 == v.data()` around `v.push_back(0)`), which
//    tells whether the capacity the caller left was full (adv65 G6). What
//    counts as a growth, and when a comparison sees one: ContainerGrowth.h.
//  - in-place: it compares an address into a string argument's characters
//    with the string object's own address (`s.data() >= (const char
//    *)&s`), which tells whether they are kept inside the object: a short
//    string's are unless its caller gave it capacity.
//  - moved-out: it uses an address into a string argument's characters
//    (`p0`, a view `sv`) after moving, swapping or exchanging them out
//    (`std::string t = std::move(s)`, `u.swap(s)`): a buffer its caller
//    gave capacity goes along, a short string's characters are copied
//    out and the old string cleared (adv67 F6).
//  - null-buffer: it tests whether an address into a vector its caller
//    filled is null (`v.data() == nullptr`, `if (p)`), which for an empty
//    one tells whether the caller gave it capacity (`reserve`): the key
//    holds no elements either way.
//    So does comparing it with an address into another object
//    (buffer-identity: `v.data() == w.data()`, both null when empty).
//
//   if (auto P = keyedAccessProblem(F.Code, FD, Ctx))
//     report(P->At, ...);   // P->What, P->Use ("std::data(s)")
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>

namespace purecc {

struct KeyedAccessProblem {
  enum class Kind { PastView, ArgumentIdentity, Reallocation, NullBuffer, BufferIdentity, InPlace, MovedOut };
  Kind What;
  /// The expression that reaches past a view (`std::data(s)`), or the
  /// comparison of addresses (`&a == &b`).
  const clang::Expr *At;
  /// past-view: the view as the code names it (`s`, a copy `t`, a
  /// range-for element `c`); reallocation: the call that may move the
  /// container's elements (`v.push_back(0)`); null-buffer: the address
  /// tested (`v.data()`); moved-out: the move, swap or exchange.
  const clang::Expr *View = nullptr;
  /// reallocation: the container (or what holds it) whose elements move.
  const clang::ValueDecl *Container = nullptr;
};

/// The first place where the user code a memoized function reaches (Code:
/// its own body first, then the functions it calls, as Fingerprint::Code
/// lists them) sees what its key does not hold; nullopt when there is none.
/// The past-view rule applies when a parameter of Memoized holds a view
/// (`std::string_view`, `std::vector<std::string_view>`), the
/// argument-identity rule when one is a reference or a view.
std::optional<KeyedAccessProblem>
keyedAccessProblem(llvm::ArrayRef<const clang::FunctionDecl *> Code,
                   const clang::FunctionDecl *Memoized, clang::ASTContext &Ctx);

} // namespace purecc
