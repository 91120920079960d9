//===- Destructors.cpp - what destroying an object runs -------------------===//
#include "Destructors.h"

#include "clang/AST/Type.h"

using namespace clang;

namespace purecc {

const CXXDestructorDecl *destructorOf(QualType T) {
  if (T.isNull() || T->isDependentType() || T->isReferenceType())
    return nullptr;
  const auto *RD = T->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
    return nullptr;
  return RD->getDestructor();
}

llvm::SmallVector<QualType, 8> destroyedAfterBody(const CXXRecordDecl *RD) {
  llvm::SmallVector<QualType, 8> Out;
  if (!RD || !RD->hasDefinition())
    return Out;
  RD = RD->getDefinition();
  llvm::SmallVector<QualType, 8> Members;
  for (const FieldDecl *F : RD->fields()) {
    // The implicit member an anonymous union declares: its members are the
    // class's variant members, which no destructor destroys implicitly
    // (Clang's Sema leaves it out of the destructor's calls the same way).
    const auto *Member = F->getType()->getAsCXXRecordDecl();
    if (Member && Member->isUnion() && Member->isAnonymousStructOrUnion())
      continue;
    Members.push_back(F->getType());
  }
  Out.append(Members.rbegin(), Members.rend());
  llvm::SmallVector<QualType, 4> Bases;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!B.isVirtual())
      Bases.push_back(B.getType());
  Out.append(Bases.rbegin(), Bases.rend());
  // vbases() lists every virtual base, direct or not, in the order they are
  // constructed; they are destroyed in reverse, after everything else.
  llvm::SmallVector<QualType, 4> Virtual;
  for (const CXXBaseSpecifier &B : RD->vbases())
    Virtual.push_back(B.getType());
  Out.append(Virtual.rbegin(), Virtual.rend());
  return Out;
}

} // namespace purecc
