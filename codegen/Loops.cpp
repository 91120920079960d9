//===- Loops.cpp - counted loops and range-for loops over random access ---===//
#include "Loops.h"
#include "analysis/Unevaluated.h"
#include "NoReturn.h"
#include "OperationCount.h"
#include "CountedLoops.h"
#include "IotaLoops.h"
#include "LoopBodies.h"
#include "RangeLoops.h"
#include "TripCounts.h"
#include "BodyWalk.h"
#include "Escapes.h"
#include "LoopDirectives.h"
#include "LoopMacros.h"
#include "PreprocessorRecord.h"
#include "Speculation.h"
#include "WhatMayThrow.h"
#include "analysis/FixedCallee.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/MayThrow.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace purecc {

std::string trimBeforeSpace(PlanContext &PC, std::string Head, unsigned Off) {
  std::string Next = PC.textAt(Off, Off + 1);
  if (!Next.empty() && isspace(static_cast<unsigned char>(Next[0])))
    while (!Head.empty() && Head.back() == ' ')
      Head.pop_back();
  return Head;
}

std::string asInt64(PlanContext &PC, const Expr *E, const std::string &Text) {
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (T->isSignedIntegerType() && PC.Ctx.getTypeSize(T) <= 64)
    return Text;
  return "static_cast<std::int64_t>(" + Text + ")";
}

namespace {

/// The `#pragma` line that stands right before the main-file offset At
/// (`#pragma GCC unroll 4`, `#pragma omp simd`: they apply to the statement
/// that follows, which must stay a loop), skipping blank and `//` comment
/// lines; empty when there is none.
std::string pragmaBefore(PlanContext &PC, unsigned At) {
  StringRef Before = PC.SM.getBufferData(PC.SM.getMainFileID()).take_front(At);
  llvm::SmallVector<StringRef, 16> Lines;
  // A pragma stands within the few lines above; no need to split the file.
  Before.take_back(4096).split(Lines, '\n');
  // The loop must begin its line: `x = 1; for (...)` follows no pragma.
  if (Lines.size() < 2 || !Lines.back().trim().empty())
    return "";
  for (size_t K = Lines.size() - 1; K-- > 0;) {
    StringRef T = Lines[K].trim();
    if (T.empty() || T.starts_with("//"))
      continue;
    // A pragma continued over several lines ends here: its first line.
    size_t First = K;
    while (First > 0 && Lines[First - 1].rtrim().ends_with("\\"))
      --First;
    StringRef Head = Lines[First].trim();
    if ((Head.consume_front("#") && Head.ltrim().starts_with("pragma")) ||
        Head.starts_with("_Pragma"))
      return Lines[First].trim().rtrim("\\").rtrim().str();
    return "";
  }
  return "";
}

/// The pragma the preprocessor saw right before the main-file offset At
/// that pragmaBefore's text scan cannot see: a `_Pragma("...")` operator on
/// the loop's own line, or a macro expanding to one (`UNROLL` for
/// `_Pragma("GCC unroll 4")`, adv33 t01); empty when there is none. It is
/// right before the loop when no statement ends between the two.
std::string pragmaOperatorBefore(PlanContext &PC, unsigned At) {
  if (!PC.Config.Preprocessed)
    return "";
  const std::vector<unsigned> &Pragmas = PC.Config.Preprocessed->Pragmas;
  auto It = std::lower_bound(Pragmas.begin(), Pragmas.end(), At);
  if (It == Pragmas.begin())
    return "";
  unsigned From = *std::prev(It);
  StringRef Between = PC.SM.getBufferData(PC.SM.getMainFileID()).slice(From, At);
  if (Between.find_first_of(";{}") != StringRef::npos)
    return "";
  return Between.take_until([](char C) { return C == '\n'; }).trim().str();
}

/// The first pragma in the main-file text [Begin, End) other than one that
/// only shapes the inner loop it stands before (`#pragma GCC unroll 4`,
/// `GCC ivdep`, `clang loop`, `unroll`, `nounroll`) or sets warnings (`GCC
/// diagnostic`): a `#pragma omp` would govern the rewritten body (its
/// accumulators renamed: adv66 F1). Empty when there is none.
std::string pragmaInside(PlanContext &PC, unsigned Begin, unsigned End) {
  for (const std::string &Line : PC.pragmasBetween(Begin, End)) {
    StringRef What = Line;
    if (What.consume_front("#")) {
      What = What.ltrim();
      What.consume_front("pragma");
      What = What.ltrim();
    } else if (What.consume_front("_Pragma"))
      What = What.ltrim().drop_while([](char C) { return C == '(' || C == ' ' || C == '"'; });
    else
      return Line; // a macro that expands to a pragma: which one is not seen
    // What only shapes an inner loop, and a warning setting, which the
    // body's text keeps around what it covers (a selection that would move
    // a block out of it checks on its own: Selections.cpp).
    if (What.starts_with("GCC unroll") || What.starts_with("GCC ivdep") ||
        What.starts_with("clang loop") || What.starts_with("unroll") ||
        What.starts_with("nounroll") || What.starts_with("GCC diagnostic") ||
        What.starts_with("clang diagnostic"))
      continue;
    return Line;
  }
  return "";
}

} // namespace

