//===- LookupShield.h - the program's calls keep their callee -------------===//
//
// The rewritten file includes the runtime's header, and with it standard
// headers the program may not include (<tuple>, <functional>, <algorithm>,
// <variant>, ...). An unqualified call whose arguments are of the standard
// library's types looks in namespace std too (argument-dependent lookup),
// and finds there every function of its name the compiler has seen so far:
//
//   void apply(std::vector<int> &v, const std::vector<int> &w);
//   apply(v, v);   // after <tuple>: std::apply(F &&, Tuple &&) is the better match
//
// (adv90 F1: the rewritten program did not compile; a call whose new
// callee did compile would have run other code). So while the runtime is
// included, each such call in the main file is qualified with the
// namespace of the function it calls, `::apply(v, v)`: a qualified name
// is looked up where it says, not in the arguments' namespaces, and among
// the overloads found there the one the program called is still the best,
// as it was among more.
//
// A template's text writes one call per instantiation (a call that
// depends on the template's parameters is resolved in each): it is
// qualified when every one names the same function, declared at namespace
// scope before each (adv91 F3). Not qualified, and so still exposed: a
// text whose calls name different functions, a macro's text (it may be
// stringized, or name a member elsewhere: adv92 F5, F6), a hidden friend
// (found only through its class, so no qualified name reaches it),
// operators. When such a call's name is one a standard template could
// take (`apply`, `invoke`, `swap`, `begin`...), the unit is compiled as
// written (Plan::ExposedCall, purecc-runtime-lookup). A function declared
// in a block needs nothing: the call looks nowhere else (and `::f` would
// not find it: adv91 F4). Copies of a qualified call that a transformation
// makes are qualified too (PlanContext::textAt).
//
//   shieldLookups(Ctx, P);   // the plan step's first, beside collectAttributes
//   ... P.Qualifications: one Edit per call, the callee's name -> `::ns::name`
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Plan.h"

#include "clang/AST/ASTContext.h"

namespace purecc {

/// Adds to P.Qualifications, in file order, the edit that qualifies each
/// call of the main file described above (applied only when the runtime is
/// included: applyPlan).
void shieldLookups(clang::ASTContext &Ctx, Plan &P);

} // namespace purecc
