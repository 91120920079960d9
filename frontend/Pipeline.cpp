//===- Pipeline.cpp - runs the steps over one translation unit ------------===//
#include "Pipeline.h"
#include "CrashGuard.h"
#include "HeldDiagnostics.h"
#include "Emit.h"
#include "SuggestPure.h"

#include "analysis/Attributes.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/PurityChecker.h"
#include "analysis/WeakSymbols.h"
#include "codegen/Plan.h"
#include "codegen/PreprocessorRecord.h"

#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Sema/Weak.h"
#include "codegen/RuntimeInclude.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/LangStandard.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/StringSwitch.h"

#include <optional>

using namespace clang;

namespace purecc {

std::optional<Step> parseStep(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Step>>(Name)
#define PURECC_STEP(Name, Spelling, Dump) .Case(Spelling, Step::Name)
#include "Steps.def"
      .Default(std::nullopt);
}

llvm::StringRef stepName(Step S) {
  switch (S) {
#define PURECC_STEP(Name, Spelling, Dump)                                      \
  case Step::Name:                                                             \
    return Spelling;
#include "Steps.def"
  }
  return "";
}

llvm::StringRef stepDump(Step S) {
  switch (S) {
#define PURECC_STEP(Name, Spelling, Dump)                                      \
  case Step::Name:                                                             \
    return Dump;
#include "Steps.def"
  }
  return "";
}

namespace {

class PipelineConsumer : public SemaConsumer {
public:
  PipelineConsumer(const PipelineConfig &Config, PipelineResult &Result)
      : Config(Config), Result(Result) {}

  void InitializeSema(Sema &S) override { TheSema = &S; }
  void ForgetSema() override { TheSema = nullptr; }