std::optional<LoopShape> matchLoop(PlanContext &PC, const Stmt *Loop, std::string &WhyNot) {
  LoopShape L;
  L.Loop = Loop;
  DepScanner Scan(PC);
  HeaderReads H;
  SourceLocation RParen;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    if (!matchCountedHeader(PC, For, Scan, L, H, WhyNot))
      return std::nullopt;
    RParen = For->getRParenLoc();
  } else if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop)) {
    if (iotaBounds(RF->getRangeInit()) ? !matchIotaHeader(PC, RF, Scan, L, H, WhyNot)
                                       : !matchRangeHeader(PC, RF, L, H.Bound, WhyNot))
      return std::nullopt;
    RParen = RF->getRParenLoc();
  } else {
    WhyNot.clear();
    return std::nullopt;
  }
  auto Header = PC.offsets(SourceRange(Loop->getBeginLoc(), RParen));
  std::optional<unsigned> End = PC.endOfStatement(L.Body);
  if (!End)
    End = endOfMacroBody(PC, L.Body);
  std::string DirectivesWhy;
  if (!End)
    End = endPastDirectives(PC, L.Body, DirectivesWhy);
  if (!Header || !End) {
    WhyNot = Header && !DirectivesWhy.empty() ? DirectivesWhy
                                              : macroReason(PC, Loop, RParen, L.Body);
    return std::nullopt;
  }
  if (auto Why = splitConditional(PC, Header->first, Header->second, *End)) {
    WhyNot = *Why;
    return std::nullopt;
  }
  std::string Pragma = pragmaBefore(PC, Header->first);
  if (Pragma.empty())
    Pragma = pragmaOperatorBefore(PC, Header->first);
  if (!Pragma.empty()) {
    WhyNot = "the loop follows '" + Pragma + "', which must stand before a loop: loops under a "
             "pragma are left as written";
    return std::nullopt;
  }
  if (std::string Inside = pragmaInside(PC, Header->second, *End); !Inside.empty()) {
    WhyNot = "the loop body holds '" + Inside + "', which would apply to the rewritten body "
             "(its accumulators renamed, its blocks moved) rather than to the loop as written: "
             "loops with a pragma inside are left as written";
    return std::nullopt;
  }
  // The rewritten loop writes its header's text twice (the start in the
  // trip count and in the leaf): a `__COUNTER__` there would count once
  // more (adv37 t09).
  if (PC.changesPreprocessorState(Header->first, Header->second)) {
    WhyNot = "the loop's header expands '__COUNTER__', which the rewritten loop would expand "
             "once more";
    return std::nullopt;
  }
  L.HeaderBegin = Header->first;
  L.HeaderEnd = Header->second;
  L.BodyEnd = *End;
  L.Body_ = Scan.scan(L.Body);
  if (!checkBody(PC, L, H, WhyNot))
    return std::nullopt;
  WhyNot.clear();
  return L;
}


