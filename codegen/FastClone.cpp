//===- FastClone.cpp - keep the serial code as the fast path --------------===//
#include "FastClone.h"
#include "CallTasks.h"
#include "PlaceNames.h"
#include "PreprocessorRecord.h"
#include "StmtDeps.h"
#include "HiddenAttributes.h"
#include "PlainValues.h"
#include "StackUse.h"
#include "TaskRegistry.h"
#include "LineDirectives.h"

#include "analysis/Attributes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// The offsets of every name in Body that calls FD (recursive calls). Only
/// calls: `&fib` or `fib` passed on is the function's address, which the
/// clone must not change (adv39 t03: `g_fp == &fib` was false in the
/// clone); a call through it reaches the parallel version, with the same
/// result.
std::vector<unsigned> selfReferences(const PlanContext &PC, const FunctionDecl *FD) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const PlanContext &PC;
    const FunctionDecl *FD;
    std::vector<unsigned> Out;
    bool Ok = true;
    Finder(const PlanContext &PC, const FunctionDecl *FD) : PC(PC), FD(FD) {}
    // `fib(n - 1)`, and a member function's own calls: `fib(n - 1)`,
    // `this->fib(...)`.
    bool VisitCallExpr(CallExpr *CE) {
      const Expr *Callee = CE->getCallee()->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
        record(DRE->getDecl(), DRE->getLocation());
      else if (const auto *ME = dyn_cast<MemberExpr>(Callee))
        record(ME->getMemberDecl(), ME->getMemberLoc());
      return true;
    }
    void record(const ValueDecl *D, SourceLocation Loc) {
      if (D->getCanonicalDecl() != FD->getCanonicalDecl())
        return;
      if (auto O = PC.offsets(Loc))
        Out.push_back(O->first);
      else
        Ok = false;
    }
  } F(PC, FD);
  F.TraverseStmt(FD->getBody());
  if (!F.Ok)
    return {};
  std::sort(F.Out.begin(), F.Out.end());
  return F.Out;
}

/// The function template FD instantiates (or describes), if any.
const FunctionTemplateDecl *templateOf(const FunctionDecl *FD) {
  if (const FunctionTemplateDecl *FT = FD->getPrimaryTemplate())
    return FT;
  return FD->getDescribedFunctionTemplate();
}

/// Whether a member function can get its serial clone next to it: defined
/// inside its class (so the clone needs no declaration of its own), not
/// virtual (the clone must not override anything), in a class at namespace
/// scope.
bool isClonableMember(const CXXMethodDecl *MD) {
  const CXXRecordDecl *Class = MD->getParent();
  return !MD->isVirtual() && !MD->isOutOfLine() && !Class->isLambda() &&
         !isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(MD) &&
         Class->getDeclContext()->getRedeclContext()->isFileContext();
}

/// The text [Begin, End) with the self references at Refs renamed to Serial,
/// purecc's attributes hidden and the planned edits marked
/// RepeatInSerialClone applied (in applyPlan's order: at one offset,
/// insertions before the replacement).
std::string cloneText(const PlanContext &PC, unsigned Begin, unsigned End,
                      const std::vector<unsigned> &Refs, unsigned NameLength,
                      const std::string &Serial) {
  std::vector<Edit> Pieces = attributeEdits(PC.SM, PC.LO, PC.P.Attributes, Begin, End);
  for (const Edit &E : PC.P.Edits)
    if (E.RepeatInSerialClone && E.Begin >= Begin && E.End <= End)
      Pieces.push_back(E);
  for (unsigned R : Refs) {
    // A reference inside replaced text keeps the name the replacement has.
    bool Replaced = llvm::any_of(Pieces, [&](const Edit &E) {
      return E.Begin < E.End && E.Begin <= R && R < E.End;
    });
    if (!Replaced)
      Pieces.push_back({R, R + NameLength, Serial});
  }
  std::stable_sort(Pieces.begin(), Pieces.end(), [](const Edit &L, const Edit &R) {
    if (L.Begin != R.Begin)
      return L.Begin < R.Begin;
    return (L.Begin == L.End) > (R.Begin == R.End);
  });
  std::string Out;
  unsigned Pos = Begin;
  for (const Edit &E : Pieces) {
    if (E.Begin < Pos)
      continue;
    Out += PC.textAt(Pos, E.Begin) + E.Text;
    Pos = E.End;
  }
  return Out + PC.textAt(Pos, End);
}

