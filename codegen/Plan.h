//===- Plan.h - what codegen will change, decided before changing it ------===//
//
// The plan step looks at verified-pure code and decides which rewrites to
// apply; the rewrite step applies them. Keeping the two apart means the plan
// can be dumped (`--dump-after=plan`), remarked on (`--remarks`) and tested
// without touching any text.
//
//   purecc::Plan P = purecc::planRewrites(Ctx, Facts, R, Config);
//   std::string Out = purecc::applyPlan(Ctx, P);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/Diagnostics.h"
#include "analysis/PurityChecker.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace purecc {

/// A purecc attribute written in the main file, to be turned into a comment
/// in the output (compilers would warn about it otherwise).
struct AttributeToHide {
  clang::SourceRange Range; // the whole [[...]] specifier
};

struct Plan {
  std::vector<AttributeToHide> Attributes;
};

struct PlanConfig {
  bool ShowRemarks = false;
  bool ReassociateFloatingPoint = true;
};

Plan planRewrites(clang::ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
                  const PlanConfig &Config);

/// `--dump-after=plan`: one line per planned change.
void dumpPlan(const Plan &P, const clang::ASTContext &Ctx, llvm::raw_ostream &OS);

/// Applies the plan to the main file and returns the new text.
std::string applyPlan(clang::ASTContext &Ctx, const Plan &P);

} // namespace purecc
