//===- FastClone.cpp - keep the serial code as the fast path --------------===//
#include "FastClone.h"
#include "PlaceNames.h"
#include "PreprocessorRecord.h"
#include "StmtDeps.h"
#include "HiddenAttributes.h"
#include "TaskRegistry.h"
#include "LineDirectives.h"

#include "analysis/Attributes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// The offsets of every name in Body that refers to FD (recursive calls).
std::vector<unsigned> selfReferences(const PlanContext &PC, const FunctionDecl *FD) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const PlanContext &PC;
    const FunctionDecl *FD;
    std::vector<unsigned> Out;
    bool Ok = true;
    Finder(const PlanContext &PC, const FunctionDecl *FD) : PC(PC), FD(FD) {}
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      record(DRE->getDecl(), DRE->getLocation());
      return true;
    }
    // A member function's own calls: `fib(n - 1)`, `this->fib(...)`.
    bool VisitMemberExpr(MemberExpr *ME) {
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

} // namespace

bool planFastClone(PlanContext &PC, const FunctionDecl *FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  if (Method ? !isClonableMember(Method)
             : !FD->getDeclContext()->getRedeclContext()->isFileContext())
    return false;
  if (FD->isVariadic() || FD->isMain() || !FD->getIdentifier() || isMemoized(FD))
    return false;
  std::vector<std::string> Args;
  for (const ParmVarDecl *P : FD->parameters()) {
    if (!P->getIdentifier() || P->hasDefaultArg())
      return false;
    Args.push_back(P->getNameAsString());
  }
  const auto *Body = dyn_cast<CompoundStmt>(FD->getBody());
  // The clone has another name: `__func__` (`__builtin_FUNCTION()`...) in
  // it would say so.
  if (Body && !placeNameReason(Body, PC.Ctx).empty())
    return false;
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
  if (PC.Config.Preprocessed &&
      PC.Config.Preprocessed->changesStateBetween(
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
                                          ? " if (!purecc::should_spawn() && !purecc::may_offer_calls()) return "
                                          : " if (!purecc::should_spawn()) return ") +
                              Serial + "(" +
                              llvm::join(Args, ", ") + ");");
  PC.note(FD->getLocation(), "fast-clone", FD->getNameAsString() + " " + Serial);
  return true;
}

} // namespace purecc
