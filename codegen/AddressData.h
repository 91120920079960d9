//===- AddressData.h - an address turned into data ------------------------===//
//
// Where an object lies in memory differs between runs, builds and ranks,
// and an address turned into data no longer says it is one: a number
// (`reinterpret_cast<std::uintptr_t>(&x)`, `std::bit_cast`), or bytes (a
// `const char *` or `std::byte *` view of a pointer, a `memcmp` of two
// pointers, a `memcpy` of a pointer into a `long`). Two analyses ask of
// each node whether it is such a turn:
//  - the escape analysis (KeepingCallables.h): a `long` that carries an
//    address is kept where no type says so (adv62 t04, t07, t10);
//  - the memo fingerprint (Fingerprint.h): a memoized function that reads
//    an address as a value cannot be keyed by its arguments' values
//    (adv54 t06, t09, t29).
//
//   AddressTypes Types;
//   if (addressAsData(Node, Types, Ctx) != AddressAsData::None) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "AddressTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace purecc {

/// How one node turns an address into data.
enum class AddressAsData {
  None,
  /// A conversion of a pointer to an integer (`reinterpret_cast<long>(p)`).
  Integer,
  /// The bits of an object that can hold an address as another type
  /// (`std::bit_cast<std::uintptr_t>(p)`, `__builtin_bit_cast`).
  Bits,
  /// The bytes of such an object read as data: a pointer to it converted
  /// to a pointer to a character type or `std::byte`, or to `void *` for
  /// `memcmp`/`bcmp`; a `memcpy`/`memmove` out of it into an object that
  /// cannot hold an address.
  Bytes,
  /// A `memcpy`/`memmove` out of it into another object that can hold an
  /// address (`std::memcpy(&q, &p, sizeof p)`): the bytes stay an address,
  /// copied where no assignment shows.
  BytesToAddress,
};

/// How Node (one expression, not its children) turns an address into
/// data; None for any other node.
AddressAsData addressAsData(const clang::Stmt *Node, AddressTypes &Types, clang::ASTContext &Ctx);

} // namespace purecc