/// Every function the clone's text stands for: FD, or each instantiation
/// this unit makes of the function template, or of the class template
/// member, FD's text is.
std::vector<const FunctionDecl *> instancesOf(const FunctionDecl *Pattern) {
  if (!Pattern->isDependentContext())
    return {Pattern};
  std::vector<const FunctionDecl *> Out;
  if (const FunctionTemplateDecl *FT = Pattern->getDescribedFunctionTemplate()) {
    for (const FunctionDecl *Spec : FT->specializations())
      if (!Spec->isDependentContext())
        Out.push_back(Spec);
    return Out;
  }
  const auto *MD = dyn_cast<CXXMethodDecl>(Pattern);
  const ClassTemplateDecl *CT = MD ? MD->getParent()->getDescribedClassTemplate() : nullptr;
  if (!CT)
    return {}; // a member of a partial specialization, a nested class: unknown
  for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
    for (const CXXMethodDecl *M : Spec->methods())
      if (M->getInstantiatedFromMemberFunction() == Pattern && !M->isDependentContext())
        Out.push_back(M);
  return Out;
}

/// Why handing a parameter on to the clone could run code of the user's:
/// a by-value parameter is moved into the clone's (a copy would run a
/// user's copy constructor the serial program never runs, adv29 W2; a
/// move-only type has none, adv29 C2), so no instance may have one whose
/// move runs the user's code (PlainValues.h). Empty when none can.
std::string handOnRunsUserCode(const FunctionDecl *Pattern) {
  std::vector<const FunctionDecl *> Instances = instancesOf(Pattern);
  if (Instances.empty() && Pattern->isDependentContext())
    return "its instances are not known";
  for (const FunctionDecl *I : Instances)
    for (const ParmVarDecl *P : I->parameters()) {
      if (P->getType()->isReferenceType())
        continue;
      if (std::string Why = observableMoveReason(P->getType()); !Why.empty())
        return quoted(P) + " " + Why;
      // `const std::vector<long> v`: the dispatch can only copy it, and
      // `const std::unique_ptr<long> p` not even that (adv31 C4, W1).
      if (!copiedByMove(P->getType()).empty())
        return quoted(P) + " is 'const', so handing it on would copy it";
      if (!isMovable(P->getType()))
        return quoted(P) + " cannot be moved"; // `E(E &&) = delete;` (adv30 C2)
    }
  return "";
}

/// How the dispatch hands the parameter P (as written, in the pattern) on
/// to the clone without a copy: a reference or a scalar by its name; a
/// class or a dependent type by value, an rvalue reference and a pack as an
/// xvalue of its declared type (`static_cast<decltype(b) &&>(b)`, which
/// moves a value and forwards a reference as it is).
std::string handedOn(const ParmVarDecl *P) {
  std::string Name = P->getNameAsString();
  QualType T = P->getType();
  bool ByName = !P->isParameterPack() && (T->isLValueReferenceType() ||
                                          (!T->isReferenceType() && !T->isDependentType() &&
                                           !T->isRecordType()));
  if (ByName)
    return Name;
  return "static_cast<decltype(" + Name + ") &&>(" + Name + ")" +
         (P->isParameterPack() ? "..." : "");
}

/// `<T, Ks...>` for a function template's clone, named with the template's
/// own arguments: one that no argument deduces (`template <class T> T
/// conv(long)`, a non-type parameter) could not be called otherwise (adv30
/// C1). Empty for a function that is no template, and for an abbreviated
/// template, whose invented parameters have no names: they are deduced.
std::string explicitTemplateArguments(const FunctionDecl *FD) {
  const FunctionTemplateDecl *FT = templateOf(FD);
  if (!FT)
    return "";
  std::vector<std::string> Names;
  for (const NamedDecl *TP : *FT->getTemplateParameters()) {
    if (!TP->getIdentifier() || TP->isImplicit())
      return "";
    Names.push_back(TP->getNameAsString() + (TP->isParameterPack() ? "..." : ""));
  }
  return Names.empty() ? "" : "<" + llvm::join(Names, ", ") + ">";
}

