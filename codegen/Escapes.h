//===- Escapes.h - where a local's address leaves the function's control --===//
//
// A local whose address escapes (&x, x.data(), binding to a non-const
// reference, capture by reference, an array decaying to a pointer) might be
// written or read through memory codegen cannot name, so no parallel loop
// may write it or accumulate into it. But an address can only be used once
// it has escaped: an escape after a loop, that no enclosing loop brings
// around again, cannot touch anything while the loop runs
// (`words[i] = tag(i);` and only then `std::sort(words.begin(), ...)`).
//
// An address kept in a local is no escape, but that local then reaches the
// other one: a view (`std::span<int> s(v)`, `std::string_view`, a ranges
// view), an iterator (`v.begin()`), a pointer (`&v[0]`, `v.data() + 1`), a
// reference, a lambda capturing by reference, a `std::reference_wrapper`,
// an aggregate with a reference or pointer member (`Holder h{v}`), and any
// local built from those. Reading such a holder reads the local it holds.
// Every use of a local (or of a holder) is followed outwards until the
// value can no longer carry an address (AddressTypes.h: a read of an `int` element, a copy
// into a `std::vector<int>`); a use that is not understood is an escape.
//
// Storage that moves between objects carries its escapes along: after
// `p = pool.data()`, each of `next.swap(pool)`, `std::swap(next, pool)`,
// `next = std::move(pool)`, `next = std::exchange(pool, {})` and
// `next = T(std::move(pool))` is an escape site of `next` as well (p now
// points into next's elements; adv45 t04-t06). Storage nobody else reaches
// moves without an escape: `a[y] = std::move(row)` of a row built in the
// loop body (user46 k04). StorageTrades.h turns the trades into sites.
//
//   EscapeSites Sites = findEscapes(FD, PC);
//   auto Escaped = Sites.during(Loop, PC);   // what escapes before Loop ends
//   if (const VarDecl *H = Sites.holderAmong(V, Reads)) ... // V read through H
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace purecc {

struct EscapeSites {
  /// Each escaping local with the expressions where its address escapes.
  llvm::MapVector<const clang::VarDecl *, llvm::SmallVector<const clang::Stmt *, 2>> Sites;
  /// Each local (or reference) whose value may lead into the storage of
  /// other locals, with those locals (see the file comment).
  llvm::MapVector<const clang::VarDecl *, llvm::SmallPtrSet<const clang::VarDecl *, 2>> Holds;
  /// The sites where an address is kept only by a reference local
  /// (`auto &e = t[0];`), with the statement the reference lives in: the
  /// address can be used through it only while that statement runs (an
  /// escape of the reference itself is a site of its own).
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> LiveIn;
  /// The sites that count for the whole function, also when LiveIn has them.
  llvm::SmallPtrSet<const clang::Stmt *, 8> Lasting;
  /// Sites that stay escapes when they are also where storage is traded: a
  /// generic lambda's call that may keep an address and takes an argument's
  /// storage (`[](auto &v) { gp = &v[9]; }`, adv52 t17: the trade dropped
  /// the escape and the loop after it became a map).
  llvm::SmallPtrSet<const clang::Stmt *, 2> Firm;
  /// Sites whose reason is not in their text, with the remark's clause
  /// that says it ("where it is made, on line 12: ..."): a local's
  /// declaration when its allocator or its class's constructor gives its
  /// storage away (MadeReachable.h), a declaration or an assignment that
  /// gives a local storage others may reach (ReturnedStorage.h).
  /// Keyed by the local and the site: one site may be where several
  /// locals escape, each for its own reason (`Guard g{hist, &p};`).
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::Stmt *>, std::string> Because;
  /// The function has labels: a `goto` may run code after a loop before it.
  bool HasLabels = false;
  /// Storage that moves from one object into another (`a = std::move(b)`,
  /// `a.swap(b)`, `a = std::exchange(b, {})`): To escapes at Site when
  /// From may be reached other than through itself (From null: an object
  /// no local names, reached by anyone).
  struct Trade {
    const clang::VarDecl *To;
    const clang::VarDecl *From;
    const clang::Stmt *Site;
  };
  std::vector<Trade> Trades;
  /// Storage that moved into an object no local names (an aggregate's
  /// member, a parameter, a value returned, a std::pair): it may come back
  /// into any local of its type through code not followed (adv48 t10,
  /// t11, t19). From escapes or is held: every local of its class in
  /// Owners escapes at Site. (To is null.)
  std::vector<Trade> Lost;
  /// The locals of a class that may own storage.
  std::vector<const clang::VarDecl *> Owners;
  /// The locals that may own storage a caller gave up, each with the
  /// parameter it came from: a by-value parameter itself, and a local that
  /// took over the storage of a by-value or rvalue-reference parameter
  /// (`auto w = std::move(v);`, `w = std::move(v);`, `w.swap(v);`), directly
  /// or through another such local. Giving an object up does not give up
  /// the pointers into its storage the caller kept (`g_kept = g.data();
  /// fill(std::move(g));`), which the function does not see (Maps.cpp).
  llvm::MapVector<const clang::VarDecl *, const clang::ParmVarDecl *> CallerStorage;
  /// The body of the function the sites are for. A lambda's body is
  /// analysed with the functions around it: a local of theirs may have
  /// escaped, or be held, anywhere there, before the lambda is called.
  const clang::Stmt *Body = nullptr;

  /// A variable of Reads, other than V, through which V may be reached
  /// (null when none). Holders are found wherever they are made: a holder
  /// assigned after a loop may still be read by an enclosing loop's next
  /// round.
  const clang::VarDecl *
  holderAmong(const clang::VarDecl *V,
              const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Reads) const;

  /// Every escaping local, wherever it escapes.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> all() const;
  /// The locals whose address may be used while Loop runs: an escape
  /// before Loop's end, or inside a loop around Loop (its next iteration
  /// runs Loop again), or anywhere in a function with labels; an address
  /// kept by a reference local counts only where Loop is in its scope.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> during(const clang::Stmt *Loop,
                                                      const PlanContext &PC) const;
  /// The sites where V's address escapes that `during` counts for Loop
  /// (for naming them in a remark).
  llvm::SmallVector<const clang::Stmt *, 2> sitesDuring(const clang::VarDecl *V,
                                                         const clang::Stmt *Loop,
                                                         const PlanContext &PC) const;
};

/// Adds to Reads the variable each structured binding read in Body belongs
/// to (`auto [a, b] = t;`: reading `a` reads `t`).
void addBindingReads(const clang::Stmt *Body, llvm::SmallPtrSetImpl<const clang::VarDecl *> &Reads);

/// A remark's reason for a loop body that reaches V through holder H:
/// `'u' is read inside the loop body (through 'sp', declared on line 44)`
/// (a structured binding is named by its bindings).
std::string readThroughReason(const clang::VarDecl *V, const clang::VarDecl *H);

/// The escape sites of the locals of FD's body; with Lent, also of that
/// reference parameter of FD's, analysed as a local whose storage the
/// caller lends for the call (KeptParameters.h).
EscapeSites findEscapes(const clang::FunctionDecl *FD, const PlanContext &PC,
                        const clang::ParmVarDecl *Lent = nullptr);

} // namespace purecc