namespace {

/// Whether S runs a loop or calls (transitively, through functions whose
/// bodies are visible) a function that does, or recursion. Depth-limited:
/// a long call chain counts as heavy.
bool runsLoops(const Stmt *S, llvm::SmallPtrSetImpl<const FunctionDecl *> &Path, int Depth,
               const llvm::SmallPtrSetImpl<const Expr *> *Cheap = nullptr);

/// Whether calling FD runs a loop (runsLoops): its body and, for a
/// constructor, its member and base initializers (adv47 t46: `Obj(i).v`,
/// whose constructor loops, was "loop-free work").
bool calleeRunsLoops(const FunctionDecl *FD, llvm::SmallPtrSetImpl<const FunctionDecl *> &Path,
                     int Depth) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return !isImplementationDecl(FD) && !FD->isTrivial() &&
           !FD->isDefaulted(); // the user's, defined in another file: unknown cost
  if (Depth >= 4 || !Path.insert(Def).second)
    return true; // deep, or recursion
  bool Heavy = runsLoops(Def->getBody(), Path, Depth + 1);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Heavy = Heavy || (Init->isWritten() && runsLoops(Init->getInit(), Path, Depth + 1));
  Path.erase(Def);
  return Heavy;
}

bool runsLoops(const Stmt *S, llvm::SmallPtrSetImpl<const FunctionDecl *> &Path, int Depth,
               const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  if (!S)
    return false;
  if (isRepeatingLoop(S))
    return true;
  // Through a pointer chosen by `?:` (`argc > 5 ? w2 : w`): work when
  // each function it may reach is (adv70 F3: "loop-free work").
  if (const auto *CE = dyn_cast<CallExpr>(S); CE && !(Cheap && Cheap->contains(CE)))
    if (llvm::SmallVector<const FunctionDecl *, 2> Reached = reachedFunctions(CE);
        !Reached.empty() && llvm::all_of(Reached, [&](const FunctionDecl *FD) {
          return calleeRunsLoops(FD, Path, Depth);
        }))
      return true;
  // A constructor of the user's runs code too (the library's are
  // implementation, judged as calls into it are: not followed).
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S);
      CE && !isImplementationDecl(CE->getConstructor()) &&
      calleeRunsLoops(CE->getConstructor(), Path, Depth))
    return true;
  for (const Stmt *Child : S->children())
    if (runsLoops(Child, Path, Depth, Cheap))
      return true;
  return false;
}

