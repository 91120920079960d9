//===- StdComparisons.cpp - what the standard library compares by itself -===//
#include "StdComparisons.h"
#include "AddressTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

bool isAddressLike(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType() || T->isArrayType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName().contains_insensitive("iterator");
}

bool isComparisonOperator(OverloadedOperatorKind K) {
  return K == OO_EqualEqual || K == OO_ExclaimEqual || K == OO_Less || K == OO_Greater ||
         K == OO_LessEqual || K == OO_GreaterEqual || K == OO_Spaceship;
}

bool holdsAddressValues(QualType T) {
  llvm::SmallVector<QualType, 8> Work{T};
  for (unsigned Steps = 0; !Work.empty() && Steps < 64; ++Steps) {
    QualType Q = Work.pop_back_val().getNonReferenceType().getCanonicalType();
    if (isAddressLike(Q))
      return true;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Q->getAsCXXRecordDecl());
    if (!Spec || !inStd(Spec))
      continue;
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Type)
        Work.push_back(A.getAsType());
      else if (A.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : A.pack_elements())
          if (P.getKind() == TemplateArgument::Type)
            Work.push_back(P.getAsType());
    }
  }
  return false;
}

namespace {

/// Algorithms that rank their values with `<` (or `std::less`).
constexpr llvm::StringLiteral Ordering[] = {
    "min", "max", "minmax", "clamp", "min_element", "max_element", "minmax_element", "sort",
    "stable_sort", "partial_sort", "partial_sort_copy", "nth_element", "is_sorted",
    "is_sorted_until", "lower_bound", "upper_bound", "equal_range", "binary_search", "merge",
    "inplace_merge", "includes", "set_union", "set_intersection", "set_difference",
    "set_symmetric_difference", "lexicographical_compare", "lexicographical_compare_three_way",
    "next_permutation", "prev_permutation", "push_heap", "pop_heap", "make_heap", "sort_heap",
    "is_heap", "is_heap_until"};
/// Algorithms that tell values apart with `==`.
constexpr llvm::StringLiteral Equating[] = {
    "find", "find_first_of", "find_end", "count", "equal", "mismatch", "search", "search_n",
    "remove", "remove_copy", "replace", "replace_copy", "unique", "unique_copy", "adjacent_find",
    "is_permutation", "contains", "contains_subrange", "starts_with", "ends_with", "erase"};
/// Their arguments are the values compared, not ranges of them.
constexpr llvm::StringLiteral OfArguments[] = {"min", "max", "minmax", "clamp"};
/// Comparison objects, and the hash (which ranks as an order does: where
/// objects lie decides it).
constexpr llvm::StringLiteral OrderObjects[] = {"less", "greater", "less_equal", "greater_equal",
                                                "compare_three_way", "hash"};
constexpr llvm::StringLiteral EqualityObjects[] = {"equal_to", "not_equal_to"};

const CXXMethodDecl *lookupMethod(const CXXRecordDecl *RD, DeclarationName Name);

/// The call operator of a lambda or class of the program given as Arg.
const CXXMethodDecl *ownCallable(const Expr *Arg, ASTContext &Ctx) {
  QualType T = Arg->IgnoreParenImpCasts()->getType().getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || inStd(RD))
    return nullptr;
  const CXXMethodDecl *Call = lookupMethod(RD, Ctx.DeclarationNames.getCXXOperatorName(OO_Call));
  return Call && !inStd(Call->getParent()) ? Call : nullptr;
}

/// A callable of the program among the arguments: a lambda, a class of its
/// own with an `operator()`, a function or a pointer to one.
bool givesOwnCallable(const Expr *Arg, ASTContext &Ctx) {
  QualType T = Arg->IgnoreParenImpCasts()->getType().getNonReferenceType();
  if (T->isFunctionType() || T->isFunctionPointerType() || T->isMemberPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || inStd(RD))
    return false;
  const CXXMethodDecl *Call = lookupMethod(RD, Ctx.DeclarationNames.getCXXOperatorName(OO_Call));
  return Call && !inStd(Call->getParent());
}

