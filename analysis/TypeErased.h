//===- TypeErased.h - holders that run code of a type they hide -----------===//
//
// `std::any` holds an object whose type it erases: copying, moving,
// assigning, resetting or destroying it runs that object's copy
// constructor, move constructor or destructor, chosen where the object was
// put in. (`std::function` erases a callable's the same way; all it does
// is judged as an indirect call already: ImpureCall.) When the
// holder was filled by the function itself, that code is in sight (the
// library's instantiation for the type it was given; LibraryRuns.h). When
// it comes from the caller (a parameter, by reference or by value, or what
// one reaches), the code is the caller's type's, which purecc cannot see:
//
//   [[pure]] long copy_any(const std::any &a) { std::any b = a; ... }  // runs a's type's copy
//   [[pure]] long drop_any(std::any a) { a.reset(); ... }              // runs its destructor
//
// A `std::shared_ptr` erases its deleter the same way: resetting,
// assigning, swapping or moving from a by-value `std::shared_ptr`
// parameter may drop the last owner (the caller may have moved its copy
// in) and run a deleter it cannot see, on memory the caller allocated
// (adv87 F14: each passed `check`).
//
//   if (const char *Why = runsHiddenCode(FD, Parts, L)) ... // impure library call
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Locality.h"

namespace purecc {

/// Why the call FD (with Parts, judged from L's function) runs code of a
/// type a holder erased that came from outside the function, or null.
const char *runsHiddenCode(const clang::FunctionDecl *FD, const CallParts &Parts, Locality &L);

} // namespace purecc
