//===- ConstantEvaluated.cpp - functions the compiler runs -----------------===//
#include "ConstantEvaluated.h"

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
  if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr, ConceptSpecializationExpr>(S))
    return;
  if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S); Typeid && !Typeid->isPotentiallyEvaluated())
    return;
  const FunctionDecl *Callee = nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    Callee = CE->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    Callee = Construct->getConstructor();
  if (Callee && Out.insert(Callee->getCanonicalDecl()).second && Callee->isConstexpr())
    if (const FunctionDecl *Def = Callee->getDefinition())
      addCallees(Def->getBody(), Out);
  for (const Stmt *Child : S->children())
    addCallees(Child, Out);
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  explicit Finder(llvm::SmallPtrSetImpl<const FunctionDecl *> &Out) : Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitStaticAssertDecl(StaticAssertDecl *D) {
    addCallees(D->getAssertExpr(), Out);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if ((VD->isConstexpr() || VD->hasAttr<ConstInitAttr>()) && VD->getInit())
      addCallees(VD->getInit(), Out);
    return true;
  }
  // Template arguments, array bounds, `case` labels, `if constexpr`
  // conditions, enumerator values: the expressions Clang evaluated.
  bool VisitConstantExpr(ConstantExpr *CE) {
    addCallees(CE->getSubExpr(), Out);
    return true;
  }

private:
  llvm::SmallPtrSetImpl<const FunctionDecl *> &Out;
};

} // namespace

void addConstantEvaluatedCallees(ASTContext &Ctx, llvm::SmallPtrSetImpl<const FunctionDecl *> &Out) {
  Finder(Out).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace purecc
