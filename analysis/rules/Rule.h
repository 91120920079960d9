//===- Rule.h - what a purity rule sees while a body is walked ------------===//
//
// The find step walks each function body once (Collector.cpp) and shows
// every statement, including the implicit ones (default arguments, member
// initializers, destructors of locals and temporaries), to every rule. A
// rule records Effects into the function's Summary; it never reports: the
// report step (Report.cpp) decides what the effects mean for a declared-pure
// function and how to explain them.
//
// Each rule lives in its own file pair in analysis/rules/ and exposes one
// entry point, a factory:  std::unique_ptr<Rule> makeGlobalWriteRule();
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/Effects.h"
#include "analysis/Locality.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

#include <memory>

namespace purecc {

/// The function being summarized, as the rules see it.
class RuleContext {
public:
  RuleContext(Locality &L, Summary &S) : L(L), S(S) {}

  clang::ASTContext &ast() const { return L.ast(); }
  const clang::FunctionDecl *function() const { return L.function(); }
  Locality &locality() const { return L; }
  const clang::SourceManager &sourceManager() const {
    return L.ast().getSourceManager();
  }

  /// Adds an effect to the summary, tagged with the default argument being
  /// walked, if any.
  void record(Effect E) {
    if (DefaultArg) {
      E.DefaultArgOf = DefaultArg->getParam();
      E.DefaultArgUse = DefaultArg->getUsedLocation();
    }
    S.Effects.push_back(std::move(E));
  }

  /// The walker is inside the default argument that this use supplies.
  const clang::CXXDefaultArgExpr *DefaultArg = nullptr;

private:
  Locality &L;
  Summary &S;
};

class Rule {
public:
  virtual ~Rule() = default;
  /// Called once per function before its body: declaration-level checks.
  virtual void inspectFunction(RuleContext &) {}
  /// Called for every statement and expression that runs in the body,
  /// except literals, parentheses and compound statements (Collector.cpp:
  /// isInert), which hold no effect of their own.
  virtual void inspectStmt(const clang::Stmt *S, RuleContext &C) = 0;
};

} // namespace purecc
