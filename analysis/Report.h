//===- Report.h - the report step: errors, note chains and fix-its --------===//
//
// Turns the resolved summaries of functions that must be pure into Clang
// diagnostics (through the Reporter, so -verify, carets, ranges, fix-its and
// --warn-only work): one error per effect at the offending expression, then
// notes: why a callee is not pure, step by step down the call chain (up to
// a depth, then "and N more"), which callee made a write on our behalf,
// the default argument an effect came from, where the function was declared
// pure, and where a template was instantiated (R6).
//
//   PurityReport Rep(Ctx, R, Fix, /*ChainDepth=*/4);
//   bool Ok = Rep.reportDeclaredPure(FD);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "diagnostics/Diagnostics.h"
#include "Fixpoint.h"

#include "clang/AST/DeclCXX.h"

#include <set>
#include <string>

namespace purecc {

class PurityReport {
public:
  PurityReport(clang::ASTContext &Ctx, Reporter &R, Fixpoint &F, unsigned ChainDepth)
      : Ctx(Ctx), R(R), F(F), ChainDepth(ChainDepth) {}

  /// Reports every violation of FD, which is declared [[pure]]; returns
  /// true when there is none.
  bool reportDeclaredPure(const clang::FunctionDecl *FD);
  /// FD would pass every rule if it were declared [[pure]] (nothing reported).
  bool wouldPass(const clang::FunctionDecl *FD);
  /// R5: Override overrides PureBase, which is [[pure]], without being so.
  void reportOverride(const clang::CXXMethodDecl *Override,
                      const clang::CXXMethodDecl *PureBase);

  /// For a lambda's call operator or a local class's member function
  /// instantiated with its enclosing template (a function template, a
  /// generic lambda, a member of a class template): the declaration the
  /// user wrote, shared by all its instances; otherwise null. The instances
  /// are judged one by one (each body may depend on the template's
  /// arguments), but an error one of them would repeat word for word is
  /// reported once.
  static const clang::FunctionDecl *sharedSource(const clang::FunctionDecl *FD);

  /// How a function is named in messages: 'f', 'S::g', 'apply<Bad>',
  /// 'lambda at line 3'.
  std::string name(const clang::FunctionDecl *FD) const;
  /// E, found in S, makes a function declared [[pure]] fail.
  bool blocks(const Summary &S, const Effect &E) const;
  /// Completes "'g' is not pure because it ..." for an absolute effect.
  std::string phrase(const Effect &E) const;

private:
  void error(const Effect &E, const Summary &S, const std::string &Fn);
  void explain(const clang::FunctionDecl *Callee);
  /// Reports D, whose message takes (function, selector, subject): the
  /// subject is the effect's declaration, or empty when it has none.
  void reportWithSubject(const Effect &E, Diag D, const std::string &Fn, unsigned Sel);
  /// The effect that best explains why FD is impure, skipping Visited.
  const Effect *cause(const clang::FunctionDecl *FD,
                      const std::set<const clang::FunctionDecl *> &Visited);
  void instantiationNote(const clang::FunctionDecl *FD);

  /// Whether E, found in an instance of Source, was reported already for
  /// another instance (records it otherwise).
  bool reportedBefore(const clang::FunctionDecl *Source, const Effect &E);

  clang::ASTContext &Ctx;
  Reporter &R;
  Fixpoint &F;
  unsigned ChainDepth;
  /// sharedSource and what was reported for it (reportedBefore).
  std::set<std::pair<const clang::FunctionDecl *, std::string>> Reported;
};

} // namespace purecc
