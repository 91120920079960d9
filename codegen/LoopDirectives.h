//===- LoopDirectives.h - loops whose text holds preprocessor directives --===//
//
// A rewritten loop keeps the text the user wrote between its header and the
// end of its body, directives included (`#if`, `#pragma`, `#define`): the
// rewritten file, compiled under the same command line, keeps the same
// branches. That holds only while each conditional lies wholly inside the
// loop's text: a rewrite inserts its closing text at the body's end, and
// some copy the loop (the serial branch of a strided loop), so a
// conditional that begins before the loop or ends after it would be split.
//
//   if (auto Why = splitConditional(PC, L.HeaderBegin, L.HeaderEnd, L.BodyEnd))
//     WhyNot = *Why;
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "clang/AST/Stmt.h"

#include <optional>
#include <string>

namespace purecc {

/// The end of a loop body that is one expression statement whose ';' is
/// written after preprocessor directives (`s += f(i)` / `#else` / `s -= 1`
/// / `#endif` / `;`): the offset after that ';', skipping the branches not
/// compiled. None when the body is no such statement; then, when a
/// conditional begins between the expression and its ';' (whose compiled
/// branch the text alone does not tell), Why says so.
std::optional<unsigned> endPastDirectives(PlanContext &PC, const clang::Stmt *Body,
                                          std::string &Why);

/// Why the loop's text [HeaderBegin, BodyEnd) cannot be rewritten for its
/// preprocessor directives: a directive inside the header (which the
/// rewrite replaces), or a conditional that begins before the loop or ends
/// after it; none when every conditional lies wholly inside the body.
std::optional<std::string> splitConditional(PlanContext &PC, unsigned HeaderBegin,
                                            unsigned HeaderEnd, unsigned BodyEnd);

} // namespace purecc
