//===- ConstantEvaluated.cpp - functions the compiler runs -----------------===//
#include "ConstantEvaluated.h"

#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace purecc {
namespace {

/// The callees of the calls in one constant-evaluated expression, followed
/// into the bodies of those that are 'constexpr'.
void addCallees(const Stmt *S, llvm::SmallPtrSetImpl<const FunctionDecl *> &Out) {
  if (!S)
    return;
  // Operands that are never evaluated: `sizeof(step(3))` in a
  // static_assert, the `noexcept(...)` and concept checks the library's
  // constrained algorithms make of a callable (user52 k01: every lambda
  // given to `std::ranges::count_if` was taken for constant-evaluated).
  if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, ConceptSpecializationExpr>(S))
    return;
  // Of a requires-expression only its nested requirements are evaluated
  // (`requires requires { requires step(4) == 3; }`, adv53 t154, t155).
  if (const auto *Requires = dyn_cast<RequiresExpr>(S)) {
    for (const concepts::Requirement *R : Requires->getRequirements())
      if (const auto *Nested = dyn_cast<concepts::NestedRequirement>(R);
          Nested && !Nested->hasInvalidConstraint())
        addCallees(Nested->getConstraintExpr(), Out);
    return;
  }
  if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S); Typeid && !Typeid->isPotentiallyEvaluated())
    return;
  // A default member initializer or default argument the evaluation uses
  // (`struct L { long v = f(6); }; constexpr L l{};`, `constexpr long g(long
  // x = f(6))`, adv54 t12, t14): not a child in the tree.
  if (const auto *Init = dyn_cast<CXXDefaultInitExpr>(S))
    addCallees(Init->getExpr(), Out);
  if (const auto *Arg = dyn_cast<CXXDefaultArgExpr>(S))
    addCallees(Arg->getExpr(), Out);
  const FunctionDecl *Callee = nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    Callee = CE->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    Callee = Construct->getConstructor();
  if (Callee && Out.insert(Callee->getCanonicalDecl()).second && Callee->isConstexpr())
    if (const FunctionDecl *Def = Callee->getDefinition()) {
      // A constructor's member initializers run before its body (adv54
      // t13: `constexpr K() : v(f(5)) {}`).
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          addCallees(Init->getInit(), Out);
      addCallees(Def->getBody(), Out);
    }
  for (const Stmt *Child : S->children())
    addCallees(Child, Out);
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx, llvm::SmallPtrSetImpl<const FunctionDecl *> &Out) : Ctx(Ctx), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitStaticAssertDecl(StaticAssertDecl *D) {
    addCallees(D->getAssertExpr(), Out);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    // A `const long N = step(5);` of integral type that the compiler can
    // evaluate is a constant too: `std::array<int, N>` (adv53 t66).
    bool Constant = VD->isConstexpr() || VD->hasAttr<ConstInitAttr>() ||
                    (!VD->getType()->isDependentType() && !VD->isInvalidDecl() && VD->getInit() &&
                     !VD->getInit()->isValueDependent() &&
                     VD->mightBeUsableInConstantExpressions(Ctx) && VD->hasConstantInitialization());
    if (Constant && VD->getInit())
      addCallees(VD->getInit(), Out);
    return true;
  }
  // A template's requires-clause, a concept's definition (adv53 t70, t96).
  bool VisitTemplateDecl(TemplateDecl *TD) {
    if (const TemplateParameterList *Params = TD->getTemplateParameters())
      addCallees(Params->getRequiresClause(), Out);
    if (const auto *Concept = dyn_cast<ConceptDecl>(TD))
      addCallees(Concept->getConstraintExpr(), Out);
    return true;
  }
  bool VisitClassTemplatePartialSpecializationDecl(ClassTemplatePartialSpecializationDecl *D) {
    addCallees(D->getTemplateParameters()->getRequiresClause(), Out);
    return true;
  }
  // A function's trailing requires-clause, `explicit(...)` and
  // `noexcept(...)` (adv53 t97).
  bool VisitFunctionDecl(FunctionDecl *FD) {
    addCallees(FD->getTrailingRequiresClause(), Out);
    addCallees(ExplicitSpecifier::getFromDecl(FD).getExpr(), Out);
    if (const auto *Proto = FD->getType()->getAs<FunctionProtoType>())
      addCallees(Proto->getNoexceptExpr(), Out);
    return true;
  }
  // A default template argument (adv53 t72), and any template argument
  // written as an expression (`f<step(6)>()`, adv53 t99).
  bool VisitNonTypeTemplateParmDecl(NonTypeTemplateParmDecl *D) {
    if (D->hasDefaultArgument())
      addCallees(D->getDefaultArgument().getSourceExpression(), Out);
    return true;
  }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &Arg) {
    if (Arg.getArgument().getKind() == TemplateArgument::Expression)
      addCallees(Arg.getSourceExpression(), Out);
    return RecursiveASTVisitor::TraverseTemplateArgumentLoc(Arg);
  }
  // An array bound, of a member too (adv53 t156); a bit-field's width;
  // an alignment.
  bool VisitArrayTypeLoc(ArrayTypeLoc TL) {
    addCallees(TL.getSizeExpr(), Out);
    return true;
  }
  bool VisitFieldDecl(FieldDecl *FD) {
    if (FD->isBitField())
      addCallees(FD->getBitWidth(), Out);
    return true;
  }
  bool VisitDecl(Decl *D) {
    for (const auto *Aligned : D->specific_attrs<AlignedAttr>())
      if (Aligned->isAlignmentExpr())
        addCallees(Aligned->getAlignmentExpr(), Out);
    return true;
  }
  // Template arguments, array bounds, `case` labels, `if constexpr`
  // conditions, enumerator values: the expressions Clang evaluated.
  bool VisitConstantExpr(ConstantExpr *CE) {
    addCallees(CE->getSubExpr(), Out);
    return true;
  }

private:
  ASTContext &Ctx;
  llvm::SmallPtrSetImpl<const FunctionDecl *> &Out;
};

} // namespace

void addConstantEvaluatedCallees(ASTContext &Ctx, llvm::SmallPtrSetImpl<const FunctionDecl *> &Out) {
  Finder(Ctx, Out).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace purecc
