//===- RuntimeInclude.cpp - where the runtime's #include goes, and its names =//
//
// See RuntimeInclude.h.
//
//===----------------------------------------------------------------------===//
#include "RuntimeInclude.h"
#include "RuntimeMacroShield.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>

using namespace clang;

namespace purecc {

namespace {

/// The main-file offset of the unit's first declaration written in the main
/// file (its attributes included), or the file's size when it has none:
/// text before it is directives and comments only, at file scope.
unsigned firstDeclarationOffset(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned First = SM.getBufferData(SM.getMainFileID()).size();
  auto See = [&](SourceLocation Loc) {
    if (Loc.isInvalid())
      return;
    SourceLocation Where = SM.getExpansionLoc(Loc);
    if (SM.getFileID(Where) == SM.getMainFileID())
      First = std::min(First, SM.getFileOffset(Where));
  };
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (D->isImplicit())
      continue;
    See(D->getBeginLoc());
    for (const Attr *A : D->attrs())
      See(A->getLocation());
  }
  return First;
}

/// The runtime and library names Text spells as the generator writes them.
void addSpelledNames(llvm::StringRef Text, llvm::StringSet<> &Spelled) {
  for (llvm::StringRef Qualifier : {"purecc::", "std::"})
    for (size_t At = Text.find(Qualifier); At != llvm::StringRef::npos;
         At = Text.find(Qualifier, At + 1)) {
      llvm::StringRef Name = Text.drop_front(At + Qualifier.size())
                                 .take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
      if (!Name.empty())
        Spelled.insert(Name);
    }
}

} // namespace

void placeRuntimeInclude(ASTContext &Ctx, const PreprocessorRecord &Record, Plan &P) {
  P.MacrosToShield = Record.RuntimeNameMacros;
  P.RuntimeIncludeAt.reset();
  if (Record.FirstInclude && *Record.FirstInclude <= firstDeclarationOffset(Ctx)) {
    P.RuntimeIncludeAt = Record.FirstInclude;
    P.MacrosToShield = Record.RuntimeNameMacrosAtFirstInclude;
  }
}

std::optional<GeneratedNameMacro> generatedNameMacro(const Plan &P, Preprocessor &PP) {
  const SourceManager &SM = PP.getSourceManager();
  // Each edit's names, asked where the edit goes: a macro the file
  // #undefs before the rewritten code, or defines after it, cannot expand
  // in it.
  std::optional<std::pair<size_t, GeneratedNameMacro>> First; // list position, macro
  llvm::ArrayRef<const char *> Names = runtimeIdentifiers();
  for (const Edit &E : P.Edits) {
    llvm::StringSet<> Spelled;
    addSpelledNames(E.Text, Spelled);
    if (Spelled.empty())
      continue;
    SourceLocation Where = SM.getComposedLoc(SM.getMainFileID(), E.Begin);
    for (size_t I = 0; I < Names.size() && (!First || I < First->first); ++I) {
      if (!Spelled.contains(Names[I]))
        continue;
      const IdentifierInfo *II = PP.getIdentifierInfo(Names[I]);
      if (!II || !II->hadMacroDefinition())
        continue;
      const MacroDirective *History = PP.getLocalMacroDirectiveHistory(II);
      if (!History)
        continue;
      // In effect at Where: defined before it, not undefined before it.
      if (MacroDirective::DefInfo Def = History->findDirectiveAtLoc(Where, SM))
        First = {I, GeneratedNameMacro{Names[I], Def.getLocation()}};
    }
  }
  if (!First)
    return std::nullopt;
  return First->second;
}

void keepOnlyHiddenAttributes(Plan &P) {
  Plan Kept;
  Kept.Attributes = std::move(P.Attributes);
  P = std::move(Kept);
}

} // namespace purecc
