//===- PlainValues.cpp - types whose copies are plain value copies ---------===//
#include "PlainValues.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <functional>

using namespace clang;

namespace purecc {

llvm::SmallVector<QualType, 4> heldTypes(const ClassTemplateSpecializationDecl *Spec,
                                         size_t Skip) {
  llvm::SmallVector<QualType, 4> Held;
  std::function<void(const TemplateArgument &)> Collect = [&](const TemplateArgument &Arg) {
    if (Arg.getKind() == TemplateArgument::Type)
      Held.push_back(Arg.getAsType());
    else if (Arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &Inner : Arg.pack_elements())
        Collect(Inner);
  };
  llvm::ArrayRef<TemplateArgument> Args = Spec->getTemplateArgs().asArray();
  for (const TemplateArgument &Arg : Args.drop_front(std::min(Skip, Args.size())))
    Collect(Arg);
  return Held;
}

namespace {
const ClassTemplateSpecializationDecl *stdSpecialization(QualType T, llvm::StringRef Name) {
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() || RD->getName() != Name)
    return nullptr;
  return dyn_cast<ClassTemplateSpecializationDecl>(RD);
}

/// Whether template argument At of Spec is a type that is not the
/// standard class Std (a user's allocator or traits), or is missing.
bool notStd(const ClassTemplateSpecializationDecl *Spec, unsigned At, llvm::StringRef Std) {
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (At >= Args.size() || Args[At].getKind() != TemplateArgument::Type)
    return false;
  const auto *A = Args[At].getAsType()->getAsCXXRecordDecl();
  return !A || !A->isInStdNamespace() || !A->getIdentifier() || A->getName() != Std;
}
} // namespace

std::string userAllocatorReason(QualType T) {
  // std::allocator has no state and its copies are plain; a user's may do
  // anything.
  const ClassTemplateSpecializationDecl *Spec = stdSpecialization(T, "basic_string");
  unsigned At = 2;
  if (!Spec) {
    Spec = stdSpecialization(T, "vector");
    At = 1;
  }
  if (Spec && notStd(Spec, At, "allocator"))
    return "has an allocator of the user's, whose copies purecc does not know to be plain";
  return "";
}

std::string userTraitsReason(QualType T) {
  // The string copies and moves its characters with the traits' 'copy' and
  // 'move' (adv33 t02, t08).
  if (const ClassTemplateSpecializationDecl *Spec = stdSpecialization(T, "basic_string");
      Spec && notStd(Spec, 1, "char_traits"))
    return "has character traits of the user's, whose copies purecc does not know to be plain";
  return "";
}

