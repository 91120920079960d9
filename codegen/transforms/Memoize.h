//===- Memoize.h - memo: [[purecc::memo]] functions go through the cache --===//
//
// The body of a memoized function becomes the compute callback of
// purecc::memoize, keyed by the function's fingerprint (Fingerprint.h) and
// its arguments:
//
//   [[purecc::memo]] long f(int n) { BODY }
//   ==>
//   /*[[purecc::memo]]*/ long f(int n) { static const purecc::MemoSite purecc_site0{"f",
//       0x...ULL, 0x...ULL}; return purecc::memoize(purecc_site0, [&]() -> long { BODY }, n); }
//
// (on the original lines: only the braces' surroundings change). The memo
// key is made of the arguments' canonical bytes, so every parameter and the
// result must be values with a purecc::codec: arithmetic types, standard
// containers of them, and user aggregates, for which codegen emits the
// `purecc::fields<...>` hook before the function. A memoized function must
// be pure; anything that cannot be memoized faithfully (a member function, a
// pointer parameter, a class without a codec) is an error, not a silent
// fallback, because the user asked for it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Fingerprint.h"
#include "PlanContext.h"

namespace purecc {

/// What a codec of T must do: write a memo key part (a memoized function's
/// argument: `std::string_view` will do), or also read it back (a memo
/// result, a value a shipped task reads).
enum class CodecUse { KeyPart, Value };

/// Checks that T can be a memo key part or result (or a value a shipped
/// task reads): an arithmetic or enumeration type, a standard type the
/// runtime's serialize.h has a codec for (of codable types), a user type
/// with a `purecc::codec` specialization, or a plain aggregate, whose
/// codec is generated: those are collected in Hooks (fields before the
/// class). Otherwise Why says why not.
bool codable(clang::ASTContext &Ctx, clang::QualType T,
             std::vector<const clang::CXXRecordDecl *> &Hooks, std::string &Why,
             CodecUse Use = CodecUse::Value);

/// Where emitCodecHooks' text ends: on the function's line, or with a
/// newline (the output's next line then gets a #line directive) for text
/// that may meet another insertion there, such as a fast clone's #line.
enum class HookLine { Shared, Own };

/// Emits the purecc::codec hooks of Hooks (from codable) not emitted yet,
/// at namespace scope before FD; false (with Why) when FD is not at
/// namespace scope.
bool emitCodecHooks(PlanContext &PC, const clang::FunctionDecl *FD,
                    const std::vector<const clang::CXXRecordDecl *> &Hooks, std::string &Why,
                    HookLine Line = HookLine::Shared);

/// Plans the memoization of FD if it is marked [[purecc::memo]].
void planMemo(PlanContext &PC, const clang::FunctionDecl *FD);

/// A global as the user wrote it, quoted for a diagnostic: a static member
/// with its class ('C::k'), a structured binding at namespace scope by its
/// declaration ('[a, b]'; the hidden variable has no name of its own).
std::string quotedGlobal(const clang::VarDecl *VD);

/// The first of Globals (a fingerprint's, Fingerprint.h) whose initializer
/// calls what is not pure at start-up (StartupCalls.h), as a remark names
/// it: "'K2', computed from 'K', whose initializer calls 'std::getenv'"
/// (the global the code reads first); "" when there is none. Call is set
/// to the call. Its value may differ between runs (a memo key holds the
/// text) and between the ranks of a cluster (each computes its own).
std::string startupRead(const PurityFacts &Facts, llvm::ArrayRef<Fingerprint::Global> Globals,
                        const StartupCall *&Call);

/// The first of Globals whose value an initializer of another reads though
/// it is a mutable variable (not `const`, `constexpr` or a reference), as a
/// remark names it: "'K2', computed from 'g_seed', a mutable variable which
/// any initializer may set at start-up" (`const long K2 = g_seed;` after
/// `int bump = (g_seed = std::atol(std::getenv("SEED")), 0);`, adv61 F5);
/// "" when there is none. A global whose address alone an initializer
/// takes (`&last_word`) is no such read, unless the address is kept in a
/// constant that can be read through. The value the constant holds then
/// depends on what ran before it, which its text does not say.
std::string mutableStartupRead(llvm::ArrayRef<Fingerprint::Global> Globals);

/// Appends the unit's link note (LinkNote.h: linkNote) to the end of the
/// main file, as an ELF note that the linker keeps and purecc's runtime
/// reads to complete the fingerprints of memoized functions in other units:
///
///   [[__gnu__::__used__, __gnu__::__retain__, __gnu__::__section__(".note.purecc"),
///     __gnu__::__aligned__(4)]] static const struct { unsigned purecc_namesz,
///     purecc_descsz, purecc_type; char purecc_name[8]; char purecc_desc[N]; }
///     purecc_link_note0 = {7, L, 1, "purecc", "<records>"};
///
/// Every unit purecc rewrites gets one when it defines a pure function with
/// external linkage, also when it memoizes nothing itself.
void planLinkNote(PlanContext &PC);

} // namespace purecc
