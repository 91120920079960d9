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
  auto SymbolChar = [](char C) { return isAlphanumeric(C) || C == '_' || C == '.' || C == '$'; };
  while (!Text.empty()) {
    // One statement: up to a newline or ';'.
    size_t End = Text.find_first_of("\n;");
    llvm::StringRef Line = Text.take_front(End).trim();
    Text = End == llvm::StringRef::npos ? llvm::StringRef() : Text.drop_front(End + 1);
    llvm::StringRef Directive = Line.take_while([&](char C) { return SymbolChar(C); });
    if (Directive != ".weak" && Directive != ".weakref" && Directive != ".weak_definition")
      continue;
    llvm::StringRef Rest = Line.drop_front(Directive.size());
    // `.weak a, b`: every symbol; `.weakref a, b`: a alone.
    while (true) {
      Rest = Rest.ltrim(" \t,\"");
      llvm::StringRef Symbol = Rest.take_while(SymbolChar);
      if (Symbol.empty())
        break;
      Names.push_back(Symbol.str());
      Rest = Rest.drop_front(Symbol.size());
      if (Directive == ".weakref")
        break;
    }
  }
}

namespace {

/// The unit's asm texts and functions.
class Survey : public RecursiveASTVisitor<Survey> {
public:
  std::vector<std::string> AsmNames;
  std::vector<FunctionDecl *> Functions;

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
};

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
  return Marked;
}

} // namespace purecc