const CXXMethodDecl *lookupMethod(const CXXRecordDecl *RD, DeclarationName Name) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  for (const NamedDecl *ND : RD->lookup(Name)) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(ND))
      return MD;
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(ND))
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FT->getTemplatedDecl()))
        return MD;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXMethodDecl *MD = lookupMethod(B.getType()->getAsCXXRecordDecl(), Name))
      return MD;
  return nullptr;
}

} // namespace

QualType yieldedType(QualType T, ASTContext &Ctx, unsigned Depth) {
  T = T.getNonReferenceType().getCanonicalType();
  if (Depth > 4)
    return QualType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType();
  if (const ArrayType *AT = Ctx.getAsArrayType(T))
    return AT->getElementType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return QualType();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      Spec && Spec->getIdentifier() && Spec->getName() == "initializer_list" &&
      Spec->getTemplateArgs().size() == 1)
    return Spec->getTemplateArgs()[0].getAsType();
  if (const CXXMethodDecl *Star =
          lookupMethod(RD, Ctx.DeclarationNames.getCXXOperatorName(OO_Star)))
    return Star->getReturnType().getNonReferenceType();
  if (const CXXMethodDecl *Begin = lookupMethod(RD, DeclarationName(&Ctx.Idents.get("begin"))))
    return yieldedType(Begin->getReturnType(), Ctx, Depth + 1);
  return QualType();
}

/// `std::invoke(std::equal_to<>{}, &a, &b)`, `std::bind_front(std::less<>{},
/// &a)`: a comparison object of the library called through the library's
/// own call wrappers compares the other arguments (adv64 F5).
static std::optional<StdComparison> comparisonObjectGiven(const CallExpr *Call, StringRef Name) {
  if (!llvm::is_contained({"invoke", "invoke_r", "bind", "bind_front", "bind_back", "apply"}, Name) ||
      Call->getNumArgs() < 1)
    return std::nullopt;
  const CXXRecordDecl *RD =
      Call->getArg(0)->IgnoreParenImpCasts()->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !inStd(RD) || !RD->getIdentifier())
    return std::nullopt;
  bool Orders = llvm::is_contained(OrderObjects, RD->getName());
  if (!Orders && !llvm::is_contained(EqualityObjects, RD->getName()))
    return std::nullopt;
  auto How = Orders ? StdComparison::Kind::Order : StdComparison::Kind::Equality;
  // `std::equal_to<const long *>`: the values it takes; a transparent one
  // (`std::equal_to<>`) takes what it is given.
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      Spec && Spec->getTemplateArgs().size() == 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      !Spec->getTemplateArgs()[0].getAsType()->isVoidType())
    return StdComparison{How, Spec->getTemplateArgs()[0].getAsType()};
  for (unsigned I = 1; I < Call->getNumArgs(); ++I) {
    QualType T = Call->getArg(I)->IgnoreParenImpCasts()->getType().getNonReferenceType();
    if (holdsAddressValues(T))
      return StdComparison{How, T};
  }
  if (Call->getNumArgs() > 1)
    return StdComparison{How, Call->getArg(1)->IgnoreParenImpCasts()->getType()};
  return std::nullopt;
}

