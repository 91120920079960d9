//===- PurityChecker.cpp - the verify step --------------------------------===//
#include "PurityChecker.h"
#include "Associative.h"
#include "Attributes.h"
#include "Collector.h"
#include "Fixpoint.h"
#include "Report.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace purecc {
namespace {

/// A comparison operator the compiler defines: `= default` (C++20).
bool isDefaultedComparison(const FunctionDecl *FD) {
  if (!FD->isDefaulted())
    return false;
  switch (FD->getOverloadedOperator()) {
  case OO_EqualEqual:
  case OO_ExclaimEqual:
  case OO_Less:
  case OO_Greater:
  case OO_LessEqual:
  case OO_GreaterEqual:
  case OO_Spaceship:
    return true;
  default:
    return false;
  }
}

/// Finds, in the user's code only (system headers are skipped whole):
/// definitions declared [[pure]] (template instantiations and lambda call
/// operators included), overrides of [[pure]] virtuals that are not pure
/// themselves, and, for --suggest, the main file's other function
/// definitions.
class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(const ASTContext &Ctx, Suggest S)
      : SM(Ctx.getSourceManager()), WantCandidates(S == Suggest::On),
        // A lambda in an OpenMP region or a block lives in a context of its
        // own (CapturedDecl, BlockDecl), not in its function's.
        MaySkipBodies(!Ctx.getLangOpts().OpenMP && !Ctx.getLangOpts().Blocks) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }
  // Nothing here visits types: their TypeLocs are walked (for the lambdas
  // in them), not the types again.
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool TraverseDecl(Decl *D) {
    // A parameter is where its function is, which was looked at.
    if (D && !isa<TranslationUnitDecl, ParmVarDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    const Stmt *Outer = SkipBody;
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(D))
      SkipBody = FD->doesThisDeclarationHaveABody() && declaresNothingToFind(FD)
                     ? FD->getBody()
                     : nullptr;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    SkipBody = Outer;
    return Result;
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (S && S == SkipBody)
      return true;
    return RecursiveASTVisitor::TraverseStmt(S, Queue);
  }

  // The bodies of a generic lambda's specializations are not part of the
  // expression (RecursiveASTVisitor walks only the dependent body, whose
  // lambdas and local classes are themselves dependent and so skipped): a
  // [[pure]] lambda or local class member declared in one exists only in
  // them, once per specialization (instantiated from the same source
  // declaration: Report dedups what they would report twice).
  bool TraverseLambdaExpr(LambdaExpr *LE, DataRecursionQueue *Queue = nullptr) {
    if (!RecursiveASTVisitor::TraverseLambdaExpr(LE, Queue))
      return false;
    if (FunctionTemplateDecl *FT = LE->getDependentCallOperator())
      for (FunctionDecl *Spec : FT->specializations())
        if (!TraverseDecl(Spec))
          return false;
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    // A memo key cannot see what a dynamic initializer computes at
    // start-up (StartupCalls.h); constant ones need no look.
    if (VD->hasGlobalStorage() && !isa<ParmVarDecl>(VD) && VD->hasInit() &&
        !VD->isInvalidDecl() && !VD->getDeclContext()->isDependentContext() &&
        !VD->getInit()->isValueDependent() && !VD->hasConstantInitialization())
      DynamicallyInitialized.push_back(VD);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    consider(FD);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      considerOverride(MD);
    return true;
  }
  // An implicit destructor is not visited as a declaration, but one that
  // overrides a [[pure]] destructor is what `delete base` runs when R5
  // trusts the base's: it must be pure all the same (Clang declares it
  // with the class when the class is polymorphic).
  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || RD->isDependentContext())
      return true;
    if (const CXXDestructorDecl *DD = RD->getDestructor(); DD && DD->isImplicit())
      for (const CXXMethodDecl *Base : DD->overridden_methods())
        if (isDeclaredPure(Base)) {
          ImplicitOverrides.push_back({DD, Base});
          break;
        }
    // The `operator==` a defaulted `operator<=>` declares is implicit, and
    // so not visited as a declaration.
    for (const CXXMethodDecl *MD : RD->methods())
      if (MD->isImplicit() && isDefaultedComparison(MD))
        consider(MD);
    return true;
  }
  // A lambda's call operator is not reached as a declaration; a generic
  // lambda's is a template whose specializations are what runs.
  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (FunctionTemplateDecl *FT = LE->getDependentCallOperator()) {
      for (FunctionDecl *Spec : FT->specializations())
        consider(Spec);
      return true;
    }
    consider(LE->getCallOperator());
    return true;
  }

  std::vector<const FunctionDecl *> DeclaredPure;
  std::vector<const FunctionDecl *> Contracts;
  std::vector<std::pair<const CXXMethodDecl *, const CXXMethodDecl *>> Overrides;
  std::vector<std::pair<const CXXMethodDecl *, const CXXMethodDecl *>> ImplicitOverrides;
  std::vector<const FunctionDecl *> Candidates;
  /// Binary operators and functions that may combine a loop's accumulator
  /// (Associative.h).
  std::vector<const FunctionDecl *> Combines;
  /// Comparison operators the compiler defines (`= default`, and the
  /// `operator==` a defaulted `operator<=>` implies): judged like a
  /// [[pure]] function's callees, so that a loop comparing such objects
  /// knows them pure (adv76 F1). A user cannot see their bodies to mark
  /// them, and they compare members, which is pure when the members'
  /// comparisons are.
  std::vector<const FunctionDecl *> DefaultedComparisons;
  /// Functions marked 'purecc::memo' but not declared '[[pure]]'.
  std::vector<const FunctionDecl *> MemoUndeclared;
  /// Variables with static storage and a dynamic initializer.
  std::vector<const VarDecl *> DynamicallyInitialized;

