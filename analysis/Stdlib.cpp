//===- Stdlib.cpp - the table of known-pure library functions -------------===//
#include "Stdlib.h"
#include "ImplementationHeaders.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

using namespace clang;

namespace purecc {
namespace {

struct Table {
  llvm::StringMap<LibraryVerdict> Functions;
  // Overloads that are other functions than their name's row, by their
  // number of parameters (PURECC_STD_RANGE_FORM, PURECC_STD_IMPURE_FORM).
  llvm::StringMap<llvm::SmallVector<std::pair<unsigned, LibraryVerdict>, 1>> Forms;
  llvm::StringMap<bool> Classes;
  llvm::StringSet<> Proxies;
  llvm::StringSet<> ProxyOwnNames; // their last component: a quick rejection
  llvm::StringMap<MemberRole> Members;
  llvm::StringMap<RandomAccess> Containers;
  llvm::StringSet<> Holders; // Holds: elements part of it, no random access
  llvm::StringMap<unsigned> WritesFrom;
  llvm::StringMap<Combine> Combines;
  llvm::StringMap<AlgorithmShape> Algorithms;
  llvm::StringMap<const char *> SerialBecause;
  llvm::StringMap<ContractThrow> Throws;
  llvm::StringSet<> Designates;
  llvm::StringSet<> ReadsForwarded;
  llvm::StringSet<> Ties;
  llvm::StringSet<> WritesForwarded;