std::string plainValueReason(QualType T) {
  T = T.getCanonicalType().getUnqualifiedType();
  if (T->isReferenceType())
    return "is a reference";
  if (T->isScalarType())
    return "";
  if (const auto *A = dyn_cast<ConstantArrayType>(T.getTypePtr()))
    return plainValueReason(A->getElementType());
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return "is not a complete class";
  RD = RD->getDefinition();
  if (RD->isInStdNamespace()) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    llvm::StringRef Name = RD->getIdentifier() ? RD->getName() : "";
    if (std::string Why = userAllocatorReason(T); !Why.empty())
      return Why;
    if (std::string Why = userTraitsReason(T); !Why.empty())
      return Why;
    if (Spec && Name == "basic_string")
      return plainValueReason(Spec->getTemplateArgs()[0].getAsType());
    if (Spec && (Name == "vector" || Name == "array" || Name == "pair")) {
      // The element types.
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      unsigned Elements = Name == "pair" ? 2 : 1;
      for (unsigned I = 0; I < Elements && I < Args.size(); ++I)
        if (Args[I].getKind() == TemplateArgument::Type)
          if (std::string Why = plainValueReason(Args[I].getAsType()); !Why.empty()) {
            // Name the user's class the library's holds.
            QualType E = Args[I].getAsType();
            const auto *ERD = E->getAsCXXRecordDecl();
            if (!ERD || ERD->isInStdNamespace())
              return Why;
            return "holds '" + E.getAsString(RD->getASTContext().getPrintingPolicy()) +
                   "', which " + Why;
          }
      return "";
    }
    return "is a standard-library class whose copies purecc does not know to be plain values";
  }
  for (const CXXMethodDecl *M : RD->methods())
    if (M->isUserProvided() &&
        (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator() ||
         isa<CXXDestructorDecl>(M)))
      return "has a user-provided '" + M->getNameAsString() + "'";
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isUserProvided() && (C->isCopyConstructor() || C->isMoveConstructor()))
      return "has a user-provided copy or move constructor";
  // Name the part that is not plain: the user knows the class, not which
  // of its members purecc means.
  const PrintingPolicy &Policy = RD->getASTContext().getPrintingPolicy();
  for (const CXXBaseSpecifier &B : RD->bases())
    if (std::string Why = plainValueReason(B.getType()); !Why.empty())
      return "has a base '" + B.getType().getAsString(Policy) + "', which " + Why;
  for (const FieldDecl *F : RD->fields())
    if (std::string Why = plainValueReason(F->getType()); !Why.empty())
      return "has a member '" + F->getNameAsString() + "' of type '" +
             F->getType().getAsString(Policy) + "', which " + Why;
  return "";
}

std::string copiedByMove(QualType T) {
  if (!T.isConstQualified())
    return "";
  QualType Base = T.getCanonicalType();
  while (const auto *A = dyn_cast<ArrayType>(Base.getTypePtr()))
    Base = A->getElementType().getCanonicalType();
  const auto *RD = Base->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->getDefinition()->isTriviallyCopyable())
    return "";
  return "moving it copies";
}

namespace {
/// Whether Name is a standard container that owns its elements on the
/// heap: moving one hands them over and moves none of them.
bool ownsElementsOnHeap(StringRef Name) {
  return llvm::is_contained({"vector", "deque", "list", "forward_list", "map", "multimap", "set",
                             "multiset", "unordered_map", "unordered_multimap", "unordered_set",
                             "unordered_multiset"},
                            Name);
}

/// Whether Name is a standard class without state (an allocator, a
/// comparator, a hash): moving or copying one runs nothing of what it is
/// instantiated with.
bool statelessLibraryClass(StringRef Name) {
  return llvm::is_contained({"allocator", "less", "greater", "less_equal", "greater_equal",
                             "equal_to", "not_equal_to", "hash", "char_traits"},
                            Name);
}

/// The definition of the class T is (under arrays and qualifiers), the
/// first time Seen meets it; null for anything else.
const CXXRecordDecl *firstVisit(QualType T, llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Seen) {
  T = T.getCanonicalType().getUnqualifiedType();
  while (const auto *A = dyn_cast<ArrayType>(T.getTypePtr()))
    T = A->getElementType().getCanonicalType().getUnqualifiedType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || !Seen.insert(RD->getDefinition()).second)
    return nullptr;
  return RD->getDefinition();
}

/// Inner, said of the type H a library class holds: "holds 'Counted',
/// which ..." (a library class H is not named: the user knows the outer).
std::string heldReason(QualType H, const std::string &Inner, const PrintingPolicy &Policy) {
  const auto *HeldClass = H->getAsCXXRecordDecl();
  if (HeldClass && HeldClass->isInStdNamespace())
    return Inner;
  return "holds '" + H.getAsString(Policy) + "', which " + Inner;
}

enum class Transfer { Move, CopyOrMove };
std::string observableReason(QualType T, Transfer How);
} // namespace

std::string observableMoveReason(QualType T) { return observableReason(T, Transfer::Move); }

std::string observableCopyReason(QualType T) {
  return observableReason(T, Transfer::CopyOrMove);
}