private:
  /// Whether FD's body can hold nothing this visitor looks for: a lambda's
  /// closure class, a local class and a block-scope function declaration
  /// are all declared in FD itself, so a body that declares only variables
  /// (and names, labels, assertions) need not be walked. Most bodies are
  /// such, and walking every statement of the unit was the larger part of
  /// this visitor's cost.
  bool declaresNothingToFind(const FunctionDecl *FD) const {
    if (!MaySkipBodies)
      return false;
    for (const Decl *D : FD->decls())
      if (!isa<VarDecl, BindingDecl, LabelDecl, TypedefNameDecl, UsingDecl, UsingShadowDecl,
               UsingDirectiveDecl, StaticAssertDecl>(D))
        return false;
    return true;
  }

  void consider(const FunctionDecl *FD) {
    // A [[pure]] function this unit calls and cannot see defined: a
    // contract (an external one; an internal one has no other definition).
    if (!FD->isDefined() && FD->isReferenced() && !FD->isDependentContext() &&
        FD->isExternallyVisible() && isDeclaredPure(FD) &&
        ContractSeen.insert(FD->getCanonicalDecl()).second)
      Contracts.push_back(FD->getCanonicalDecl());
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        !Seen.insert(FD).second)
      return;
    if (isCombineCandidate(FD))
      Combines.push_back(FD);
    if (isDefaultedComparison(FD))
      DefaultedComparisons.push_back(FD);
    if (isMemoized(FD) && !isDeclaredPure(FD))
      MemoUndeclared.push_back(FD);
    if (isDeclaredPure(FD)) {
      DeclaredPure.push_back(FD);
      return;
    }
    if (WantCandidates && isCandidate(FD))
      Candidates.push_back(FD);
  }

  /// A function worth suggesting: written by the user in the main file,
  /// returns a value, and is not a special member, main, or a lambda.
  bool isCandidate(const FunctionDecl *FD) const {
    if (!SM.isInMainFile(FD->getLocation()) || FD->isImplicit() || FD->isMain() ||
        isAssumedPure(FD) || FD->getReturnType()->isVoidType() ||
        FD->isTemplateInstantiation() || FD->getDeclName().getNameKind() !=
                                             DeclarationName::Identifier)
      return false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        return false;
    return true;
  }

  void considerOverride(const CXXMethodDecl *MD) {
    if (MD->isDependentContext() || isDeclaredPure(MD) || isAssumedPure(MD) ||
        !MD->isFirstDecl())
      return;
    for (const CXXMethodDecl *Base : MD->overridden_methods())
      if (isDeclaredPure(Base)) {
        Overrides.push_back({MD, Base});
        return;
      }
  }

  const SourceManager &SM;
  bool WantCandidates;
  bool MaySkipBodies;
  /// The body of the function being traversed, when it need not be walked.
  const Stmt *SkipBody = nullptr;
  llvm::DenseSet<const FunctionDecl *> Seen, ContractSeen;
};

} // namespace

bool PurityFacts::isPure(const FunctionDecl *FD) const {
  // A function the user vouches for is pure to every step that asks, as it
  // is to the checker of its callers (docs/purity.md, R4): a loop over it
  // is a loop over a pure call (adv118 F3: kept serial, without a remark
  // or with "not known to be pure").
  return isAssumedPure(FD) || isVerified(FD);
}

