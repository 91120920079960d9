//===- MapMembers.h - maps over a container reached through members -------===//
//
// `h.v[i] = heavy(i) + h.bias`, `for (long &x : h.v)`, `o.b.v[i]`, `f.a[i]`:
// a map may store into a container that is a member of a local object
// (Places.h's memberPathOf names the path). Only a local object's member is
// one that no other name reaches while the loop runs; a member of '*this',
// of a reference or of a global may be what the loop reads under another
// name. A read of another member of the object (`h.bias`) lies apart from
// the containers written and reads none of their elements, and so does a
// read of an element of another member container of arithmetic elements
// (`p.vx[i] = force(p.x[i])`, a struct of arrays).
//
//   if (!describeMember(S, *Path)) ... S.Refusal says why
//   collectApartReads(PC, L.Body, Root, Paths, Skip);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "MapStores.h"
#include "Places.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <vector>

namespace purecc {

/// Makes S a store into the member container P. Only a container of a
/// local object is one that no other name reaches while the loop runs:
/// through a reference or 'this' (or of a global), the loop may read the
/// same object under another name (`Grid &a, Grid &b` may be one). False
/// when S is refused (Refusal says why).
bool describeMember(Store &S, const MemberPath &P);

/// Adds to Skip the reads in S of members of Root that lie apart from
/// every path in Paths (the containers the loop writes): `h.bias`, whose
/// value no iteration's store changes. Not in lambdas, whose captures are
/// judged on their own. With Indexes, also the reads of elements of
/// apart member containers of arithmetic elements (`p.x[i]` beside stores
/// into `p.vx`), whose indexes, code like any other, go to Indexes.
void collectApartReads(PlanContext &PC, const clang::Stmt *S, const clang::VarDecl *Root,
                       llvm::ArrayRef<MemberPath> Paths,
                       llvm::SmallPtrSetImpl<const clang::Expr *> &Skip,
                       std::vector<const clang::Expr *> *Indexes = nullptr);

} // namespace purecc
