//===- PlaceNames.cpp - code that names the place it is written in --------===//
#include "PlaceNames.h"
#include "PlanContext.h"
#include "StmtDeps.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace purecc {

llvm::StringRef outermostMacro(SourceLocation Loc, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::StringRef Macro;
  for (; Loc.isMacroID(); Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (llvm::StringRef Name = Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
        !Name.empty())
      Macro = Name;
  return Macro;
}

std::string usedThrough(SourceLocation Loc, const std::string &Written, const ASTContext &Ctx) {
  llvm::StringRef Macro = outermostMacro(Loc, Ctx);
  return Macro.empty() ? Written : "'" + Macro.str() + "', which expands to " + Written;
}

namespace {

/// The default argument of `std::source_location::current`, which the
/// user calls as `std::source_location::current()`.
bool isSourceLocationCurrent(const CXXDefaultArgExpr *D) {
  const auto *MD = dyn_cast<CXXMethodDecl>(D->getParam()->getDeclContext());
  return MD && MD->getIdentifier() && MD->getName() == "current" &&
         MD->getParent()->getIdentifier() && MD->getParent()->getName() == "source_location" &&
         MD->getParent()->isInStdNamespace();
}

} // namespace

bool dependsOnPlace(const SourceLocExpr *E) {
  // The line and the file stay what they were: the rewritten file keeps
  // each line's number and name with '#line' directives.
  return E->getIdentKind() != SourceLocIdentKind::Line &&
         E->getIdentKind() != SourceLocIdentKind::File &&
         E->getIdentKind() != SourceLocIdentKind::FileName;
}

namespace {
std::string placeReason(const SourceLocExpr *E,
                        llvm::ArrayRef<const CXXDefaultArgExpr *> DefaultArgs,
                        const ASTContext &Ctx, bool Column) {
  // `std::source_location::current()` is a call whose default argument is
  // `__builtin_source_location()`: name the call the user wrote.
  bool ViaCurrent = !DefaultArgs.empty() && isSourceLocationCurrent(DefaultArgs.back());
  std::string Used = ViaCurrent ? "'std::source_location::current()'"
                                : "'" + E->getBuiltinStr().str() + "()'";
  const CXXDefaultArgExpr *Outer = DefaultArgs.empty() ? nullptr : DefaultArgs.front();
  if (Outer && !(ViaCurrent && DefaultArgs.size() == 1)) {
    // The default argument of a function the loop body calls.
    const auto *Callee = cast<FunctionDecl>(Outer->getParam()->getDeclContext());
    return usedThrough(Outer->getUsedLocation(), quoted(Callee), Ctx) +
           ", whose default argument uses " + Used +
           (Column ? ", which gives the column of the call, which the rewrite moves"
                   : ", which names the function the call is written in");
  }
  SourceLocation At = ViaCurrent ? Outer->getUsedLocation() : E->getBeginLoc();
  return usedThrough(At, Used, Ctx) +
         (Column ? ", which gives the column it is written at, which the rewrite moves"
                 : ", which names the function it is written in");
}
} // namespace

std::string sourceLocationReason(const SourceLocExpr *E,
                                 llvm::ArrayRef<const CXXDefaultArgExpr *> DefaultArgs,
                                 const ASTContext &Ctx) {
  return placeReason(E, DefaultArgs, Ctx, E->getIdentKind() == SourceLocIdentKind::Column);
}

namespace {

/// The first name of the place in a statement (or the first column, as
/// What asks), outside lambdas and local classes (which have their own),
/// default arguments included.
class PlaceFinder : public RecursiveASTVisitor<PlaceFinder> {
  using Base = RecursiveASTVisitor<PlaceFinder>;

public:
  enum class Looking { NamesAndColumns, Columns };
  PlaceFinder(const ASTContext &Ctx, Looking What) : Ctx(Ctx), What(What) {}
  std::string Why;
  bool shouldVisitLambdaBody() const { return false; }
  bool shouldVisitImplicitCode() const { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitPredefinedExpr(PredefinedExpr *E) {
    if (What == Looking::Columns)
      return true;
    Why = functionNameReason(E, Ctx);
    return false;
  }
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E, DataRecursionQueue * = nullptr) {
    DefaultArgs.push_back(E);
    bool Continue = Base::TraverseCXXDefaultArgExpr(E, nullptr);
    DefaultArgs.pop_back();
    return Continue;
  }
  bool VisitSourceLocExpr(SourceLocExpr *E) {
    if (What == Looking::NamesAndColumns) {
      if (!dependsOnPlace(E))
        return true;
      Why = sourceLocationReason(E, DefaultArgs, Ctx);
      return false;
    }
    // `std::source_location::current()` holds the column too.
    if (E->getIdentKind() != SourceLocIdentKind::Column &&
        E->getIdentKind() != SourceLocIdentKind::SourceLocStruct)
      return true;
    Why = placeReason(E, DefaultArgs, Ctx, /*Column=*/true);
    return false;
  }

private:
  const ASTContext &Ctx;
  Looking What;
  llvm::SmallVector<const CXXDefaultArgExpr *, 2> DefaultArgs;
};

} // namespace

std::string placeNameReason(const Stmt *S, const ASTContext &Ctx) {
  PlaceFinder F(Ctx, PlaceFinder::Looking::NamesAndColumns);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Why;
}

namespace {

class LineFinder : public RecursiveASTVisitor<LineFinder> {
public:
  const SourceLocExpr *Found = nullptr;
  bool shouldVisitLambdaBody() const { return false; }
  bool shouldVisitImplicitCode() const { return true; } // default arguments
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool VisitSourceLocExpr(SourceLocExpr *E) {
    if (E->getIdentKind() != SourceLocIdentKind::Line &&
        E->getIdentKind() != SourceLocIdentKind::SourceLocStruct)
      return true;
    Found = E;
    return false;
  }
};

} // namespace

std::string columnUseReason(const Stmt *S, const ASTContext &Ctx) {
  PlaceFinder F(Ctx, PlaceFinder::Looking::Columns);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Why;
}

const SourceLocExpr *lineUse(const Stmt *S) {
  LineFinder F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

namespace {

/// The first use in the unit's own code of what shows a type's name.
class ObserverFinder : public RecursiveASTVisitor<ObserverFinder> {
public:
  ObserverFinder(const ASTContext &Ctx) : Ctx(const_cast<ASTContext &>(Ctx)), SM(Ctx.getSourceManager()) {}
  std::string Found;
  bool shouldVisitImplicitCode() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  // Only a 'typeid' that may see a type declared in a function: one in a
  // template (of a template parameter), or of such a type itself.
  // `typeid(k[i]) == typeid(long)` shows no such name.
  bool VisitCXXTypeidExpr(CXXTypeidExpr *E) {
    if (E->isTypeDependent() || E->isValueDependent() || E->isInstantiationDependent())
      return found("'typeid'");
    QualType T = E->isTypeOperand() ? E->getTypeOperand(Ctx) : E->getExprOperand()->getType();
    return involvesLocalType(T) ? found("'typeid'") : true;
  }
  bool VisitPredefinedExpr(PredefinedExpr *E) {
    if (E->getIdentKind() == PredefinedIdentKind::PrettyFunction ||
        E->getIdentKind() == PredefinedIdentKind::FuncSig ||
        E->getIdentKind() == PredefinedIdentKind::FuncDName)
      return found("'" + PredefinedExpr::getIdentKindName(E->getIdentKind()).str() + "'");
    return true;
  }
  bool VisitSourceLocExpr(SourceLocExpr *E) {
    if (E->getIdentKind() == SourceLocIdentKind::SourceLocStruct)
      return found("'std::source_location::current()'");
    if (E->getIdentKind() == SourceLocIdentKind::Function)
      return found("'__builtin_FUNCTION()'");
    return true;
  }

private:
  bool found(std::string What) {
    Found = std::move(What);
    return false;
  }
  /// Whether T names a class or enum declared in a function (a closure
  /// type too), itself or through pointers, arrays and template arguments.
  static bool involvesLocalType(QualType T) {
    T = T.getCanonicalType();
    while (true) {
      if (const auto *P = T->getAs<PointerType>())
        T = P->getPointeeType().getCanonicalType();
      else if (const auto *R = T->getAs<ReferenceType>())
        T = R->getPointeeType().getCanonicalType();
      else if (const ArrayType *A = T->getAsArrayTypeUnsafe())
        T = A->getElementType().getCanonicalType();
      else
        break;
    }
    const TagDecl *Tag = T->getAsTagDecl();
    if (!Tag)
      return false;
    if (Tag->getDeclContext()->isFunctionOrMethod() ||
        (isa<CXXRecordDecl>(Tag) && cast<CXXRecordDecl>(Tag)->isLambda()))
      return true;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Tag))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type && involvesLocalType(Arg.getAsType()))
          return true;
    return false;
  }
  ASTContext &Ctx;
  const SourceManager &SM;
};