bool PurityFacts::isVerified(const FunctionDecl *FD) const {
  auto It = Verdicts.find(FD->getCanonicalDecl());
  return It != Verdicts.end() && It->second == Verdict::Pure;
}

unsigned PurityFacts::verifiedCount() const {
  unsigned N = 0;
  // Per source declaration: verified when every instance is.
  llvm::DenseMap<const FunctionDecl *, bool> Shared;
  for (const FunctionDecl *FD : DeclaredPure) {
    auto It = Sources.find(FD);
    if (It == Sources.end()) {
      N += isPure(FD);
      continue;
    }
    auto [Entry, New] = Shared.try_emplace(It->second, true);
    Entry->second = Entry->second && isPure(FD);
  }
  for (const auto &[Source, AllPure] : Shared)
    N += AllPure;
  return N;
}

void PurityFacts::record(const FunctionDecl *FD, Verdict V) {
  Verdicts[FD->getCanonicalDecl()] = V;
}

const CombineVerdict *PurityFacts::combineVerdict(const FunctionDecl *FD) const {
  auto It = Combines.find(FD->getCanonicalDecl());
  return It == Combines.end() ? nullptr : &It->second;
}

void PurityFacts::recordCombine(const FunctionDecl *FD, CombineVerdict V) {
  Combines[FD->getCanonicalDecl()] = std::move(V);
}

const StartupCall *PurityFacts::startupCall(const VarDecl *VD) const {
  auto It = StartupCalls.find(VD->getCanonicalDecl());
  return It == StartupCalls.end() ? nullptr : &It->second;
}

void PurityFacts::addStartupCall(StartupCall C) {
  StartupCalls[C.Global->getCanonicalDecl()] = std::move(C);
}

void PurityFacts::dump(raw_ostream &OS, const ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *FD : DeclaredPure) {
    PresumedLoc P = SM.getPresumedLoc(FD->getLocation());
    OS << (isPure(FD) ? "pure   " : "impure ") << FD->getQualifiedNameAsString()
       << "  (" << (P.isValid() ? P.getFilename() : "<unknown>") << ":"
       << (P.isValid() ? P.getLine() : 0) << ")\n";
    if (auto It = Explanations.find(FD); It != Explanations.end())
      for (const std::string &Line : It->second)
        OS << "    " << Line << "\n";
  }
}

namespace {

/// The effect kinds as `--dump-after=verify` prints them.
llvm::StringRef effectName(EffectKind K) {
  switch (K) {
  case EffectKind::GlobalWrite: return "global-write";
  case EffectKind::NonLocalWrite: return "nonlocal-write";
  case EffectKind::CastWrite: return "cast-write";
  case EffectKind::Io: return "io";
  case EffectKind::ThisWrite: return "this-write";
  case EffectKind::ParamWrite: return "param-write";
  case EffectKind::GlobalRead: return "global-read";
  case EffectKind::Volatile: return "volatile";
  case EffectKind::Atomic: return "atomic";
  case EffectKind::InlineAsm: return "inline-asm";
  case EffectKind::ParamIndirection: return "param-indirection";
  case EffectKind::ReturnIndirection: return "return-indirection";
  case EffectKind::NonConstMember: return "nonconst-member";
  case EffectKind::Call: return "call";
  case EffectKind::ImpureCall: return "impure-call";
  case EffectKind::LibraryCall: return "impure-library";
  case EffectKind::IndirectCall: return "indirect-call";
  case EffectKind::VirtualCall: return "virtual-call";
  default: return "effect"; // a kind added without a name here
  }
}

/// One effect as a line of the verify dump: what, where, on what, and why
/// it counts (how the fixpoint judged it).
std::string describe(const Effect &E, bool Blocks, const SourceManager &SM) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << effectName(E.Kind);
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(E.Loc));
  if (P.isValid())
    OS << "  " << llvm::sys::path::filename(P.getFilename()) << ":" << P.getLine() << ":"
       << P.getColumn();
  if (E.Subject)
    OS << "  '" << E.Subject->getQualifiedNameAsString() << "'";
  if (E.Callee)
    OS << "  calls '" << E.Callee->getQualifiedNameAsString() << "'";
  if (!E.Shown.empty())
    OS << "  calls '" << E.Shown << "'";
  if (!E.Detail.empty())
    OS << "  (" << E.Detail << ")";
  if (E.ViaCallee)
    OS << "  through the call to '" << E.ViaCallee->getQualifiedNameAsString() << "'";
  if (E.DefaultArgOf)
    OS << "  in the default argument of '" << E.DefaultArgOf->getName() << "'";
  if (Blocks)
    OS << "  [violation]";
  else if (E.Kind == EffectKind::Call)
    OS << "  [callee judged pure]";
  else
    OS << "  [allowed]";
  return Out;
}

} // namespace

