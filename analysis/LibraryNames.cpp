//===- LibraryNames.cpp - library calls as the user wrote them ------------===//
#include "LibraryNames.h"
#include "ImplementationHeaders.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace purecc {
namespace {

/// Names the implementation reserves: `__detail`, `_Partial`, `__sort_fn`.
bool isReserved(llvm::StringRef N) {
  return N.starts_with("__") || (N.size() > 1 && N[0] == '_' && isUppercase(N[1]));
}

/// T spelled through one of the library's own aliases: the aliased type.
QualType peelReservedAlias(QualType T) {
  if (const auto *TT = dyn_cast<TypedefType>(T.getTypePtr()))
    if (isReservedDecl(TT->getDecl()))
      return TT->desugar();
  if (const auto *TST = dyn_cast<TemplateSpecializationType>(T.getTypePtr()))
    if (TST->isTypeAlias())
      if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
        if (isReservedDecl(TD))
          return TST->getAliasedType();
  return QualType();
}

std::string printed(QualType T, const PrintingPolicy &PP) {
  T = T.getNonReferenceType().getUnqualifiedType();
  // Look through `auto` and the library's own aliases; keep the user's
  // spelling otherwise (std::mt19937_64, std::vector<Rec>).
  for (;;) {
    if (const auto *AT = dyn_cast<AutoType>(T.getTypePtr()); AT && AT->isDeduced()) {
      T = AT->getDeducedType();
      continue;
    }
    if (const auto *ET = dyn_cast<ElaboratedType>(T.getTypePtr())) {
      if (QualType Inner = peelReservedAlias(ET->getNamedType()); !Inner.isNull()) {
        T = Inner.getCanonicalType();
        continue;
      }
      // A trait's member type (`auto q = std::move(sp)` makes a
      // 'typename std::remove_reference<...>::type'): what it names.
      if (const NestedNameSpecifier *Q = ET->getQualifier();
          Q && Q->getAsType() && isa<TypedefType>(ET->getNamedType().getTypePtr()))
        if (const auto *Trait = Q->getAsType()->getAsCXXRecordDecl(); Trait && Trait->isInStdNamespace()) {
          T = T.getCanonicalType();
          continue;
        }
    }
    if (QualType Inner = peelReservedAlias(T); !Inner.isNull()) {
      // The alias's target is spelled inside the library (`unique_ptr<_Tp>`):
      // print it in full, as the user would write it.
      T = Inner.getCanonicalType();
      continue;
    }
    break;
  }
  // A member type of a class reached without naming it (`v[0]`, `*it`,
  // `auto nh = m.extract(k)`) prints as its bare name ('reference',
  // 'node_type'): qualify it with its class, as the user would write it
  // (std::vector<bool>::reference).
  QualType Bare = T;
  if (const auto *ET = dyn_cast<ElaboratedType>(T.getTypePtr()); ET && !ET->getQualifier())
    Bare = ET->getNamedType();
  if (const auto *TT = dyn_cast<TypedefType>(Bare.getTypePtr()))
    if (const auto *Owner = dyn_cast<CXXRecordDecl>(TT->getDecl()->getDeclContext()))
      return isReservedDecl(Owner) ? printed(TT->desugar(), PP)
                                   : printed(QualType(Owner->getTypeForDecl(), 0), PP) +
                                         "::" + TT->getDecl()->getName().str();
  PrintingPolicy P = PP;
  P.SuppressTagKeyword = true;
  return T.getAsString(P);
}

/// The namespace a call names its function through (`std::` in
/// `std::nextafter(x, y)`), or null.
const NamespaceDecl *writtenNamespace(const Expr *Call) {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  if (!CE || isa<CXXOperatorCallExpr>(CE))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts());
  const NestedNameSpecifier *Q = DRE ? DRE->getQualifier() : nullptr;
  if (!Q || Q->getKind() != NestedNameSpecifier::Namespace || Q->getPrefix())
    return nullptr;
  return Q->getAsNamespace();
}

} // namespace

/// A name the library declares for itself (std::__detail::__unique_ptr_t).
/// A user's header may use the same spellings (`mylib::__impl`): only the
/// implementation's headers count (ImplementationHeaders.h).
bool isReservedDecl(const NamedDecl *D) {
  if (!isImplementationDecl(D))
    return false;
  if (D->getIdentifier() && isReserved(D->getName()))
    return true;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      // std::__cxx11 is inline: std::regex declared there is the user's name.
      if (!NS->isInline() && NS->getIdentifier() && isReserved(NS->getName()))
        return true;
  return false;
}

QualType objectType(const Expr *Object, bool IsArrow) {
  if (!Object)
    return QualType();
  // Strip the conversions into implementation bases, and nothing else: the
  // type the user's expression has is the one to show.
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(Object)) {
    if (IC->getCastKind() != CK_UncheckedDerivedToBase &&
        IC->getCastKind() != CK_DerivedToBase && IC->getCastKind() != CK_NoOp)
      break;
    Object = IC->getSubExpr();
  }
  QualType T = Object->getType();
  if (IsArrow && T->isPointerType())
    T = T->getPointeeType();
  return T;
}

const CXXRecordDecl *libraryObjectClass(const Expr *Object, bool IsArrow) {
  QualType T = objectType(Object, IsArrow);
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

std::string libraryCallName(const FunctionDecl *FD, QualType Object,
                            const PrintingPolicy &PP, const Expr *Call) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && !Object.isNull()) {
    // `std::ranges::any_of(v, p)` calls `__any_of_fn::operator()`: the user
    // wrote the function object's public name.
    if (MD->getOverloadedOperator() == OO_Call)
      if (std::string Public = niebloidName(MD->getParent()); !Public.empty()) {
        OS << '\'' << Public << '\'';
        return S;
      }
    if (isa<CXXConstructorDecl>(MD)) {
      OS << "the constructor of '" << printed(Object, PP) << '\'';
      return S;
    }
    if (isa<CXXDestructorDecl>(MD)) {
      OS << "the destructor of '" << printed(Object, PP) << '\'';
      return S;
    }
    OS << '\'' << printed(Object, PP) << "::" << FD->getNameAsString() << '\'';
    return S;
  }
  llvm::SmallVector<std::string, 6> Parts;
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    const auto *ND = dyn_cast<NamedDecl>(DC);
    if (!ND || !ND->getIdentifier())
      continue;
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && NS->isInline())
      continue;
    if (isReserved(ND->getName()) && isImplementationDecl(FD))
      continue;
    Parts.push_back(ND->getName().str());
  }
  OS << '\'';
  if (Parts.empty())
    if (const NamespaceDecl *NS = writtenNamespace(Call))
      Parts.push_back(NS->getName().str());
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    OS << *It << "::";
  OS << FD->getNameAsString() << '\'';
  return S;
}

} // namespace purecc