/// The most iterations `for (T j = s; j < E; ++j)` (or `<=`, `j++`,
/// `j += 1`) runs: E a constant, s a constant or the outer counter Outer
/// plus a constant, where Outer is at least OuterLow (`j = i + 1` of a
/// triangle). Nullopt for any other loop, or one whose body writes j.
std::optional<std::int64_t> innerTrips(const ForStmt *F, const VarDecl *Outer,
                                       std::optional<std::int64_t> OuterLow) {
  const auto *DS = dyn_cast_or_null<DeclStmt>(F->getInit());
  const auto *J = DS && DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(F->getCond());
  if (!J || !J->getInit() || !J->getType()->isIntegerType() || !Cond || !F->getInc() ||
      (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_LE) ||
      refersTo(Cond->getLHS()) != J)
    return std::nullopt;
  ASTContext &Ctx = J->getASTContext();
  auto Constant = [&](const Expr *E) { return smallConstant(Ctx, E); };
  const Expr *Inc = F->getInc()->IgnoreParenImpCasts();
  bool ByOne = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc))
    ByOne = UO->isIncrementOp() && refersTo(UO->getSubExpr()) == J;
  else if (const auto *CA = dyn_cast<CompoundAssignOperator>(Inc))
    ByOne = CA->getOpcode() == BO_AddAssign && refersTo(CA->getLHS()) == J &&
            Constant(CA->getRHS()) == std::optional<std::int64_t>(1);
  std::optional<std::int64_t> End = Constant(Cond->getRHS());
  if (!ByOne || !End)
    return std::nullopt;
  // The start: a constant, or Outer + c.
  std::optional<std::int64_t> Low = Constant(J->getInit());
  if (!Low && OuterLow) {
    const Expr *Start = J->getInit()->IgnoreParenImpCasts();
    if (refersTo(Start) == Outer)
      Low = OuterLow;
    else if (const auto *BO = dyn_cast<BinaryOperator>(Start);
             BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) &&
             refersTo(BO->getLHS()->IgnoreParenImpCasts()) == Outer)
      if (std::optional<std::int64_t> C = Constant(BO->getRHS()))
        Low = *OuterLow + (BO->getOpcode() == BO_Add ? *C : -*C);
  }
  if (!Low)
    return std::nullopt;
  // The body must leave j alone: only `break` may end the loop early.
  struct Writes : RecursiveASTVisitor<Writes> {
    const VarDecl *J;
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl() != J)
        return true;
      // Anything but a read of its value (an assignment, `++j`, `&j`, a
      // reference to it) may change it.
      const auto &Parents = J->getASTContext().getParents(*E);
      const auto *Cast = Parents.empty() ? nullptr : Parents[0].get<ImplicitCastExpr>();
      Found |= !Cast || Cast->getCastKind() != CK_LValueToRValue;
      return true;
    }
  } W{{}, J};
  W.TraverseStmt(const_cast<Stmt *>(F->getBody()));
  if (W.Found)
    return std::nullopt;
  std::int64_t N = *End - *Low + (Cond->getOpcode() == BO_LE ? 1 : 0);
  return std::max<std::int64_t>(N, 0);
}

/// An upper bound of the loop-free steps S runs, when its loops are all
/// counted loops of bounded trips (innerTrips) around loop-free work; a
/// loop-free statement is one step. Nullopt when S runs a loop of any
/// other kind, or calls a function that runs one.
std::optional<std::int64_t> boundedWork(const Stmt *S, const VarDecl *Outer,
                                        std::optional<std::int64_t> OuterLow, int Depth = 0) {
  if (!S)
    return 0;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  if (!runsLoops(S, Path, 0))
    return 1;
  if (Depth > 4 || isa<Expr, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(S))
    return std::nullopt;
  auto Saturate = [](__int128 V) {
    return static_cast<std::int64_t>(std::min<__int128>(V, INT64_MAX / 4));
  };
  if (const auto *F = dyn_cast<ForStmt>(S)) {
    std::optional<std::int64_t> Trips = innerTrips(F, Outer, OuterLow);
    std::optional<std::int64_t> Each = boundedWork(F->getBody(), Outer, OuterLow, Depth + 1);
    Path.clear();
    if (!Trips || !Each || (F->getCond() && runsLoops(F->getCond(), Path, 0)))
      return std::nullopt;
    return Saturate(static_cast<__int128>(*Trips) * (*Each + 1));
  }
  __int128 Sum = 0;
  for (const Stmt *Child : S->children()) {
    std::optional<std::int64_t> W = boundedWork(Child, Outer, OuterLow, Depth + 1);
    if (!W)
      return std::nullopt;
    Sum += *W;
  }
  return Saturate(Sum);
}

