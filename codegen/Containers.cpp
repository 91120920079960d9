//===- Containers.cpp - which standard types codegen can index in parallel ===//
#include "Containers.h"

#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"

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

/// Whether a value of type T holds a value of a type Is says yes to: it is
/// one, or a container, pair or aggregate of them.
static bool holds(QualType T, bool (*Is)(QualType), llvm::SmallPtrSetImpl<const Type *> &Seen) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (!Seen.insert(T.getTypePtr()).second)
    return false;
  if (Is(T))
    return true;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return holds(AT->getElementType(), Is, Seen);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Type && holds(A.getAsType(), Is, Seen))
        return true;
      if (A.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : A.pack_elements())
          if (P.getKind() == TemplateArgument::Type && holds(P.getAsType(), Is, Seen))
            return true;
    }
  if (RD->hasDefinition() && !RD->isInStdNamespace())
    for (const FieldDecl *F : RD->getDefinition()->fields())
      if (holds(F->getType(), Is, Seen))
        return true;
  return false;
}

bool holdsType(QualType T, bool (*Is)(QualType)) {
  llvm::SmallPtrSet<const Type *, 8> Seen;
  return holds(T, Is, Seen);
}

} // namespace purecc
