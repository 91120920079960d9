//===- PurityChecker.h - the verify step ----------------------------------===//
//
// Judges every function declared [[pure]] in a translation unit (and,
// through them, everything they call, transitively) and reports each
// violation through the Reporter. The verdicts are kept in PurityFacts for
// the later steps: codegen only rewrites code that was verified pure.
//
//   purecc::Reporter R(Ctx.getDiagnostics(), purecc::WarnOnly::Off);
//   purecc::PurityFacts Facts = purecc::verifyPurity(Ctx, R);
//   if (Facts.isPure(FD)) ...
//
// `purecc check --suggest` asks for one more thing: the unannotated
// functions of the main file that would pass every rule if declared pure.
//
//   purecc::VerifyOptions VO;
//   VO.Suggest = purecc::Suggest::On;
//   purecc::PurityFacts Facts = purecc::verifyPurity(Ctx, R, VO);
//   for (const purecc::PureSuggestion &S : Facts.suggestions())
//     // S.FD is provably pure; insert "[[pure]] " at S.InsertLoc
//
// How it works (find, then report): Collector.h walks each function that
// is needed once and lets the rules in analysis/rules/ record effects;
// Fixpoint.h combines them over the call graph's SCCs; Report.h turns the
// effects of declared-pure functions into errors and note chains. The rules
// themselves are documented in docs/purity.md.
//
// Cost: only functions reachable from declared-pure ones (and, with
// --suggest, the main file's functions) are summarized, once each;
// standard library bodies are never walked.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "StartupCalls.h"
#include "diagnostics/Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace purecc {

enum class Verdict { Pure, Impure };

/// `--suggest`: also look for unannotated main-file functions that are pure.
enum class Suggest : bool { Off, On };

/// `--dump-after=verify`: keep, for each function declared pure, the
/// effects its verdict rests on.
enum class ExplainEffects : bool { Off, On };

struct VerifyOptions {
  Suggest FindSuggestions = Suggest::Off;
  ExplainEffects Explain = ExplainEffects::Off;
  /// How many "is not pure because" notes a call chain gets before
  /// "and N more steps down the call chain".
  unsigned ChainDepth = 4;
};

/// An unannotated main-file function that would pass every rule.
struct PureSuggestion {
  const clang::FunctionDecl *FD;
  /// Where "[[pure]] " goes: the start of the declaration (after any
  /// template parameter list), so the attribute appertains to it.
  clang::SourceLocation InsertLoc;
};

/// The verdict on a combine function (Associative.h).
struct CombineVerdict {
  /// Pure apart from writing its left operand (a compound assignment's).
  bool Pure = false;
  /// When not Pure: completes "'f' is not pure because it ...".
  std::string Why;
};

class PurityFacts {
public:
  /// True when FD was judged pure: declared [[pure]] and verified, or
  /// inferred (a callee, or a --suggest candidate, with no effect at all),
  /// or when the user vouches for it with [[purecc::assume_pure]].
  bool isPure(const clang::FunctionDecl *FD) const;
  /// True when the checker proved FD pure (declared [[pure]] and verified,
  /// or inferred): what caching needs, since a cached value stands for
  /// every later call. [[purecc::assume_pure]] alone is not proof.
  bool isVerified(const clang::FunctionDecl *FD) const;
  /// The functions declared [[pure]] in the translation unit, in source order.
  const std::vector<const clang::FunctionDecl *> &declaredPure() const {
    return DeclaredPure;
  }
  /// Number of declared-pure functions that passed every rule. The
  /// instances of one lambda or local class member that its enclosing
  /// template was instantiated with count once, and only when all passed.
  unsigned verifiedCount() const;
  /// Functions declared [[pure]] that this translation unit calls but does
  /// not define: pure by contract here (isPure is true), checked where they
  /// are defined. `purecc check -p` reports a contract no unit of the
  /// project checked (docs/codegen.md, "Across translation units").
  const std::vector<const clang::FunctionDecl *> &contracts() const { return Contracts; }
  void addContract(const clang::FunctionDecl *FD) { Contracts.push_back(FD); }
  /// With Suggest::On: main-file functions that could be declared pure, in
  /// source order.
  const std::vector<PureSuggestion> &suggestions() const { return Suggestions; }

  void record(const clang::FunctionDecl *FD, Verdict V);
  /// The verdict on FD as a combine function (a user's binary operator, a
  /// `T f(T, T)`, or a function marked [[purecc::associative]]), or null
  /// when FD was not judged as one (Associative.h).
  const CombineVerdict *combineVerdict(const clang::FunctionDecl *FD) const;
  void recordCombine(const clang::FunctionDecl *FD, CombineVerdict V);
  /// Source: the declaration FD is an instance of, when it is one of many
  /// (PurityReport::sharedSource), or null.
  void addDeclaredPure(const clang::FunctionDecl *FD, const clang::FunctionDecl *Source) {
    DeclaredPure.push_back(FD);
    if (Source)
      Sources[FD] = Source;
  }
  void addSuggestion(PureSuggestion S) { Suggestions.push_back(S); }
  /// With ExplainEffects::On: one line per effect FD's verdict rests on.
  void explain(const clang::FunctionDecl *FD, std::vector<std::string> Lines) {
    Explanations[FD] = std::move(Lines);
  }

  /// In a unit with a `[[purecc::memo]]` function: the first call that is
  /// not pure in the dynamic initializer of VD, a variable with static
  /// storage (StartupCalls.h), or null.
  const StartupCall *startupCall(const clang::VarDecl *VD) const;
  void addStartupCall(StartupCall C);

  /// `--dump-after=verify`: one line per function declared pure (verdict,
  /// name, where), then, indented, the effects found in it after the
  /// fixpoint (kind, where, what) when they were kept.
  void dump(llvm::raw_ostream &OS, const clang::ASTContext &Ctx) const;

private:
  llvm::DenseMap<const clang::FunctionDecl *, Verdict> Verdicts;
  llvm::DenseMap<const clang::FunctionDecl *, CombineVerdict> Combines;
  std::vector<const clang::FunctionDecl *> DeclaredPure;
  llvm::DenseMap<const clang::FunctionDecl *, const clang::FunctionDecl *> Sources;
  std::vector<const clang::FunctionDecl *> Contracts;
  std::vector<PureSuggestion> Suggestions;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<std::string>> Explanations;
  llvm::DenseMap<const clang::VarDecl *, StartupCall> StartupCalls;
};

PurityFacts verifyPurity(clang::ASTContext &Ctx, Reporter &R,
                         const VerifyOptions &Options = {});

} // namespace purecc
