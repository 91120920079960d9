//===- ApartCalls.h - never silent about pure calls that are no siblings --===//
//
// Pure calls worth a task that purecc cannot run side by side because they
// are not siblings get a purecc-missed-parallel-calls remark saying when
// the serial program makes each:
//
//  * a call on one side of '&&', '||' or '?:' beside one made always
//    ("'g(b)' is evaluated only when 'a > 0' is false");
//  * calls in different member initializers of a constructor, each a
//    full-expression of its own with no statement before it;
//  * calls in the initializer of a variable of static or thread storage,
//    which runs during static initialization, under a one-time guard or on
//    a thread's first use, where purecc starts no tasks.
//
//   remarkOneSided(Tasks, Region);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallTasks.h"

#include "clang/AST/DeclCXX.h"

namespace purecc {

/// A remark for each pure call of Region evaluated only on one side of a
/// '&&', '||' or '?:' where another pure call is evaluated always.
void remarkOneSided(CallTasks &Tasks, const clang::Expr *Region);

/// A remark about calls in different member initializers of Ctor.
void remarkMemberInitializers(CallTasks &Tasks, const clang::CXXConstructorDecl *Ctor);

/// A remark about sibling calls in the initializer of VD, a variable of
/// static or thread storage.
void remarkStaticInitializer(CallTasks &Tasks, const clang::VarDecl *VD);

/// A remark about sibling calls in the default argument of P: each call
/// that leaves the argument out evaluates it where the call is, and purecc
/// rewrites function bodies, not default arguments (adv56 t12).
void remarkDefaultArgument(CallTasks &Tasks, const clang::ParmVarDecl *P);

} // namespace purecc
