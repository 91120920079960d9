//===- PlanContext.h - what every transformation needs while planning -----===//
//
// The transformations (ParallelCalls, Reductions, Maps, Algorithms, Memoize)
// share one PlanContext per translation unit: the AST, the purity verdicts,
// the plan being built, fresh names, and the source-text helpers that keep
// every edit inside the main file, outside macros and away from text another
// edit has already taken over.
//
//   PlanContext PC(Ctx, Facts, R, Config, P);
//   if (auto Text = PC.text(E->getSourceRange())) ...
//   PC.replace(E->getSourceRange(), "purecc_r0");
//   PC.remark(Loc, Diag::RemarkParallelCalls) << "'f' and 'g'";
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Plan.h"
#include "Fingerprint.h"
#include "KeptParameters.h"
#include "ReturnedStorage.h"

#include "analysis/LibraryRuns.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TokenKinds.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace purecc {

class PlanContext {
public:
  PlanContext(clang::ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
              const PlanConfig &Config, Plan &P);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  const PurityFacts &Facts;
  Reporter &R;
  const PlanConfig &Config;
  Plan &P;
  /// User aggregates whose purecc::codec hook was already emitted.
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 4> EmittedCodecs;
  /// Inner loops that a rewritten outer reduction runs serially in its
  /// leaves (they fold into its accumulators): not planned on their own.
  llvm::SmallPtrSet<const clang::Stmt *, 4> Absorbed;

  /// The main-file byte offsets of a token range, when all of it is written
  /// in the main file outside any macro expansion.
  std::optional<std::pair<unsigned, unsigned>> offsets(clang::SourceRange Range) const;
  /// offsets(), where an end of Range that is the first or last token of a
  /// macro expansion stands for the macro's invocation: `ZERO`, `-INFINITY`
  /// as an argument are copied as written, and expand the same where the
  /// copy goes in the same statement (adv76 F3). nullopt when an end is
  /// inside an expansion.
  std::optional<std::pair<unsigned, unsigned>>
  offsetsThroughMacros(clang::SourceRange Range) const;

  /// Offset, moved past the line splices (backslash-newlines) that start
  /// there, at most to Limit.
  static unsigned afterSplices(llvm::StringRef Buffer, unsigned Offset, unsigned Limit);

  /// Whether the line that starts at LineStart continues the one before it
  /// (that one ends with a backslash: a line splice).
  static bool splicedToPrevious(llvm::StringRef Buffer, unsigned LineStart);

  /// Whether the main-file text in [Begin, End) changes the preprocessor's
  /// state (PreprocessorRecord::changesStateBetween: `__COUNTER__`, a
  /// directive); false when the pipeline recorded nothing.
  bool changesPreprocessorState(unsigned Begin, unsigned End) const;
  /// The same for the text Range spans where it is expanded, up to its last
  /// token's start; false unless both of its ends expand in the main file.
  bool changesPreprocessorState(clang::SourceRange Range) const;

  /// The pragmas in the main-file text [Begin, End), each as its line
  /// reads (`#pragma omp task shared(tot)`, `_Pragma("omp critical")`), or
  /// the name of a macro that expands to one, in text order; empty when
  /// the pipeline recorded nothing.
  std::vector<std::string> pragmasBetween(unsigned Begin, unsigned End) const;

  /// The pragma that applies to the statement starting at Offset: one on
  /// the lines right before it, with only blank lines, comments or other
  /// pragmas between (`#pragma omp critical`, `#pragma GCC unroll 2`), or
  /// a `_Pragma` earlier on its line; as its line reads, or empty.
  std::string pragmaRightBefore(unsigned Offset) const;

