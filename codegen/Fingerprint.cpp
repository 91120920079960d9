//===- Fingerprint.cpp - a memoized function's 128-bit identity -----------===//
#include "Fingerprint.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <map>

using namespace clang;

namespace purecc {
namespace {

/// Bumped whenever what goes into a fingerprint changes, so that old cache
/// entries stop matching.
constexpr const char *FormatVersion = "purecc-fingerprint-1";

/// Collects the user declarations a function depends on.
class Dependencies : public RecursiveASTVisitor<Dependencies> {
public:
  explicit Dependencies(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  void add(const Decl *D) {
    if (!D || D->getLocation().isInvalid() || SM.isInSystemHeader(D->getLocation()))
      return;
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
        FD = Pattern;
      const FunctionDecl *Def = FD->getDefinition();
      D = Def ? Def : FD;
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
        RD = Pattern;
      D = RD->getDefinition() ? RD->getDefinition() : RD;
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
    }
  }

  void addType(QualType T) {
    T = T.getNonReferenceType();
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
    return true;
  }
  bool VisitDeclaratorDecl(DeclaratorDecl *DD) {
    addType(DD->getType());
    return true;
  }

  std::vector<const Decl *> Found;

private:
  const SourceManager &SM;
  llvm::DenseSet<const Decl *> Seen;
};

/// The declaration's tokens as written, one per line (so that `a b` and
/// `ab` differ), without comments or layout.
std::string tokens(const Decl *D, const SourceManager &SM, const LangOptions &LO) {
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
  while (true) {
    bool Last = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    Out += Lexer::getSpelling(Tok, SM, LO);
    Out += '\n';
    if (Last)
      break;
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

Fingerprint fingerprint(const FunctionDecl *FD, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  Dependencies Deps(SM);
  Deps.add(FD);
  // The function itself first, then its dependencies in name order, so that
  // moving a callee in the file does not change anything.
  std::string Input = FormatVersion;
  Input += '\n';
  Input += tokens(Deps.Found.front(), SM, Ctx.getLangOpts());
  std::multimap<std::string, std::string> Rest;
  for (size_t I = 1; I < Deps.Found.size(); ++I)
    Rest.emplace(keyOf(Deps.Found[I]), tokens(Deps.Found[I], SM, Ctx.getLangOpts()));
  for (auto &[Key, Text] : Rest)
    Input += "\x1f" + Key + "\x1e" + Text;
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(
      llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(Input.data()), Input.size()));
  return {H.high64, H.low64};
}

} // namespace purecc
