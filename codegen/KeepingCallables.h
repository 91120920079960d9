//===- KeepingCallables.h - whether a callable keeps what it is given -----===//
//
// An address given to a callable ends with the call unless the callable
// keeps it: stores it where the caller's code can read it later, returns
// it, or hides it where no type says it is (a thrown object, a number).
// The escape analysis (Escapes.h) asks this of every lambda, function
// and function object an address reaches, and of what the library runs:
// `std::for_each(first, last, f)` runs f on each element,
// `std::function` runs what it was made from (unseen), and a
// `std::set<T, Cmp>` runs its comparator on what its members are given.
// A generic lambda is judged by every instance the library made of it
// (adv61 F6); a class with a call operator other than a lambda is not
// followed, so it may keep.
//
//   KeepingCallables Keeps(PC, ES);
//   if (Keeps.runsCallableThatMayKeep(Call, MD)) escapeAll(...);
//   if (Keeps.callableMayKeep(Arg)) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "AddressTypes.h"
#include "PlanContext.h"
#include "StmtDeps.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace purecc {

class KeepingCallables {
public:
  KeepingCallables(const PlanContext &PC, const DepScanner &ES) : PC(PC), ES(ES) {}

  /// Whether RD is a standard class that calls what it was made from,
  /// which purecc does not see: `std::function` (and its kin), a bind
  /// object, a `std::reference_wrapper`, `std::not_fn`'s and `std::mem_fn`'s
  /// results. Not `std::plus<>`, `std::less<>`, `std::hash` or an
  /// algorithm's function object.
  static bool opaqueStdCallable(const clang::CXXRecordDecl *RD);

  /// Whether RD is the class of a standard algorithm's function object
  /// (`std::ranges::sort` is an object of class `__sort_fn`).
  static bool isAlgorithmObject(const clang::CXXRecordDecl *RD);

  /// Whether a library call runs a callable that may keep the address of
  /// what it is given: the call of a standard class's 'operator()' (a
  /// `std::function`, a bind object: whatever they hold is unknown), or an
  /// argument that is a callable (a function, a lambda, a function object)
  /// not known to keep none.
  bool runsCallableThatMayKeep(const clang::CallExpr *Call, const clang::CXXMethodDecl *MD);

  /// Whether Arg is a callable that may keep an address it is given: one
  /// whose code may store it (a write through a pointer, of a variable
  /// that may hold an address, an impure call) or return it; false for
  /// anything that is no callable.
  bool callableMayKeep(const clang::Expr *Arg);

  /// Whether the code of FD (a lambda's call operator, or the instance of
  /// a generic lambda's called) may keep an address it is given: it
  /// returns one, calls what is not pure, writes a variable of its
  /// surroundings that can hold one, or writes through a pointer or
  /// reference where an address reaches it through a parameter that may be
  /// kept (KeptParameters.h): `[](long &x) { x = 3; }` writes through 'x'
  /// and keeps nothing (adv57 t15).
  ///
  /// A generic lambda's instance (`[](auto &x) { x = 3; }` as std::for_each
  /// calls it) has no summary of its parameters: its body is not in the
  /// function around, whose LambdaExpr holds the pattern. It keeps nothing
  /// when it writes through no pointer and its reference parameters
  /// written refer to what can neither hold an address nor own storage it
  /// could move out (`[](auto &&src) { return V(std::move(src)); }`, adv50
  /// t147; adv61 F6).
  bool bodyMayKeep(const clang::FunctionDecl *FD);

private:
  /// Whether RD, a standard ordered or unordered associative container or
  /// a priority queue, compares or hashes with a callable that may keep an
  /// address (a function pointer, or a class callableTypeMayKeep takes for
  /// one). Only those template arguments count: an element type with an
  /// 'operator()' (a matrix's `m(i, j)`) is no callable the container runs.
  bool classHoldsCallableThatMayKeep(const clang::CXXRecordDecl *RD);

  /// Whether S lets an address out by a way no type says holds one: it
  /// throws an object that can hold an address (`throw &x;`, `throw
  /// Found{&x};`: the handler may keep it), or turns an address into a
  /// number (`reinterpret_cast<long>(&x)`, `std::bit_cast`, a memcpy of a
  /// pointer's bytes), which a `long` it writes or returns then carries
  /// (adv62 t04, t07, t10).
  bool hidesAddress(const clang::Stmt *S);

  /// Whether an object of class RD is a callable that may keep an address
  /// it is given (callableMayKeep); false for a class that is no callable.
  bool callableTypeMayKeep(const clang::CXXRecordDecl *RD);

  const PlanContext &PC;
  const DepScanner &ES;
  AddressTypes Types;
};

} // namespace purecc