  Table() {
#define PURECC_STD_DESIGNATES(Name) Designates.insert(Name);
#define PURECC_STD_READS_FORWARDED(Name) ReadsForwarded.insert(Name);
#define PURECC_STD_TIES(Name) Ties.insert(Name);
#define PURECC_STD_WRITES_FORWARDED(Name) WritesForwarded.insert(Name);
#define PURECC_STD_CLASS(Name) Classes[Name] = true;
#define PURECC_STD_PROXY(Name) addProxy(Name);
#define PURECC_STD_PURE(Name) Functions[Name] = {LibraryKind::Pure, nullptr};
#define PURECC_STD_RANGE(Name) Functions[Name] = {LibraryKind::MutatesRange, nullptr};
#define PURECC_STD_IMPURE(Name, Why) Functions[Name] = {LibraryKind::Impure, Why};
#define PURECC_STD_RANGE_FORM(Name, Params)                                            \
  Forms[Name].push_back({Params, {LibraryKind::MutatesRange, nullptr}});
#define PURECC_STD_IMPURE_FORM(Name, Params, Why)                                      \
  Forms[Name].push_back({Params, {LibraryKind::Impure, Why}});
#define PURECC_STD_MEMBER(Name, Role) Members[Name] = MemberRole::Role;
#define PURECC_STD_CONTAINER(Name, Kind) addContainer(Name, ContainerColumn::Kind);
#define PURECC_STD_WRITES_FROM(Name, First) WritesFrom[Name] = First;
#define PURECC_STD_COMBINE(Name, Op) Combines[Name] = Combine::Op;
#define PURECC_STD_ALGORITHM(Name, Shape) Algorithms[Name] = AlgorithmShape::Shape;
#define PURECC_STD_SERIAL_BECAUSE(Name, Why) SerialBecause[Name] = Why;
#define PURECC_STD_THROWS(Name, When) Throws[Name] = ContractThrow::When;
#include "StdlibPurity.def"
  }

private:
  // A proxy's members are value operations of the table too: judged, and
  // their writes sent where the proxy points (Locality::libraryWrites).
  void addProxy(llvm::StringRef Name) {
    Classes[Name] = true;
    Proxies.insert(Name);
    ProxyOwnNames.insert(Name.rsplit("::").second);
  }
  enum class ContainerColumn { Owning, View, Holds };
  void addContainer(llvm::StringRef Name, ContainerColumn K) {
    if (K == ContainerColumn::Holds)
      Holders.insert(Name);
    else
      Containers[Name] = K == ContainerColumn::Owning ? RandomAccess::Owning : RandomAccess::View;
  }
};

const Table &table() {
  static const Table T;
  return T;
}

bool isStdContext(const DeclContext *DC) {
  for (; DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      // `extern "C++" { namespace std { void terminate(); } }`: the
      // linkage specification between std and the file does not count.
      if (NS->getParent()->getRedeclContext()->isTranslationUnit() &&
          (NS->getName() == "std" || NS->getName() == "__gnu_cxx"))
        return true;
    }
  return false;
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool classIsListed(const CXXRecordDecl *RD) {
  return RD && table().Classes.count(tableName(RD));
}

/// The class itself or one of its bases has the table name Name.
bool derivesFromNamed(const CXXRecordDecl *RD, llvm::ArrayRef<llvm::StringRef> Names) {
  if (!RD)
    return false;
  // The qualified name is built only for a class named like one of Names.
  llvm::StringRef Own = RD->getName();
  auto EndsWithOwn = [&](llvm::StringRef Want) {
    return Want.consume_back(Own) && (Want.empty() || Want.ends_with("::"));
  };
  if (llvm::any_of(Names, EndsWithOwn)) {
    std::string N = tableName(RD);
    for (llvm::StringRef Want : Names)
      if (N == Want)
        return true;
  }
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (derivesFromNamed(B.getType()->getAsCXXRecordDecl(), Names))
      return true;
  return false;
}

constexpr llvm::StringLiteral RangesPrefix = "std::ranges::";

/// The function a C math function's float or long double spelling names:
/// "sin" for `sinf(float)` and `sinl(long double)`, "nextafter" for
/// `nextafterf(float, float)`. The suffix must be the type of a parameter or
/// of the result, so that a name that merely ends in 'f' or 'l' (`atof`,
/// `strtol`) is not taken for one.
std::optional<llvm::StringRef> suffixedMathName(const FunctionDecl *FD, llvm::StringRef Plain) {
  if (Plain.size() < 2 || !FD->isExternC())
    return std::nullopt;
  const ASTContext &Ctx = FD->getASTContext();
  QualType Want;
  if (Plain.back() == 'f')
    Want = Ctx.FloatTy;
  else if (Plain.back() == 'l')
    Want = Ctx.LongDoubleTy;
  else
    return std::nullopt;
  auto IsWant = [&](QualType T) {
    return Ctx.hasSameType(T.getCanonicalType().getUnqualifiedType(), Want);
  };
  bool Typed = IsWant(FD->getReturnType()) ||
               llvm::any_of(FD->parameters(),
                            [&](const ParmVarDecl *P) { return IsWant(P->getType()); });
  if (!Typed)
    return std::nullopt;
  return Plain.drop_back();
}

/// The algorithm a niebloid's call operator performs, without namespace
/// ("for_each" for std::ranges::for_each), or empty.
std::string niebloidAlgorithm(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->getOverloadedOperator() != OO_Call)
    return {};
  std::string Public = niebloidName(MD->getParent());
  return Public.empty() ? Public : Public.substr(RangesPrefix.size());
}

/// The call operator of a std::ranges function object: the table's row for
/// its public name (std::ranges::iter_swap), else for the plain algorithm it
/// mirrors (std::ranges::any_of is std::any_of over a range, with the same
/// callables and the same writes).
template <typename LookupFn>
const LibraryVerdict *lookupNiebloid(const FunctionDecl *FD, LookupFn Lookup) {
  std::string Algorithm = niebloidAlgorithm(FD);
  if (Algorithm.empty())
    return nullptr;
  if (const LibraryVerdict *V = Lookup(RangesPrefix.str() + Algorithm))
    return V;
  return Lookup("std::" + Algorithm);
}

} // namespace

namespace {

/// A std::ranges function object's public name, and whether it is an
/// algorithm (`std::ranges::__count_fn`) or a customization point
/// (`std::ranges::__cust_swap::_Swap`).
struct Niebloid {
  std::string Public; // empty: not a niebloid
  bool Algorithm = false;
};

Niebloid niebloidOf(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return {};
  std::string Owner = tableName(RD);
  llvm::StringRef Own = RD->getName();
  llvm::StringRef Scope = llvm::StringRef(Owner).drop_back(Own.size());
  // libstdc++ 12: the algorithms and iterator operations are classes
  // `std::ranges::__any_of_fn`; the customization points are classes in a
  // namespace of their own, `std::ranges::__cust_access::_Begin`.
  if (Scope == RangesPrefix && Own.starts_with("__") && Own.ends_with("_fn"))
    return {(RangesPrefix + Own.drop_front(2).drop_back(3)).str(), true};
  if (!Scope.starts_with("std::ranges::__cust") || Own.size() < 2 || Own[0] != '_' ||
      !isUppercase(Own[1]))
    return {};
  if (Own == "_IMove")
    return {"std::ranges::iter_move", false};
  if (Own == "_IterSwap")
    return {"std::ranges::iter_swap", false};
  // _Begin, _CRBegin, _SSize: the public name in lower case.
  return {RangesPrefix.str() + Own.drop_front(1).lower(), false};
}

} // namespace

std::string niebloidName(const CXXRecordDecl *RD) { return niebloidOf(RD).Public; }

std::string tableName(const NamedDecl *D) {
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName());
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    Out += *It;
    Out += "::";
  }
  // Constructors are spelled Class::Class, like the table does.
  if (const IdentifierInfo *II = D->getIdentifier())
    Out += II->getName();
  else
    Out += D->getNameAsString();
  return Out;
}

