//===- PurityChecker.h - the verify step ----------------------------------===//
//
// Judges every function declared [[pure]] in a translation unit (and, through
// them, everything they call) and reports each violation through the
// Reporter. The verdicts it reaches are kept in PurityFacts for the later
// steps: codegen only rewrites code that was verified pure.
//
//   purecc::Reporter R(Ctx.getDiagnostics(), purecc::WarnOnly::Off);
//   purecc::PurityFacts Facts = purecc::verifyPurity(Ctx, R);
//   if (Facts.isPure(FD)) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace purecc {

enum class Verdict { Pure, Impure };

class PurityFacts {
public:
  /// True when FD was judged pure (declared or inferred).
  bool isPure(const clang::FunctionDecl *FD) const;
  /// The functions declared [[pure]] in the translation unit, in source order.
  const std::vector<const clang::FunctionDecl *> &declaredPure() const {
    return DeclaredPure;
  }
  /// Number of declared-pure functions that passed every rule.
  unsigned verifiedCount() const;

  void record(const clang::FunctionDecl *FD, Verdict V);
  void addDeclaredPure(const clang::FunctionDecl *FD) { DeclaredPure.push_back(FD); }

  /// `--dump-after=verify`: one line per judged function.
  void dump(llvm::raw_ostream &OS, const clang::ASTContext &Ctx) const;

private:
  llvm::DenseMap<const clang::FunctionDecl *, Verdict> Verdicts;
  std::vector<const clang::FunctionDecl *> DeclaredPure;
};

PurityFacts verifyPurity(clang::ASTContext &Ctx, Reporter &R);

} // namespace purecc
