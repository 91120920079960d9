//===- Mentions.h - where one body names each variable and member ---------===//
//
// Several facts rest on "every mention of X in this body is one of a few
// harmless uses": a local pointer only read (OwningPointers), a struct
// whose pointer fields are only read (FieldBindings), a local container
// only fed fresh blocks (FreshElements), a pointer member only read or
// given fresh blocks (OwningPointers). Each question needs the same two
// things: every mention, and what each mention is used by. One walk over
// the body records both; the questions then differ only in which uses they
// accept.
//
// Mentions are found in lambdas' bodies too, and a lambda capturing a
// variable counts as a use no question accepts (the closure may write it).
// Operands the program never evaluates (`sizeof`, `noexcept`:
// Unevaluated.h) mention nothing.
//
//   Mentions M(FD->getBody());
//   if (M.onlyRead(VD, Mentions::ReadShape::Name)) ...   // p is never repointed
//   for (const MemberExpr *ME : M.ofMember(F)) { auto [Child, User] = M.userOf(ME); ... }
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <utility>
#include <vector>

namespace purecc {

class Mentions {
public:
  /// Walks Body once (an explicit stack: an expression can nest deeper than
  /// the call stack holds). Body may be null: then nothing is mentioned.
  explicit Mentions(const clang::Stmt *Body);

  /// The statement directly containing S (null for the body itself, or for
  /// a statement outside it).
  const clang::Stmt *parentOf(const clang::Stmt *S) const { return Parent.lookup(S); }

  /// What uses the value of S: its first ancestor that is not a pair of
  /// parentheses (nor, with SkipNoOpCasts, a cast adding const). Returns
  /// the node just below that ancestor, and the ancestor (null at the top).
  enum class Skip { Parens, ParensAndNoOpCasts };
  std::pair<const clang::Stmt *, const clang::Stmt *> userOf(const clang::Stmt *S,
                                                             Skip What = Skip::Parens) const;

  /// References to D (a variable, binding or member named by `&C::m`), in
  /// no particular order. Keyed by canonical declaration.
  llvm::ArrayRef<const clang::DeclRefExpr *> of(const clang::ValueDecl *D) const;
  /// Member expressions naming F (`x.f`, `p->f`, `f` in a member).
  llvm::ArrayRef<const clang::MemberExpr *> ofMember(const clang::ValueDecl *F) const;
  /// Whether a lambda in the body captures VD (by copy or by reference).
  bool captured(const clang::VarDecl *VD) const { return Captured.contains(VD); }
  /// Every range-for statement of the body.
  llvm::ArrayRef<const clang::CXXForRangeStmt *> rangeFors() const { return RangeFors; }
  /// Every statement of the body, the body first.
  llvm::ArrayRef<const clang::Stmt *> statements() const { return All; }

  /// How a mention reads: `p` itself loaded, or a chain `s.a.b` of
  /// (non-arrow) fields of it loaded.
  enum class ReadShape { Name, FieldChain };
  /// Whether every mention of VD is a load of its value in Shape (and no
  /// lambda captures it): then nothing in the body writes VD, binds a
  /// reference to it or takes its address.
  bool onlyRead(const clang::VarDecl *VD, ReadShape Shape) const;

private:
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parent;
  llvm::DenseMap<const clang::Decl *, llvm::SmallVector<const clang::DeclRefExpr *, 4>> Refs;
  llvm::DenseMap<const clang::Decl *, llvm::SmallVector<const clang::MemberExpr *, 4>> Members;
  llvm::SmallPtrSet<const clang::VarDecl *, 4> Captured;
  llvm::SmallVector<const clang::CXXForRangeStmt *, 4> RangeFors;
  std::vector<const clang::Stmt *> All;
};

} // namespace purecc
