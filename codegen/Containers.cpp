//===- Containers.cpp - which standard types codegen can index in parallel ===//
#include "Containers.h"

#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace purecc {
namespace {

const ClassTemplateSpecializationDecl *stdSpecialization(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getDeclName().isIdentifier())
    return nullptr;
  return Spec;
}

} // namespace

ContainerKind containerKind(QualType T) {
  T = T.getNonReferenceType();
  if (T->isConstantArrayType())
    return ContainerKind::CArray;
  const auto *Spec = stdSpecialization(T);
  if (!Spec)
    return ContainerKind::None;
  if (isBitVector(T))
    return ContainerKind::None;
  return llvm::StringSwitch<ContainerKind>(Spec->getName())
      .Cases("vector", "array", "deque", "basic_string", ContainerKind::Owning)
      .Cases("span", "basic_string_view", ContainerKind::View)
      .Default(ContainerKind::None);
}

QualType elementType(const ASTContext &Ctx, QualType T) {
  T = T.getNonReferenceType();
  if (const ArrayType *AT = Ctx.getAsArrayType(T))
    return AT->getElementType();
  const auto *Spec = stdSpecialization(T);
  if (!Spec || containerKind(T) == ContainerKind::None)
    return QualType();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[0].getAsType();
}

bool isBitVector(QualType T) {
  const auto *Spec = stdSpecialization(T);
  if (!Spec || Spec->getName() != "vector")
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType()->isBooleanType();
}

} // namespace purecc
