//===- UserCodecs.cpp - the program's own purecc::codec specializations --===//
#include "UserCodecs.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace purecc {

const ClassTemplateDecl *codecTemplate(ASTContext &Ctx) {
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *NS = dyn_cast<NamespaceDecl>(D);
    if (!NS || !NS->getIdentifier() || NS->getName() != "purecc")
      continue;
    for (const Decl *Inner : NS->decls())
      if (const auto *CT = dyn_cast<ClassTemplateDecl>(Inner);
          CT && CT->getIdentifier() && CT->getName() == "codec")
        return CT->getCanonicalDecl();
  }
  return nullptr;
}

const ClassTemplateSpecializationDecl *userCodec(ASTContext &Ctx, QualType T) {
  const ClassTemplateDecl *Codec = codecTemplate(Ctx);
  if (!Codec || T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getUnqualifiedType();
  for (const ClassTemplateSpecializationDecl *S : Codec->specializations())
    if (S->isExplicitSpecialization() && S->getTemplateArgs().size() >= 1 &&
        S->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        Ctx.hasSameType(S->getTemplateArgs()[0].getAsType(), T))
      return S;
  return nullptr;
}

bool isProgramCodec(ASTContext &Ctx, const Decl *Codec) {
  const ClassTemplateDecl *Template = codecTemplate(Ctx);
  if (!Template || !Codec)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.getFileID(SM.getExpansionLoc(Codec->getLocation())) !=
         SM.getFileID(SM.getExpansionLoc(Template->getLocation()));
}

std::vector<const ClassTemplatePartialSpecializationDecl *> userPartialCodecs(ASTContext &Ctx) {
  std::vector<const ClassTemplatePartialSpecializationDecl *> Out;
  const ClassTemplateDecl *Codec = codecTemplate(Ctx);
  if (!Codec)
    return Out;
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 16> Partials;
  const_cast<ClassTemplateDecl *>(Codec)->getPartialSpecializations(Partials);
  for (const ClassTemplatePartialSpecializationDecl *P : Partials)
    if (isProgramCodec(Ctx, P))
      Out.push_back(P);
  return Out;
}

/// The `purecc::fields<...>` specialization among RD's bases, or null.
static const ClassTemplateSpecializationDecl *fieldsBase(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const auto *Spec =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(B.getType()->getAsCXXRecordDecl());
    if (!Spec || !Spec->getIdentifier() || Spec->getName() != "fields")
      continue;
    const auto *NS = dyn_cast<NamespaceDecl>(Spec->getDeclContext());
    if (NS && NS->getIdentifier() && NS->getName() == "purecc")
      return Spec;
  }
  return nullptr;
}

std::vector<const FieldDecl *> listedFields(const ClassTemplateSpecializationDecl *Codec) {
  std::vector<const FieldDecl *> Out;
  const ClassTemplateSpecializationDecl *Fields = fieldsBase(Codec);
  if (!Fields)
    return Out;
  // `fields<auto First, auto... Rest>`: member pointers, the pack flattened.
  auto Note = [&](const TemplateArgument &A) {
    if (A.getKind() == TemplateArgument::Declaration)
      if (const auto *F = dyn_cast<FieldDecl>(A.getAsDecl()))
        Out.push_back(F);
  };
  for (const TemplateArgument &A : Fields->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        Note(P);
    else
      Note(A);
  }
  return Out;
}

const FieldDecl *fieldLeftOut(const ClassTemplateSpecializationDecl *Codec) {
  if (!fieldsBase(Codec) || Codec->getTemplateArgs().size() < 1 ||
      Codec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  const CXXRecordDecl *RD = Codec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  llvm::SmallPtrSet<const FieldDecl *, 8> Listed;
  for (const FieldDecl *F : listedFields(Codec))
    Listed.insert(F->getCanonicalDecl());
  // Its bases' members are its members too (adv88 F4: `fields<&D::b>` left
  // out Base::a).
  llvm::SmallVector<const CXXRecordDecl *, 4> Classes{RD};
  while (!Classes.empty()) {
    const CXXRecordDecl *C = Classes.pop_back_val();
    for (const FieldDecl *F : C->fields())
      if (!F->isUnnamedBitField() && !Listed.contains(F->getCanonicalDecl()))
        return F;
    for (const CXXBaseSpecifier &B : C->bases())
      if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl(); Base && Base->hasDefinition())
        Classes.push_back(Base);
  }
  return nullptr;
}

} // namespace purecc
