//===- PlainValues.h - types whose copies are plain value copies -----------===//
//
// A transformation that copies, moves or assigns values where the loop
// does not (a selection's private payloads, a concatenation's combine that
// moves a vector's elements from one partial into another) must know that
// doing so runs no code of the user's: the compiler's memberwise copies
// down to scalars, std::string, and std::vector/array/pair of such values
// (with std::allocator). Anything else (a user-provided copy, move,
// assignment or destructor, a user's allocator, other library classes
// that may hold user types) may count, log or throw.
//
// observableMoveReason asks less: whether moving a value could be told
// apart from the serial program's copy elision (it runs the user's code, or
// it is really a copy).
//
//   if (std::string Why = plainValueReason(T); !Why.empty())
//     ... "'x' has type 'T', which " + Why
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace clang {
class ClassTemplateSpecializationDecl;
}

namespace purecc {

/// The types a class template specialization is instantiated with, in
/// order, each element of a pack taken one by one (`std::variant<long,
/// Counted>` holds 'long' and 'Counted'), after its first Skip arguments
/// (a map's key and value with Skip 0, its value alone with Skip 1).
/// Non-type arguments are left out. Every walk over "what a library class
/// holds" goes through this, so that none of them forgets a pack.
llvm::SmallVector<clang::QualType, 4>
heldTypes(const clang::ClassTemplateSpecializationDecl *Spec, size_t Skip = 0);

/// Why copying, assigning and destroying values of type T could do more than
/// make one value equal to another ("has a user-provided 'operator='"), or
/// empty when they cannot.
std::string plainValueReason(clang::QualType T);

/// Why a std::basic_string or std::vector of type T runs a user's
/// allocator ("has an allocator of the user's, ..."), or empty when its
/// allocator is std::allocator (or T is no such class).
std::string userAllocatorReason(clang::QualType T);

/// Why a std::basic_string of type T runs a user's character traits when it
/// is copied, moved or appended to ("has character traits of the user's,
/// ..."), or empty when they are std::char_traits (or T is no string).
std::string userTraitsReason(clang::QualType T);

/// Why moving a value of type T out of a task (a move construction and
/// the destruction of what was moved from) could be observed: it runs code
/// of the user's, or it copies. Code of the user's runs when
/// T, a base, a member, or a type a library class holds (`std::optional<T>`,
/// each of a `std::variant`'s, `std::vector<T>`'s allocator; not the T of a
/// smart pointer or a reference_wrapper, which hold a pointer to it) has a
/// user-provided copy or move
/// constructor or destructor ("has a user-provided move constructor") or
/// a constructor template; or copies where the serial program moves
/// nothing, with no code of the user's but with what a copy leaves (a
/// vector without spare capacity, a shared_ptr counting one owner more):
/// a class without a move constructor (`~R() = default;` suppresses it)
/// that cannot be copied as bytes, a 'const' member of such a class
/// (adv31 W1, W2).
/// Empty when it cannot: the serial program constructs a call's result in
/// place (copy elision), so such code would run only in the parallel one
/// (adv27 W4). Library classes themselves move without user code.
std::string observableMoveReason(clang::QualType T);

/// As observableMoveReason, for code that copies values of T as well as
/// moving them: a copied container copies its elements, so their types
/// count too (moving one hands them over: observableMoveReason skips
/// them, adv38 t08).
std::string observableCopyReason(clang::QualType T);

/// Why assigning a value of type T could run code of the user's: T, a
/// base, a member, or a type a library class holds (as for
/// observableMoveReason) has a user-provided copy or move assignment
/// ("has a user-provided 'operator='"); empty when every assignment is the
/// compiler's or the library's. A transformation that assigns where the
/// loop does not (an ordered reduction's partial results, adv37 t05) asks
/// this beside observableMoveReason.
std::string userAssignmentReason(clang::QualType T);

/// Why moving an object of type T copies it because it is 'const' (a
/// 'const' member, a 'const' by-value parameter, what a library class
/// holds as 'const'): "moving it copies"; empty for a type that is not
/// 'const' or that can be copied as bytes.
std::string copiedByMove(clang::QualType T);

/// Whether a value of type T may hold the address of another object (a
/// pointer, a reference, a `std::string_view`, a `std::span`, an iterator,
/// a class with such a member), so that it may point into a temporary: true
/// unless T is arithmetic, an enumeration, or a class made only of such
/// values and of the standard owning containers of them (`std::string`,
/// `std::vector`, `std::array`, `std::pair`, `std::tuple`,
/// `std::optional`, `std::variant`).
bool holdsAddress(clang::QualType T);

} // namespace purecc
