//===- Loops.cpp - counted loops and range-for loops over random access ---===//
#include "Loops.h"
#include "Containers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace purecc {
namespace {

const VarDecl *refersTo(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

bool isUnitStep(const Expr *Inc, const VarDecl *I) {
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc))
    return UO->isIncrementOp() && refersTo(UO->getSubExpr()) == I;
  if (const auto *CA = dyn_cast<CompoundAssignOperator>(Inc)) {
    const auto *One = dyn_cast<IntegerLiteral>(CA->getRHS()->IgnoreParenImpCasts());
    return CA->getOpcode() == BO_AddAssign && refersTo(CA->getLHS()) == I && One &&
           One->getValue() == 1;
  }
  return false;
}

/// Checks what every loop shape needs of its body, given its effects.
bool checkBody(const LoopShape &L, const Effects &Bound, std::string &WhyNot) {
  const Effects &B = L.Body_;
  if (B.Exit) {
    WhyNot = exitReason(B.Exit);
    return false;
  }
  if (L.Induction && B.Writes.contains(L.Induction)) {
    WhyNot = quoted(L.Induction) + " is written inside the loop body";
    return false;
  }
  for (const VarDecl *VD : Bound.Reads)
    if (B.Writes.contains(VD)) {
      WhyNot = "the bound '" + VD->getNameAsString() + "' changes inside the loop body";
      return false;
    }
  if (Bound.ReadsMemory && (B.MemoryWrite || B.ImpureCall)) {
    WhyNot = "the loop bound may change inside the loop body";
    return false;
  }
  return true;
}

} // namespace

std::string trimBeforeSpace(PlanContext &PC, std::string Head, unsigned Off) {
  std::string Next = PC.textAt(Off, Off + 1);
  if (!Next.empty() && isspace(static_cast<unsigned char>(Next[0])))
    while (!Head.empty() && Head.back() == ' ')
      Head.pop_back();
  return Head;
}

std::string exitReason(const Stmt *Exit) {
  const char *What = isa<BreakStmt>(Exit)      ? "break"
                     : isa<ContinueStmt>(Exit) ? "continue"
                     : isa<ReturnStmt>(Exit)   ? "return"
                                               : "goto";
  return std::string("'") + What + "' leaves the loop body";
}

std::string impureReason(const Expr *Call) {
  if (const FunctionDecl *FD = calleeOf(Call))
    return quoted(FD) + " is not known to be pure";
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call))
    return "the constructor of '" + CE->getType().getAsString() + "' is not known to be pure";
  return "the loop body has side effects";
}

std::string bodyEffectReason(const Effects &Fx, const LoopShape &L) {
  for (const VarDecl *W : Fx.Writes)
    if (!Fx.Locals.contains(W) && !(W == L.Element && !W->getType()->isReferenceType()))
      return quoted(W) + " is written inside the loop body";
  if (Fx.MemoryWrite)
    return "the loop body writes through a pointer or reference";
  if (Fx.ImpureCall)
    return impureReason(Fx.ImpureCall);
  return "";
}

std::string asInt64(PlanContext &PC, const Expr *E, const std::string &Text) {
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (T->isSignedIntegerType() && PC.Ctx.getTypeSize(T) <= 64)
    return Text;
  return "static_cast<std::int64_t>(" + Text + ")";
}

