//===- ReturnedStorage.h - where the storage a local receives comes from --===//
//
// Escapes.cpp follows the code that names a local. A local that is made
// from, or assigned, the result of a call or storage moved from elsewhere
// owns storage that code naming no local of the function may already
// reach (adv54 t10, t11, t18, t28):
//
//  - `std::vector<E> v = make(n);` where `make` kept the address of the
//    vector it returns (`gE = r.data(); return r;`), or of the object it
//    returns itself (a returned `std::array` is built in place);
//  - `std::vector<E> v = std::move(pool);`, `std::exchange(pool, {})`,
//    `std::move(*up)` and `*std::move(opt)` of objects no local names: a
//    global whose `data()` someone holds, what a pointer points to;
//  - the same assigned after the declaration (`v = make(n);`), or as an
//    aggregate's member (`Box b{make(n)};`, `Box b = make_box(n);`).
//
// Such a local escapes where it receives the storage. A function's
// returned storage is summarized once per function (the escapes of the
// local it returns, found by findEscapes on its body; the parameters whose
// storage it may hand back); a function whose body is not in the
// translation unit may keep what it returns, unless it is effect-free; an
// effect-free (pure) one whose body is seen, whose result can hold no
// address and whose code turns no address into a number keeps nothing
// past the call, whatever addresses of its locals it took (one whose
// result can hold an address, or a number made of one, may have put it
// there).
// Storage that arrives through the analysed function's own parameters is
// trusted, as a by-value parameter's is: its caller's arguments are not
// seen (docs/codegen.md, "Escapes").
//
//   std::string Why = storageOrigin(VD->getInit(), PC, [&](const Expr *Moved) {
//     return ...; // why the storage of the glvalue Moved may be reached, or ""
//   });
//   // Why: "'make' returns its local 'r', whose address escapes on line 7"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace purecc {

class PlanContext;

/// Where the storage of what a function returns by value may come from.
struct ReturnedStorage {
  /// Why others may reach it (a remark's clause), or empty.
  std::string Kept;
  /// The parameters whose storage, or whose referent's, it may hand back:
  /// where the caller's argument's storage comes from counts as well.
  llvm::SmallVector<unsigned, 2> FromParams;
};

/// The summaries of one translation unit's functions, computed on demand
/// (PlanContext holds one).
struct ReturnedStorageCache {
  llvm::DenseMap<const clang::FunctionDecl *, ReturnedStorage> Done;
  /// The functions being summarized, outermost first: a call back into one
  /// of them is assumed to return new storage, and what is summarized under
  /// that assumption is not kept (only the outermost result holds).
  llvm::SmallVector<const clang::FunctionDecl *, 4> InProgress;
  llvm::SmallVector<bool, 4> Provisional;
};

/// The summary of FD (its definition's), cached in PC.
ReturnedStorage returnedStorage(const clang::FunctionDecl *FD, const PlanContext &PC);

/// Why the storage of the object that Value makes (an initializer, a value
/// assigned, a prvalue argument) may already be reached by others (a
/// remark's clause), or "" when it is new. Moved answers for a glvalue
/// whose storage Value takes over (`std::move(pool)`, what
/// `std::exchange(pool, {})` is given).
std::string storageOrigin(const clang::Expr *Value, const PlanContext &PC,
                          llvm::function_ref<std::string(const clang::Expr *Moved)> Moved,
                          unsigned Depth = 0);

/// Why the storage a glvalue hands over when it is moved from may already
/// be reached by others: the call whose temporary it is part of
/// (`make(n).first`, `*make(n)`), else Moved's answer.
std::string storageTakenOver(const clang::Expr *Glvalue, const PlanContext &PC,
                             llvm::function_ref<std::string(const clang::Expr *Moved)> Moved,
                             unsigned Depth = 0);

} // namespace purecc