  /// The names `#pragma weak` named that Clang found no declaration of (a
  /// mangled name, a name declared nowhere): g++ makes the symbol weak.
  std::vector<std::string> weakPragmaNames() const {
    std::vector<std::string> Names;
    if (!TheSema)
      return Names;
    for (const auto &[Target, Aliases] : TheSema->WeakUndeclaredIdentifiers) {
      if (Target)
        Names.push_back(Target->getName().str());
      for (const WeakInfo &W : Aliases)
        if (const IdentifierInfo *Alias = W.getAlias())
          Names.push_back(Alias->getName().str());
    }
    return Names;
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Engine = Ctx.getDiagnostics();
    // Code that does not compile is reported by Clang; judging its purity
    // would only add noise.
    if (Engine.hasErrorOccurred())
      return;
    if (dumpAfter(Step::Parse))
      Ctx.getTranslationUnitDecl()->dump(llvm::outs());
    if (done(Step::Parse))
      return;

    maybeInjectFault(stepName(Step::Verify));
    // Symbols g++ makes weak where Clang does not (analysis/WeakSymbols.h).
    markLinkTimeWeak(Ctx, weakPragmaNames());
    Reporter R(Engine, Config.Warn);
    VerifyOptions VO;
    VO.FindSuggestions = Config.SuggestPure;
    VO.Explain = Config.DumpAfter.contains(Step::Verify) ? ExplainEffects::On : ExplainEffects::Off;
    PurityFacts Facts = verifyPurity(Ctx, R, VO);
    reportSuggestions(Facts, R);
    Result.PureFunctions += Facts.verifiedCount();
    Result.Suggestions += unsigned(Facts.suggestions().size());
    recordContracts(Ctx, Facts, R);
    if (dumpAfter(Step::Verify))
      Facts.dump(llvm::outs(), Ctx);
    // Only code that passed verification may be rewritten.
    if (done(Step::Verify) || Engine.hasErrorOccurred())
      return;

    maybeInjectFault(stepName(Step::Plan));
    PlanConfig PC;
    PC.ShowRemarks = Config.ShowRemarks == Remarks::On;
    PC.ReassociateFloatingPoint = Config.Reassociate == FpReassoc::On;
    PC.Preprocessed = &Preprocessed;
    PC.OptimizationLevel = OptimizationLevel;
    // The runtime and the code generated for it need C++20; a unit built
    // with an older standard is planned (so that errors such as a memoized
    // impure function are still reported) but compiled as written.
    const bool OldStandard = !Ctx.getLangOpts().CPlusPlus20;
    // So is one where the generated `std::` would name another `std`, or
    // `::purecc::` clash with the program's `purecc` (purecc-shadowed-name),
    // known before planning.
    const NamedDecl *Shadowing = shadowingName(Ctx);
    if (OldStandard || Shadowing)
      PC.ShowRemarks = false; // its "rewritten" remarks would not be true
    // A macro named like a name the generated code spells is found in the
    // plan's text; the plan's remarks wait until then (HeldDiagnostics.h).
    std::optional<HeldDiagnostics> Held;
    if (PC.ShowRemarks && PP)
      Held.emplace(Engine);
    Plan P = planRewrites(Ctx, Facts, R, PC);
    if (OldStandard && (!P.Edits.empty() || P.UsesRuntime)) {
      const LangStandard &Std = LangStandard::getLangStandardForKind(Ctx.getLangOpts().LangStd);
      SourceLocation Where = P.Entries.empty() ? SourceLocation() : P.Entries.front().Loc;
      if (Where.isInvalid())
        Where = Ctx.getSourceManager().getLocForStartOfFile(Ctx.getSourceManager().getMainFileID());
      R.report(Where, Diag::RemarkNeedsCxx20) << Std.getName();
      keepOnlyHiddenAttributes(P);
    }
    if (P.UsesRuntime && PP)
      if (std::optional<GeneratedNameMacro> Macro = generatedNameMacro(P, *PP)) {
        SourceLocation Where = Macro->Definition;
        if (Where.isInvalid() || !Ctx.getSourceManager().getPresumedLoc(Where).isValid() ||
            Ctx.getSourceManager().isWrittenInBuiltinFile(Where) ||
            Ctx.getSourceManager().isWrittenInCommandLineFile(Where))
          Where = P.Entries.empty() ? Ctx.getSourceManager().getLocForStartOfFile(
                                          Ctx.getSourceManager().getMainFileID())
                                    : P.Entries.front().Loc;
        if (Held)
          Held->release(KeepRemarks::No); // none would be true
        R.report(Where, Diag::RemarkRuntimeNameMacro) << Macro->Name;
        keepOnlyHiddenAttributes(P);
      }
    // A call the runtime's standard headers could take over and that no
    // qualified name reaches (codegen/LookupShield.h).
    if (P.UsesRuntime && P.ExposedCall.isValid()) {
      if (Held)
        Held->release(KeepRemarks::No); // none would be true
      R.report(P.ExposedCall, Diag::RemarkRuntimeLookup)
          << (llvm::Twine("'") + P.ExposedName + "'").str() << P.ExposedName;
      keepOnlyHiddenAttributes(P);
    }
    // Code under `#ifdef _OPENMP` would run in the parallel build where the
    // serial one ran other code (adv82 F1: a function checked pure in one
    // form and run in the other; F2: <omp.h> brought another 'abs').
    Preprocessed.finish();
    Result.TestsOpenMPMacro = Preprocessed.OpenMPMacroTest.isValid();
    if (Result.TestsOpenMPMacro && (!P.Edits.empty() || P.UsesRuntime)) {
      if (Held)
        Held->release(KeepRemarks::No); // none would be true
      R.report(Preprocessed.OpenMPMacroTest, Diag::RemarkOpenMPMacro);
      keepOnlyHiddenAttributes(P);
    }
    if (Held)
      Held->release(KeepRemarks::Yes);
    if (Shadowing && !OldStandard && P.UsesRuntime) {
      R.report(Shadowing->getLocation(), Diag::RemarkShadowedName)
          << (Shadowing->getName() == "std" ? "std::" : "::purecc::")
          << describeShadowing(Shadowing);
      keepOnlyHiddenAttributes(P);
    }
    if (dumpAfter(Step::Plan))
      dumpPlan(P, Ctx, llvm::outs());
    // A plan that reported an error (e.g. a memoized impure function) must
    // not produce output.
    if (done(Step::Plan) || Engine.hasErrorOccurred())
      return;

    maybeInjectFault(stepName(Step::Rewrite));
    placeRuntimeInclude(Ctx, Preprocessed, P);
    std::string Text = applyPlan(Ctx, P);
    if (dumpAfter(Step::Rewrite))
      llvm::outs() << Text;
    if (done(Step::Rewrite))
      return;

    maybeInjectFault(stepName(Step::Emit));
    if (!emitFile(Config.OutputPath, Text))
      Result.EmitFailed = true;
  }

