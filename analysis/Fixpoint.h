//===- Fixpoint.h - R7: combining summaries over the call graph -----------===//
//
// A function is impure if it has an absolute effect itself, calls an impure
// function, or calls a function whose writes to its object or parameters
// land, at that call site, on memory the caller does not own. Recursion and
// mutual recursion are solved per strongly connected component of the call
// graph (Tarjan, discovered lazily from the summaries), starting from
// "pure" and iterating until nothing changes: the least fixpoint, so a
// recursion is pure unless something in the cycle is not. Termination is
// not checked; throwing is allowed.
//
//   Fixpoint F(Collector);
//   const Summary &S = F.resolve(FD);   // S.Resolved, S.Impure
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Collector.h"

#include "llvm/ADT/DenseMap.h"

#include <vector>

namespace purecc {

/// Whether FD's body in this translation unit is the code that runs: it
/// has one, and it is not a weak definition (`__attribute__((weak))`, a
/// hook a library lets the program replace), which a strong definition in
/// another file takes over at link time (adv87 F13: a weak `scale_hook`
/// returning its argument was judged pure, and the program's replacement
/// wrote a global). A function it is not is judged as one without a body.
bool judgedByBody(const clang::FunctionDecl *FD);

/// Whether FD is a weak definition another may replace at link time.
bool replaceableAtLinkTime(const clang::FunctionDecl *FD);

class Fixpoint {
public:
  explicit Fixpoint(Collector &C) : C(C) {}

  /// FD's summary with Resolved filled in (and that of everything it calls).
  Summary &resolve(const clang::FunctionDecl *FD);

  /// Strongly pure: no effect at all once resolved (what codegen and
  /// --suggest need).
  static bool isClean(const Summary &S);

private:
  struct NodeState {
    unsigned Index, Low;
    bool OnStack;
  };
  void connect(Summary &S);
  void solve(const std::vector<Summary *> &Component);
  std::vector<Effect> resolveOne(const Summary &S);

  Collector &C;
  llvm::DenseMap<const Summary *, NodeState> Nodes;
  std::vector<Summary *> Stack;
  unsigned NextIndex = 0;
};

} // namespace purecc
