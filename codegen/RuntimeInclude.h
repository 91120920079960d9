//===- RuntimeInclude.h - where the runtime's #include goes, and its names =//
//
// The rewritten file includes <purecc/purecc.h> and spells the runtime's
// names and the standard library's inside the user's code. Two decisions
// follow from what the preprocessor saw (PreprocessorRecord.h), made once
// the plan is known:
//   - Where the #include goes: before the file's first #include when only
//     directives and comments precede it, so that the macros a file sets to
//     configure the library (`#define _GLIBCXX_DEBUG 1`) configure it for
//     the runtime's headers too (adv38 t07); else at the top. Either way
//     the runtime words that are macros there are shielded around it
//     (RuntimeMacroShield.h).
//   - Whether the generated code can be spelled at all: a macro named like
//     a name it spells (`#define leaf_size 256`, adv38 t03), in effect where
//     that code goes, would expand inside it. The unit is then compiled as
//     written (purecc-runtime-name-macro). So is one where a
//     declaration named `std` other than `::std` may hide the library's,
//     or one named `purecc` clashes with the runtime's namespace
//     (purecc-shadowed-name).
//
//   placeRuntimeInclude(Ctx, Record, P);
//   if (auto M = generatedNameMacro(P, PP)) {
//     report(M->Definition, M->Name);
//     keepOnlyHiddenAttributes(P);
//   }
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Plan.h"
#include "PreprocessorRecord.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"

#include <optional>
#include <string>

namespace purecc {

/// Sets P.RuntimeIncludeAt and P.MacrosToShield from what Record saw.
void placeRuntimeInclude(clang::ASTContext &Ctx, const PreprocessorRecord &Record, Plan &P);

/// A macro the generated code would expand, and where it is defined (an
/// invalid location for one the command line defines).
struct GeneratedNameMacro {
  std::string Name;
  clang::SourceLocation Definition;
};

/// The first name one of P's edits spells as the generator writes it
/// (`purecc` and `std`, or after '::', '.' or '->': `::purecc::leaf_size`,
/// `std::optional`, `std::forward`) that is a macro where that edit goes:
/// first the runtime's identifiers (RuntimeMacroShield.h, in list order),
/// then, by name, any other that the file does not spell itself; nullopt
/// when none is. Asked once the
/// unit is parsed: PP's macro history says what was in effect where.
std::optional<GeneratedNameMacro> generatedNameMacro(const Plan &P, clang::Preprocessor &PP);

/// A declaration of the program that the generated spellings would meet:
/// one named `std` other than the global namespace (`namespace app {
/// namespace std {} }`, a class, a type alias in a block, a template
/// parameter), which `std::` inside its scope names instead of the library
/// (adv66 F7, adv68 F22, F23; only `::std` is reserved), or anything but a
/// namespace named `purecc` at namespace scope, which clashes with the
/// runtime's `namespace purecc` (adv68 F20). Null when there is none.
/// System headers are not searched.
const clang::NamedDecl *shadowingName(clang::ASTContext &Ctx);

/// How a remark names D: "the class 'app::std'", "the template parameter
/// 'std'".
std::string describeShadowing(const clang::NamedDecl *D);

/// Drops every change of P but the attributes it hides from the compiler:
/// the unit is compiled as written, still without purecc's attributes.
void keepOnlyHiddenAttributes(Plan &P);

} // namespace purecc