bool isLibraryFunction(const FunctionDecl *FD, const SourceManager &SM) {
  if (FD->getBuiltinID())
    return true;
  // What the program itself writes inside namespace std -- its own
  // specialization of a library template (`template <> struct
  // std::hash<K>`), of a library function (`template <> void
  // std::swap<S>`) or of a library member (`std::vector<M>::operator[]`) --
  // is judged by its body, as the rest of the program is (adv83 F3, F4:
  // each was trusted as the library's and a write to a global passed).
  if (isStdContext(FD->getDeclContext()))
    return SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation()));
  // C functions, and the C++ overloads C headers declare beside them in
  // the global namespace (glibc's `const char *strchr(const char *, int)`).
  return isImplementationHeader(FD->getLocation(), SM) &&
         (FD->isExternC() || (FD->getIdentifier() &&
                              FD->getDeclContext()->getRedeclContext()->isTranslationUnit()));
}

bool readsOwnerCount(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->getIdentifier() ||
      (MD->getName() != "use_count" && MD->getName() != "unique" && MD->getName() != "expired"))
    return false;
  std::string Class = tableName(MD->getParent());
  return Class == "std::shared_ptr" || Class == "std::__shared_ptr" ||
         Class == "std::weak_ptr" || Class == "std::__weak_ptr";
}

/// A class template given a std::pmr::polymorphic_allocator (the std::pmr
/// containers), or that allocator itself.
static bool usesPolymorphicAllocator(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return false;
  auto IsPolymorphic = [](const CXXRecordDecl *C) {
    return C && C->getIdentifier() && C->getName() == "polymorphic_allocator" &&
           tableName(C) == "std::pmr::polymorphic_allocator";
  };
  if (IsPolymorphic(Spec))
    return true;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Type && IsPolymorphic(A.getAsType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

LibraryVerdict judgeLibraryCall(const FunctionDecl *FD,
                                const CXXRecordDecl *ObjectClass) {
  const Table &T = table();
  // A container of std::pmr allocates through a memory_resource: the
  // process's default one, which any code may replace, or one the caller
  // gave, whose virtual members may do anything (adv87 F01: a counting
  // resource and a monotonic_buffer_resource raced).
  // Its members that may allocate or free: the destructor, a constructor
  // given more than an allocator, a non-const member other than an access.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && (usesPolymorphicAllocator(ObjectClass) || usesPolymorphicAllocator(MD->getParent()))) {
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD);
    bool Allocates =
        isa<CXXDestructorDecl>(MD) ||
        (Ctor ? Ctor->getNumParams() > 1 ||
                    (Ctor->getNumParams() == 1 &&
                     !usesPolymorphicAllocator(
                         Ctor->getParamDecl(0)->getType().getNonReferenceType()->getAsCXXRecordDecl()))
              : !MD->isConst() && !leavesObject(memberRole(MD, ObjectClass)));
    if (Allocates)
      return {LibraryKind::Impure,
              "allocates or frees through a 'std::pmr::memory_resource', which is shared"};
  }
  std::string Name = tableName(FD);
  // std::to_string(double) formats like sprintf("%f"): the decimal point
  // is the global locale's. Its integer overloads print digits only.
  if (Name == "std::to_string" && FD->getNumParams() == 1 &&
      FD->getParamDecl(0)->getType()->isRealFloatingType())
    return {LibraryKind::Impure, "formats through the global locale"};
  auto Lookup = [&](const std::string &N) -> const LibraryVerdict * {
    auto It = T.Functions.find(N);
    return It == T.Functions.end() ? nullptr : &It->second;
  };
  // The row of the function FD is: the overload of its name with FD's
  // number of parameters where that is another function (the algorithm
  // std::move(first, last, out) beside std::move(x)).
  auto LookupOwn = [&](const std::string &N) -> const LibraryVerdict * {
    auto It = T.Forms.find(N);
    if (It != T.Forms.end())
      for (const auto &[Params, Verdict] : It->second)
        if (Params == FD->getNumParams())
          return &Verdict;
    return Lookup(N);
  };
  if (const LibraryVerdict *V = LookupOwn(Name))
    return *V;
  if (const LibraryVerdict *V = lookupNiebloid(FD, Lookup))
    return *V;
  // `::strlen` and `__builtin_strlen` are listed as std::strlen.
  llvm::StringRef Plain = FD->getName();
  if (FD->getIdentifier()) {
    Plain.consume_front("__builtin_");
    if (Name.find("::") == std::string::npos || Name.rfind("__builtin_", 0) == 0) {
      if (const LibraryVerdict *V = LookupOwn("std::" + Plain.str()))
        return *V;
      // `::sinf`, `::nextafterl`: the float and long double spellings of
      // a C math function are that function.
      if (std::optional<llvm::StringRef> Base = suffixedMathName(FD, Plain))
        if (const LibraryVerdict *V = Lookup("std::" + Base->str()))
          return *V;
    }
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    // Judged by the class the API is used through, so that base classes
    // that happen to implement it (std::__detail::_Map_base::operator[])
    // do not matter.
    if (classIsListed(ObjectClass) || classIsListed(MD->getParent()))
      return {LibraryKind::ValueMember, nullptr};
  }
  return {};
}

