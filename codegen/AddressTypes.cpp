//===- AddressTypes.cpp - can a value of this type carry an address? ------===//
#include "AddressTypes.h"
#include "Containers.h"
#include "PlainValues.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace purecc {

bool inStd(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (DC->isStdNamespace())
      return true;
    // libstdc++'s iterators of vector and string (`__normal_iterator`) live
    // in its extension namespace.
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->getIdentifier() && NS->getName() == "__gnu_cxx")
      return true;
  }
  return false;
}

bool AddressTypes::mayHold(QualType T) {
  // An expression of a template's pattern may have no type yet (`r(m)` with
  // a dependent 'm' is a ParenListExpr): anything (adv57 t13, a crash).
  if (T.isNull())
    return true;
  T = T.getCanonicalType();
  if (T->isReferenceType() || T->isAnyPointerType() || T->isMemberPointerType() ||
      T->isBlockPointerType())
    return true;
  if (T->isDependentType())
    return true;
  if (T->isBuiltinType() || T->isEnumeralType() || T->isVoidType())
    return false;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return mayHold(AT->getElementType());
  if (const auto *CT = T->getAs<ComplexType>())
    return mayHold(CT->getElementType());
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return !T->isScalarType() || T->isAnyPointerType();
  RD = RD->getDefinition();
  if (!RD)
    return true;
  auto [It, New] = Memo.try_emplace(RD, true); // a cycle through itself holds
  if (!New)
    return It->second;
  bool Holds = recordMayHold(RD);
  Memo[RD] = Holds;
  return Holds;
}

bool AddressTypes::recordMayHold(const CXXRecordDecl *RD) {
  if (inStd(RD)) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!RD->getDeclName().isIdentifier())
      return true;
    StringRef Name = RD->getName();
    // Stateless helpers: they hold nothing whatever their arguments. An
    // empty class (`std::plus<>`, `std::multiplies<double>`) has nothing to
    // hold an address in: an iterator passed beside one to
    // std::transform_reduce does not escape into it (user46 k03).
    if (llvm::is_contained({"allocator", "char_traits", "less", "greater", "equal_to", "hash"},
                           Name) ||
        RD->isEmpty())
      return false;
    bool Value = containerKind(QualType(RD->getTypeForDecl(), 0)) == ContainerKind::Owning ||
                 llvm::is_contained({"pair", "tuple", "optional", "complex", "variant", "map",
                                     "set", "multimap", "multiset", "unordered_map",
                                     "unordered_set", "list", "forward_list", "valarray",
                                     "basic_string", "bitset"},
                                    Name);
    if (!Value || !Spec)
      return !Value;
    return llvm::any_of(heldTypes(Spec), [&](QualType H) { return mayHold(H); });
  }
  for (const FieldDecl *F : RD->fields())
    if (mayHold(F->getType()))
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (mayHold(B.getType()))
      return true;
  return false;
}

} // namespace purecc
