//===- Fingerprint.cpp - a memoized function's 128-bit identity -----------===//
#include "Fingerprint.h"

#include "analysis/PurityChecker.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <map>
#include <memory>
#include <set>

using namespace clang;

namespace purecc {
namespace {

/// Bumped whenever what goes into a fingerprint changes, so that old cache
/// entries stop matching.
constexpr const char *FormatVersion = "purecc-fingerprint-2";

/// The linker symbol of a function or variable: its mangled name, or its
/// plain name for extern "C" (an asm label wins in both cases). Constructors
/// and destructors are named by their complete-object variant, on both the
/// calling and the defining side.
std::string symbolOf(const NamedDecl *ND, MangleContext &MC) {
  GlobalDecl GD;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(ND))
    GD = GlobalDecl(CD, Ctor_Complete);
  else if (const auto *DD = dyn_cast<CXXDestructorDecl>(ND))
    GD = GlobalDecl(DD, Dtor_Complete);
  else if (const auto *FD = dyn_cast<FunctionDecl>(ND))
    GD = GlobalDecl(FD);
  else
    GD = GlobalDecl(cast<VarDecl>(ND));
  std::string Name;
  if (!MC.shouldMangleDeclName(ND)) {
    if (const auto *Label = ND->getAttr<AsmLabelAttr>())
      Name = Label->getLabel().str();
    else if (ND->getIdentifier())
      Name = ND->getName().str();
  } else {
    llvm::raw_string_ostream OS(Name);
    MC.mangleName(GD, OS);
  }
  if (!Name.empty() && Name.front() == '\01') // an asm label: the name as is
    Name.erase(0, 1);
  // The note is a list of words: a symbol that cannot be written as one is
  // left out, and the function stands for the whole program instead.
  if (Name.empty() || Name.find_first_of(" \n\"\\") != std::string::npos)
    return ExternalProgram;
  return Name;
}

/// Collects the user declarations a function depends on.
class Dependencies : public RecursiveASTVisitor<Dependencies> {
public:
  Dependencies(const SourceManager &SM, MangleContext &MC) : SM(SM), MC(MC) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  void add(const Decl *D) {
    if (!D || D->getLocation().isInvalid())
      return;
    const bool System = SM.isInSystemHeader(D->getLocation());
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      const FunctionDecl *Called = FD;
      if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
        FD = Pattern;
      const FunctionDecl *Def = FD->getDefinition();
      // Defined in another unit or a library: the linked program says what
      // runs (purecc/memo_link.h).
      if (!Def && !Called->isDefined())
        addExternal(Called);
      if (System)
        return;
      D = Def ? Def : FD;
    } else if (System) {
      return;
    } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
      // A constant defined in another unit: its value is there.
      if (!VD->getDefinition() && !VD->getAnyInitializer() && VD->isExternallyVisible())
        External.insert(symbolOf(VD, MC));
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
        RD = Pattern;
      D = RD->getDefinition() ? RD->getDefinition() : RD;
    } else if (const auto *ED = dyn_cast<EnumDecl>(D)) {
      D = ED->getDefinition() ? ED->getDefinition() : ED;
    }
    if (!Seen.insert(D).second)
      return;
    Found.push_back(D);
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      addType(FD->getReturnType());
      for (const ParmVarDecl *P : FD->parameters())
        addType(P->getType());
      if (FD->hasBody())
        TraverseStmt(FD->getBody());
    } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
      addType(VD->getType());
      if (VD->getInit())
        TraverseStmt(const_cast<Expr *>(VD->getInit()));
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      if (RD->hasDefinition())
        for (const FieldDecl *F : RD->fields())
          addType(F->getType());
    } else if (const auto *TND = dyn_cast<TypedefNameDecl>(D)) {
      addType(TND->getUnderlyingType());
    }
  }

  void addType(QualType T) {
    T = T.getNonReferenceType();
    // What a name stands for is not in the text that uses it: `real s` is
    // another computation after `using real = float;` becomes `double`, and
    // `Mode::B` another value when the enum changes.
    if (const auto *TT = T->getAs<TypedefType>())
      add(TT->getDecl());
    if (const auto *ET = T->getAs<EnumType>())
      add(ET->getDecl());
    while (const Type *Elem = T->getPointeeOrArrayElementType())
      if (Elem == T.getTypePtr())
        break;
      else
        T = QualType(Elem, 0);
    if (const auto *RD = T->getAsCXXRecordDecl()) {
      add(RD);
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
          if (A.getKind() == TemplateArgument::Type)
            addType(A.getAsType());
    }
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && VD->hasGlobalStorage())
      add(VD);
    if (const auto *ECD = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      add(cast<EnumDecl>(ECD->getDeclContext()));
    if (isa<FunctionDecl>(DRE->getDecl()))
      add(DRE->getDecl());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    add(CE->getDirectCallee());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    add(CE->getConstructor());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (isa<FunctionDecl>(ME->getMemberDecl()))
      add(ME->getMemberDecl());
    // A virtual call runs an override that may be defined anywhere.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        MD && MD->isVirtual() && !ME->hasQualifier())
      External.insert(ExternalProgram);
    return true;
  }
  // Types named in expressions: casts, sizeof, template arguments.
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    add(TL.getTypedefNameDecl());
    return true;
  }
  bool VisitEnumTypeLoc(EnumTypeLoc TL) {
    add(TL.getDecl());
    return true;
  }
  bool VisitDeclaratorDecl(DeclaratorDecl *DD) {
    addType(DD->getType());
    return true;
  }

  std::vector<const Decl *> Found;
  std::set<std::string> External;

