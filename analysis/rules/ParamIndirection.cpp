//===- ParamIndirection.cpp - R3: the interface of a pure function --------===//
#include "ParamIndirection.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"

#include <optional>

using namespace clang;

namespace purecc {
namespace {

/// How a parameter of type T reaches memory the function does not own;
/// nullopt when it cannot write through it.
std::optional<Indirection> classify(QualType T) {
  if (T->isLValueReferenceType())
    return T.getNonReferenceType().isConstQualified() ? std::nullopt
                                                      : std::optional(Indirection::Reference);
  if (T->isFunctionPointerType() || T->isMemberFunctionPointerType())
    return std::nullopt;
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType().isConstQualified() ? std::nullopt
                                                   : std::optional(Indirection::Pointer);
  // std::span<T> with a non-const T is a pointer in disguise.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    if (tableName(Spec) == "std::span" && Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        !Spec->getTemplateArgs()[0].getAsType().isConstQualified())
      return Indirection::View;
  return std::nullopt;
}

class ParamIndirectionRule : public Rule {
public:
  void inspectFunction(RuleContext &C) override {
    const FunctionDecl *FD = C.function();
    for (const ParmVarDecl *P : FD->parameters()) {
      std::optional<Indirection> K = classify(P->getType());
      if (!K)
        continue;
      Effect E = Effect::at(EffectKind::ParamIndirection, P->getLocation(),
                            P->getSourceRange());
      E.Subject = P;
      E.Index = P->getFunctionScopeIndex();
      E.HandedOut = *K;
      C.record(std::move(E));
    }
    QualType R = FD->getReturnType();
    bool Ref = R->isLValueReferenceType() && !R.getNonReferenceType().isConstQualified();
    bool Ptr = R->isPointerType() && !R->isFunctionPointerType() &&
               !R->getPointeeType().isConstQualified();
    if (!Ref && !Ptr)
      return;
    SourceRange Range = FD->getReturnTypeSourceRange();
    Effect E = Effect::at(EffectKind::ReturnIndirection,
                          Range.isValid() ? Range.getBegin() : FD->getLocation(), Range);
    E.HandedOut = Ptr ? Indirection::Pointer : Indirection::Reference;
    C.record(std::move(E));
  }

  // Declaration-level only: no statement says anything about the interface.
  StmtClasses inspects() const override { return StmtClasses(); }
  void inspectStmt(const Stmt *, RuleContext &) override {}
};

} // namespace

std::unique_ptr<Rule> makeParamIndirectionRule() {
  return std::make_unique<ParamIndirectionRule>();
}

} // namespace purecc
