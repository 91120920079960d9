//===- OwningPointers.h - pointer members that own what they point to -----===//
//
// `class Buffer { long *d; public: Buffer(long n) : d(new long[n]) {} ... };`
// Every object of Buffer points `d` at memory of its own: no one else holds
// that block, so a write through `d` writes the object, as a write to a
// member would. Without that fact a pointer member may point anywhere (const
// is shallow) and every member function writing through it is impure: the
// classic C++ container, matrix or pimpl class could not be used at all.
//
// The fact holds of a member F of class C when nothing can make two objects
// share a block or point F at memory someone else owns:
//  - F is a private pointer to an object type; C is not a union, not
//    trivially copyable (a byte copy would share the block) and has no
//    friend classes;
//  - every value stored into F, by a constructor's member initializer (or
//    F's default member initializer) or by an assignment in any member,
//    friend function or nested class of C, is fresh: a new-expression, a
//    malloc/calloc/realloc/aligned_alloc, a null pointer, either of two
//    such values (`?:`), or the block of another object of C stolen from it:
//    `std::exchange(o.F, fresh)`, or `o.F` where the same function then sets
//    `o.F` to null in a statement of its own (a move constructor);
//  - every other use of F reads its value, or swaps it with another
//    object's F (`std::swap(d, o.d)`, copy-and-swap);
//  - the copy and move constructors and assignment operators are
//    user-provided (and obey the rules above) or deleted: a defaulted one
//    copies the pointer;
//  - every member and friend is defined in sight (a body elsewhere may
//    store anything), and of a template, its pattern is judged.
// Anything else (the address of F taken, F passed by reference, a local
// class in a member) and F may point anywhere, as before.
//
// Ownership is the idea of Rust's Box and of C++'s std::unique_ptr, checked
// here from the class's code instead of declared.
//
//   if (F->getType()->isPointerType() && ownsPointee(F, Ctx)) ...  // pointee is part of the object
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"

namespace purecc {

/// Whether pointer member F owns the block it points to, as above. Judges
/// every member function, constructor and friend of F's class (or its
/// template's pattern): cache the answer per translation unit.
bool ownsPointee(const clang::FieldDecl *F, clang::ASTContext &Ctx);

/// ownsPointee's answers for one translation unit, each worked out once
/// (a class's members are judged once, not once per function that writes
/// through its pointer member). A member asked about while its own answer
/// is being worked out is taken as not owning.
///
///   OwningMembers Owning(Ctx);
///   if (Owning.ownsPointee(F)) ...
class OwningMembers {
public:
  explicit OwningMembers(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  bool ownsPointee(const clang::FieldDecl *F) {
    auto [It, New] = Answers.try_emplace(F, false);
    if (New) {
      bool Owns = purecc::ownsPointee(F, Ctx);
      Answers[F] = Owns; // the map may have grown meanwhile
    }
    return Answers.lookup(F);
  }

private:
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FieldDecl *, bool> Answers;
};

} // namespace purecc