std::optional<StdComparison> stdComparison(const CallExpr *Call, ASTContext &Ctx) {
  StringRef Name;
  unsigned First = 0; // the first argument that is not the callee object
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Op && Op->getOperator() == OO_Call) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    const CXXRecordDecl *RD = MD ? MD->getParent() : nullptr;
    if (!RD || !inStd(RD))
      return std::nullopt;
    First = 1;
    if (RD->getIdentifier() && (llvm::is_contained(OrderObjects, RD->getName()) ||
                                llvm::is_contained(EqualityObjects, RD->getName()))) {
      if (Call->getNumArgs() < 2)
        return std::nullopt;
      auto How = llvm::is_contained(EqualityObjects, RD->getName()) ? StdComparison::Kind::Equality
                                                                    : StdComparison::Kind::Order;
      return StdComparison{How, Call->getArg(1)->IgnoreParenImpCasts()->getType()};
    }
    // An algorithm object: `std::ranges::sort` is a variable of the library.
    const auto *DRE = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
    if (!DRE || !DRE->getDecl()->getIdentifier() || !inStd(DRE->getDecl()))
      return std::nullopt;
    Name = DRE->getDecl()->getName();
  } else if (!Op) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier() || !inStd(FD) || isa<CXXMethodDecl>(FD))
      return std::nullopt;
    Name = FD->getName();
    if (std::optional<StdComparison> Given = comparisonObjectGiven(Call, Name))
      return Given;
  } else {
    return std::nullopt;
  }
  bool Orders = llvm::is_contained(Ordering, Name);
  if (!Orders && !llvm::is_contained(Equating, Name))
    return std::nullopt;
  auto How = Orders ? StdComparison::Kind::Order : StdComparison::Kind::Equality;
  // A callable of the program given: a comparison (two parameters)
  // compares in code that is walked; a projection (one) yields the values
  // the library compares (`std::ranges::count(v, &x, [](const long &e) {
  // return &e; })`, adv54 t19, t20).
  std::optional<StdComparison> Projected;
  for (unsigned I = First; I < Call->getNumArgs(); ++I)
    if (const CXXMethodDecl *Own = ownCallable(Call->getArg(I), Ctx)) {
      if (Own->getNumParams() != 1)
        return std::nullopt;
      Projected = StdComparison{How, Own->getReturnType()};
    } else if (givesOwnCallable(Call->getArg(I), Ctx)) {
      return std::nullopt;
    }
  if (Projected)
    return Projected;
  for (unsigned I = First; I < Call->getNumArgs(); ++I) {
    const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
    QualType T = Arg->getType();
    // `std::max(&a, &b)` ranks its arguments; `std::max({p, q})` and
    // `std::ranges::max(ps)` the values they yield, as do the others.
    bool Values = llvm::is_contained(OfArguments, Name) && (T->isScalarType() || isAddressLike(T)) &&
                  !T->isArrayType();
    if (QualType Y = Values ? T : yieldedType(T, Ctx); !Y.isNull())
      return StdComparison{How, Y};
  }
  return std::nullopt;
}

std::optional<StdComparison> containerComparison(QualType T) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !inStd(Spec) || !Spec->getIdentifier() || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  StringRef Name = Spec->getName();
  QualType Key = Spec->getTemplateArgs()[0].getAsType();
  // Their comparison or hash is the library's own only when no other is
  // given (the third argument of a set, the fourth of a map).
  auto Own = [&](unsigned At) {
    if (Spec->getTemplateArgs().size() <= At)
      return false;
    const TemplateArgument &A = Spec->getTemplateArgs()[At];
    const CXXRecordDecl *RD = A.getKind() == TemplateArgument::Type ? A.getAsType()->getAsCXXRecordDecl()
                                                                   : nullptr;
    return !RD || !inStd(RD);
  };
  if (llvm::is_contained({"set", "multiset"}, Name) && !Own(1))
    return StdComparison{StdComparison::Kind::Order, Key};
  if (llvm::is_contained({"map", "multimap"}, Name) && !Own(2))
    return StdComparison{StdComparison::Kind::Order, Key};
  if (llvm::is_contained({"unordered_set", "unordered_multiset"}, Name) && !Own(1))
    return StdComparison{StdComparison::Kind::Order, Key};
  if (llvm::is_contained({"unordered_map", "unordered_multimap"}, Name) && !Own(2))
    return StdComparison{StdComparison::Kind::Order, Key};
  if (Name == "priority_queue" && !Own(2))
    return StdComparison{StdComparison::Kind::Order, Key};
  return std::nullopt;
}

} // namespace purecc
