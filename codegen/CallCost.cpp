//===- CallCost.cpp - is a call worth a parallel task? ---------------------===//
#include "CallCost.h"

#include "BodyWalk.h"

#include "analysis/FixedCallee.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

using namespace clang;

namespace purecc {
namespace {

/// Standard algorithms whose work grows with the range they are given: the
/// library model's algorithm column (analysis/Stdlib.h), but for the binary
/// searches, which take log n steps.
bool isRangeAlgorithm(const FunctionDecl *FD) {
  AlgorithmShape Shape = algorithmShape(FD);
  return Shape != AlgorithmShape::None && Shape != AlgorithmShape::Search;
}

/// What one body does by itself.
struct Body {
  bool Loops = false;   // a loop, an opaque user callee, or a range algorithm
  std::vector<const FunctionDecl *> Callees; // user functions with visible bodies
};

class BodyScan : public RecursiveASTVisitor<BodyScan> {
public:
  BodyScan(const SourceManager &SM, Body &Out) : SM(SM), Out(Out) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitForStmt(ForStmt *) { return loop(); }
  bool VisitWhileStmt(WhileStmt *) { return loop(); }
  bool VisitDoStmt(DoStmt *D) { return isRepeatingLoop(D) ? loop() : true; }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *) { return loop(); }
  bool VisitGotoStmt(GotoStmt *) { return loop(); } // may jump back
  bool VisitCallExpr(CallExpr *CE) {
    // A pointer that holds one of known functions runs any of them.
    llvm::SmallVector<const FunctionDecl *, 2> Reached = reachedFunctions(CE);
    if (Reached.empty())
      return loop(); // through another pointer: unknown
    for (const FunctionDecl *FD : Reached)
      if (!callee(FD))
        return false;
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return callee(E->getConstructor()); }

private:
  bool loop() {
    Out.Loops = true;
    return false;
  }
  bool callee(const FunctionDecl *FD) {
    if (FD->getBuiltinID())
      return true;
    if (isImplementationHeader(FD->getLocation(), SM) || FD->isInStdNamespace())
      return isRangeAlgorithm(FD) ? loop() : true;
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def) || !Def)
      return FD->isDefaulted() ? true : loop(); // defined elsewhere: unknown cost
    Out.Callees.push_back(Def);
    return true;
  }

  const SourceManager &SM;
  Body &Out;
};

} // namespace

namespace {

/// The calls in the operands of a call (its arguments and object), outside
/// lambda bodies: a task that makes the call evaluates them first.
class OperandCalls : public RecursiveASTVisitor<OperandCalls> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; } // runs where its callee says
  bool VisitCallExpr(CallExpr *CE) {
    Found.push_back(CE);
    return true;
  }
  std::vector<const CallExpr *> Found;
};

} // namespace

bool CallCost::worthACall(const CallExpr *CE) {
  if (auto It = KnownCalls.find(CE); It != KnownCalls.end())
    return It->second;
  bool Worth = worthForItself(CE) || worthForOperands(CE);
  KnownCalls[CE] = Worth;
  return Worth;
}

bool CallCost::worthForItself(const CallExpr *CE) {
  return llvm::all_of(reachedFunctions(CE),
                      [&](const FunctionDecl *FD) { return worthATask(FD); });
}

bool CallCost::worthForOperands(const CallExpr *CE) {
  // `add(fib(27), 1)`: the task runs the recursion of its argument (adv44
  // t03), so the call is worth one if a call of a user's function in its
  // operands is. (A library algorithm there, `at(std::min_element(...))`,
  // is parallel on its own: the call around it stays out of a task.)
  OperandCalls Inside;
  for (const Stmt *Child : CE->children())
    if (Child != CE->getCallee())
      Inside.TraverseStmt(const_cast<Stmt *>(Child));
  const SourceManager &SM = Ctx.getSourceManager();
  return llvm::any_of(Inside.Found, [&](const CallExpr *Arg) {
    const FunctionDecl *FD = Arg->getDirectCallee();
    return FD && !FD->isInStdNamespace() && !isImplementationHeader(FD->getLocation(), SM) &&
           worthATask(FD);
  });
}

bool CallCost::worthATask(const FunctionDecl *FD) {
  const FunctionDecl *Root = nullptr;
  if (!FD || !FD->hasBody(Root) || !Root)
    return true; // unknown cost: the benefit of the doubt
  if (auto It = Known.find(Root); It != Known.end())
    return It->second;
  // The user functions reachable through visible bodies.
  llvm::DenseMap<const FunctionDecl *, Body> Graph;
  std::vector<const FunctionDecl *> Work{Root};
  bool Loops = false;
  while (!Work.empty() && !Loops) {
    const FunctionDecl *F = Work.back();
    Work.pop_back();
    if (Graph.count(F))
      continue;
    Body B;
    BodyScan(Ctx.getSourceManager(), B).TraverseDecl(const_cast<FunctionDecl *>(F));
    Loops |= B.Loops;
    for (const FunctionDecl *C : B.Callees)
      Work.push_back(C);
    Graph.try_emplace(F, std::move(B));
  }
  // Recursion: a cycle in that graph (depth-first search, colours).
  bool Recursion = false;
  if (!Loops) {
    enum Colour { White, Grey, Black };
    llvm::DenseMap<const FunctionDecl *, Colour> C;
    std::vector<std::pair<const FunctionDecl *, size_t>> Stack{{Root, 0}};
    C[Root] = Grey;
    while (!Stack.empty() && !Recursion) {
      auto &[F, Next] = Stack.back();
      const std::vector<const FunctionDecl *> &Callees = Graph[F].Callees;
      if (Next == Callees.size()) {
        C[F] = Black;
        Stack.pop_back();
        continue;
      }
      const FunctionDecl *Callee = Callees[Next++];
      Colour &K = C[Callee];
      if (K == Grey)
        Recursion = true;
      else if (K == White) {
        K = Grey;
        Stack.push_back({Callee, 0});
      }
    }
  }
  return Known[Root] = Loops || Recursion;
}

} // namespace purecc