/// The most iterations of L, a counted loop whose start is the counter of
/// a loop around it plus a constant (`for (j = i + 1; j < 7; ++j)` in
/// `for (i = 0; ...; ++i)`), when that counter counts up by one from a
/// constant (innerTrips).
std::optional<std::int64_t> tripsWithinOuterLoop(const LoopShape &L) {
  const auto *F = dyn_cast<ForStmt>(L.Loop);
  const Expr *Start = F && L.IndexValue.empty() ? counterStart(L.Induction) : nullptr;
  if (!Start)
    return std::nullopt;
  Start = Start->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Start);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub))
    Start = BO->getLHS()->IgnoreParenImpCasts();
  const VarDecl *Outer = refersTo(Start);
  if (!Outer)
    return std::nullopt;
  ASTContext &Ctx = L.Induction->getASTContext();
  for (DynTypedNodeList Parents = Ctx.getParents(*F); !Parents.empty();) {
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P || isa<LambdaExpr>(P))
      return std::nullopt;
    if (const auto *Around = dyn_cast<ForStmt>(P)) {
      const auto *DS = dyn_cast_or_null<DeclStmt>(Around->getInit());
      if (DS && DS->isSingleDecl() && DS->getSingleDecl() == Outer) {
        // The outer counter counts up by one (innerTrips of the outer loop
        // itself, bounded or not, says so), from a constant.
        const Expr *OuterStart = counterStart(Outer);
        const auto *Inc = dyn_cast_or_null<UnaryOperator>(
            Around->getInc() ? Around->getInc()->IgnoreParenImpCasts() : nullptr);
        std::optional<std::int64_t> Low = OuterStart ? smallConstant(Ctx, OuterStart) : std::nullopt;
        if (!Low || !Inc || !Inc->isIncrementOp() || refersTo(Inc->getSubExpr()) != Outer)
          return std::nullopt;
        return innerTrips(F, Outer, Low);
      }
    }
    Parents = Ctx.getParents(*P);
  }
  return std::nullopt;
}

} // namespace

void endIterationsEarly(PlanContext &PC, const LoopShape &L, const std::string &Return) {
  for (const ContinueStmt *C : L.Body_.Continues) {
    auto [B, E] = *PC.offsets(C->getSourceRange());
    PC.replace(B, E, Return);
  }
}

std::string loopGrain(const LoopShape &L, const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  // A loop of loop-free work that is shared at all does at least
  // kMinSharedOperations (tinyLoopReason): its leaves are large enough to
  // pay for a task each, or the runtime's own split (about 8 iterations a
  // leaf for 2000) made a map run several times slower than the serial
  // loop (adv115 F1).
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  if (runsLoops(L.Body, Path, 0, Cheap))
    return "";
  return "::purecc::leaf_size{" +
         std::to_string(leafIterations(loopFreeOperations(L.Body, Cheap))) + "}";
}

std::string tinyLoopReason(const LoopShape &L, const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  std::optional<std::int64_t> Trips = L.TripCount;
  // `for (j = i + 1; j < 7; ++j)` inside `for (i = 0; ...)`: at most 6.
  if (!Trips && L.Induction)
    Trips = tripsWithinOuterLoop(L);
  if (!Trips)
    return "";
  std::string Count = (L.TripCount ? "" : "at most ") + std::to_string(*Trips);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  if (!runsLoops(L.Body, Path, 0, Cheap)) {
    // The work, not the trip count, decides (OperationCount.h).
    std::int64_t Ops = loopFreeOperations(L.Body, Cheap);
    if (static_cast<__int128>(*Trips) * Ops >= kMinSharedOperations)
      return "";
    return Count + " iterations of loop-free work (about " + std::to_string(Ops) +
           " operations each) are too little to share";
  }
  if (*Trips > kMaxTinyTrips)
    return "";
  // Inner loops of bounded trips around loop-free work (user50 k01: `for (i
  // < 7) for (j = i + 1; j < 7; ++j)` in a hot pure function, split on
  // every call, ran 15 to 40 times slower): the whole nest's steps count.
  std::optional<std::int64_t> OuterLow;
  if (L.Induction && L.IndexValue.empty() && isa<ForStmt>(L.Loop))
    if (const Expr *Start = counterStart(L.Induction))
      OuterLow = smallConstant(L.Induction->getASTContext(), Start);
  std::optional<std::int64_t> Each = boundedWork(L.Body, L.Induction, OuterLow);
  if (!Each || static_cast<__int128>(*Trips) * *Each > kMaxTinyTrips)
    return "";
  return Count + " iterations of at most " + std::to_string(*Each) +
         " steps of loop-free work each (inner loops of bounded trips) are too little to share";
}

