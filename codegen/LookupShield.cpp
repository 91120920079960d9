//===- LookupShield.cpp - the program's calls keep their callee -----------===//
#include "LookupShield.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <map>
#include <optional>
#include <set>
#include <string>

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

/// What the calls written at one offset of the main file say: a call
/// template's instantiations, and a macro's expansions, share the text.
struct Site {
  std::string Name;
  clang::SourceLocation Loc;                 // a call written there
  const clang::FunctionDecl *Callee = nullptr; // one it calls
  std::set<std::string> Qualifiers; // one per callee seen there
  bool Exposed = false;             // some call's arguments involve std
  bool Unnameable = false;          // some callee has no qualified name there
  bool Local = false;               // a callee declared in a block
  bool Dependent = false;           // written in a template, depending on it
  bool CallsStd = false;            // some call there calls std's function
};

/// Functions of the standard library that take their arguments by
/// forwarding reference (or are otherwise templates a program's function
/// of the same name can lose to): the names a call that cannot be
/// qualified is refused for.
bool greedyStdName(llvm::StringRef Name) {
  static const char *const Names[] = {
      "apply",  "invoke",       "invoke_r", "visit",      "bind",      "bind_front", "bind_back",
      "ref",    "cref",         "mem_fn",   "not_fn",     "make_tuple", "forward_as_tuple",
      "tie",    "tuple_cat",    "make_pair", "make_optional", "make_any", "exchange", "as_const",
      "swap",   "addressof",    "move",     "forward",    "get",       "size",      "ssize",
      "data",   "empty",        "begin",    "end",        "cbegin",    "cend",      "rbegin",
      "rend",   "distance",     "next",     "prev",       "advance",   "min",       "max",
      "clamp",  "make_shared",  "make_unique", "to_address", "construct_at", "destroy_at",
      "reduce", "transform",    "sort",     "find",       "count",     "copy",      "fill"};
  for (const char *N : Names)
    if (Name == N)
      return true;
  return false;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {}

  // A call in a template resolves in each instantiation: every one of
  // them must name the same function for the text to be qualified.
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    // Only the main file's code is rewritten.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *CE) {
    // `(f)(x)` looks nowhere else, and an operator is written as one.
    if (isa<CXXOperatorCallExpr>(CE))
      return true;
    // A call that depends on a template's parameters, found among the
    // program's functions where the template is defined: resolved per
    // instantiation, below; where no instantiation shows it (a default
    // template argument, a requires-clause: adv92 F6) it stays as written.
    if (const auto *ULE = dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreImpCasts());
        ULE && ULE->requiresADL() && !ULE->getQualifier() && ULE->getName().isIdentifier()) {
      SourceLocation Spelled = SM.getSpellingLoc(ULE->getNameLoc());
      bool Programs = false;
      for (const NamedDecl *D : ULE->decls())
        Programs = Programs || !inStd(D->getUnderlyingDecl());
      if (Programs && SM.isInMainFile(Spelled)) {
        Site &At = Sites[SM.getFileOffset(Spelled)];
        At.Name = ULE->getName().getAsString();
        At.Loc = ULE->getNameLoc();
        At.Dependent = true;
      }
      return true;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreImpCasts());
    if (!DRE || DRE->hasQualifier() || !DRE->getNameInfo().getName().isIdentifier())
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    SourceLocation Spelled = SM.getSpellingLoc(DRE->getLocation());
    if (!FD || !SM.isInMainFile(Spelled))
      return true;
    // A call of std's already (`swap(a, b)` after `using std::swap;` in
    // one instantiation): a qualified text would not reach it.
    if (inStd(FD)) {
      if (auto It = Sites.find(SM.getFileOffset(Spelled)); It != Sites.end())
        It->second.CallsStd = true;
      else
        Sites[SM.getFileOffset(Spelled)].CallsStd = true;
      return true;
    }
    unsigned Begin = SM.getFileOffset(Spelled);
    StringRef Name = FD->getName();
    // The name as written (not a template's injected spelling).
    if (SM.getBufferData(SM.getMainFileID()).substr(Begin, Name.size()) != Name)
      return true;
    Site &At = Sites[Begin];
    At.Name = Name.str();
    At.Loc = DRE->getLocation();
    At.Callee = FD;
    llvm::SmallPtrSet<const Type *, 16> Seen;
    for (const Expr *A : CE->arguments())
      At.Exposed = At.Exposed || touchesStd(A->getType(), 0, Seen);
    // A macro's text is not edited: it may be stringized (`#name`), used
    // as a member's or a declaration's name elsewhere (adv92 F5, F6).
    if (DRE->getLocation().isMacroID()) {
      At.Unnameable = true;
      return true;
    }
    // A function declared in a block: the call looks nowhere else (and a
    // qualified name would not find it: adv91 F4).
    if (const NamedDecl *Found = DRE->getFoundDecl();
        Found->getLexicalDeclContext()->isFunctionOrMethod()) {
      At.Unnameable = true;
      At.Exposed = false; // and nothing else is looked up
      At.Local = true;
      return true;
    }
    // Found through its class only (a hidden friend), or declared at
    // namespace scope only after the call: no qualified name reaches it.
    SourceLocation Used = SM.getExpansionLoc(DRE->getLocation());
    bool Nameable = false;
    for (const FunctionDecl *R : FD->redecls())
      Nameable = Nameable || (R->getFriendObjectKind() == Decl::FOK_None &&
                              !R->getLexicalDeclContext()->isFunctionOrMethod() &&
                              !R->getLexicalDeclContext()->isRecord() &&
                              SM.isBeforeInTranslationUnit(R->getLocation(), Used));
    std::optional<std::string> Qualifier = qualifierOf(FD);
    if (!Nameable || !Qualifier) {
      At.Unnameable = true;
      return true;
    }
    At.Qualifiers.insert(*Qualifier);
    return true;
  }

  std::map<unsigned, Site> Sites;

private:
  const SourceManager &SM;
};

} // namespace

void shieldLookups(ASTContext &Ctx, Plan &P) {
  Finder F(Ctx);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  // In file order: one edit per text, when every call it writes names the
  // same function and one of them could be taken over.
  for (const auto &[Begin, At] : F.Sites) {
    // A dependent call no instantiation resolved before us: its arguments'
    // types are not known here, so it is taken as exposed.
    if (At.Dependent && At.Qualifiers.empty() && !At.Unnameable && !At.Local && !At.CallsStd) {
      if (!P.ExposedCall.isValid() && greedyStdName(At.Name)) {
        P.ExposedCall = At.Loc;
        P.ExposedName = At.Name;
      }
      continue;
    }
    // Only std's functions called there: nothing of the program's to lose.
    if (!At.Exposed || (At.Qualifiers.empty() && !At.Unnameable))
      continue;
    if (At.Unnameable || At.CallsStd || At.Qualifiers.size() != 1) {
      // Left as written: refused when a std template of its name could
      // take it over (adv91 F5: a hidden friend 'apply' lost to std::apply).
      if (!At.Local && !P.ExposedCall.isValid() && greedyStdName(At.Name)) {
        P.ExposedCall = At.Loc;
        P.ExposedName = At.Name;
      }
      continue;
    }
    Edit E;
    E.Begin = Begin;
    E.End = Begin + At.Name.size();
    E.Text = *At.Qualifiers.begin() + At.Name;
    P.Qualifications.push_back(std::move(E));
  }
}

} // namespace purecc
