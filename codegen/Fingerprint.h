//===- Fingerprint.h - a memoized function's 128-bit identity -------------===//
//
// A memo cache entry is only valid while the code that computed it is the
// same. The fingerprint hashes (XXH3-128) the tokens of the function and of
// every user declaration it depends on, transitively: functions it calls,
// global variables it reads, and the types of its parameters and result.
// Tokens, not text: comments, whitespace and formatting do not change it;
// any change to a token of the function or of a callee does. Declarations
// from system headers are left out (the runtime's memo namespace already
// covers the compiler and library version).
//
//   Fingerprint F = fingerprint(FD, Ctx);
//   OS << F.hex();   // "0x1234...:0xabcd..."
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <cstdint>
#include <string>

namespace purecc {

struct Fingerprint {
  std::uint64_t Hi = 0;
  std::uint64_t Lo = 0;
  /// "0x<16 hex digits>:0x<16 hex digits>".
  std::string hex() const;
};

Fingerprint fingerprint(const clang::FunctionDecl *FD, clang::ASTContext &Ctx);

} // namespace purecc