std::string sharingRefusal(PlanContext &PC, const LoopShape &L,
                           const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  if (std::string Why = exceptionReason(PC, L); !Why.empty())
    return Why;
  return lastRefusal(PC, L, Cheap);
}

std::string lastRefusal(PlanContext &PC, const LoopShape &L,
                        const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  if (std::string Tiny = tinyLoopReason(L, Cheap); !Tiny.empty())
    return Tiny;
  if (PC.isTaken(L.HeaderBegin, L.BodyEnd))
    return "the loop is part of code that runs in parallel already (the loop, algorithm or "
           "calls around it, as its remark says)";
  return "";
}

/// The expression of E's statement that E is part of (the condition of an
/// `if`, the whole expression statement), or the operand of Stop that it is
/// part of (`f(acc + i)` in `acc += f(acc + i)`), as written, when short.
std::string enclosingText(PlanContext &PC, const Expr *E, const Expr *Stop) {
  const Expr *Top = E;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Top);
    const Expr *Up = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Up || Up == Stop)
      break;
    Top = Up;
  }
  return quotable(PC.shownText(Top->getSourceRange())).value_or("");
}

/// The update of the accumulator that Position names in (`++i`, `s += f(j)`).
const Expr *updateAround(PlanContext &PC, const Expr *Position) {
  const Expr *At = Position;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*At);
    const Expr *Up = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Up)
      return nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(Up); UO && UO->isIncrementDecrementOp())
      return UO;
    if (const auto *BO = dyn_cast<BinaryOperator>(Up); BO && BO->isAssignmentOp())
      return BO;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Up); Op && Op->isAssignmentOp())
      return Op;
    At = Up;
  }
  return nullptr;
}

/// Whether Body names V in a `decltype` (`static_cast<decltype(c)>(x)`),
/// which a walk over children does not see.
bool namedInDecltype(const Stmt *Body, const VarDecl *V) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    bool Found = false;
    bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL) {
      struct Names : RecursiveASTVisitor<Names> {
        const VarDecl *V;
        bool Found = false;
        bool VisitDeclRefExpr(DeclRefExpr *DRE) {
          Found |= DRE->getDecl() == V;
          return !Found;
        }
      } N;
      N.V = V;
      N.TraverseStmt(TL.getUnderlyingExpr());
      Found |= N.Found;
      return !Found;
    }
  } F;
  F.V = V;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

/// Whether E lies in an operand of Body that is never evaluated (`sizeof`).
bool insideUnevaluated(PlanContext &PC, const Stmt *E, const Stmt *Body) {
  for (const Stmt *S = E; S && S != Body;) {
    if (isUnevaluatedOperand(S))
      return true;
    DynTypedNodeList Ps = PC.Ctx.getParents(*S);
    S = Ps.empty() ? nullptr : Ps[0].get<Stmt>();
  }
  return false;
}

const DeclRefExpr *otherUse(const Stmt *S, const VarDecl *V,
                            const llvm::SmallPtrSetImpl<const Expr *> &Skip) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S); E && Skip.contains(E))
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl());
    if (DRE->getDecl() == V || (BD && BD->getDecomposedDecl() == V))
      return DRE;
  }
  for (const Stmt *Child : S->children())
    if (const DeclRefExpr *Found = otherUse(Child, V, Skip))
      return Found;
  return nullptr;
}