  /// The offset just past the token at Loc (Loc in the main file).
  unsigned endOfToken(clang::SourceLocation Loc) const;
  /// The offset just past the ';' that ends statement S (or its '}').
  std::optional<unsigned> endOfStatement(const clang::Stmt *S) const;
  /// The offset past the ';' after an instantiated fold's leftover text
  /// (`+ ...)`) that follows End, or nullopt when other text follows.
  std::optional<unsigned> endPastFoldTail(clang::SourceLocation End) const;
  static bool isFoldOperator(clang::tok::TokenKind K);
  /// The text of a token range (nullopt if not editable), as the output
  /// shows it: purecc's attributes in it are comments (HiddenAttributes.h),
  /// so that code a transformation copies or moves keeps them hidden.
  std::optional<std::string> text(clang::SourceRange Range) const;
  /// The same text as a remark quotes it: without the qualification the
  /// output gives the program's calls (LookupShield.h).
  std::optional<std::string> shownText(clang::SourceRange Range) const;
  /// How textAt copies: as the output writes the code (attributes hidden,
  /// calls qualified), or as the user wrote it, for a remark.
  enum class Copy { AsOutput, AsWritten };
  /// The main file's bytes [Begin, End), with purecc's attributes hidden as
  /// in text().
  std::string textAt(unsigned Begin, unsigned End, Copy How = Copy::AsOutput) const;
  /// The whitespace that starts the line holding offset Off.
  std::string indentationAt(unsigned Off) const;

  /// True when [Begin, End) overlaps an edit already planned or text an
  /// earlier transformation copied (so editing it would be lost).
  bool isTaken(unsigned Begin, unsigned End) const;
  /// Marks text that a planned edit copied into its replacement.
  void take(unsigned Begin, unsigned End);
  void replace(unsigned Begin, unsigned End, std::string Text);
  void insert(unsigned At, std::string Text) { replace(At, At, std::move(Text)); }
  /// Whether an edit planned inside [Begin, End) is repeated in the serial
  /// clone of the enclosing function (FastClone): an edit that wraps the
  /// range must then be repeated there too, or the clone would not compile
  /// or would differ from the parallel path.
  bool repeatsInSerialClone(unsigned Begin, unsigned End) const;

  /// A fresh identifier "purecc_<Stem><N>" used nowhere in the main file.
  std::string freshName(llvm::StringRef Stem);
  /// A fresh identifier "purecc_<Stem>_<N>" used nowhere in the main file,
  /// numbered per stem (so that one more kind of name does not renumber the
  /// others): the private accumulators of reductions, which nest.
  std::string freshNumbered(llvm::StringRef Stem);
  /// "purecc_<Stem>" when the main file does not use it, else a fresh name:
  /// for names that never enclose one another (a combine lambda's
  /// parameters) and only must not shadow the user's.
  std::string unusedName(llvm::StringRef Stem);

  /// Reports a remark only when `--remarks` asked for them.
  std::optional<clang::DiagnosticBuilder> remark(clang::SourceLocation Loc, Diag D);
  /// Records a line of `--dump-after=plan`, of the transformation's own
  /// kind (Transforms.def) or, for a step of one, of a kind of its own.
  void note(clang::SourceLocation Loc, Transform T, std::string Detail);
  void note(clang::SourceLocation Loc, std::string Kind, std::string Detail);

  /// C++ spelling of a type for generated code (canonical for builtins).
  std::string typeText(clang::QualType T) const;

  /// Which members of user types the library functions met run (the
  /// library model's element-member column), walked once per unit.
  LibraryRuns &libraryRuns() const;

  /// What in the unit's own code shows a type's name ("'typeid'"), or ""
  /// (PlaceNames.h, findTypeNameObserver), found once per unit.
  const std::string &typeNameObserver() const;

  /// The summaries of where the storage each function returns comes from
  /// (ReturnedStorage.h), filled as they are asked for.
  ReturnedStorageCache &returnedStorages() const { return ReturnedStorages; }

  /// The summaries of which reference parameters each function may keep
  /// the address of (KeptParameters.h), filled as they are asked for.
  KeptParametersCache &keptParameters() const { return KeptParameters; }

