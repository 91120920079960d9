//===- StartupCalls.cpp - what a global's initializer runs at start-up ----===//
#include "StartupCalls.h"
#include "Attributes.h"
#include "Fixpoint.h"
#include "LibraryNames.h"
#include "Locality.h"
#include "Stdlib.h"
#include "Unevaluated.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace purecc {
namespace {

std::string quotedName(const FunctionDecl *FD) {
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return "'lambda at line " +
           std::to_string(SM.getPresumedLineNumber(MD->getParent()->getLocation())) + "'";
  std::string S = "'";
  llvm::raw_string_ostream OS(S);
  FD->getNameForDiagnostic(OS, FD->getASTContext().getPrintingPolicy(), /*Qualified=*/true);
  return S + "'";
}

/// Whether a call of FD (Site: the call, or null where FD is only named and
/// may be called later, as a lambda or a function handed to an algorithm)
/// is pure; Shown is set to how it is named when not.
bool pureCall(const FunctionDecl *FD, const Expr *Site, Fixpoint &Fix, std::string &Shown) {
  if (isDeclaredPure(FD) || isAssumedPure(FD) || FD->isTrivial())
    return true;
  ASTContext &Ctx = FD->getASTContext();
  if (isLibraryFunction(FD, Ctx.getSourceManager())) {
    CallParts Parts = Site ? callParts(Site) : CallParts{};
    const CXXRecordDecl *ObjectClass = nullptr;
    QualType Object;
    if (Parts.Object) {
      ObjectClass = libraryObjectClass(Parts.Object, Parts.IsArrow);
      Object = objectType(Parts.Object, Parts.IsArrow);
    } else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      ObjectClass = MD->getParent();
      if (isa<CXXConstructorDecl>(MD))
        Object = Ctx.getRecordType(ObjectClass);
    }
    LibraryVerdict V = judgeLibraryCall(FD, ObjectClass);
    if (V.Kind != LibraryKind::Impure && V.Kind != LibraryKind::Unknown)
      return true;
    Shown = libraryCallName(FD, Object, Ctx.getPrintingPolicy(), Site);
    return false;
  }
  Shown = quotedName(FD);
  if (!FD->hasBody())
    return false; // defined in another unit: what it reads is not seen
  // Writes to its object or arguments are the initialization's own; any
  // other effect (I/O, an impure callee, a mutable global) is not.
  for (const Effect &E : Fix.resolve(FD).Resolved)
    if (E.isAbsolute())
      return false;
  return true;
}

} // namespace

std::optional<StartupCall> startupCall(const VarDecl *VD, Fixpoint &Fix) {
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  if (!Init || !Def || Def->isInvalidDecl() || Def->getDeclContext()->isDependentContext() ||
      Init->isValueDependent() || Init->isTypeDependent() || Def->hasConstantInitialization())
    return std::nullopt;
  StartupCall Found;
  Found.Global = Def;
  llvm::SmallVector<const Stmt *, 32> Work{Init};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isUnevaluatedOperand(S))
      continue; // sizeof runs nothing
    const FunctionDecl *Called = nullptr;
    const Expr *Site = nullptr;
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      // Its body runs where it is called, perhaps by an algorithm: judged
      // as a function (its captures' initializers are still walked).
      Called = LE->getCallOperator();
      for (const Expr *Capture : LE->capture_inits())
        Work.push_back(Capture);
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      Called = dyn_cast<FunctionDecl>(DRE->getDecl()); // a function handed on
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      Called = CE->getDirectCallee();
      Site = CE;
      if (!Called && !isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens())) {
        Found.Shown = "a function pointer";
        Found.Loc = CE->getExprLoc();
        return Found;
      }
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
      Called = CC->getConstructor();
      Site = CC;
    }
    if (Called && !pureCall(Called, Site, Fix, Found.Shown)) {
      Found.Loc = S->getBeginLoc();
      if (const auto *E = dyn_cast<Expr>(S))
        Found.Loc = E->getExprLoc();
      return Found;
    }
    if (isa<LambdaExpr>(S))
      continue;
    // In source order: the first call the user wrote is the one named.
    llvm::SmallVector<const Stmt *, 4> Children(S->child_begin(), S->child_end());
    Work.append(Children.rbegin(), Children.rend());
  }
  return std::nullopt;
}

bool distributedBuild(ASTContext &Ctx) {
  auto It = Ctx.Idents.find("PURECC_DISTRIBUTED");
  return It != Ctx.Idents.end() && It->getValue()->hasMacroDefinition();
}

} // namespace purecc