namespace {
std::string observableReason(QualType T, Transfer How) {
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  std::function<std::string(QualType)> Why = [&](QualType T) -> std::string {
    const CXXRecordDecl *RD = firstVisit(T, Seen);
    if (!RD)
      return "";
    const PrintingPolicy &Policy = RD->getASTContext().getPrintingPolicy();
    if (RD->isInStdNamespace()) {
      // What a std::any holds is known only at run time, and a small value
      // of a type whose move cannot throw is held inside it: moving the
      // 'any' moves that value with its own constructor (adv30 W1, W2).
      if (RD->getName() == "any")
        return "holds a value of a type known only at run time, which moving it may move "
               "with that type's own constructor";
      // What it holds: the types it is instantiated with, a pack's each
      // (`std::variant<long, Counted>`). A smart pointer, its deleter and a
      // reference_wrapper hold a pointer to their first: moving one moves
      // the pointer, never the object.
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      if (!Spec)
        return "";
      // A short string moves its characters with the traits' 'move' or
      // 'copy' (adv33 t08).
      if (std::string Traits = userTraitsReason(T); !Traits.empty())
        return Traits;
      StringRef Name = RD->getName();
      bool Pointer = Name == "unique_ptr" || Name == "shared_ptr" || Name == "weak_ptr" ||
                     Name == "default_delete" || Name == "reference_wrapper";
      if (statelessLibraryClass(Name))
        return "";
      // Moving a container that owns its elements on the heap hands them
      // over: no element is moved or copied, a 'const' key neither (adv38
      // t08); its comparator, hash and allocator move with it. A copy
      // copies the elements.
      size_t Skipped = Pointer ? 1 : 0;
      if (How == Transfer::Move && ownsElementsOnHeap(Name))
        Skipped = Name.contains("map") ? 2 : 1;
      for (QualType H : heldTypes(Spec, Skipped)) {
        // `std::optional<const std::vector<long>>`, `std::pair<const
        // std::string, long>`: the library moves what it holds, a copy.
        if (!Pointer && !ownsElementsOnHeap(Name))
          if (std::string Copied = copiedByMove(H); !Copied.empty())
            return "holds '" + H.getAsString(Policy) + "', which " + Copied;
        if (std::string Inner = Why(H); !Inner.empty())
          return heldReason(H, Inner, Policy);
      }
      return "";
    }
    for (const CXXConstructorDecl *C : RD->ctors())
      if (C->isUserProvided() && (C->isCopyConstructor() || C->isMoveConstructor()))
        return std::string("has a user-provided ") +
               (C->isMoveConstructor() ? "move" : "copy") + " constructor";
    if (const CXXDestructorDecl *D = RD->getDestructor(); D && D->isUserProvided())
      return "has a user-provided destructor";
    // `template <class U> T(U &&)` beside a defaulted copy constructor is
    // what an rvalue of T calls (adv31 W2).
    for (const Decl *D : RD->decls())
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
        if (const auto *C = dyn_cast<CXXConstructorDecl>(FT->getTemplatedDecl());
            C && C->getNumParams() >= 1 && C->getMinRequiredArguments() <= 1)
          return "has a constructor template, which moving it may call";
    // No code of the user's, but a copy where the serial program moves
    // nothing: a copied vector has no spare capacity, a copied shared_ptr
    // counts one owner more while the task's copy lives (adv31 W1). A
    // class that can be copied as bytes is the same either way.
    if (!RD->isTriviallyCopyable() && !RD->hasMoveConstructor())
      return "has no move constructor (a user-declared destructor or copy operation suppresses "
             "it), so moving it copies it";
    for (const CXXBaseSpecifier &B : RD->bases())
      if (std::string Inner = Why(B.getType()); !Inner.empty())
        return "has a base '" + B.getType().getAsString(Policy) + "', which " + Inner;
    for (const FieldDecl *F : RD->fields()) {
      if (std::string Copied = copiedByMove(F->getType()); !Copied.empty())
        return (F->getIdentifier() ? "has a 'const' member '" + F->getNameAsString() + "'"
                                   : std::string("captures a 'const' value")) +
               " of type '" + F->getType().getAsString(Policy) + "', which " + Copied;
      if (std::string Inner = Why(F->getType()); !Inner.empty())
        // A lambda's captures are members without a name.
        return (F->getIdentifier() ? "has a member '" + F->getNameAsString() + "'"
                                   : std::string("captures a value")) +
               " of type '" + F->getType().getAsString(Policy) + "', which " + Inner;
    }
    return "";
  };
  return Why(T);
}
} // namespace

