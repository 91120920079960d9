//===- MadeReachable.h - objects others may reach from the moment made ----===//
//
// Escapes.cpp follows the code that names a local. Some code that runs on
// a local names no object at all, and still gives its storage away the
// moment the local is made (adv53 t162-t185):
//
//  - an allocator of the user's, which may keep what it allocates
//    (`T *allocate(n) { ... g_last = p; }`), and a `std::pmr` allocator,
//    whose memory resource hands out storage from a buffer or a resource
//    others reach (`std::pmr::monotonic_buffer_resource res(buf, ...)`,
//    `std::pmr::set_default_resource`);
//  - a constructor (or a default member initializer, or an assignment
//    operator the container calls) of a class of the program that gives
//    away `this` or the address of a member (`Node() { g_first = this; }`,
//    `Node *self = this;`), for the local itself or for any element,
//    member or base of it.
//
// Such a local escapes where it is declared.
//
//   if (std::string Why = madeReachable(VD->getType()); !Why.empty())
//     ... // "its allocator 'Keep<long>' may keep the storage it hands out"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Type.h"

#include <string>

namespace purecc {

/// Why an object of type T may be reached by others from the moment it is
/// made (see the file comment), as a remark's clause; empty when it may
/// not.
std::string madeReachable(clang::QualType T);

} // namespace purecc