PurityFacts verifyPurity(ASTContext &Ctx, Reporter &R, const VerifyOptions &Options) {
  PurityFacts Facts;
  Finder Find(Ctx, Options.FindSuggestions);
  Find.TraverseDecl(Ctx.getTranslationUnitDecl());

  Collector C(Ctx);
  Fixpoint Fix(C);
  PurityReport Report(Ctx, R, Fix, Options.ChainDepth);

  std::vector<std::pair<const FunctionDecl *, Verdict>> Declared;
  for (const FunctionDecl *FD : Find.DeclaredPure) {
    Facts.addDeclaredPure(FD, PurityReport::sharedSource(FD));
    bool Ok = Report.reportDeclaredPure(FD);
    Declared.push_back({FD, Ok ? Verdict::Pure : Verdict::Impure});
    if (Options.Explain == ExplainEffects::On) {
      std::vector<std::string> Lines;
      const Summary &S = Fix.resolve(FD);
      for (const Effect &E : S.Resolved)
        Lines.push_back(describe(E, Report.blocks(S, E), Ctx.getSourceManager()));
      // The calls the verdict rests on: each callee was judged pure (an
      // impure one is an impure-call above).
      for (const Effect &E : S.Effects)
        if (E.Kind == EffectKind::Call && E.Callee && judgedByBody(E.Callee) &&
            Fixpoint::isClean(Fix.resolve(E.Callee)))
          Lines.push_back(describe(E, /*Blocks=*/false, Ctx.getSourceManager()));
      Facts.explain(FD, std::move(Lines));
    }
  }
  for (const auto &[Override, Base] : Find.Overrides)
    Report.reportOverride(Override, Base);
  for (const auto &[Override, Base] : Find.ImplicitOverrides)
    if (!Report.wouldPass(Override))
      Report.reportOverride(Override, Base);
  for (const FunctionDecl *FD : Find.Candidates)
    if (Report.wouldPass(FD))
      Facts.addSuggestion({FD, FD->getBeginLoc()});

  for (const FunctionDecl *FD : Find.DefaultedComparisons)
    Fix.resolve(FD);
  // Inferred verdicts for everything judged on the way; the declared ones
  // (which also check the interface) take precedence.
  for (const auto &[FD, S] : C.all())
    if (S->Done)
      Facts.record(FD, Fixpoint::isClean(*S) ? Verdict::Pure : Verdict::Impure);
  for (const auto &[FD, V] : Declared)
    Facts.record(FD, V);
  for (const FunctionDecl *FD : Find.Contracts) {
    Facts.addContract(FD);
    Facts.record(FD, Verdict::Pure);
  }
  // Only a memo key and a task that travels need what the initializers run
  // (their callees are judged here, after the verdicts are kept: work no
  // other step asks for, which changes no verdict codegen reads).
  if (llvm::any_of(Find.DeclaredPure, isMemoized) || distributedBuild(Ctx))
    for (const VarDecl *VD : Find.DynamicallyInitialized)
      if (std::optional<StartupCall> Call = purecc::startupCall(VD, Fix))
        Facts.addStartupCall(std::move(*Call));
  judgeCombines(Find.Combines, Fix, Report, R, Facts);
  // Caching is for functions the checker verified: one marked
  // 'purecc::memo' but not declared '[[pure]]' is an error here, so that
  // 'purecc check' says what 'purecc rewrite' would refuse (user41 t07:
  // check said nothing). A template's instantiations share one attribute.
  llvm::DenseSet<SourceLocation> MemoReported;
  for (const FunctionDecl *FD : Find.MemoUndeclared)
    if (const AnnotateAttr *Attr = findAttr(FD, PureccAttr::Memo);
        Attr && MemoReported.insert(Attr->getLocation()).second) {
      auto D = R.report(Attr->getLocation(), Diag::ErrMemoNotPure);
      const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
      D << Report.name(Pattern ? Pattern : FD) << /*declared pure*/ false; // 'f', not 'f<int>'
      if (FD->getBeginLoc().isFileID())
        D << FixItHint::CreateInsertion(FD->getBeginLoc(), "[[pure]] ");
    }
  return Facts;
}

} // namespace purecc