std::string userAssignmentReason(QualType T) {
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  std::function<std::string(QualType)> Why = [&](QualType T) -> std::string {
    const CXXRecordDecl *RD = firstVisit(T, Seen);
    if (!RD)
      return "";
    const PrintingPolicy &Policy = RD->getASTContext().getPrintingPolicy();
    if (RD->isInStdNamespace()) {
      // The library assigns what it holds with that type's own operator=;
      // a smart pointer or a reference_wrapper assigns a pointer.
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      StringRef Name = RD->getIdentifier() ? RD->getName() : "";
      if (!Spec || Name == "unique_ptr" || Name == "shared_ptr" || Name == "weak_ptr" ||
          Name == "reference_wrapper")
        return "";
      for (QualType H : heldTypes(Spec, 0))
        if (std::string Inner = Why(H); !Inner.empty())
          return heldReason(H, Inner, Policy);
      return "";
    }
    for (const CXXMethodDecl *M : RD->methods())
      if (M->isUserProvided() && (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()))
        return "has a user-provided '" + M->getNameAsString() + "'";
    for (const CXXBaseSpecifier &B : RD->bases())
      if (std::string Inner = Why(B.getType()); !Inner.empty())
        return "has a base '" + B.getType().getAsString(Policy) + "', which " + Inner;
    for (const FieldDecl *F : RD->fields())
      if (std::string Inner = Why(F->getType()); !Inner.empty())
        return (F->getIdentifier() ? "has a member '" + F->getNameAsString() + "'"
                                   : std::string("captures a value")) +
               " of type '" + F->getType().getAsString(Policy) + "', which " + Inner;
    return "";
  };
  return Why(T);
}

bool holdsAddress(QualType T) {
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  std::function<bool(QualType)> Holds = [&](QualType T) -> bool {
    T = T.getCanonicalType().getUnqualifiedType();
    while (const auto *A = dyn_cast<ArrayType>(T.getTypePtr()))
      T = A->getElementType().getCanonicalType().getUnqualifiedType();
    if (T->isArithmeticType() || T->isEnumeralType() || T->isNullPtrType())
      return false;
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return true; // a pointer, a reference, a member pointer, an unknown class
    RD = RD->getDefinition();
    if (!Seen.insert(RD).second)
      return false;
    if (RD->isInStdNamespace()) {
      static const llvm::StringRef Owning[] = {"basic_string", "vector", "array", "pair",
                                               "tuple", "optional", "variant", "monostate"};
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      llvm::StringRef Name = RD->getIdentifier() ? RD->getName() : "";
      if (!llvm::is_contained(Owning, Name))
        return true;
      if (!Spec)
        return Name != "monostate";
      // What it owns: its type arguments (an allocator or traits class
      // holds no address of the value's).
      for (QualType H : heldTypes(Spec)) {
        const auto *Held = H->getAsCXXRecordDecl();
        if (Held && Held->isInStdNamespace() && Held->getIdentifier() &&
            (Held->getName() == "allocator" || Held->getName() == "char_traits"))
          continue;
        if (Holds(H))
          return true;
      }
      return false;
    }
    for (const CXXBaseSpecifier &B : RD->bases())
      if (Holds(B.getType()))
        return true;
    for (const FieldDecl *F : RD->fields())
      if (Holds(F->getType()))
        return true;
    return false;
  };
  return Holds(T);
}

} // namespace purecc
