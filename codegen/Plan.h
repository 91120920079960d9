//===- Plan.h - what codegen will change, decided before changing it ------===//
//
// The plan step looks at verified-pure code and decides which rewrites to
// apply; the rewrite step applies them. Keeping the two apart means the plan
// can be dumped (`--dump-after=plan`), remarked on (`--remarks`) and tested
// without touching any text.
//
// A plan is a list of text edits of the main file. Every transformation
// (transforms/Transforms.def lists them) edits only the frame
// around the code it parallelizes and keeps the number of lines of what it
// replaces, so edits never overlap, nested rewrites compose, and the output
// keeps the input's line numbers (LineDirectives covers the rest).
//
//   purecc::Plan P = purecc::planRewrites(Ctx, Facts, R, Config);
//   std::string Out = purecc::applyPlan(Ctx, P);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "diagnostics/Diagnostics.h"
#include "analysis/PurityChecker.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace purecc {

/// A purecc attribute written in the main file, to be turned into a comment
/// in the output (compilers would warn about it otherwise).
struct AttributeToHide {
  clang::SourceRange Range; // the attribute's name (widened to [[...]] when alone)
};

/// Replace the main file's bytes [Begin, End) by Text (Begin == End inserts).
struct Edit {
  unsigned Begin = 0;
  unsigned End = 0;
  std::string Text;
  /// Text ends with a `#line` directive naming the original line that
  /// follows it (FastClone), so no resynchronization is needed.
  bool EndsWithLineDirective = false;
  /// The serial clone of the enclosing function (FastClone) makes the same
  /// edit: a floating-point reduction must round in the same tree order on
  /// both paths.
  bool RepeatInSerialClone = false;
};

/// codegen's transformations, in the order the planner offers code to
/// them (transforms/Transforms.def).
enum class Transform {
#define PURECC_TRANSFORM(Name, Spelling, Test, Ids) Name,
#include "codegen/transforms/Transforms.def"
};

/// The transformation's one name: its `--dump-after=plan` kind and its
/// section in docs/codegen.md ("parallel-calls", "reduction", ...).
llvm::StringRef transformName(Transform T);

/// One line of `--dump-after=plan`: what was decided where.
struct PlanEntry {
  clang::SourceLocation Loc;
  std::string Kind;   // transformName(), or a step of one ("parallel-statements", "link-note")
  std::string Detail; // e.g. "fib fib", "acc:+", "fingerprint 0x..."
};

struct Plan {
  std::vector<AttributeToHide> Attributes;
  /// The main file's unqualified calls that the runtime's standard headers
  /// could take over, qualified (LookupShield.h), in file order: applied
  /// where the runtime is included, and in every copy of their text.
  std::vector<Edit> Qualifications;
  /// A call of such a function that cannot be qualified (a hidden friend,
  /// a text whose calls name different functions) and that a function
  /// template of the standard library's of its name could take over: the
  /// unit is then compiled as written (LookupShield.h). Invalid if none.
  clang::SourceLocation ExposedCall;
  std::string ExposedName; // the function it calls, as named there
  std::vector<Edit> Edits;
  std::vector<PlanEntry> Entries;
  /// Standard headers the generated code needs beyond the runtime's
  /// (e.g. <limits> for the identity of a max reduction).
  std::set<std::string> ExtraIncludes;
  /// True when some edit calls the runtime: only then is it included.
  bool UsesRuntime = false;
  /// Runtime identifiers that are macros where the main file starts: saved,
  /// undefined and restored around the runtime's #include
  /// (RuntimeMacroShield.h). Filled by the pipeline, which sees the
  /// preprocessor.
  std::vector<std::string> MacrosToShield;
  /// The main-file offset (a line's start) where the runtime's #include
  /// goes when it is not the top: the line of the file's first #include,
  /// when only directives and comments come before it
  /// (PreprocessorRecord::FirstInclude). Filled by the pipeline.
  std::optional<unsigned> RuntimeIncludeAt;
};

struct PreprocessorRecord;

struct PlanConfig {
  bool ShowRemarks = false;
  bool ReassociateFloatingPoint = true;
  /// The build's optimization level (-O0 .. -O3; -Os and -Oz are 2): part
  /// of a fingerprint where the target has FMA instructions
  /// (Fingerprint.h).
  unsigned OptimizationLevel = 0;
  /// What the preprocessor saw (`__COUNTER__` expansions); none if null.
  const PreprocessorRecord *Preprocessed = nullptr;
};

Plan planRewrites(clang::ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
                  const PlanConfig &Config);

/// `--dump-after=plan`: one line per planned change, then each edit of the
/// main file (where, and the text that replaces what was there).
void dumpPlan(const Plan &P, const clang::ASTContext &Ctx, llvm::raw_ostream &OS);

/// Applies the plan to the main file and returns the new text.
std::string applyPlan(clang::ASTContext &Ctx, const Plan &P);

} // namespace purecc
