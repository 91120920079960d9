//===- ParamIndirection.cpp - R3: the interface of a pure function --------===//
#include "ParamIndirection.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace purecc {
namespace {

enum class Indirection : unsigned { Reference, Pointer, View, None };

Indirection classify(QualType T) {
  if (T->isLValueReferenceType())
    return T.getNonReferenceType().isConstQualified() ? Indirection::None
                                                      : Indirection::Reference;
  if (T->isFunctionPointerType() || T->isMemberFunctionPointerType())
    return Indirection::None;
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType().isConstQualified() ? Indirection::None
                                                   : Indirection::Pointer;
  // std::span<T> with a non-const T is a pointer in disguise.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    if (tableName(Spec) == "std::span" && Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        !Spec->getTemplateArgs()[0].getAsType().isConstQualified())
      return Indirection::View;
  return Indirection::None;
}

class ParamIndirectionRule : public Rule {
public:
  void inspectFunction(RuleContext &C) override {
    const FunctionDecl *FD = C.function();
    for (const ParmVarDecl *P : FD->parameters()) {
      Indirection K = classify(P->getType());
      if (K == Indirection::None)
        continue;
      Effect E = Effect::at(EffectKind::ParamIndirection, P->getLocation(),
                            P->getSourceRange());
      E.Subject = P;
      E.Index = P->getFunctionScopeIndex();
      E.Flag = K == Indirection::Pointer; // Detail distinguishes the view
      E.Detail = K == Indirection::View ? "view" : "";
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
    E.Flag = Ptr;
    C.record(std::move(E));
  }

  void inspectStmt(const Stmt *, RuleContext &) override {}
};

} // namespace

std::unique_ptr<Rule> makeParamIndirectionRule() {
  return std::make_unique<ParamIndirectionRule>();
}

} // namespace purecc
