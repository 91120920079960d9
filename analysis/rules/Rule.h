//===- Rule.h - what a purity rule sees while a body is walked ------------===//
//
// The find step walks each function body once (Collector.cpp) and shows
// every statement, including the implicit ones (default arguments, member
// initializers, destructors of locals and temporaries), to every rule that
// looks at statements of its class (Rule::inspects). A
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
#include "clang/AST/StmtVisitor.h" // every statement class, complete

#include <bitset>
#include <memory>
#include <type_traits>

namespace purecc {

/// A set of statement classes, named as isa<> names them: of<CallExpr>()
/// holds CallExpr and every class derived from it (CXXMemberCallExpr,
/// CXXOperatorCallExpr, ...).
class StmtClasses {
public:
  static constexpr unsigned Count = clang::Stmt::lastStmtConstant + 1;

  template <class... T> static StmtClasses of() {
    StmtClasses Out;
    for (unsigned C = 0; C < Count; ++C)
      if ((derives<T>(clang::Stmt::StmtClass(C)) || ...))
        Out.Bits.set(C);
    return Out;
  }
  bool contains(clang::Stmt::StmtClass C) const { return Bits.test(C); }

private:
  /// Whether the concrete class C is T or derived from T.
  template <class T> static bool derives(clang::Stmt::StmtClass C);
  std::bitset<Count> Bits;
};

template <class T> bool StmtClasses::derives(clang::Stmt::StmtClass C) {
  using namespace clang;
  switch (C) {
#define ABSTRACT_STMT(S)
#define STMT(CLASS, PARENT)                                                    \
  case Stmt::CLASS##Class:                                                     \
    return std::is_base_of_v<T, CLASS>;
#include "clang/AST/StmtNodes.inc"
  default:
    return false;
  }
}

/// The statements Locality::writes can find a write in (keep the two in
/// step): the classes the three write rules inspect.
inline StmtClasses writingStatements() {
  using namespace clang;
  return StmtClasses::of<BinaryOperator, UnaryOperator, CXXNewExpr, CallExpr, CXXConstructExpr,
                         CXXDeleteExpr>();
}

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
    if (PassedTo) {
      E.IfCalledBy = PassedTo;
      E.IfCalledIndex = PassedIndex;
    }
    S.Effects.push_back(std::move(E));
  }

  /// The walker is inside the default argument that this use supplies.
  const clang::CXXDefaultArgExpr *DefaultArg = nullptr;
  /// The effects being recorded are those of a function passed to
  /// PassedTo for its parameter PassedIndex (Effect::IfCalledBy).
  const clang::FunctionDecl *PassedTo = nullptr;
  unsigned PassedIndex = 0;

private:
  Locality &L;
  Summary &S;
};

class Rule {
public:
  virtual ~Rule() = default;
  /// Called once per function before its body: declaration-level checks.
  virtual void inspectFunction(RuleContext &) {}
  /// The classes of the statements inspectStmt can find an effect in.
  /// Most statements are of a class that only one or two rules look at:
  /// the walker (Collector.cpp) shows each statement only to the rules
  /// that name its class, instead of every statement to every rule.
  virtual StmtClasses inspects() const = 0;
  /// Called for every statement and expression that runs in the body and
  /// is of a class inspects() names.
  virtual void inspectStmt(const clang::Stmt *S, RuleContext &C) = 0;
};

} // namespace purecc