  /// D's fingerprint (Fingerprint.h) at the unit's optimization level,
  /// computed once per declaration: memoization, the task registry and its
  /// start-up checks ask for the same callees loop after loop.
  const Fingerprint &fingerprintOf(const clang::Decl *D) const;

private:
  mutable std::optional<std::string> TypeNameObserver;
  llvm::StringSet<> IdentifiersInFile;
  std::vector<std::pair<unsigned, unsigned>> Taken;
  unsigned NameCounter = 0;
  llvm::StringMap<unsigned> NumberedCounters;
  mutable std::unique_ptr<LibraryRuns> Runs;
  mutable ReturnedStorageCache ReturnedStorages;
  mutable KeptParametersCache KeptParameters;
  mutable llvm::DenseMap<const clang::Decl *, std::unique_ptr<Fingerprint>> Fingerprints;
  /// What textAt changes in copied text, by offset: each attribute as a
  /// comment, each qualified call (LookupShield.h); worked out once per
  /// plan (not once per copy), for the counts of each recorded here.
  mutable std::vector<Edit> Substitutions;
  mutable std::pair<size_t, size_t> SubstitutionsFor{size_t(-1), size_t(-1)};
};

/// The expression with parentheses, implicit casts, temporaries and
/// elidable copies around it removed: what the user wrote.
const clang::Expr *written(const clang::Expr *E);

/// E under `std::move(...)` and `std::forward<T>(...)`, any number deep:
/// the argument of the innermost, as the AST holds it (no casts stripped
/// from it), or E itself when it is no such call.
///   unmoved(`std::move(row)`) == `row`
const clang::Expr *unmoved(const clang::Expr *E);

/// The text of E as the user wrote it, macros unexpanded (`STEP`, `K`):
/// for naming it in a remark (empty when it cannot be read).
std::string writtenText(const PlanContext &PC, const clang::Expr *E);

/// Text a remark may quote: one line of at most 60 characters, not empty
/// (longer code, or code over several lines, reads worse inside a remark
/// than the name beside it); nullopt otherwise. Every remark that shows
/// the code it means asks this one question.
///   quotable(PC.shownText(E->getSourceRange()))
std::optional<std::string> quotable(std::optional<std::string> Text);
/// " ('<text>')" when Text is quotable, else "": how a remark shows the
/// code after the name it gives ("'v' is written inside the loop body
/// ('v[0] = 1')").
std::string shownInParens(std::optional<std::string> Text);

/// The first class, union or enumeration in T (under pointers, references,
/// arrays and template arguments) that has no name the generated code
/// could write (`struct { long at; } pay`, a lambda's closure type), or
/// null (adv40 t04: `struct (unnamed struct at t.cpp:24:3)` was written).
const clang::TagDecl *unnamedType(clang::QualType T);

/// The direct callee of a call, or null.
const clang::FunctionDecl *calleeOf(const clang::Expr *E);

/// How remarks name a declaration: a function qualified as written (`ns::S::size`; a library
/// one never by an internal scope: `operator==`, not `__gnu_cxx::...`), else by its name.
std::string displayName(const clang::NamedDecl *D);
/// "'name'" for a declaration, as remarks quote code (displayName).
std::string quoted(const clang::NamedDecl *D);

/// How remarks name a type: as the user's declarations spell it (the
/// sugar: `Matrix`, `std::size_t`), unless that spelling goes through the
/// library's internal names (`tuple<typename __decay_and_strip<S &>::__type>`
/// for an `auto` from `std::make_tuple`), then as the type itself
/// (`std::tuple<S>`). Qualifiers are kept; the caller drops them.
std::string typeName(clang::QualType T, const clang::ASTContext &Ctx);

/// "'f'", "'f' and 'g'", "'f', 'g' and 'h'".
std::string quotedList(const std::vector<std::string> &Names);

/// The instantiations of FT in this translation unit that have a body: the
/// functions one template text turns into.
std::vector<const clang::FunctionDecl *>
instantiationsOf(const clang::FunctionTemplateDecl *FT);

} // namespace purecc
