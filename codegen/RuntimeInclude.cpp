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
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

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

/// The names Text spells after '::', '.' or '->', as the generator writes
/// the runtime's and the library's (`::purecc::leaf_size`, `std::optional`,
/// `numeric_limits<long>::max`, `purecc_a0_one.fail`), each with whether
/// some use of it is followed by '(' (a call), where a function-like macro
/// of its name would expand.
void addSpelledNames(llvm::StringRef Text, llvm::StringMap<bool> &Spelled) {
  // Raw tokens: names in comments and literals (`".note.purecc"`) are none.
  LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = LO.CPlusPlus20 = true;
  std::string Buffer = Text.str();
  Lexer Lex(SourceLocation(), LO, Buffer.data(), Buffer.data(), Buffer.data() + Buffer.size());
  Token Tok;
  tok::TokenKind Before = tok::unknown;
  std::optional<std::string> Pending; // a name after '::', '.' or '->'
  do {
    Lex.LexFromRawLexer(Tok);
    if (Pending) {
      Spelled[*Pending] |= Tok.is(tok::l_paren);
      Pending.reset();
    }
    if (Tok.is(tok::raw_identifier) &&
        llvm::is_contained({tok::coloncolon, tok::period, tok::arrow}, Before))
      Pending = Tok.getRawIdentifier().str();
    Before = Tok.getKind();
  } while (Tok.isNot(tok::eof));
}

/// Names the generated code spells that the runtime's headers do not.
constexpr const char *GeneratedOnly[] = {"min", "lowest"};

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
  std::vector<const char *> Names(runtimeIdentifiers().begin(), runtimeIdentifiers().end());
  Names.insert(Names.end(), std::begin(GeneratedOnly), std::end(GeneratedOnly));
  for (const Edit &E : P.Edits) {
    llvm::StringMap<bool> Spelled;
    addSpelledNames(E.Text, Spelled);
    if (Spelled.empty())
      continue;
    SourceLocation Where = SM.getComposedLoc(SM.getMainFileID(), E.Begin);
    for (size_t I = 0; I < Names.size() && (!First || I < First->first); ++I) {
      auto Use = Spelled.find(Names[I]);
      if (Use == Spelled.end())
        continue;
      const IdentifierInfo *II = PP.getIdentifierInfo(Names[I]);
      if (!II || !II->hadMacroDefinition())
        continue;
      const MacroDirective *History = PP.getLocalMacroDirectiveHistory(II);
      if (!History)
        continue;
      // In effect at Where: defined before it, not undefined before it.
      // A function-like macro expands only where its name is followed by
      // '(': the generated `(std::max)(a, b)` is out of its reach (adv66 F8).
      if (MacroDirective::DefInfo Def = History->findDirectiveAtLoc(Where, SM);
          Def && (Use->second || !Def.getMacroInfo()->isFunctionLike()))
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