namespace {

/// The table name of a function, with C functions (`::fmin`,
/// `__builtin_fmin`) spelled as the table lists them (`std::fmin`).
std::string functionTableName(const FunctionDecl *FD) {
  std::string Name = tableName(FD);
  if (!FD->getIdentifier())
    return Name;
  llvm::StringRef Plain = FD->getName();
  if (Name.find("::") == std::string::npos || Name.rfind("__builtin_", 0) == 0) {
    Plain.consume_front("__builtin_");
    return "std::" + Plain.str();
  }
  return Name;
}

/// A niebloid takes a range where its counterpart takes an iterator pair,
/// so the counterpart's first written position does not carry over (the
/// output of ranges::copy(r, out) is its second argument, of std::copy its
/// third): all of its arguments may be written, except where the
/// counterpart writes through none of them (std::for_each).
unsigned niebloidWritesFrom(const FunctionDecl *FD) {
  // PURECC_STD_WRITES_FROM's "past every argument" (std::for_each).
  constexpr unsigned WritesNothing = 99;
  std::string Algorithm = niebloidAlgorithm(FD);
  if (Algorithm.empty())
    return 0;
  auto It = table().WritesFrom.find("std::" + Algorithm);
  if (It == table().WritesFrom.end() || It->second < WritesNothing)
    return 0;
  return It->second;
}

bool isStdVectorOfBool(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || tableName(Spec) != "std::vector")
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType()->isBooleanType();
}

bool isProxyClass(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier() || !table().ProxyOwnNames.contains(RD->getName()))
    return false;
  return isStdContext(RD->getDeclContext()) && table().Proxies.contains(tableName(RD));
}

} // namespace

MemberRole memberRole(const CXXMethodDecl *MD, const CXXRecordDecl *ObjectClass) {
  const auto &Members = table().Members;
  std::string Own = MD->getNameAsString();
  for (const CXXRecordDecl *RD : {ObjectClass, MD->getParent()})
    if (RD) {
      auto It = Members.find(tableName(RD) + "::" + Own);
      if (It != Members.end())
        return It->second;
    }
  auto It = Members.find(Own);
  return It == Members.end() ? MemberRole::Other : It->second;
}

MemberRole memberRole(llvm::StringRef BareName) {
  auto It = table().Members.find(BareName);
  return It == table().Members.end() ? MemberRole::Other : It->second;
}

bool isModelledClass(const CXXRecordDecl *RD) { return classIsListed(RD); }

