//===- Containers.cpp - which standard types codegen can index in parallel ===//
#include "Containers.h"

#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace purecc {

ContainerKind containerKind(QualType T) {
  T = T.getNonReferenceType();
  if (T->isConstantArrayType())
    return ContainerKind::CArray;
  // The standard ranges are the library model's (StdlibPurity.def,
  // PURECC_STD_CONTAINER).
  switch (randomAccess(T)) {
  case RandomAccess::Owning:
    return ContainerKind::Owning;
  case RandomAccess::View:
    return ContainerKind::View;
  case RandomAccess::None:
    break;
  }
  return ContainerKind::None;
}

QualType elementType(const ASTContext &Ctx, QualType T) {
  T = T.getNonReferenceType();
  if (const ArrayType *AT = Ctx.getAsArrayType(T))
    return AT->getElementType();
  if (containerKind(T) == ContainerKind::None)
    return QualType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec)
    return QualType();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[0].getAsType();
}

Sequence sequenceOf(QualType T) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || packsBits(T))
    return Sequence::None;
  if (Spec->getName() == "basic_string")
    return Sequence::String;
  if (Spec->getName() == "vector")
    return Sequence::Vector;
  return Sequence::None;
}

} // namespace purecc