namespace {

/// The `for` loop around Loop whose header declares V, if any.
const ForStmt *loopCountingWith(PlanContext &PC, const Stmt *Loop, const VarDecl *V) {
  const Stmt *At = Loop;
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*At);
    const Stmt *Up = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!Up || isa<LambdaExpr>(Up))
      return nullptr;
    if (const auto *For = dyn_cast<ForStmt>(Up))
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()))
        for (const Decl *D : Init->decls())
          if (D == V)
            return For;
    At = Up;
  }
  return nullptr;
}

} // namespace

std::string accumulatorUseReason(PlanContext &PC, const LoopShape &L, const VarDecl *Acc,
                                 llvm::ArrayRef<const Expr *> Positions, const StmtDeps &Rest) {
  bool Written = Rest.Writes.contains(Acc);
  if (!Written && !Rest.Reads.contains(Acc))
    return "";
  std::string Name = quoted(Acc);
  if (const ForStmt *Outer = loopCountingWith(PC, L.Loop, Acc))
    Name += ", the counter of the loop on line " +
            std::to_string(PC.SM.getPresumedLineNumber(Outer->getBeginLoc())) + ",";
  std::string Update;
  const Expr *U = Positions.empty() ? nullptr : updateAround(PC, Positions.front());
  if (U)
    Update = shownInParens(PC.shownText(U->getSourceRange()));
  llvm::SmallPtrSet<const Expr *, 4> Skip(Positions.begin(), Positions.end());
  const DeclRefExpr *Use = otherUse(L.Body, Acc, Skip);
  std::string Where = Use ? enclosingText(PC, Use, U) : std::string();
  if (auto It = Rest.FirstWrite.find(Acc); Written && It != Rest.FirstWrite.end()) {
    // The write itself, not a read met first (`if (c > 5) c = 0;`).
    Where = quotable(PC.shownText(It->second->getSourceRange())).value_or("");
  }
  Where = Where.empty() ? "" : " ('" + Where + "')";
  // `d += f(i) * int(sizeof(d))`, `static_cast<decltype(c)>(f(i))`: 'd'
  // is named for its type only, which the rewritten body would take from
  // its private accumulator, of another type (adv66 F5 said "read there").
  if (!Written && (Use ? insideUnevaluated(PC, Use, L.Body) : namedInDecltype(L.Body, Acc)))
    return Name + " is named in the loop body for its type only, by 'sizeof' or 'decltype'" +
           Where + ", where the rewritten body would name its private accumulator, whose type "
           "is another: loops that name the accumulator so are left as written";
  if (Written)
    return Name + " is updated inside the loop body" + Update + " and also written there" +
           Where + " otherwise: only a variable that the body changes by its updates alone is "
           "combined";
  return Name + " is written inside the loop body" + Update + " and read there" + Where +
         ": each iteration would read a partial value instead of the one the iterations before "
         "it left";
}

std::string accumulatorReason(const VarDecl *V,
                              const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                              const LoopShape &L) {
  if (V->getType().isVolatileQualified())
    return quoted(V) + " is volatile: each of its reads and writes must happen as the loop "
           "makes them";
  if (!isOwnedLocal(V))
    return quoted(V) + " is not a local variable";
  if (auto It = L.ReadThrough.find(V); It != L.ReadThrough.end())
    return readThroughReason(V, It->second);
  if (Escaped.contains(V)) {
    // Given away where it is made (its allocator, its class's constructor,
    // the call it is made from) or assigned.
    if (auto It = L.EscapeBecause.find(V); It != L.EscapeBecause.end())
      return "the address of " + quoted(V) + " escapes " + It->second;
    return "the address of " + quoted(V) + " escapes";
  }
  return "";
}


