//===- PreprocessorRecord.h - what the preprocessor saw and the AST lost --===//
//
// Some facts the rewrite needs are gone once the unit is parsed: which
// macros the command line defined before the main file's first line, or
// before its first #include (the runtime's #include goes there:
// RuntimeMacroShield.h), and where the text
// changes the preprocessor's state. Such text must not be copied (a
// function's serial clone, FastClone.h, goes before the function): the copy
// runs it once more, and earlier.
//   - `__COUNTER__` counts its expansions: the clone and every later one of
//     the unit, the original's included, get another value (adv24 S2); so
//     does a macro that expands to one, as unique-name macros do.
//   - `#define`, `#undef`, `#pragma push_macro`/`pop_macro`: the function's
//     own text before the directive sees the new definition (adv24 S8:
//     `#undef K` / `#define K 2000` in a loop body changed the bound).
//   - `#include`: a file without a guard is read once more.
//
//   PreprocessorRecord Record;
//   PP.addPPCallbacks(recordPreprocessor(PP, Record));
//   ... // parse
//   if (Record.changesStateBetween(Begin, End)) ... // do not copy [Begin, End)
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace purecc {

struct PreprocessorRecord {
  /// Runtime identifiers (RuntimeMacroShield.h) that are macros where the
  /// main file starts, after -D, -U and -include; in list order.
  std::vector<std::string> RuntimeNameMacros;
  /// The main-file offset of the line of its first `#include` outside any
  /// `#if`, if it has one: the runtime's #include goes there when nothing
  /// but directives comes before it, so that the configuration macros a
  /// file sets before its includes (`#define _GLIBCXX_DEBUG 1`) configure
  /// the library for the runtime's headers too (adv38 t07).
  std::optional<unsigned> FirstInclude;
  /// RuntimeNameMacros at FirstInclude, the file's own #defines included.
  std::vector<std::string> RuntimeNameMacrosAtFirstInclude;
  /// Main-file offsets, ascending, of text that changes the preprocessor's
  /// state (above): a `__COUNTER__` (the name itself, or the macro invocation
  /// that reached it), a `#define`, `#undef`, `#include`, `push_macro` or
  /// `pop_macro`.
  std::vector<unsigned> StateChanges;
  /// Main-file offsets, ascending, of every pragma: a `#pragma` line, a
  /// `_Pragma("...")` operator, or the invocation of a macro that expands
  /// to one (`#define UNROLL _Pragma("GCC unroll 4")`, adv33 t01).
  std::vector<unsigned> Pragmas;

  /// Where the unit's own code (not a system header) first tests
  /// `_OPENMP` while the build leaves it undefined (`#ifdef _OPENMP`,
  /// `#if defined(_OPENMP)`, `#if _OPENMP >= 201511`, a macro defined as
  /// `_OPENMP`; not a name pasted together): the rewritten unit
  /// is built with OpenMP, which defines it, so that code would run in
  /// place of what the serial build runs (adv82 F1, F2). Invalid if none;
  /// complete after finish().
  clang::SourceLocation OpenMPMacroTest;

  /// Whether main-file text in [Begin, End) changes the preprocessor's state.
  bool changesStateBetween(unsigned Begin, unsigned End) const;

  /// Completes OpenMPMacroTest once the whole unit is lexed: a false
  /// `#ifdef _OPENMP` whose branches only define macros that the unit never
  /// expands, tests or names (glm's `GLM_HAS_OPENMP`, adv118 F2) changes
  /// nothing and is no test. Call before reading OpenMPMacroTest.
  void finish();
  std::function<void()> Finish; // set by recordPreprocessor
};

/// The callbacks that fill R while PP preprocesses the unit; to be added
/// before the main file is entered.
std::unique_ptr<clang::PPCallbacks> recordPreprocessor(clang::Preprocessor &PP,
                                                       PreprocessorRecord &R);

} // namespace purecc
