//===- LiveEscapes.cpp - can an escaped address be used while calls run? --===//
#include "LiveEscapes.h"
#include "JumpTargets.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

#include <functional>

using namespace clang;

namespace purecc {

LiveEscapes::LiveEscapes(PlanContext &PC, const FunctionDecl *FD)
    : PC(PC), FD(FD), Sites(FD ? findEscapes(FD, PC) : EscapeSites()) {
  if (!FD)
    return;
  std::function<bool(const Stmt *)> Jumps = [&](const Stmt *S) {
    if (!S)
      return false;
    if (isa<GotoStmt, IndirectGotoStmt>(S) || isSetjmp(S))
      return true;
    for (const Stmt *Child : S->children())
      if (Jumps(Child))
        return true;
    return false;
  };
  HasJumps = Jumps(FD->getBody());
}

std::optional<LiveEscape>
LiveEscapes::liveEscape(const VarDecl *VD, const Stmt *Where) const {
  auto It = Sites.Sites.find(VD);
  if (It == Sites.Sites.end() || It->second.empty())
    return std::nullopt;
  const Stmt *First = It->second.front();
  // A variable of an enclosing function (a lambda's capture) outlives calls
  // of this one: an escape in an earlier call counts.
  if (VD->getParentFunctionOrMethod() != FD)
    return LiveEscape{First, LiveBecause::OfEnclosingFunction};
  if (HasJumps)
    return LiveEscape{First, LiveBecause::FunctionHasGoto};
  const SourceManager &SM = PC.SM;
  SourceLocation End = SM.getExpansionLoc(Where->getEndLoc());
  // The loops around Where: an escape anywhere in one happened in an
  // earlier iteration.
  std::vector<SourceRange> Loops;
  const Stmt *Child = Where;
  while (true) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Child);
    const Stmt *Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!Parent)
      break;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Parent))
      Loops.push_back(SourceRange(SM.getExpansionLoc(Parent->getBeginLoc()),
                                  SM.getExpansionLoc(Parent->getEndLoc())));
    Child = Parent;
  }
  for (const Stmt *Site : It->second) {
    SourceLocation At = SM.getExpansionLoc(Site->getBeginLoc());
    if (At.isInvalid() || !SM.isBeforeInTranslationUnit(End, At))
      return LiveEscape{Site, LiveBecause::EscapesBefore};
    for (SourceRange L : Loops)
      if (!SM.isBeforeInTranslationUnit(At, L.getBegin()) &&
          !SM.isBeforeInTranslationUnit(L.getEnd(), At))
        return LiveEscape{Site, LiveBecause::EscapesInLoopAround};
  }
  return std::nullopt;
}

std::string LiveEscapes::reason(const VarDecl *VD, const LiveEscape &E) const {
  const SourceManager &SM = PC.SM;
  std::string Line =
      "line " + std::to_string(SM.getPresumedLineNumber(SM.getExpansionLoc(E.Site->getBeginLoc())));
  std::string Address = "the address of " + quoted(VD) + " escapes ";
  switch (E.Because) {
  case LiveBecause::EscapesBefore:
    return Address + "before them (" + Line + ")";
  case LiveBecause::EscapesInLoopAround:
    return Address + "inside a loop around them (" + Line + ")";
  case LiveBecause::FunctionHasGoto:
    return Address + "(" + Line + ") in a function with 'goto' or 'setjmp'";
  case LiveBecause::OfEnclosingFunction:
    return Address + "in the function around the lambda (" + Line + ")";
  }
  return Address;
}

void LiveEscapes::addHeldReads(const Stmt *S, llvm::SmallPtrSetImpl<const VarDecl *> &Reads) const {
  addBindingReads(S, Reads);
  for (const auto &[H, Held] : Sites.Holds)
    if (Reads.contains(H))
      Reads.insert(Held.begin(), Held.end());
}

} // namespace purecc
