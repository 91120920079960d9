//===- AtomicAccess.cpp - R2: atomic operations ---------------------------===//
#include "AtomicAccess.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

namespace {

/// Whether FD's table name may start with "std::atomic_": its own name or
/// an enclosing one starts with "atomic_" (a name that is not an identifier,
/// such as 'operator()', never does). A cheap test first: the table name is
/// a string to build, for every call.
bool mayBeStdAtomicFunction(const FunctionDecl *FD) {
  auto AtomicName = [](const NamedDecl *D) {
    const IdentifierInfo *II = D->getIdentifier();
    return II && II->getName().starts_with("atomic_");
  };
  if (AtomicName(FD))
    return true;
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
    if (isa<NamespaceDecl, RecordDecl>(DC) && AtomicName(cast<NamedDecl>(DC)))
      return true;
  return false;
}

} // namespace

bool isAtomicOperation(const Expr *Call) {
  CallParts Parts = callParts(Call);
  if (!Parts.Callee || isa<CXXConstructorDecl>(Parts.Callee) ||
      isa<CXXDestructorDecl>(Parts.Callee))
    return false;
  if (Parts.Object && isAtomicType(Parts.Object->getType()))
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Parts.Callee))
    if (isAtomicType(QualType(MD->getParent()->getTypeForDecl(), 0)))
      return true;
  if (!mayBeStdAtomicFunction(Parts.Callee))
    return false;
  std::string Name = tableName(Parts.Callee);
  return llvm::StringRef(Name).starts_with("std::atomic_");
}

namespace {

class AtomicAccessRule : public Rule {
public:
  StmtClasses inspects() const override {
    return StmtClasses::of<AtomicExpr, CallExpr, ImplicitCastExpr>();
  }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return;
    std::string What;
    if (isa<AtomicExpr>(E)) {
      What = "builtin";
    } else if (isa<CallExpr>(E) && isAtomicOperation(E)) {
      CallParts Parts = callParts(E);
      What = Parts.Object ? Parts.Object->IgnoreImpCasts()->getType().getNonReferenceType()
                                .getUnqualifiedType().getAsString(C.ast().getPrintingPolicy())
                          : tableName(Parts.Callee);
    } else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
      if (IC->getCastKind() == CK_LValueToRValue &&
          IC->getSubExpr()->getType()->isAtomicType())
        What = IC->getSubExpr()->getType().getAsString(C.ast().getPrintingPolicy());
    }
    if (What.empty())
      return;
    Effect Eff = Effect::at(EffectKind::Atomic, E);
    Eff.Detail.reserve(What.size() + 2);
    Eff.Detail.push_back('\'');
    Eff.Detail.append(What);
    Eff.Detail.push_back('\'');
    C.record(std::move(Eff));
  }
};

} // namespace

std::unique_ptr<Rule> makeAtomicAccessRule() { return std::make_unique<AtomicAccessRule>(); }

} // namespace purecc