RandomAccess randomAccess(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !isStdContext(RD->getDeclContext()))
    return RandomAccess::None;
  auto It = table().Containers.find(tableName(RD));
  if (It == table().Containers.end())
    return RandomAccess::None;
  // std::vector<bool>'s elements share words: indexable, but no element
  // is storage of its own.
  if (isStdVectorOfBool(RD))
    return RandomAccess::None;
  return It->second;
}

bool ownsElements(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !isStdContext(RD->getDeclContext()))
    return false;
  std::string N = tableName(RD);
  auto It = table().Containers.find(N);
  return table().Holders.contains(N) ||
         (It != table().Containers.end() && It->second == RandomAccess::Owning);
}

unsigned rangeWritesFrom(const FunctionDecl *FD) {
  auto It = table().WritesFrom.find(tableName(FD));
  if (It != table().WritesFrom.end())
    return It->second;
  return niebloidWritesFrom(FD);
}

bool rangeWritesArgument(const FunctionDecl *FD, llvm::ArrayRef<const Expr *> Args, unsigned I) {
  std::string Algorithm = niebloidAlgorithm(FD);
  if (Algorithm.empty())
    return I >= rangeWritesFrom(FD);
  auto It = table().WritesFrom.find("std::" + Algorithm);
  if (It == table().WritesFrom.end())
    return true; // any of them
  unsigned Position = 0; // in the iterator form
  for (unsigned J = 0; J < I && J < Args.size(); ++J) {
    QualType T = Args[J]->getType().getNonReferenceType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    bool Range = RD && RD->hasDefinition() && !T->isPointerType() &&
                 !RD->lookup(&RD->getASTContext().Idents.get("begin")).empty();
    Position += Range ? 2 : 1;
  }
  return Position >= It->second;
}

Combine combineOf(const CXXRecordDecl *RD) {
  if (!RD || !isStdContext(RD->getDeclContext()))
    return Combine::None;
  auto It = table().Combines.find(tableName(RD));
  return It == table().Combines.end() ? Combine::None : It->second;
}

Combine combineOf(const FunctionDecl *FD) {
  if (!FD || isa<CXXMethodDecl>(FD))
    return Combine::None;
  // Only the library's own: a user's `max` in the global namespace is not.
  if (!isStdContext(FD->getDeclContext()) &&
      !(FD->isExternC() && isImplementationDecl(FD)) &&
      !FD->getBuiltinID())
    return Combine::None;
  auto It = table().Combines.find(functionTableName(FD));
  return It == table().Combines.end() ? Combine::None : It->second;
}

AlgorithmShape algorithmShape(const FunctionDecl *FD) {
  if (!FD || isa<CXXMethodDecl>(FD) || !isStdContext(FD->getDeclContext()))
    return AlgorithmShape::None;
  auto It = table().Algorithms.find(tableName(FD));
  return It == table().Algorithms.end() ? AlgorithmShape::None : It->second;
}

/// The reason of a Serial row named StdName (`std::all_of`); Shown is the
/// name the user wrote.
static std::string serialReason(const std::string &StdName, const std::string &Shown) {
  auto It = table().SerialBecause.find(StdName);
  if (It != table().SerialBecause.end())
    return It->second;
  return "purecc does not rewrite '" + Shown + "'";
}

std::string serialAlgorithmReason(const FunctionDecl *FD) {
  if (AlgorithmShape Shape = algorithmShape(FD);
      Shape != AlgorithmShape::Serial && Shape != AlgorithmShape::Search)
    return "";
  std::string Name = tableName(FD);
  return serialReason(Name, Name);
}

AlgorithmShape rangeAlgorithmShape(const VarDecl *Algorithm) {
  if (!Algorithm || !Algorithm->isFileVarDecl())
    return AlgorithmShape::None;
  std::string Name = tableName(Algorithm);
  llvm::StringRef Form(Name);
  if (!Form.consume_front("std::ranges::"))
    return AlgorithmShape::None;
  auto It = table().Algorithms.find(("std::" + Form).str());
  return It == table().Algorithms.end() ? AlgorithmShape::None : It->second;
}

std::string serialRangeAlgorithmReason(const VarDecl *Algorithm) {
  if (AlgorithmShape Shape = rangeAlgorithmShape(Algorithm);
      Shape != AlgorithmShape::Serial && Shape != AlgorithmShape::Search)
    return "";
  std::string Name = tableName(Algorithm);
  return serialReason("std::" + llvm::StringRef(Name).substr(strlen("std::ranges::")).str(), Name);
}