/// Why a copy of Body would not be the same function: a `static` local is
/// one object, and the copy would have its own (a pointer the first call
/// returns differs from the next one's, adv32 t05); a class or lambda
/// defined in it is another type in the copy, so a deduced return type
/// would deduce two types (adv32 t06) and `typeid` would name another class
/// (adv32 t07). Empty when the copy is the same.
std::string copiedBodyReason(const FunctionDecl *Pattern, const Stmt *Body) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *Static = nullptr;
    const CXXRecordDecl *LocalClass = nullptr;
    const LambdaExpr *Lambda = nullptr;
    const CXXTypeidExpr *Typeid = nullptr;
    bool VisitVarDecl(VarDecl *VD) {
      if (!Static && VD->isStaticLocal())
        Static = VD;
      return true;
    }
    bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
      if (!LocalClass && !RD->isLambda())
        LocalClass = RD;
      return true;
    }
    bool VisitLambdaExpr(LambdaExpr *LE) {
      if (!Lambda)
        Lambda = LE;
      return true;
    }
    bool VisitCXXTypeidExpr(CXXTypeidExpr *TE) {
      if (!Typeid)
        Typeid = TE;
      return true;
    }
  } F;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  if (F.Static)
    return quoted(F.Static) + " is a 'static' local, and a copy would have its own";
  if (!F.LocalClass && !F.Lambda)
    return "";
  std::string Type = F.LocalClass ? "the class " + quoted(F.LocalClass) : std::string("a lambda");
  if (Pattern->getDeclaredReturnType()->getContainedDeducedType())
    return "it defines " + Type + " and deduces its return type: a copy's would be another type";
  if (F.Typeid)
    return "it defines " + Type + " and uses 'typeid': a copy's would be another type";
  return "";
}

} // namespace

