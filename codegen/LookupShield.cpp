//===- LookupShield.cpp - the program's calls keep their callee -----------===//
#include "LookupShield.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <algorithm>

using namespace clang;

namespace purecc {
namespace {

/// Steps into a type's parts before the answer is "no": a type can nest
/// its template arguments without end only through recursion we stop.
constexpr unsigned MaxDepth = 16;

bool inStd(const Decl *D) {
  const DeclContext *NS = D->getDeclContext()->getEnclosingNamespaceContext();
  for (; NS && !NS->isTranslationUnit(); NS = NS->getParent())
    if (const auto *N = dyn_cast<NamespaceDecl>(NS); N && N->isStdNamespace())
      return true;
  return false;
}

/// Whether namespace std is among T's associated namespaces: T, what it
/// points to, its template arguments, its bases, its function types' parts.
bool touchesStd(QualType T, unsigned Depth, llvm::SmallPtrSetImpl<const Type *> &Seen) {
  if (T.isNull() || Depth > MaxDepth)
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (!Seen.insert(T.getTypePtr()).second)
    return false;
  if (const auto *PT = T->getAs<PointerType>())
    return touchesStd(PT->getPointeeType(), Depth + 1, Seen);
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return touchesStd(AT->getElementType(), Depth + 1, Seen);
  if (const auto *MP = T->getAs<MemberPointerType>())
    return touchesStd(QualType(MP->getClass(), 0), Depth + 1, Seen) ||
           touchesStd(MP->getPointeeType(), Depth + 1, Seen);
  if (const auto *FT = T->getAs<FunctionProtoType>()) {
    if (touchesStd(FT->getReturnType(), Depth + 1, Seen))
      return true;
    for (QualType P : FT->param_types())
      if (touchesStd(P, Depth + 1, Seen))
        return true;
    return false;
  }
  if (const auto *ET = T->getAs<EnumType>())
    return inStd(ET->getDecl());
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (inStd(RD))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Type && touchesStd(A.getAsType(), Depth + 1, Seen))
        return true;
      if (A.getKind() == TemplateArgument::Template)
        if (const TemplateDecl *TD = A.getAsTemplate().getAsTemplateDecl(); TD && inStd(TD))
          return true;
    }
  if (RD->hasDefinition())
    for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
      if (touchesStd(B.getType(), Depth + 1, Seen))
        return true;
  return false;
}

/// `::ns::inner::` for a function of namespace ns::inner (anonymous and
/// inline namespaces are looked into by the qualified name around them);
/// nullopt when FD is no namespace's member.
std::optional<std::string> qualifierOf(const FunctionDecl *FD) {
  std::vector<std::string> Names;
  for (const DeclContext *DC = FD->getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent()) {
    if (isa<LinkageSpecDecl>(DC) || isa<ExportDecl>(DC))
      continue;
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS)
      return std::nullopt;
    if (NS->isAnonymousNamespace() || NS->isInline())
      continue;
    Names.push_back(NS->getNameAsString());
  }
  std::string Q = "::";
  for (auto It = Names.rbegin(); It != Names.rend(); ++It)
    Q += *It + "::";
  return Q;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx, Plan &P) : SM(Ctx.getSourceManager()), P(P) {}

  bool TraverseDecl(Decl *D) {
    // Only the main file's code is rewritten.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *CE) {
    // CallExpr::usesADL() says only whether the callee came from the
    // arguments' namespaces; any unqualified call looks there. `(f)(x)`
    // does not.
    if (isa<CXXOperatorCallExpr>(CE))
      return true;
    const auto *DRE = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreImpCasts());
    if (!DRE || DRE->hasQualifier() || !DRE->getNameInfo().getName().isIdentifier())
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    SourceLocation Loc = DRE->getLocation();
    if (!FD || inStd(FD) || Loc.isMacroID() || !SM.isInMainFile(Loc))
      return true;
    // Declared only as a friend (found through its class) or only in a
    // block: no qualified name reaches it.
    bool Nameable = false;
    for (const FunctionDecl *R : FD->redecls())
      Nameable = Nameable || (R->getFriendObjectKind() == Decl::FOK_None &&
                              !R->getLexicalDeclContext()->isFunctionOrMethod());
    if (!Nameable)
      return true;
    llvm::SmallPtrSet<const Type *, 16> Seen;
    bool Exposed = false;
    for (const Expr *A : CE->arguments())
      Exposed = Exposed || touchesStd(A->getType(), 0, Seen);
    if (!Exposed)
      return true;
    std::optional<std::string> Qualifier = qualifierOf(FD);
    if (!Qualifier)
      return true;
    unsigned Begin = SM.getFileOffset(Loc);
    StringRef Name = FD->getName();
    // The name as written (not a template's injected spelling).
    if (SM.getBufferData(SM.getMainFileID()).substr(Begin, Name.size()) != Name)
      return true;
    Edit E;
    E.Begin = Begin;
    E.End = Begin + Name.size();
    E.Text = *Qualifier + Name.str();
    P.Qualifications.push_back(std::move(E));
    return true;
  }

private:
  const SourceManager &SM;
  Plan &P;
};

} // namespace

void shieldLookups(ASTContext &Ctx, Plan &P) {
  Finder(Ctx, P).TraverseDecl(Ctx.getTranslationUnitDecl());
  std::stable_sort(P.Qualifications.begin(), P.Qualifications.end(),
                   [](const Edit &A, const Edit &B) { return A.Begin < B.Begin; });
  // One edit per call, however many times the walk met it.
  P.Qualifications.erase(std::unique(P.Qualifications.begin(), P.Qualifications.end(),
                                     [](const Edit &A, const Edit &B) { return A.Begin == B.Begin; }),
                         P.Qualifications.end());
}

} // namespace purecc