ContractThrow contractThrow(const FunctionDecl *FD) {
  if (!FD || !isStdContext(FD->getDeclContext()))
    return ContractThrow::None;
  // A copy or a move copies a value that is within its limits already.
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD); CD && CD->isCopyOrMoveConstructor())
    return ContractThrow::None;
  // The declaration's word wins: std::get of a tuple is noexcept, std::get
  // of a variant is not (same table name).
  if (const auto *FPT = FD->getType()->getAs<FunctionProtoType>()) {
    ExceptionSpecificationType EST = FPT->getExceptionSpecType();
    if (!isUnresolvedExceptionSpec(EST) && EST != EST_Unparsed && FPT->canThrow() == CT_Cannot)
      return ContractThrow::None;
  }
  auto It = table().Throws.find(tableName(FD));
  return It == table().Throws.end() ? ContractThrow::None : It->second;
}

bool isAddressOnly(const FunctionDecl *FD) {
  // Each takes the one object it hands back: std::move(first, last, out),
  // the algorithm, shares a name with std::move(x) and writes through `out`.
  if (!FD->getIdentifier() || isa<CXXMethodDecl>(FD) || FD->getNumParams() != 1)
    return false;
  static const llvm::StringRef Names[] = {
#define PURECC_STD_ADDRESS(Name) Name,
#include "StdlibPurity.def"
  };
  std::string N = tableName(FD);
  for (llvm::StringRef Name : Names)
    if (N == Name)
      return true;
  return false;
}

bool designatesArguments(const FunctionDecl *FD) {
  const llvm::StringSet<> &Rows = table().Designates;
  if (Rows.contains(tableName(FD)))
    return true;
  // A customization point (std::ranges::begin) by its public name, or as
  // the plain function it mirrors.
  std::string Public = niebloidAlgorithm(FD);
  return !Public.empty() &&
         (Rows.contains(RangesPrefix.str() + Public) || Rows.contains("std::" + Public));
}

bool tiesArguments(const FunctionDecl *FD) {
  return !isa<CXXMethodDecl>(FD) && table().Ties.contains(tableName(FD));
}

bool writesForwarded(const FunctionDecl *FD) {
  if (tiesArguments(FD) || table().WritesForwarded.contains(tableName(FD)))
    return true;
  std::string Public = niebloidAlgorithm(FD);
  return !Public.empty() && table().WritesForwarded.contains(RangesPrefix.str() + Public);
}

namespace {

/// The parameter of FD's template pattern that its parameter I was
/// instantiated from (a pack `Args &&...args` gives several), or null.
const ParmVarDecl *patternParameter(const FunctionDecl *FD, unsigned I) {
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  if (!Pattern || Pattern->getNumParams() > FD->getNumParams() + 1)
    return nullptr;
  unsigned Expanded = FD->getNumParams() + 1 - Pattern->getNumParams();
  unsigned First = 0;
  for (const ParmVarDecl *P : Pattern->parameters()) {
    unsigned Width = P->isParameterPack() ? Expanded : 1;
    if (I < First + Width)
      return P;
    First += Width;
  }
  return nullptr;
}

/// `T &&` where T is a template parameter of the function template itself
/// (not of an enclosing class), unqualified: a forwarding reference.
bool isForwardingParameter(const FunctionDecl *FD, unsigned I) {
  const ParmVarDecl *P = patternParameter(FD, I);
  const FunctionTemplateDecl *FT =
      P ? FD->getTemplateInstantiationPattern()->getDescribedFunctionTemplate() : nullptr;
  if (!FT)
    return false;
  QualType T = P->getType();
  if (const auto *Pack = T->getAs<PackExpansionType>())
    T = Pack->getPattern();
  const auto *Ref = dyn_cast<RValueReferenceType>(T.getTypePtr());
  if (!Ref)
    return false;
  QualType Pointee = Ref->getPointeeTypeAsWritten();
  if (Pointee.hasLocalQualifiers())
    return false;
  const auto *Parm = Pointee->getAs<TemplateTypeParmType>();
  return Parm && Parm->getDepth() == FT->getTemplateParameters()->getDepth();
}

/// Copying a T runs no constructor that takes its source by non-const
/// reference (`A(A &)`, or a member's: the implicit one then takes `A &`),
/// and none a template makes (`template <class U> A(U &&)` takes a
/// non-const lvalue as `A &`, ahead of the copy constructor).
bool copiesWithoutWriting(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return !RD;
  RD = RD->getDefinition();
  if (RD->needsImplicitCopyConstructor() && !RD->implicitCopyConstructorHasConstParam())
    return false;
  // The library's own classes constrain theirs away from their own type
  // (std::optional's `template <class U> optional(U &&)`).
  if (isStdContext(RD->getDeclContext()))
    return true;
  for (const Decl *D : RD->decls()) {
    const auto *FT = dyn_cast<FunctionTemplateDecl>(D);
    const auto *Ctor = FT ? dyn_cast<CXXConstructorDecl>(FT->getTemplatedDecl()) : nullptr;
    if (!Ctor || Ctor->getNumParams() == 0 || Ctor->getMinRequiredArguments() > 1)
      continue;
    QualType First = Ctor->getParamDecl(0)->getType();
    if (First->isReferenceType() && !First.getNonReferenceType().isConstQualified())
      return false;
  }
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    unsigned Quals = 0;
    if (Ctor->isCopyConstructor(Quals) && !(Quals & Qualifiers::Const) && !Ctor->isDeleted())
      return false;
  }
  return true;
}

