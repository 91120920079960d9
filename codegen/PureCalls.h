//===- PureCalls.h - does a construct call what a user expects a word about -===//
//
// The planner gives a remark for every loop and every group of sibling
// calls that stays serial, but only for those a user expects a word about:
// constructs that call a function known to be pure. This is that test:
// direct calls, calls from the body of a lambda called, calls through a
// variable holding a function, and (for loops) the standard library's own
// computations (`std::sqrt`) and pure functions named as values (handed to
// a view or an algorithm, which calls them).
//
//   if (!WhyNot.empty() && callsPure(Loop, PC.Facts, PureCalls::OrLibraryWork))
//     ... a remark with WhyNot
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/PurityChecker.h"

#include "clang/AST/Stmt.h"

namespace purecc {

/// Which calls make a construct one that a user expects a remark about.
enum class PureCalls {
  Declared,      // functions known pure (declared, verified or inferred)
  OrLibraryWork, // those, library computations (isLibraryWork), and any call
                 // through a variable: a pointer or reference to a function,
                 // a std::function (which function it reaches is the remark's
                 // subject), and a pure function named as a value (handed to
                 // a view or an algorithm, which calls it)
};

/// Whether S calls a function known to be pure or declared
/// [[purecc::associative]] (the planner's test for "a construct a user
/// expects a remark about"), also from the body of a lambda it calls and
/// through a variable holding one (`auto f = [](long i) { return heavy(i);
/// }; ... f(i)`, `double (*fp)(long) = heavy; ... fp(i)`).
bool callsPure(const clang::Stmt *S, const PurityFacts &Facts,
               PureCalls Which = PureCalls::Declared);

} // namespace purecc
