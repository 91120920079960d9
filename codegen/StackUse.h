//===- StackUse.h - stack a rewrite would hold twice -----------------------===//
//
// The rewritten program must fit in the stack the serial one fits in. Two
// rewrites hold on the stack what the serial program holds once:
//  - the fast clone (FastClone.h): the parallel version's frame is set up
//    before it tests should_spawn(), then it calls the clone, whose frame is
//    the same size again. A function with a 4.8 MB local array then needs
//    9.6 MB of an 8 MB stack, and g++, which inlines the clone into the
//    parallel version, needs it on every call (adv35 t05, t06);
//  - a task's result (CallTasks.h): the serial program builds it in the
//    variable it initializes; the rewritten one in parallel_invoke's
//    storage, and hands it on by value through its frames (a std::array's
//    move is a copy): two 256 KiB results took 3.1 MB of those frames with
//    g++ 12, and two 2.4 MB ones overflowed (adv35 t08).
// A function whose frame holds more than kLargeFrame gets no clone, and a
// call whose result takes more than kLargeResult runs serially. The frame
// bound is 1/16 of the 4 MiB a thread's stack has in the smallest common
// setting (LLVM's libomp), the share scheduler.h gives parallel paths; the
// result bound keeps those copies under 100 KiB.
//
//   const clang::ValueDecl *Largest = nullptr;
//   if (visibleFrameBytes(FD, Ctx, &Largest) > kLargeFrame) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <cstdint>
#include <string>

namespace purecc {

/// Bytes of a function's frame above which it gets no fast clone: 256 KiB.
inline constexpr std::uint64_t kLargeFrame = 256 * 1024;

/// Bytes of a result above which a task may not return it: 16 KiB.
inline constexpr std::uint64_t kLargeResult = 16 * 1024;

/// The bytes of FD's frame its text shows: its by-value parameters and its
/// automatic local variables of constant size, in any scope (a lower bound:
/// spills, temporaries and variable-length arrays are not counted).
/// Largest, when given, is set to the biggest of them.
std::uint64_t visibleFrameBytes(const clang::FunctionDecl *FD, const clang::ASTContext &Ctx,
                                const clang::ValueDecl **Largest = nullptr);

/// Why a task may not return an object of type T ("has type 'A' (2400000
/// bytes)"), or empty when it may.
std::string largeResultReason(clang::QualType T, const clang::ASTContext &Ctx);

} // namespace purecc