bool planFastClone(PlanContext &PC, const FunctionDecl *FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  if (Method ? !isClonableMember(Method)
             : !FD->getDeclContext()->getRedeclContext()->isFileContext())
    return false;
  if (FD->isVariadic() || FD->isMain() || !FD->getIdentifier() || isMemoized(FD))
    return false;
  // A friend defined in its class: the clone would be a 'static friend'
  // (adv31 C1).
  if (FD->getFriendObjectKind() != Decl::FOK_None)
    return false;
  // `template <class... Ts, class U>`: the clone cannot be called with the
  // template's arguments (the pack would take U's), nor without them (a
  // pack the caller gave explicitly is not deduced again) (adv31 C5).
  if (const FunctionTemplateDecl *FT = templateOf(FD)) {
    const TemplateParameterList &Params = *FT->getTemplateParameters();
    for (unsigned I = 0; I + 1 < Params.size(); ++I)
      if (Params.getParam(I)->isParameterPack())
        return false;
  }
  // The text both copies share is the pattern's: its parameters are the
  // written ones (one pack, not its expansion, adv29 C4).
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  if (!Pattern)
    Pattern = FD;
  std::vector<std::string> Args;
  for (const ParmVarDecl *P : Pattern->parameters()) {
    if (!P->getIdentifier())
      return false;
    // A default argument the clone's text repeats serves its own calls
    // (`sum(n - 1)`), which otherwise use the parallel version's stack
    // frames at every level (adv32 t02). One written on an earlier
    // declaration is not in that text; one that names its place
    // (`__builtin_FUNCTION()`) would name the clone.
    if (P->hasDefaultArg() || P->hasUninstantiatedDefaultArg()) {
      const Expr *Default = P->hasUninstantiatedDefaultArg() ? P->getUninstantiatedDefaultArg()
                                                             : P->getInit();
      if (P->hasInheritedDefaultArg() || !Default || !placeNameReason(Default, PC.Ctx).empty())
        return false;
    }
    Args.push_back(handedOn(P));
  }
  if (std::string Why = handOnRunsUserCode(Pattern); !Why.empty()) {
    PC.note(FD->getLocation(), "no-fast-clone", FD->getNameAsString() + ": " + Why);
    return false;
  }
  std::string TemplateArgs = explicitTemplateArguments(FD);
  // `long f() &&`: the clone is called on an rvalue too (adv29 C5).
  std::string Object =
      Method && Method->getRefQualifier() == RQ_RValue ? "std::move(*this)." : "";
  const auto *Body = dyn_cast<CompoundStmt>(FD->getBody());
  // The clone has another name: `__func__` (`__builtin_FUNCTION()`...) in
  // it would say so.
  if (Body && !placeNameReason(Body, PC.Ctx).empty())
    return false;
  if (Body)
    if (std::string Why = copiedBodyReason(Pattern, Pattern->getBody() ? Pattern->getBody() : Body);
        !Why.empty()) {
      PC.note(FD->getLocation(), "no-fast-clone", FD->getNameAsString() + ": " + Why);
      return false;
    }
  // The parallel version's frame is set up before it calls the clone, whose
  // frame is as large again (StackUse.h).
  const ValueDecl *Largest = nullptr;
  if (std::uint64_t Bytes = visibleFrameBytes(FD, PC.Ctx, &Largest); Bytes > kLargeFrame) {
    PC.note(FD->getLocation(), "no-fast-clone",
            FD->getNameAsString() + ": its frame holds " + std::to_string(Bytes) +
                " bytes (" + quoted(Largest) + "), which a clone's would double");
    return false;
  }
  auto Decl = PC.offsets(SourceRange(FD->getBeginLoc(), FD->getBeginLoc()));
  auto Name = PC.offsets(FD->getLocation());
  auto Open = Body ? PC.offsets(Body->getLBracLoc()) : std::nullopt;
  auto Close = Body ? PC.offsets(Body->getRBracLoc()) : std::nullopt;
  if (!Decl || !Name || !Open || !Close)
    return false;
  // A function template's clone is a template too: it repeats the template
  // parameter list, and goes before the `template` line.
  std::string TemplateHead;
  unsigned Start = Decl->first;
  if (const FunctionTemplateDecl *FT = templateOf(FD)) {
    auto Head = PC.offsets(SourceRange(FT->getBeginLoc(),
                                       FT->getTemplateParameters()->getRAngleLoc()));
    if (!Head)
      return false;
    TemplateHead = PC.textAt(Head->first, Head->second) + " ";
    Start = Head->first;
  }
  // A copy would change the preprocessor's state once more, and earlier
  // (`__COUNTER__`, `#define`, `#undef`: PreprocessorRecord.h).
  if (PC.changesPreprocessorState(
          Start, PC.SM.getFileOffset(PC.SM.getExpansionLoc(Body->getRBracLoc())) + 1))
    return false;
  // The clone goes before the function and its attributes, on a line of its own.
  for (const auto *A : FD->specific_attrs<AnnotateAttr>())
    if (auto O = PC.offsets(A->getLocation()); O && O->first < Start)
      Start = O->first;
  StringRef Buffer = PC.SM.getBufferData(PC.SM.getMainFileID());
  while (Start >= 2 && Buffer.substr(Start - 2, 2) == "[[")
    Start -= 2;
  unsigned LineStart = Start - PC.indentationAt(Start).size();
  if (PC.textAt(LineStart, Start).find_first_not_of(" \t") != std::string::npos ||
      (LineStart > 0 && Buffer[LineStart - 1] != '\n'))
    return false;
  // `[[\` then `pure]] long f(...)`: the line before goes on into this one,
  // and the clone would land inside it (adv30 C4).
  if (PlanContext::splicedToPrevious(Buffer, LineStart))
    return false;

  std::string Serial = PC.freshName("serial_" + FD->getNameAsString() + "_");
  // The original text, renamed; it keeps the original lines.
  // A free function's clone has internal linkage; a member's is a member
  // (its text keeps `static` if the original is a static member).
  std::string Clone =
      TemplateHead + (Method || FD->getStorageClass() == SC_Static ? "" : "static ");
  std::vector<unsigned> Refs = selfReferences(PC, FD);
  Refs.insert(Refs.begin(), Name->first);
  Clone += cloneText(PC, Decl->first, Close->second, Refs,
                     static_cast<unsigned>(FD->getName().size()), Serial);

  LineDirectives Lines(PC.SM, PC.LO);
  unsigned Line = PC.SM.getLineNumber(PC.SM.getMainFileID(), Decl->first);
  unsigned FirstLine = PC.SM.getLineNumber(PC.SM.getMainFileID(), LineStart);
  Edit E{LineStart, LineStart,
         Lines.directive(Line) + PC.indentationAt(Decl->first) + Clone + "\n" +
             Lines.directive(FirstLine)};
  E.EndsWithLineDirective = true;
  PC.P.Edits.push_back(std::move(E));
  // In a distributed build, the parallel version also runs where its calls
  // may still be offered to other ranks (near the root, TaskRegistry.h).
  PC.insert(Open->second, std::string(distributedBuild(PC.Ctx)
                                          ? " if (!::purecc::should_spawn() && !::purecc::may_offer_calls()) return "
                                          : " if (!::purecc::should_spawn()) return ") +
                              Object + (!Object.empty() && !TemplateArgs.empty() ? "template " : "") +
                              Serial + TemplateArgs + "(" + llvm::join(Args, ", ") + ");");
  PC.note(FD->getLocation(), "fast-clone", FD->getNameAsString() + " " + Serial);
  return true;
}

} // namespace purecc