/// A std::ranges algorithm (`std::ranges::__count_fn`), not a
/// customization point (`std::ranges::__cust_swap::_Swap`).
bool isRangesAlgorithm(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && MD->getOverloadedOperator() == OO_Call && niebloidOf(MD->getParent()).Algorithm;
}

} // namespace

bool readsForwarded(const FunctionDecl *FD, unsigned Param, const Expr *Arg) {
  if (!isForwardingParameter(FD, Param))
    return false;
  if (table().ReadsForwarded.contains(tableName(FD)))
    return copiesWithoutWriting(Arg->getType());
  return isRangesAlgorithm(FD) && judgeLibraryCall(FD, nullptr).Kind == LibraryKind::Pure;
}

bool isRangesView(const CXXRecordDecl *RD) {
  // A view (`g | std::views::take(2)`, `std::ranges::subrange(b, e)`,
  // `std::views::reverse(g)`) designates the elements of the range it was
  // made from, as a span does: a write through it writes that range.
  static const llvm::StringRef Names[] = {"std::ranges::view_interface"};
  return RD && isStdContext(RD->getDeclContext()) && derivesFromNamed(RD, Names);
}

bool holdsReference(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return false;
  auto IsReference = [](const TemplateArgument &A) {
    return A.getKind() == TemplateArgument::Type && A.getAsType()->isReferenceType();
  };
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Pack ? llvm::any_of(A.pack_elements(), IsReference)
                                              : IsReference(A))
      return true;
  return false;
}

bool isPointerLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  // A view's own iterators designate what the view does, whatever their
  // name (libstdc++'s lazy_split_view::_InnerIter).
  const auto *Parent = dyn_cast<CXXRecordDecl>(RD->getDeclContext());
  // A string_view designates the characters it was made from, as a span
  // does: `const_cast<char &>(sv[0]) = 'x'` writes the caller's string
  // (adv117 F1).
  return N.contains_insensitive("iterator") || N == "span" ||
         (N == "basic_string_view" && RD->isInStdNamespace()) ||
         N == "reference_wrapper" || isProxyClass(RD) || isRangesView(RD) ||
         (Parent && isRangesView(Parent));
}

bool isSharedPointer(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return false;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  static const llvm::StringRef Names[] = {"std::shared_ptr", "std::weak_ptr",
                                          "std::__shared_ptr", "std::__weak_ptr",
                                          "std::__shared_ptr_access"};
  return derivesFromNamed(RD, Names);
}

bool ownsBlockAlone(QualType T) {
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  static const llvm::StringRef Names[] = {"std::unique_ptr"};
  return derivesFromNamed(RD, Names);
}

bool keepsValues(QualType T) {
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  static const llvm::StringRef Names[] = {"std::any",   "std::optional", "std::variant",
                                          "std::tuple", "std::pair",     "std::expected"};
  return derivesFromNamed(RD, Names);
}