std::optional<LoopShape> matchLoop(PlanContext &PC, const Stmt *Loop, std::string &WhyNot) {
  LoopShape L;
  L.Loop = Loop;
  EffectScanner Scan(PC);
  Effects Bound;
  SourceLocation RParen;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    WhyNot = "the loop is not of the form 'for (T i = b; i < e; ++i)'";
    const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
    const auto *I = Init && Init->isSingleDecl() ? dyn_cast<VarDecl>(Init->getSingleDecl()) : nullptr;
    const auto *Cond = dyn_cast_or_null<BinaryOperator>(For->getCond());
    if (!I || !I->getType()->isIntegerType() || !I->getInit() || !Cond || !For->getInc() ||
        !isUnitStep(For->getInc(), I))
      return std::nullopt;
    const Expr *Bnd = nullptr;
    bool Inclusive = false;
    BinaryOperatorKind Op = Cond->getOpcode();
    if (refersTo(Cond->getLHS()) == I && (Op == BO_LT || Op == BO_LE || Op == BO_NE)) {
      Bnd = Cond->getRHS();
      Inclusive = Op == BO_LE;
    } else if (refersTo(Cond->getRHS()) == I && (Op == BO_GT || Op == BO_GE || Op == BO_NE)) {
      Bnd = Cond->getLHS();
      Inclusive = Op == BO_GE;
    }
    if (!Bnd)
      return std::nullopt;
    Effects InitFx = Scan.scan(I->getInit());
    Bound = Scan.scan(Bnd);
    if (!InitFx.isEffectFree() || !Bound.isEffectFree()) {
      WhyNot = "the loop bounds have side effects";
      return std::nullopt;
    }
    auto BeginText = PC.text(I->getInit()->getSourceRange());
    auto EndText = PC.text(Bnd->getSourceRange());
    if (!BeginText || !EndText) {
      WhyNot = "the loop is written in a macro";
      return std::nullopt;
    }
    L.Induction = I;
    Expr::EvalResult First, Last;
    if (I->getInit()->EvaluateAsInt(First, PC.Ctx) && Bnd->EvaluateAsInt(Last, PC.Ctx)) {
      std::int64_t Trips = Last.Val.getInt().getExtValue() - First.Val.getInt().getExtValue() +
                           (Inclusive ? 1 : 0);
      L.TripCount = std::max<std::int64_t>(Trips, 0);
    }
    L.Begin = asInt64(PC, I->getInit(), *BeginText);
    L.End = Inclusive ? "static_cast<std::int64_t>(" + *EndText + ") + 1"
                      : asInt64(PC, Bnd, *EndText);
    L.Body = For->getBody();
    RParen = For->getRParenLoc();
  } else if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop)) {
    const VarDecl *Range = refersTo(RF->getRangeInit());
    ContainerKind K = Range ? containerKind(Range->getType()) : ContainerKind::None;
    if (K == ContainerKind::None) {
      WhyNot = "the range is not a named array or random-access standard container";
      return std::nullopt;
    }
    const VarDecl *Elem = RF->getLoopVariable();
    auto ElemText = PC.offsets(SourceRange(Elem->getBeginLoc(), Elem->getLocation()));
    if (!ElemText || !PC.offsets(RF->getRangeInit()->getSourceRange())) {
      WhyNot = "the loop is written in a macro";
      return std::nullopt;
    }
    L.Range = Range;
    L.Element = Elem;
    L.Begin = "0";
    std::string Name = Range->getNameAsString();
    if (const auto *AT = PC.Ctx.getAsConstantArrayType(Range->getType().getNonReferenceType())) {
      L.End = std::to_string(AT->getSize().getZExtValue());
      L.TripCount = static_cast<std::int64_t>(AT->getSize().getZExtValue());
    } else {
      L.End = "static_cast<std::int64_t>(" + Name + ".size())";
    }
    L.Body = RF->getBody();
    RParen = RF->getRParenLoc();
    Bound.Reads.insert(Range);
    if (Range->getType()->isReferenceType())
      Bound.ReadsMemory = true;
  } else {
    WhyNot.clear();
    return std::nullopt;
  }
  auto Header = PC.offsets(SourceRange(Loop->getBeginLoc(), RParen));
  std::optional<unsigned> End = PC.endOfStatement(L.Body);
  if (!Header || !End) {
    WhyNot = "the loop is written in a macro";
    return std::nullopt;
  }
  L.HeaderBegin = Header->first;
  L.HeaderEnd = Header->second;
  L.BodyEnd = *End;
  L.Body_ = Scan.scan(L.Body);
  if (!checkBody(L, Bound, WhyNot))
    return std::nullopt;
  if (L.Range && L.Body_.Writes.contains(L.Range)) {
    WhyNot = "the loop body changes '" + L.Range->getNameAsString() + "'";
    return std::nullopt;
  }
  return L;
}

namespace {

/// Whether S runs a loop or calls (transitively, through functions whose
/// bodies are visible) a function that does, or recursion. Depth-limited:
/// a long call chain counts as heavy.
bool runsLoops(const Stmt *S, llvm::SmallPtrSetImpl<const FunctionDecl *> &Path, int Depth) {
  if (!S)
    return false;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return true;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      const FunctionDecl *Def = nullptr;
      if (FD->hasBody(Def) && Def) {
        if (Depth >= 4 || !Path.insert(Def).second)
          return true; // deep, or recursion
        bool Heavy = runsLoops(Def->getBody(), Path, Depth + 1);
        Path.erase(Def);
        if (Heavy)
          return true;
      } else if (!FD->getASTContext().getSourceManager().isInSystemHeader(FD->getLocation())) {
        return true; // the user's, defined in another file: unknown cost
      }
    }
  for (const Stmt *Child : S->children())
    if (runsLoops(Child, Path, Depth))
      return true;
  return false;
}

} // namespace

std::string tinyLoopReason(const LoopShape &L) {
  if (!L.TripCount || *L.TripCount > kMaxTinyTrips)
    return "";
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  if (runsLoops(L.Body, Path, 0))
    return "";
  return std::to_string(*L.TripCount) + " iterations of loop-free work are too little to share";
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
    Idx.Declaration = PC.textAt(B, PC.endOfToken(E->getLocation())) + " = " +
                      L.Range->getNameAsString() + "[" + Idx.Param + "]; ";
    return Idx;
  }
  const VarDecl *I = L.Induction;
  if (!L.Body_.Reads.contains(I))
    return Idx;
  QualType T = I->getType().getUnqualifiedType();
  if (PC.Ctx.hasSameType(T, PC.Ctx.getIntTypeForBitwidth(64, /*Signed=*/true))) {
    Idx.Param = I->getNameAsString();
    return Idx;
  }
  Idx.Param = PC.freshName("i");
  std::string Type = PC.typeText(T);
  Idx.Declaration = "const " + Type + " " + I->getNameAsString() + " = static_cast<" + Type +
                    ">(" + Idx.Param + "); ";
  return Idx;
}

} // namespace purecc
