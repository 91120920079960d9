//===- Fingerprint.h - a memoized function's 128-bit identity -------------===//
//
// A memo cache entry is only valid while the code that computed it is the
// same. The fingerprint hashes (XXH3-128) the tokens of the function and of
// every user declaration its meaning depends on, transitively: functions it
// calls (also from library template instantiations), globals and constants
// it reads, and every type named or implied anywhere in that code (records
// with bases, members and default member initializers, enums, aliases,
// concepts), plus what tokens do not show: user records' layouts, enumerator
// values, the full spelling of each record and enum type. Tokens, not text:
// comments, whitespace, formatting and positions do not change it; any
// change to a token of the function or of a dependency does. System headers'
// text is left out (the runtime's memo namespace already covers the compiler
// and library version). docs/memo.md, "What the fingerprint covers".
//
// A translation unit sees only declarations of what other units define. So
// the fingerprint also lists, by linker symbol, every function and constant
// it depends on whose definition is not here (External), and every unit
// records, in an ELF note, the fingerprint and the External list of each
// pure function (and constant) it defines for others to call. At run time
// purecc/memo_link.h follows those symbols through the notes of the linked
// program to complete the fingerprint: an edit in kernel.cpp changes the key
// of a memoized function in main.cpp that calls it. A symbol no note
// defines stands for the library that defines it (its build id).
//
//   Fingerprint F = fingerprint(FD, Ctx, Config.OptimizationLevel);
//   OS << F.hex();   // "0x1234...:0xabcd..."
//   F.External       // {"_Z6kerneld"}
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Mangle.h"

#include <cstdint>
#include <string>
#include <vector>

namespace purecc {

class PurityFacts;

struct Fingerprint {
  std::uint64_t Hi = 0;
  std::uint64_t Lo = 0;
  /// The linker symbols (sorted, unique) of the functions and constants the
  /// declaration depends on that this unit does not define, and
  /// ExternalProgram when a virtual call may run any override.
  std::vector<std::string> External;
  /// The variables with static storage it depends on (read by its code or
  /// by an initializer it depends on), in the order found, each with the
  /// one whose initializer led to it (null: read by the code itself).
  /// How the code collected uses a global: its value (read, bound to a
  /// reference, copied), or only where it lies (`&g`, `&g.m`, `&g[0]`),
  /// which is not what a start-up initializer sets.
  enum class Use { Address, Value };
  struct Global {
    const clang::VarDecl *Var;
    const clang::VarDecl *ReachedFrom;
    Use Uses = Use::Value;
  };
  std::vector<Global> Globals;
  /// Calls in the user's code it reaches that read what a memo key of a
  /// standard container does not hold (its elements are all it holds):
  /// `capacity()`, `bucket_count()`, `load_factor()`, `key_comp()`,
  /// `hash_function()`, `get_allocator()` and the like, on an object that
  /// code does not own (a parameter, a reference, '*this'), in the order found.
  struct UnkeyedRead {
    /// `v.capacity()`, or `&std::vector<long>::capacity` called elsewhere.
    const clang::Expr *At;
    /// 'capacity'.
    std::string Member;
    /// A hash container's bucket interface (`s.begin(0)`), or an insertion
    /// that its buckets place.
    bool Buckets;
    /// An insertion (`s.insert(k)`, `m[k]`) into a hash container.
    bool Inserts = false;
  };
  std::vector<UnkeyedRead> UnkeyedReads;
  /// Where the user's code it reaches (the initializers of the globals it
  /// reads included) uses where objects lie in memory as a value, in the
  /// order found: an address converted to an integer
  /// (`reinterpret_cast<std::uintptr_t>(&last) - ...`, adv42 t01), or
  /// addresses of objects ordered or hashed by the library's function
  /// objects (`std::less<const long *>{}(&ga[0], &gb[0])`, adv43 t01: the
  /// order of two globals swapped between builds). No text the fingerprint
  /// holds says where objects lie: it changes with the layout of the
  /// program and with address-space randomization. (The built-in `<` of
  /// two pointers is not counted: it is unspecified for unrelated objects,
  /// and within one array, where loops use it, it is the same everywhere.)
  std::vector<const clang::Expr *> AddressValues;
  /// The functions of the program whose code it reaches (instantiations
  /// where they are templates), its own first: what KeyedAccess.h checks.
  std::vector<const clang::FunctionDecl *> Code;
  /// "0x<16 hex digits>:0x<16 hex digits>".
  std::string hex() const;
};

/// Whether Call is a standard hash container's bucket interface
/// (`s.begin(0)`, `s.cend(3)`): it depends on the bucket count, which a
/// memo key of the container does not hold (adv54 t21).
bool readsBuckets(const clang::CXXMemberCallExpr *Call);

/// Stands for "whatever the program links" in Fingerprint::External: the
/// runtime puts the main program's build id there.
inline constexpr const char *ExternalProgram = "@program";

/// A flag of g++'s that changes what the same code computes and that Clang
/// ignores: the launcher and `purecc check -p` define Macro for the parse
/// when the command's last of On and Off is On, so that the unit's
/// fingerprints (dataModel in Fingerprint.cpp), and so its link note, hold
/// it (adv72 F2, adv73 F3).
struct GccOnlyFlag {
  const char *On, *Off, *Macro;
};
inline constexpr GccOnlyFlag GccOnlyFlags[] = {
    {"-funsigned-bitfields", "-fsigned-bitfields", "__purecc_unsigned_bitfields__"},
    {"-fsingle-precision-constant", "-fno-single-precision-constant",
     "__purecc_single_precision_constant__"},
    {"-ffloat-store", "-fno-float-store", "__purecc_float_store__"},
    // Makes every inline function constexpr: a `requires` probe of a
    // constant expression flips (adv88 F6).
    {"-fimplicit-constexpr", "-fno-implicit-constexpr", "__purecc_implicit_constexpr__"},
};

/// The fingerprint of a function or a variable with global storage, for a
/// unit compiled at OptimizationLevel (the -O of the build: it counts where
/// the target has FMA instructions, see floatingPointOptions).
Fingerprint fingerprint(const clang::Decl *D, clang::ASTContext &Ctx, unsigned OptimizationLevel);

/// The linker symbol of a function or a variable: its mangled name, or its
/// plain name for extern "C" (an asm label wins in both cases); a
/// constructor or destructor is named by its complete-object variant, on
/// both the calling and the defining side. ExternalProgram when the symbol
/// cannot be written as one word of the link note.
std::string linkerSymbol(const clang::NamedDecl *ND, clang::MangleContext &MC);

/// Whether Def (a definition) is one of which every unit that uses it emits
/// a copy and the linker keeps one (an `inline` function, an implicit
/// template instantiation): the caller's fingerprint lists it as a linked
/// symbol, and each unit records its own copy (LinkNote.h). One predicate
/// for both sides: a function listed and never recorded makes every relink
/// miss (adv107 F1), one recorded and never listed leaves values stale.
bool linkerKeepsOneCopy(clang::ASTContext &Ctx, const clang::FunctionDecl *Def);

} // namespace purecc
