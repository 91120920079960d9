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
//     written (purecc-runtime-name-macro).
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

/// The first runtime identifier (RuntimeMacroShield.h, in list order) that
/// one of P's edits spells as the generator writes it (`purecc` and `std`,
/// or qualified by them: `::purecc::leaf_size`, `std::optional`) and that
/// is a macro where that edit goes; nullopt when none is. Asked once the
/// unit is parsed: PP's macro history says what was in effect where.
std::optional<GeneratedNameMacro> generatedNameMacro(const Plan &P, clang::Preprocessor &PP);

/// Drops every change of P but the attributes it hides from the compiler:
/// the unit is compiled as written, still without purecc's attributes.
void keepOnlyHiddenAttributes(Plan &P);

} // namespace purecc