/// The first class, union or enum S declares, or lambda it holds (outside
/// the bodies of lambdas: a lambda's own types are found with it).
class LocalTypeFinder : public RecursiveASTVisitor<LocalTypeFinder> {
public:
  const TagDecl *Tag = nullptr;
  bool Lambda = false;
  bool TraverseLambdaExpr(LambdaExpr *) {
    Lambda = true;
    return false;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *RD) { return found(RD); }
  bool TraverseEnumDecl(EnumDecl *ED) { return found(ED); }
  bool TraverseRecordDecl(RecordDecl *RD) { return found(RD); }

private:
  bool found(TagDecl *D) {
    Tag = D;
    return false;
  }
};

std::string tagKind(const TagDecl *D) {
  return D->isEnum() ? "an enum" : D->isUnion() ? "a union" : "a class";
}

} // namespace

std::string findTypeNameObserver(const ASTContext &Ctx) {
  ObserverFinder F(Ctx);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return F.Found;
}

std::string lambdaTypeReason(llvm::StringRef Observer) {
  return "a lambda, whose type's name (" + Observer.str() +
         " shows it) would name the lambda the code moves into";
}

std::string localTypeReason(const Decl *D, llvm::StringRef Observer) {
  const auto *Tag = dyn_cast<TagDecl>(D);
  if (Observer.empty() || !Tag || (isa<CXXRecordDecl>(Tag) && cast<CXXRecordDecl>(Tag)->isLambda()))
    return "";
  std::string Name = Tag->getIdentifier() ? "'" + Tag->getName().str() + "', " : "";
  return Name + tagKind(Tag) + " declared there, whose name (" + Observer.str() +
         " shows it) would name the lambda the code moves into";
}

std::string localTypeReason(const Stmt *S, llvm::StringRef Observer) {
  if (Observer.empty() || !S)
    return "";
  LocalTypeFinder F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  if (F.Tag)
    return localTypeReason(F.Tag, Observer);
  return F.Lambda ? lambdaTypeReason(Observer) : "";
}

} // namespace purecc
