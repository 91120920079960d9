//===- RuntimeInclude.cpp - where the runtime's #include goes, and its names =//
//
// See RuntimeInclude.h.
//
//===----------------------------------------------------------------------===//
#include "RuntimeInclude.h"
#include "RuntimeMacroShield.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclBase.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

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
  // The names to ask about, in the order a report prefers: the runtime's
  // (its headers spell them too), then any other the generated code spells
  // after '::', '.' or '->' that the file itself does not (`std::forward`
  // of an ordered reduction under `#define forward next`, adv67 F10). A
  // name the file spells there too (`p.FIELD`) expands alike in its own
  // text and in the copies the rewrite makes of it.
  std::vector<std::string> Names(runtimeIdentifiers().begin(), runtimeIdentifiers().end());
  Names.insert(Names.end(), std::begin(GeneratedOnly), std::end(GeneratedOnly));
  llvm::StringMap<bool> Listed, UserSpelled;
  for (const std::string &N : Names)
    Listed[N] = true;
  addSpelledNames(SM.getBufferData(SM.getMainFileID()), UserSpelled);
  std::vector<std::string> Others;
  for (const Edit &E : P.Edits) {
    llvm::StringMap<bool> Spelled;
    addSpelledNames(E.Text, Spelled);
    for (const auto &Entry : Spelled)
      if (!Listed.count(Entry.getKey()) && !UserSpelled.count(Entry.getKey())) {
        Listed[Entry.getKey()] = true;
        Others.push_back(Entry.getKey().str());
      }
  }
  llvm::sort(Others);
  Names.insert(Names.end(), Others.begin(), Others.end());
  // Each edit's names, asked where the edit goes: a macro the file
  // #undefs before the rewritten code, or defines after it, cannot expand
  // in it.
  std::optional<std::pair<size_t, GeneratedNameMacro>> First; // list position, macro
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

namespace {

/// Finds, in the program's own code (not system headers), a declaration
/// that the generated spellings `std::` and `::purecc::` would meet.
class ShadowFinder : public RecursiveASTVisitor<ShadowFinder> {
public:
  explicit ShadowFinder(const SourceManager &SM) : SM(SM) {}
  const NamedDecl *Found = nullptr;

  bool TraverseDecl(Decl *D) {
    if (!D || Found)
      return !Found;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitNamedDecl(NamedDecl *ND) {
    const IdentifierInfo *II = ND->getIdentifier();
    if (!II)
      return true;
    const DeclContext *DC = ND->getDeclContext();
    // `std::` is looked up as a namespace, a type or a template: a
    // variable, function or enumerator of that name is no match; the
    // global namespace std is the library's (adv66 F7, adv68 F22, F23:
    // `using std = int;` in a block, `template <class std>`).
    if (II->isStr("std") && !(isa<NamespaceDecl>(ND) && DC->isTranslationUnit()) &&
        !isa<ValueDecl>(ND) && !isa<UsingShadowDecl, UsingDecl>(ND))
      Found = ND;
    // The runtime declares `namespace purecc`: anything else of that name
    // at namespace scope clashes with it (adv68 F20).
    if (II->isStr("purecc") && DC->getRedeclContext()->isTranslationUnit() && !isa<NamespaceDecl>(ND))
      Found = ND;
    // The program's own `namespace purecc` merges with the runtime's: a
    // member named like one the runtime declares is a redefinition or an
    // ambiguous call in the rewritten unit (adv68 F21: `inline int
    // parallel_invoke`). The runtime's headers live in a folder named
    // `purecc`; hand-written code may include them. Only what the
    // namespaces declare can meet a '::purecc::' name: a member of a class
    // there cannot, nor a specialization of the runtime's own template,
    // which distributed.md tells users to write (`template <> struct
    // purecc::codec<Stats> : purecc::fields<...> {};`, adv71 F3).
    if (!isa<NamespaceDecl>(ND) && DC->getRedeclContext()->isNamespace() &&
        insideProgramsPurecc(DC) && !isSpecialization(ND) && RuntimeName.count(II->getName()) &&
        !inRuntimeHeader(ND->getLocation()))
      Found = ND;
    return !Found;
  }

private:
  static bool isSpecialization(const NamedDecl *ND) {
    if (isa<ClassTemplateSpecializationDecl, VarTemplateSpecializationDecl>(ND))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(ND);
    return FD && FD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization;
  }
  static bool insideProgramsPurecc(const DeclContext *DC) {
    for (; DC && !DC->isTranslationUnit(); DC = DC->getParent())
      if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
          NS && NS->getParent()->getRedeclContext()->isTranslationUnit() && NS->getIdentifier() &&
          NS->getIdentifier()->isStr("purecc"))
        return true;
    return false;
  }
  bool inRuntimeHeader(SourceLocation Loc) const {
    StringRef File = SM.getFilename(SM.getExpansionLoc(Loc));
    return llvm::sys::path::filename(llvm::sys::path::parent_path(File)) == "purecc";
  }
  const SourceManager &SM;
  const llvm::StringSet<> RuntimeName = [] {
    llvm::StringSet<> Names;
    for (const char *N : runtimeIdentifiers())
      Names.insert(N);
    return Names;
  }();
};

} // namespace

const NamedDecl *shadowingName(ASTContext &Ctx) {
  ShadowFinder Finder(Ctx.getSourceManager());
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  return Finder.Found;
}

std::string describeShadowing(const NamedDecl *D) {
  const char *Kind = "the declaration";
  if (isa<NamespaceDecl>(D))
    Kind = "the namespace";
  else if (isa<NamespaceAliasDecl>(D))
    Kind = "the namespace alias";
  else if (isa<TemplateTypeParmDecl, TemplateTemplateParmDecl>(D))
    Kind = "the template parameter";
  else if (isa<TypedefNameDecl, TypeAliasTemplateDecl>(D))
    Kind = "the type alias";
  else if (isa<TagDecl, ClassTemplateDecl>(D))
    Kind = "the class";
  else if (isa<FunctionDecl, FunctionTemplateDecl>(D))
    Kind = "the function";
  else if (isa<VarDecl>(D))
    Kind = "the variable";
  std::string Name = isa<TemplateTypeParmDecl, TemplateTemplateParmDecl>(D) ? D->getNameAsString()
                                                                           : D->getQualifiedNameAsString();
  std::string Out = Kind;
  Out.append(" '").append(Name).push_back('\'');
  return Out;
}

void keepOnlyHiddenAttributes(Plan &P) {
  Plan Kept;
  Kept.Attributes = std::move(P.Attributes);
  P = std::move(Kept);
}

} // namespace purecc
