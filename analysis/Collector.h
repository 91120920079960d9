//===- Collector.h - the find step: one walk per function, memoized -------===//
//
// Summarizes a function on first request: shows its declaration and every
// statement that runs in it, including implicit ones, to every rule
// (analysis/rules/), and keeps the effects they record. Summaries are made
// lazily, only for functions reachable from those that must be pure, so
// purecc never walks code nobody asked about (and never libstdc++'s
// bodies: library calls are judged by the table).
//
//   Collector C(Ctx);
//   const Summary &S = C.summary(FD);   // S.Effects
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Effects.h"
#include "rules/Rule.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <array>
#include <memory>
#include <vector>

namespace purecc {

class Collector {
public:
  explicit Collector(clang::ASTContext &Ctx);
  ~Collector();

  /// The find-step summary of FD (its definition if it has one).
  Summary &summary(const clang::FunctionDecl *FD);
  /// Where a reference/pointer returned by FD points (Unknown while FD is
  /// being summarized, or without a body).
  Prov returns(const clang::FunctionDecl *FD);
  clang::ASTContext &ast() const { return Ctx; }

  /// Every summary made so far.
  const llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Summary>> &
  all() const { return Summaries; }

private:
  void collect(Summary &S);
  void walk(const clang::Stmt *S, RuleContext &RC, Summary &Sum, Locality &L);

  clang::ASTContext &Ctx;
  /// Pointer members judged for ownership, once per translation unit.
  OwningMembers Owning{Ctx};
  std::vector<std::unique_ptr<Rule>> Rules;
  /// The rules that inspect statements of each class (Rule::inspects).
  std::array<llvm::SmallVector<Rule *, 4>, StmtClasses::Count> RulesFor;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Summary>> Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

} // namespace purecc