private:
  void addExternal(const FunctionDecl *FD) {
    // Implicit declarations are the compiler's (builtins, special members
    // made from a class whose definition is hashed); internal linkage means
    // the definition must be in this unit.
    if (FD->isImplicit() || FD->isDefaulted() || FD->isDeleted() || FD->isPureVirtual() ||
        !FD->isExternallyVisible())
      return;
    External.insert(symbolOf(FD, MC));
  }

  const SourceManager &SM;
  MangleContext &MC;
  llvm::DenseSet<const Decl *> Seen;
};

/// The declaration's tokens as written, one per line (so that `a b` and
/// `ab` differ), without comments or layout. Where the text goes through the
/// preprocessor (a directive, or a name that is or was a macro), the tokens
/// do not say what it compiles to: `return x * SCALE;` reads the same under
/// `-DSCALE=5` and `-DSCALE=7`, and an `#ifdef FAST` in the body the same
/// with and without `-DFAST`. Such a declaration adds the AST as printed
/// after preprocessing, so the two builds have different keys.
std::string tokens(const Decl *D, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange R = SM.getExpansionRange(D->getSourceRange());
  FileID File = SM.getFileID(R.getBegin());
  if (File.isInvalid() || SM.getFileID(R.getEnd()) != File)
    return "";
  StringRef Buffer = SM.getBufferData(File);
  unsigned Begin = SM.getFileOffset(R.getBegin());
  unsigned End = SM.getFileOffset(R.getEnd()) + Lexer::MeasureTokenLength(R.getEnd(), SM, LO);
  Lexer Lex(SM.getLocForStartOfFile(File), LO, Buffer.begin(), Buffer.begin() + Begin,
            Buffer.end());
  std::string Out;
  Token Tok;
  bool Preprocessed = false;
  while (true) {
    bool Last = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine())
      Preprocessed = true;
    else if (Tok.is(tok::raw_identifier))
      if (auto It = Ctx.Idents.find(Tok.getRawIdentifier());
          It != Ctx.Idents.end() && It->getValue()->hadMacroDefinition())
        Preprocessed = true;
    Out += Lexer::getSpelling(Tok, SM, LO);
    Out += '\n';
    if (Last)
      break;
  }
  if (Preprocessed) {
    PrintingPolicy Policy = Ctx.getPrintingPolicy();
    Policy.AnonymousTagLocations = false; // no file names: a copy elsewhere hits
    llvm::raw_string_ostream OS(Out);
    OS << "\x1c";
    D->print(OS, Policy);
  }
  return Out;
}

