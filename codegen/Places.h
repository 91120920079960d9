//===- Places.h - accumulators that are parts of one local object ---------===//
//
// A reduction's accumulator is most often a variable of its own
// (`s += f(i)`), but statistics are as often kept in parts of one object:
//
//   st.sum += x;  ++st.n;            a member path ('.' only: no '->')
//   acc[2] += g(i);  acc[K] += e;    an element at a constant index of an
//                                    array or a 'std::array'
//   lo = std::min(lo, f(i));         a structured binding ('auto [lo, hi]')
//   st.bins[1].w += e;               any mix of these
//
// A Place names such an accumulator: the variable it starts from (for a
// binding, the hidden variable the declaration decomposes), the path from
// it, and how the merge after the loop writes it ("st.sum", "acc[2]", with
// the index's value, so that a 'constexpr' index declared in the body is
// not needed there). Each part is an object of its own, which a leaf can
// replace by a private copy as it replaces a variable, when nothing else in
// the body uses the object the part belongs to: Reductions.cpp checks that
// (partUseReason).
//
//   if (std::optional<Place> P = placeOf(Assign->getLHS(), Ctx)) ... P->Name ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "StmtDeps.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

#include <optional>
#include <string>

namespace purecc {

struct Place {
  /// The variable the path starts from; for a structured binding, the
  /// variable its declaration decomposes.
  const clang::VarDecl *Root = nullptr;
  /// The binding the path starts from, if it does.
  const clang::BindingDecl *Binding = nullptr;
  /// ".sum", "[2]", ".bins[1].w"; empty for the variable or binding itself.
  std::string Path;
  /// The place as the code after the loop writes it: "st.sum", "lo".
  std::string Name;
  /// The type of the part (the variable's own type for a whole variable).
  clang::QualType Type;

  /// A variable of its own: the accumulator every reduction knew before.
  bool isVariable() const { return !Binding && Path.empty(); }
  bool operator==(const Place &O) const {
    return Root == O.Root && Binding == O.Binding && Path == O.Path;
  }
  bool operator!=(const Place &O) const { return !(*this == O); }
};

/// The place E designates, or nullopt when it is none: a path through
/// '->', a pointer, a call, a bit-field (whose stores cut each step's value
/// to its width), a member of a union (which shares its storage), a
/// reference member or binding (another object), an unnamed member, or an
/// index that is not a constant within the array's bounds.
std::optional<Place> placeOf(const clang::Expr *E, clang::ASTContext &Ctx);

/// A container that a loop reads or writes through members: `h.v` of a
/// local or a parameter `h`, `a.b.v`, and `v` (or `this->v`) in a member
/// function. Loops over these are as common as loops over variables
/// (a struct holding a 'std::vector'); what is known of the object the
/// path starts from decides what a loop may do with them (Maps.cpp: only a
/// container of a local object is written in parallel, since a reference or
/// '*this' may be reached under other names).
struct MemberPath {
  /// The variable the path starts from; null when it starts from 'this'.
  const clang::VarDecl *Root = nullptr;
  /// ".v", ".b.v": the members from Root (or from '*this').
  std::string Path;
  /// The path as the code writes it: "h.v", "v" for an implicit 'this',
  /// "this->v".
  std::string Name;
  /// The container's type.
  clang::QualType Type;

  bool throughThis() const { return !Root; }
  /// Whether a remark's "'h.v' is a member of ..." names its root: "'h'",
  /// "'*this'".
  std::string quotedRoot() const;
};

/// The member path E is, or nullopt: members reached with '.' from a
/// variable or with '->' from 'this' (written or implicit), none of them a
/// reference (which names another object), a bit-field or a member of a
/// union; at least one member.
std::optional<MemberPath> memberPathOf(const clang::Expr *E);

/// Whether E is, through parentheses and implicit casts, the member path P
/// (the same root and the same members).
bool isMemberPath(const clang::Expr *E, const MemberPath &P);

/// Whether two member paths of one root share storage: one is the other or
/// contains it (".a" and ".a.b"; not ".a" and ".ab").
bool pathsOverlap(const std::string &A, const std::string &B);

/// Whether E reads only a part of P's root that P does not contain and that
/// does not contain P: `h.bias` beside `h.v`, `this->n` beside `v`. A
/// member that is a reference or a pointer may lead anywhere (into P's
/// elements too), so it is not apart.
bool isApartFrom(const clang::Expr *E, const MemberPath &P);

/// Whether Call is `std::get<K>(e)` of a standard pair, tuple or array: a
/// part of e, as a member is (a variant's `get` picks no fixed part). It
/// keeps e's address only in the reference it returns.
bool isPartGetter(const clang::CallExpr *Call);

/// Whether E designates exactly P.
bool isPlace(const clang::Expr *E, const Place &P, clang::ASTContext &Ctx);

/// 'float', 'double' or 'long double': the floating types whose identities
/// (`-0.0`, `std::numeric_limits<T>::infinity()`) the runtime and the
/// generated code compute. `__float128` and `_Float16` are not (strict
/// -std=c++20 gives them no numeric_limits, which then says 0 is infinity;
/// adv48 t21, t22): their reductions stay serial.
bool isStandardFloating(clang::QualType T);

/// 'std::complex<T>' with T a floating type: its '+' adds component by
/// component, so a sum of them is two floating-point sums.
bool isFloatingComplex(clang::QualType T);
/// The component type of a 'std::complex<T>' (T); T itself for any other.
clang::QualType componentType(clang::QualType T);

/// How a remark names the object a part belongs to: "'st'", or "'[lo, hi]'"
/// for the variable a structured binding declaration decomposes.
std::string quotedObject(const clang::VarDecl *Root);

/// How a remark names what E designates: a place by its path from its
/// variable ("'st.bins[1].w'", a constant index by its value: "'acc[2]'"
/// for `acc[K]`), anything else as written ("'w[i]'", "'p->x'"); Otherwise
/// when it is neither (written in a macro, or too long to quote).
std::string quotedPlace(const PlanContext &PC, const clang::Expr *E, const std::string &Otherwise);

/// Why part P, updated at Positions, is not a private accumulator of a leaf:
/// the body also uses its object other than through the accumulations
/// (Rest: the body's effects with every accumulation's position skipped),
/// the object is a reference or a volatile part, or a binding decomposes a
/// reference (which may name an object the body reads under another name).
/// Empty when it can be one.
std::string partReason(PlanContext &PC, const LoopShape &L, const Place &P,
                       llvm::ArrayRef<const clang::Expr *> Positions, const StmtDeps &Rest,
                       const llvm::SmallPtrSetImpl<const clang::Expr *> &AllPositions);

/// How the code after the loop writes P back: a variable by its name, a
/// part as the body first wrote it (First, one of its references:
/// `acc[K]`, so that a constant the index names is still used once the
/// body's references are renamed), or nullopt with Why when that text names
/// a local of the loop body, which means nothing after the loop.
std::optional<std::string> mergeTarget(PlanContext &PC, const LoopShape &L, const Place &P,
                                       const clang::Expr *First, std::string &Why);

} // namespace purecc
