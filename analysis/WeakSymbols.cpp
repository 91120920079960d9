//===- WeakSymbols.cpp - weak spellings that Clang does not apply ---------===//
#include "WeakSymbols.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSet.h"

#include <memory>

using namespace clang;

namespace purecc {

void weakNamesInAssembly(llvm::StringRef Text, std::vector<std::string> &Names) {
  // The assembler's directives ignore case (`.WEAK`), may follow a label
  // or a comment, and may be made by its own macros (`.macro`, `.irp`):
  // rather than parse them, every symbol named in a text that mentions
  // `weak` at all is taken as made weak (adv96 F1). A symbol the text
  // builds from pieces is beyond this.
  if (!Text.contains_insensitive("weak"))
    return;
  auto SymbolStart = [](char C) { return isAlphanumeric(C) || C == '_' || C == '.' || C == '$'; };
  while (!Text.empty()) {
    Text = Text.drop_until(SymbolStart);
    llvm::StringRef Symbol = Text.take_while(SymbolStart);
    Text = Text.drop_front(Symbol.size());
    if (!Symbol.empty() && !isDigit(Symbol.front()))
      Names.push_back(Symbol.str());
  }
}

namespace {

/// The unit's asm texts and functions.
class Survey : public RecursiveASTVisitor<Survey> {
public:
  std::vector<std::string> AsmNames;
  std::vector<FunctionDecl *> Functions;
  std::vector<VarDecl *> Variables;

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFileScopeAsmDecl(FileScopeAsmDecl *D) {
    weakNamesInAssembly(D->getAsmString()->getString(), AsmNames);
    return true;
  }
  bool VisitGCCAsmStmt(GCCAsmStmt *S) {
    weakNamesInAssembly(S->getAsmString()->getString(), AsmNames);
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->isDependentContext())
      Functions.push_back(FD);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasGlobalStorage() && !VD->isStaticLocal() && !isa<ParmVarDecl>(VD) &&
        !VD->getDeclContext()->isDependentContext() && !VD->getType()->isDependentType())
      Variables.push_back(VD);
    return true;
  }
};

/// The symbol VD is emitted as.
std::string symbolOf(VarDecl *VD, MangleContext &MC) {
  if (!MC.shouldMangleDeclName(VD))
    return VD->getName().str();
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  MC.mangleName(GlobalDecl(VD), OS);
  return OS.str();
}

/// The symbols FD may be emitted as.
std::vector<std::string> symbolsOf(FunctionDecl *FD, MangleContext &MC) {
  std::vector<std::string> Out;
  auto Mangle = [&](GlobalDecl GD) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    MC.mangleName(GD, OS);
    Out.push_back(OS.str());
  };
  if (!MC.shouldMangleDeclName(FD)) {
    if (FD->getIdentifier())
      Out.push_back(FD->getName().str());
    return Out;
  }
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
    Mangle(GlobalDecl(Ctor, Ctor_Complete));
    Mangle(GlobalDecl(Ctor, Ctor_Base));
  } else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD)) {
    Mangle(GlobalDecl(Dtor, Dtor_Complete));
    Mangle(GlobalDecl(Dtor, Dtor_Base));
    Mangle(GlobalDecl(Dtor, Dtor_Deleting));
  } else {
    Mangle(GlobalDecl(FD));
  }
  return Out;
}

} // namespace

unsigned markLinkTimeWeak(ASTContext &Ctx, llvm::ArrayRef<std::string> PragmaNames) {
  Survey S;
  S.TraverseDecl(Ctx.getTranslationUnitDecl());
  llvm::StringSet<> Weak;
  for (const std::string &N : PragmaNames)
    Weak.insert(N);
  for (const std::string &N : S.AsmNames)
    Weak.insert(N);
  if (Weak.empty())
    return 0;
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  unsigned Marked = 0;
  for (FunctionDecl *FD : S.Functions) {
    if (FD->hasAttr<WeakAttr>() || isa<CXXDeductionGuideDecl>(FD))
      continue;
    for (const std::string &Symbol : symbolsOf(FD, *MC))
      if (Weak.contains(Symbol)) {
        FD->addAttr(WeakAttr::CreateImplicit(Ctx));
        ++Marked;
        break;
      }
  }
  for (VarDecl *VD : S.Variables)
    if (!VD->hasAttr<WeakAttr>() && VD->getIdentifier() && Weak.contains(symbolOf(VD, *MC))) {
      VD->addAttr(WeakAttr::CreateImplicit(Ctx));
      ++Marked;
    }
  return Marked;
}

bool isWeakVariable(const VarDecl *VD) {
  for (const VarDecl *R : VD->redecls())
    if (R->hasAttr<WeakAttr>() || R->hasAttr<WeakRefAttr>())
      return true;
  return false;
}

} // namespace purecc
