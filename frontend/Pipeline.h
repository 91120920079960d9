//===- Pipeline.h - purecc's steps: parse, verify, plan, rewrite, emit ----===//
//
// A translation unit goes through a fixed list of steps (Steps.def), any of
// which can be dumped for debugging with `--dump-after=<step>[,<step>...]`
// or `--dump-after=all` (like Halide's Lower.cpp):
//
//   parse    Clang parses and type-checks the unit (with purecc's attributes)
//   verify   the purity checker judges every function it needs to
//   plan     codegen picks the calls and loops it will parallelize or memoize
//   rewrite  the plan is applied to the source text
//   emit     the rewritten main file is written (atomically)
//
// `check` runs parse and verify; `rewrite` runs all five. Every way of
// running purecc (the command line, `check -p`, the launcher) builds its
// PipelineConfig with pipelineConfig() in CommandLine.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include "diagnostics/Diagnostics.h"
#include "analysis/PurityChecker.h" // Suggest

#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <string>

namespace purecc {

enum class Step : unsigned {
#define PURECC_STEP(Name, Spelling, Dump) Name,
#include "Steps.def"
};

/// The steps `--dump-after` names.
class StepSet {
public:
  void insert(Step S) { Bits |= 1u << unsigned(S); }
  bool contains(Step S) const { return Bits & (1u << unsigned(S)); }
  bool empty() const { return Bits == 0; }
  unsigned size() const { return unsigned(__builtin_popcount(Bits)); }
  /// The steps up to and including Last.
  static StepSet upTo(Step Last) {
    StepSet Out;
    for (unsigned I = 0; I <= unsigned(Last); ++I)
      Out.insert(Step(I));
    return Out;
  }

private:
  unsigned Bits = 0;
};

/// `--remarks`: report what codegen did and why it refused.
enum class Remarks : bool { Off, On };
/// `--fp-reassoc=on|off`: whether floating-point reductions may be rewritten
/// into the (deterministic) tree order.
enum class FpReassoc : bool { Off, On };
/// `check -p`: whether the unit reports its [[pure]] contracts and checked
/// definitions by link name for the other units (PipelineResult). Only the
/// project check matches them; mangling every [[pure]] definition costs a
/// few percent of a check, so the other forms skip it.
enum class LinkNames : bool { Off, On };

std::optional<Step> parseStep(llvm::StringRef Name);
llvm::StringRef stepName(Step S);
/// What `--dump-after=<S>` prints (Steps.def).
llvm::StringRef stepDump(Step S);

/// What one run of the pipeline over a translation unit should do.
struct PipelineConfig {
  Step LastStep = Step::Verify;   // check: Verify; rewrite: Emit
  StepSet DumpAfter;
  WarnOnly Warn = WarnOnly::Off;
  Remarks ShowRemarks = Remarks::Off;
  FpReassoc Reassociate = FpReassoc::On;
  Suggest SuggestPure = Suggest::Off; // --suggest
  LinkNames CrossUnit = LinkNames::Off; // check -p
  std::string OutputPath;         // for Emit; "-" is standard output
};

/// What the pipeline reports back to the driver for one translation unit.
/// A function declared [[pure]] that a unit calls without defining it.
struct PureContract {
  std::string LinkName; // the mangled name: the same in every unit
  std::string Name;     // as the user wrote it, qualified
  std::string Where;    // "<file>:<line>:<col>" of the declaration
};

struct PipelineResult {
  unsigned PureFunctions = 0;     // functions declared [[pure]] and verified
  unsigned Suggestions = 0;       // --suggest: functions that can be declared pure
  bool EmitFailed = false;        // the output file could not be written
  /// The unit's own code tests `_OPENMP`, which this build leaves undefined
  /// and the build of a rewritten unit (-fopenmp) defines: the launcher
  /// compiles it as written (purecc-openmp-macro).
  bool TestsOpenMPMacro = false;
  /// Across units: the contracts the unit relies on, and the link names of
  /// the [[pure]] definitions it checked, whether they passed or not (a
  /// violation is reported by the unit; `purecc check -p` matches them).
  std::vector<PureContract> Contracts;
  std::vector<std::string> CheckedDefinitions;
};

/// Clang's closing "N errors generated." line: printed for the command line
/// (like a compiler), not when purecc checks a unit for a build (its count
/// would include the warnings purecc drops, and in a parallel project check
/// the line would land between other units' diagnostics).
enum class ErrorCountLine : bool { Suppress, Print };

/// The one way the pipeline runs: a tool action that runs it over each
/// translation unit it is given, for a ClangTool (Driver.cpp: the command
/// line's files) or a ToolInvocation (UnitCheck.cpp: one unit of a build).
std::unique_ptr<clang::tooling::ToolAction>
makePipelineRunner(const PipelineConfig &Config, PipelineResult &Result, ErrorCountLine Count);

} // namespace purecc
