//===- SizeLimit.h - can a count given to a container pass max_size()? ----===//
//
// A standard container asked to hold more than max_size() elements throws
// std::length_error. Growing one by appending (`push_back`, `+=`, insert of
// a range, a copy of an existing container) cannot get there: memory runs
// out first (std::bad_alloc, exempt as `errno` is; analysis/MayThrow.h).
// A count or a size the program computes and passes can:
//
//   std::vector<long> v((std::size_t)(a - b));   // a < b: ~2^64 elements
//   std::string pad(want - have, ' ');          // want < have: the same
//
// throws at once, deterministically, on the value alone, and the serial
// program stops there: a loop or a later call it never reaches must not
// run (docs/codegen.md, "Speculation"). So a call of a function listed
// as taking a size (analysis/StdlibPurity.def, PURECC_STD_SIZE:
// the constructors with a count, reserve, resize, assign(n, x),
// insert(pos, n, x), append(n, c), replace(.., n, c)) may throw unless each
// count it is given is known to be small: an upper bound of its value is
// found, and it is below max_size() for the element's size. The bounds
// known:
//
//   a constant                     its value
//   an unsigned type of w < 64 bits 2^w - 1 (`(unsigned)d`, a `uint32_t`)
//   `c.size()`, `c.length()` of a  what memory can hold: 2^51 / sizeof of
//     container that owns its       an element (an existing container's
//     elements                      size; 2^51 bits for vector<bool>)
//   `a + b`, `a * b`, `c ? a : b`  from the operands' bounds
//   `a % b`, `a / b`, `a >> b`      below b, at most a (unsigned)
//   `a & b`                        the smaller bound (a value with one is
//                                  not negative: `len & 1023`)
//   a local `const` variable       its initializer's bound
//
// A signed value converted to the count's unsigned type has none, unless
// it is one of the above that cannot be negative (`i % 2 ? 4 : 5`): it
// wraps below zero (`v.resize(n)` with `long n = -1`).
//
// The same holds for the counts of an allocation that are not a
// container's size: `new T[n]` (the compiler's check), `std::make_unique<
// T[]>(n)`, `std::make_shared<T[]>(n)`, `std::allocator<T>::allocate(n)`,
// and an unordered container's bucket count (its constructor, `reserve`,
// `rehash`): past the limit each throws at once (adv24 H1):
// std::bad_array_new_length from g++'s code, std::bad_alloc from clang++'s
// (it asks operator new[] for SIZE_MAX bytes), where a count memory cannot
// hold would throw std::bad_alloc (exempt).
//
// A count the library clamps to a string's length (`s.append(t, pos, n)`,
// `std::string(t, pos, n)`, `s.replace(pos, n, t)`) is not a size asked
// for: a call that also takes a string or a string_view has none.
//
//   if (sizeMayPassLimit(CE, Ctx)) ... // `v.resize(n - m)`
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace purecc {

/// The function a call or a construction E calls and the arguments given
/// to its parameters (an operator member's object left out); FD is null
/// when E is neither or calls no named function.
struct CalledWith {
  const clang::FunctionDecl *FD = nullptr;
  llvm::ArrayRef<const clang::Expr *> Args;
};
CalledWith calledWith(const clang::Expr *E);

/// Whether FD takes a count or a size it may find past max_size()
/// (PURECC_STD_SIZE in analysis/StdlibPurity.def).
bool takesSize(const clang::FunctionDecl *FD);

/// Whether E, a call or a construction, calls a function that takes a
/// size (takesSize) and gives it a count that is not known to be small
/// (above); or E is a `new T[n]` with such a count.
bool sizeMayPassLimit(const clang::Expr *E, clang::ASTContext &Ctx);

/// The first count E gives that is not known to be small (the argument, or
/// a `new[]`'s size as written), or null: what sizeMayPassLimit found.
const clang::Expr *countPastLimit(const clang::Expr *E, clang::ASTContext &Ctx);

/// What a count past the limit throws (E as for sizeMayPassLimit).
enum class SizeLimitThrow {
  LengthError,      ///< std::vector, std::deque, std::basic_string: past max_size()
  BadArrayNewLength ///< new[], make_unique/make_shared<T[]>, allocate, bucket counts
};
SizeLimitThrow sizeLimitThrow(const clang::Expr *E);

} // namespace purecc