bool makesShared(const FunctionDecl *FD) {
  if (!FD || isa<CXXMethodDecl>(FD) || !isStdContext(FD->getDeclContext()))
    return false;
  const std::string Name = tableName(FD);
  return Name == "std::make_shared" || Name == "std::allocate_shared" ||
         Name == "std::make_shared_for_overwrite" ||
         Name == "std::allocate_shared_for_overwrite";
}

MemoryCall memoryCall(const FunctionDecl *FD, const SourceManager &SM) {
  if (!FD || isa<CXXMethodDecl>(FD))
    return MemoryCall::None;
  if (FD->isReplaceableGlobalAllocationFunction()) {
    // The implementation's (declared by <new>, or implicitly by the
    // compiler), not a replacement the program defines.
    if (!FD->isImplicit() && !isImplementationHeader(FD->getLocation(), SM))
      return MemoryCall::None;
    OverloadedOperatorKind Op = FD->getOverloadedOperator();
    return Op == OO_New || Op == OO_Array_New ? MemoryCall::Allocates : MemoryCall::Frees;
  }
  if (!isLibraryFunction(FD, SM) || !FD->getIdentifier() ||
      !(FD->getDeclContext()->getRedeclContext()->isTranslationUnit() || FD->isInStdNamespace()))
    return MemoryCall::None;
  return llvm::StringSwitch<MemoryCall>(FD->getName())
      .Cases("malloc", "calloc", "aligned_alloc", MemoryCall::Allocates)
      .Case("free", MemoryCall::Frees)
      .Case("realloc", MemoryCall::Reallocates)
      .Default(MemoryCall::None);
}

bool isProxyReference(QualType T) {
  return isProxyClass(T.getNonReferenceType()->getAsCXXRecordDecl());
}

bool proxyMemberWrites(const CXXMethodDecl *MD) {
  if (isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD) || MD->isStatic())
    return false;
  OverloadedOperatorKind Op = MD->getOverloadedOperator();
  bool Assigns = Op == OO_Equal || Op == OO_PlusEqual || Op == OO_MinusEqual ||
                 Op == OO_StarEqual || Op == OO_SlashEqual || Op == OO_PercentEqual ||
                 Op == OO_AmpEqual || Op == OO_PipeEqual || Op == OO_CaretEqual ||
                 Op == OO_LessLessEqual || Op == OO_GreaterGreaterEqual;
  return Assigns || !MD->isConst();
}

bool packsBits(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !isStdContext(RD->getDeclContext()))
    return false;
  return isStdVectorOfBool(RD) || tableName(RD) == "std::bitset";
}

bool isReadOnlyIterator(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return T->getPointeeType().isConstQualified();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  auto Star = RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Star);
  bool Found = false;
  for (const NamedDecl *ND : RD->lookup(Star)) {
    const auto *MD = dyn_cast<CXXMethodDecl>(ND->getUnderlyingDecl());
    if (!MD || MD->getNumParams() != 0)
      continue;
    QualType R = MD->getReturnType();
    if (R->isReferenceType() && !R.getNonReferenceType().isConstQualified())
      return false; // yields a modifiable element
    Found = true;
  }
  return Found;
}

bool isReadOnlyRange(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || T.getNonReferenceType()->isPointerType())
    return false;
  bool Found = false;
  for (const NamedDecl *ND : RD->lookup(&RD->getASTContext().Idents.get("begin"))) {
    const auto *MD = dyn_cast<CXXMethodDecl>(ND->getUnderlyingDecl());
    if (!MD || MD->getNumParams() != 0)
      continue;
    if (!isReadOnlyIterator(MD->getReturnType()))
      return false;
    Found = true;
  }
  return Found;
}

bool isStreamType(QualType T) {
  static const llvm::StringRef Names[] = {"std::basic_ostream", "std::basic_istream",
                                          "std::basic_ios", "std::ios_base"};
  return derivesFromNamed(recordOf(T), Names);
}

bool isStdExceptionClass(const CXXRecordDecl *RD) {
  static const llvm::StringRef Names[] = {"std::exception"};
  return derivesFromNamed(RD, Names);
}

bool isAtomicType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  static const llvm::StringRef Names[] = {"std::atomic", "std::atomic_ref",
                                          "std::atomic_flag", "std::__atomic_base",
                                          "std::__atomic_float"};
  return derivesFromNamed(recordOf(T), Names);
}

bool isFunctionWrapper(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  std::string N = tableName(RD);
  return N == "std::function" || N == "std::move_only_function";
}

} // namespace purecc