std::string keyOf(const Decl *D) {
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    OS << ND->getQualifiedNameAsString();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    OS << FD->getType().getAsString();
  OS << "@" << D->getDeclKindName();
  return Key;
}

} // namespace

std::string Fingerprint::hex() const {
  std::string S;
  llvm::raw_string_ostream(S) << llvm::format_hex(Hi, 18) << ":" << llvm::format_hex(Lo, 18);
  return S;
}

Fingerprint fingerprint(const Decl *D, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  Dependencies Deps(SM, *MC);
  Deps.add(D);
  Fingerprint F;
  F.External.assign(Deps.External.begin(), Deps.External.end());
  if (Deps.Found.empty())
    return F;
  // The declaration itself first, then its dependencies in name order, so
  // that moving a callee in the file does not change anything.
  std::string Input = FormatVersion;
  Input += '\n';
  Input += tokens(Deps.Found.front(), Ctx);
  std::multimap<std::string, std::string> Rest;
  for (size_t I = 1; I < Deps.Found.size(); ++I)
    Rest.emplace(keyOf(Deps.Found[I]), tokens(Deps.Found[I], Ctx));
  for (auto &[Key, Text] : Rest)
    Input += "\x1f" + Key + "\x1e" + Text;
  // What is defined elsewhere enters by name here, by content at run time.
  for (const std::string &Symbol : F.External)
    Input += "\x1d" + Symbol;
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(
      llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(Input.data()), Input.size()));
  F.Hi = H.high64;
  F.Lo = H.low64;
  return F;
}

namespace {

/// The definitions this unit provides to other units' pure functions.
class LinkTargets : public RecursiveASTVisitor<LinkTargets> {
public:
  LinkTargets(ASTContext &Ctx, const PurityFacts &Facts) : Ctx(Ctx), Facts(Facts) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    // Inline functions and implicit instantiations are defined in every unit
    // that calls them (there, their tokens are hashed); internal ones cannot
    // be called from elsewhere.
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() && !inSystemHeader(FD) &&
        isStrong(Ctx.GetGVALinkageForFunction(FD)) && Facts.isPure(FD))
      Functions.push_back(FD);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isThisDeclarationADefinition() == VarDecl::Definition && VD->hasGlobalStorage() &&
        !VD->isStaticLocal() && !VD->getDeclContext()->isDependentContext() &&
        VD->getType().isConstQualified() && !inSystemHeader(VD) &&
        isStrong(Ctx.GetGVALinkageForVariable(VD)))
      Constants.push_back(VD);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  std::vector<const VarDecl *> Constants;

private:
  static bool isStrong(GVALinkage L) { return L == GVA_StrongExternal || L == GVA_StrongODR; }
  bool inSystemHeader(const Decl *D) const {
    return D->getLocation().isInvalid() ||
           Ctx.getSourceManager().isInSystemHeader(D->getLocation());
  }

  ASTContext &Ctx;
  const PurityFacts &Facts;
};

} // namespace

std::string linkNote(ASTContext &Ctx, const PurityFacts &Facts) {
  LinkTargets Targets(Ctx, Facts);
  Targets.TraverseDecl(Ctx.getTranslationUnitDecl());
  if (Targets.Functions.empty())
    return "";
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  std::map<std::string, std::string> Lines; // by symbol: a stable order
  auto Add = [&](const NamedDecl *D) {
    std::string Symbol = symbolOf(D, *MC);
    if (Symbol == ExternalProgram)
      return;
    Fingerprint F = fingerprint(D, Ctx);
    std::string Line;
    llvm::raw_string_ostream OS(Line);
    OS << Symbol << ' ' << llvm::format_hex_no_prefix(F.Hi, 16)
       << llvm::format_hex_no_prefix(F.Lo, 16);
    for (const std::string &E : F.External)
      OS << ' ' << E;
    Lines[Symbol] += Line + "\n";
  };
  for (const FunctionDecl *FD : Targets.Functions)
    Add(FD);
  for (const VarDecl *VD : Targets.Constants)
    Add(VD);
  std::string Out;
  for (auto &[Symbol, Text] : Lines)
    Out += Text;
  return Out;
}

} // namespace purecc