std::string exceptionReason(PlanContext &PC, const LoopShape &L) {
  // The speculation rule (docs/codegen.md): iterations run at once, so a
  // later one may start before an earlier one throws; the serial loop never
  // runs it then, and it may run for hours or never return. Stopping at the
  // next chunk boundary does not help a chunk already running. What the
  // library throws counts by the contract of the function the user calls
  // (Operands::Speculated: `v.at(i)` does, `"item-" + std::to_string(i)`
  // does not; docs/codegen.md).
  // A range-for's loop variable is made in each iteration too (a copy of
  // the element, destroyed at the iteration's end), outside the body.
  MayThrow Throws = speculationThrows(PC.Ctx);
  const Stmt *Thrower = nullptr;
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(L.Loop);
      RF && Throws.mayThrow(RF->getLoopVarStmt()))
    Thrower = RF->getLoopVarStmt();
  else if (Throws.mayThrow(L.Body))
    Thrower = L.Body;
  else {
    // Nor may an iteration end the program (an 'assert' in the term): the
    // later ones, running beside it, may trap first on what the failed
    // check stops in the serial loop (adv35 t03).
    NoReturnCalls NoReturn(PC);
    if (std::optional<NoReturnCall> N = NoReturn.first(L.Body)) {
      // "'f', which may not return" -> "'f' may not return".
      std::string Named = N->Named;
      if (size_t Which = Named.find(", which "); Which != std::string::npos)
        Named.replace(Which, 8, " ");
      return Named + ", and the serial loop does not run the later iterations then";
    }
    return "";
  }
  std::string What = whatMayThrow(PC, Throws, Thrower);
  return (What.empty() ? "code in the loop body" : What) +
         " may throw, and the serial loop does not run the later iterations then";
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(Loop))
    return F->getBody();
  if (const auto *RF = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return RF->getBody();
  if (const auto *W = dyn_cast_or_null<WhileStmt>(Loop))
    return W->getBody();
  if (const auto *D = dyn_cast_or_null<DoStmt>(Loop))
    return D->getBody();
  return nullptr;
}

shapes::Index makeIndex(PlanContext &PC, const LoopShape &L) {
  shapes::Index Idx;
  if (L.Element) {
    if (!L.Body_.Reads.contains(L.Element) && !L.Body_.Writes.contains(L.Element) &&
        !L.Body_.MemoryWrite)
      return Idx;
    Idx.Param = PC.freshName("k");
    const VarDecl *E = L.Element;
    unsigned B = PC.offsets(SourceRange(E->getBeginLoc(), E->getLocation()))->first;
    // `const auto &[k, v]`: a structured binding's location is its '['.
    const auto *DD = dyn_cast<DecompositionDecl>(E);
    SourceLocation Last = DD && !DD->bindings().empty() ? DD->bindings().back()->getLocation()
                                                        : E->getLocation();
    Idx.Declaration = PC.textAt(B, PC.endOfToken(Last)) + (DD ? "]" : "") + " = " +
                      L.RangeName + "[" + Idx.Param + "]; ";
    return Idx;
  }
  const VarDecl *I = L.Induction;
  if (!L.Body_.Reads.contains(I))
    return Idx;
  if (!L.IndexValue.empty()) {
    Idx.Param = PC.freshName("k");
    std::string Value = L.IndexValue;
    Value.replace(Value.find('\x01'), 1, Idx.Param);
    Idx.Declaration = PC.typeText(I->getType().getNonReferenceType().getUnqualifiedType()) +
                      " " + I->getNameAsString() + " = " + Value + "; ";
    return Idx;
  }
  // A range-for's variable over an iota view may be a reference
  // (`const auto &i`): the leaf's own i is a value, as the view's are.
  QualType T = I->getType().getNonReferenceType().getUnqualifiedType();
  if (PC.Ctx.hasSameType(T, PC.Ctx.getIntTypeForBitwidth(64, /*Signed=*/true))) {
    Idx.Param = I->getNameAsString();
    return Idx;
  }
  Idx.Param = PC.freshName("i");
  std::string Type = PC.typeText(T);
  Idx.Declaration = Type + " " + I->getNameAsString() + " = static_cast<" + Type +
                    ">(" + Idx.Param + "); ";
  return Idx;
}

} // namespace purecc
