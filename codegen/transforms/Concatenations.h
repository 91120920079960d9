//===- Concatenations.h - concatenation: appends in loop order --------------===//
//
// A loop that only appends to a std::string or std::vector declared outside
// it, in the loop's order,
//
//   s += piece(i);   s.append(...);   s.push_back(c);   s = s + piece(i);
//   v.push_back(f(i));   v.emplace_back(a, b);   v.insert(v.end(), first, last);
//   t = t + piece(i) + ",";   x.append(a).append(b);   (one step, two pieces)
//   acc.s += piece(i);   parts[1] += p;   (a part of a local object, Places.h,
//                                         or an element of a vector)
//
// builds the concatenation of what each iteration appends. Concatenation is
// associative but not commutative, and the runtime's tree keeps operand
// order (reduce.h), so the loop becomes one parallel_reduce: each leaf runs
// the unchanged body on an empty private accumulator, the combine appends
// the right partial to the left one, and the result is appended to the
// user's accumulator once (which keeps what it held before the loop). It
// is only the same as the loop when the accumulator is a local variable,
// or a part of one whose object the body touches only through those
// appends (no `s.size()`, no `s += s`, no `acc.n` beside `acc.s`), the
// merge indexes a vector's element only when there is something to append
// (the serial loop indexes it only then), the appended values are built by pure code (a vector's element
// type is trivially copyable or a standard type: its copy runs inside
// push_back), and nothing else outside the body is written.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Reductions.h"

namespace purecc {

/// Plans loop L as a concatenation; on refusal WhyNot says why.
/// NotThisKind when the body appends to no string or vector from outside.
LoopOutcome planConcatenation(PlanContext &PC, const LoopShape &L,
                              const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                              std::string &WhyNot);

} // namespace purecc