  /// What the preprocessor saw that the AST does not keep, recorded while
  /// the unit is parsed (codegen/PreprocessorRecord.h).
  PreprocessorRecord Preprocessed;
  /// The unit's preprocessor, for the macros defined where parsing ended.
  Preprocessor *PP = nullptr;
  Sema *TheSema = nullptr;
  /// The build's -O level (CodeGenOptions), for fingerprints (Plan.h).
  unsigned OptimizationLevel = 0;

private:
  /// The unit's side of the cross-unit model: what it trusts (with a remark)
  /// and which [[pure]] definitions it checked (passed or reported), by
  /// link name.
  void recordContracts(ASTContext &Ctx, const PurityFacts &Facts, Reporter &R) {
    std::unique_ptr<MangleContext> Mangle(Ctx.createMangleContext());
    auto LinkName = [&](const FunctionDecl *FD) -> std::optional<std::string> {
      if (isa<CXXConstructorDecl, CXXDestructorDecl>(FD) || FD->isDependentContext())
        return std::nullopt;
      if (!Mangle->shouldMangleDeclName(FD))
        return FD->getName().str();
      std::string Out;
      llvm::raw_string_ostream OS(Out);
      Mangle->mangleName(GlobalDecl(FD), OS);
      return Out;
    };
    const SourceManager &SM = Ctx.getSourceManager();
    for (const FunctionDecl *FD : Facts.contracts()) {
      // A pure virtual one (`= 0`) has no definition to check: a call runs
      // an override, whose own [[pure]] is checked where it is defined.
      if (FD->isPureVirtual())
        continue;
      if (Config.ShowRemarks == Remarks::On)
        R.report(FD->getLocation(), Diag::RemarkPureContract) << FD;
      if (Config.CrossUnit == LinkNames::Off)
        continue;
      if (std::optional<std::string> Name = LinkName(FD)) {
        PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(FD->getLocation()));
        std::string Where = P.isValid() ? (std::string(P.getFilename()) + ":" +
                                           std::to_string(P.getLine()) + ":" +
                                           std::to_string(P.getColumn()))
                                        : std::string("<unknown>");
        Result.Contracts.push_back({*Name, FD->getQualifiedNameAsString(), Where});
      }
    }
    if (Config.CrossUnit == LinkNames::Off)
      return;
    for (const FunctionDecl *FD : Facts.declaredPure())
      if (FD->isExternallyVisible()) // a violation is reported by this unit
        if (std::optional<std::string> Name = LinkName(FD))
          Result.CheckedDefinitions.push_back(*Name);
  }

  /// Whether to dump after S; with more than one step dumped, each dump
  /// starts with a line naming its step.
  bool dumpAfter(Step S) const {
    if (!Config.DumpAfter.contains(S))
      return false;
    if (Config.DumpAfter.size() > 1)
      llvm::outs() << "=== after " << stepName(S) << " ===\n";
    return true;
  }
  bool done(Step S) const { return Config.LastStep == S; }

  const PipelineConfig &Config;
  PipelineResult &Result;
};

class PipelineAction : public ASTFrontendAction {
public:
  PipelineAction(const PipelineConfig &Config, PipelineResult &Result)
      : Config(Config), Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    // A check reads the attributes only through the purity checker's
    // queries: Clang then parses as fast as without them (Attributes.h).
    // Planning reads them off the declarations, and the parse dump shows them.
    if (Config.LastStep == Step::Verify && !Config.DumpAfter.contains(Step::Parse))
      keepAttributesAside(CI.getASTContext());
    auto Consumer = std::make_unique<PipelineConsumer>(Config, Result);
    Consumer->PP = &CI.getPreprocessor();
    Consumer->OptimizationLevel = CI.getCodeGenOpts().OptimizationLevel;
    CI.getPreprocessor().addPPCallbacks(
        recordPreprocessor(CI.getPreprocessor(), Consumer->Preprocessed));
    return Consumer;
  }

private:
  const PipelineConfig &Config;
  PipelineResult &Result;
};

/// Runs the pipeline's frontend action on one unit as
/// FrontendActionFactory::runInvocation does, with the choice of where
/// Clang's closing line goes.
class PipelineRunner : public tooling::ToolAction {
public:
  PipelineRunner(const PipelineConfig &Config, PipelineResult &Result, ErrorCountLine Count)
      : Config(Config), Result(Result), Count(Count) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Consumer) override {
    CompilerInstance Compiler(std::move(PCHContainerOps));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    // The action may refer to the compiler's members: it must go first.
    std::unique_ptr<FrontendAction> Action = std::make_unique<PipelineAction>(Config, Result);
    Compiler.createDiagnostics(Consumer, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    if (Count == ErrorCountLine::Suppress)
      Compiler.setVerboseOutputStream(std::make_unique<llvm::raw_null_ostream>());
    Compiler.createSourceManager(*Files);
    // What counts as the compiler's own library, by the unit's search path.
    ImplementationScope Implementation(Compiler.getSourceManager(), Compiler.getHeaderSearchOpts());
    const bool Success = Compiler.ExecuteAction(*Action);
    Files->clearStatCache();
    return Success;
  }

private:
  const PipelineConfig &Config;
  PipelineResult &Result;
  ErrorCountLine Count;
};

} // namespace

std::unique_ptr<tooling::ToolAction> makePipelineRunner(const PipelineConfig &Config,
                                                        PipelineResult &Result,
                                                        ErrorCountLine Count) {
  return std::make_unique<PipelineRunner>(Config, Result, Count);
}

} // namespace purecc
