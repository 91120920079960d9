//===- Reductions.cpp - T2: loops that accumulate pure results ------------===//
#include "Reductions.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;

namespace purecc {
namespace {

using shapes::ReduceOp;

struct Step {
  const VarDecl *Acc = nullptr;
  ReduceOp Op = ReduceOp::Add;
  const Expr *Value = nullptr; // null for ++/--
  llvm::SmallVector<const Expr *, 2> Positions; // the accumulator's own DeclRefExprs
};

const DeclRefExpr *asVarRef(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE && isa<VarDecl>(DRE->getDecl()) ? DRE : nullptr;
}
const VarDecl *varOf(const DeclRefExpr *DRE) { return cast<VarDecl>(DRE->getDecl()); }

std::optional<ReduceOp> opOf(BinaryOperatorKind K) {
  switch (K) {
  case BO_Add: case BO_AddAssign: case BO_Sub: case BO_SubAssign: return ReduceOp::Add;
  case BO_Mul: case BO_MulAssign: return ReduceOp::Mul;
  case BO_And: case BO_AndAssign: return ReduceOp::BitAnd;
  case BO_Or: case BO_OrAssign: return ReduceOp::BitOr;
  case BO_Xor: case BO_XorAssign: return ReduceOp::BitXor;
  case BO_LAnd: return ReduceOp::LogicalAnd;
  case BO_LOr: return ReduceOp::LogicalOr;
  default: return std::nullopt;
  }
}

/// Recognizes one accumulation step written as an expression statement.
std::optional<Step> matchStep(const Expr *E) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr();
  E = E->IgnoreParens();
  Step S;
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    const DeclRefExpr *V = UO->isIncrementDecrementOp() ? asVarRef(UO->getSubExpr()) : nullptr;
    if (!V)
      return std::nullopt;
    S.Acc = varOf(V);
    S.Positions.push_back(V);
    return S;
  }
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->isAssignmentOp())
    return std::nullopt;
  const DeclRefExpr *V = asVarRef(BO->getLHS());
  if (!V)
    return std::nullopt;
  S.Acc = varOf(V);
  S.Positions.push_back(V);
  if (BO->isCompoundAssignmentOp()) {
    auto Op = opOf(BO->getOpcode());
    if (!Op)
      return std::nullopt;
    S.Op = *Op;
    S.Value = BO->getRHS();
    return S;
  }
  const Expr *RHS = BO->getRHS()->IgnoreParenImpCasts();
  if (const auto *Bin = dyn_cast<BinaryOperator>(RHS)) {
    auto Op = opOf(Bin->getOpcode());
    if (!Op)
      return std::nullopt;
    const DeclRefExpr *L = asVarRef(Bin->getLHS()), *R = asVarRef(Bin->getRHS());
    bool Commutes = Bin->getOpcode() != BO_Sub;
    if (L && varOf(L) == S.Acc) {
      S.Positions.push_back(L);
      S.Value = Bin->getRHS();
    } else if (R && varOf(R) == S.Acc && Commutes) {
      S.Positions.push_back(R);
      S.Value = Bin->getLHS();
    } else {
      return std::nullopt;
    }
    S.Op = *Op;
    return S;
  }
  if (const auto *Call = dyn_cast<CallExpr>(RHS); Call && Call->getNumArgs() == 2) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->isInStdNamespace() || !FD->getDeclName().isIdentifier() ||
        (FD->getName() != "max" && FD->getName() != "min"))
      return std::nullopt;
    S.Op = FD->getName() == "max" ? ReduceOp::Max : ReduceOp::Min;
    for (unsigned I = 0; I < 2; ++I)
      if (const DeclRefExpr *A = asVarRef(Call->getArg(I)); A && varOf(A) == S.Acc) {
        S.Positions.push_back(A);
        S.Value = Call->getArg(1 - I);
        return S;
      }
  }
  return std::nullopt;
}

/// Collects the steps among the statements of Body (through blocks and ifs).
void collectSteps(const Stmt *S, std::vector<Step> &Out) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      collectSteps(Child, Out);
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    collectSteps(If->getThen(), Out);
    collectSteps(If->getElse(), Out);
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    if (auto Step = matchStep(E))
      Out.push_back(std::move(*Step));
  }
}

} // namespace

/// Why folding Value into an accumulator of type T step by step differs
/// from folding the tree's partial results, or empty if it does not.
std::string conversionProblem(ASTContext &Ctx, llvm::StringRef Acc, QualType T, QualType V,
                              ReduceOp Op) {
  T = T.getNonReferenceType().getUnqualifiedType();
  V = V.getNonReferenceType().getUnqualifiedType();
  auto Problem = [&] {
    return "each step converts '" + V.getAsString() + "' to '" + T.getAsString() + "' (" +
           Acc.str() + "), which the tree order would change";
  };
  if (Op == ReduceOp::LogicalAnd || Op == ReduceOp::LogicalOr)
    return "";
  if (Op == ReduceOp::Max || Op == ReduceOp::Min)
    return Ctx.hasSameType(T, V) ? "" : Problem();
  if (T->isIntegerType())
    return V->isIntegralOrUnscopedEnumerationType() ? "" : Problem();
  if (T->isRealFloatingType()) {
    if (V->isRealFloatingType())
      return Ctx.getFloatingTypeOrder(V, T) <= 0 ? "" : Problem();
    // An integer converts exactly when the floating type has the digits.
    if (V->isIntegerType() &&
        Ctx.getIntWidth(V) <= llvm::APFloat::semanticsPrecision(Ctx.getFloatTypeSemantics(T)))
      return "";
    return Problem();
  }
  return Problem();
}

LoopOutcome planReduction(PlanContext &PC, const LoopShape &L,
                          const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                          std::string &WhyNot) {
  std::vector<Step> Steps;
  collectSteps(L.Body, Steps);
  // Only variables from outside the body accumulate.
  llvm::MapVector<const VarDecl *, ReduceOp> Accs;
  llvm::SmallPtrSet<const Expr *, 8> Positions;
  for (const Step &S : Steps) {
    if (L.Body_.Locals.contains(S.Acc) || S.Acc == L.Induction || S.Acc == L.Element)
      continue;
    auto [It, New] = Accs.insert({S.Acc, S.Op});
    if (!New && It->second != S.Op) {
      WhyNot = quoted(S.Acc) + " is combined with both '" +
               shapes::opName(It->second).str() + "' and '" + shapes::opName(S.Op).str() + "'";
      return LoopOutcome::Refused;
    }
    Positions.insert(S.Positions.begin(), S.Positions.end());
  }
  if (Accs.empty())
    return LoopOutcome::NotThisKind;

  Effects Fx = EffectScanner(PC).scan(L.Body, &Positions);
  for (auto &[Acc, Op] : Accs) {
    std::string Name = quoted(Acc);
    if (Fx.Reads.contains(Acc) || Fx.Writes.contains(Acc)) {
      WhyNot = Name + " is read inside the loop body";
      return LoopOutcome::Refused;
    }
    if (!isOwnedLocal(Acc) || Acc->getType().isVolatileQualified()) {
      WhyNot = Name + " is not a local variable";
      return LoopOutcome::Refused;
    }
    if (Escaped.contains(Acc)) {
      WhyNot = "the address of " + Name + " escapes";
      return LoopOutcome::Refused;
    }
    QualType T = Acc->getType();
    bool Arith = T->isIntegerType() || T->isRealFloatingType();
    if (!Arith || (T->isBooleanType() && (Op == ReduceOp::Add || Op == ReduceOp::Mul)) ||
        (T->isRealFloatingType() && Op != ReduceOp::Add && Op != ReduceOp::Mul &&
         Op != ReduceOp::Max && Op != ReduceOp::Min)) {
      WhyNot = Name + " has type '" + T.getAsString() + "', which has no parallel '" +
               shapes::opName(Op).str() + "' reduction";
      return LoopOutcome::Refused;
    }
  }
  for (const Step &S : Steps)
    if (Accs.count(S.Acc))
      if (std::string P = conversionProblem(PC.Ctx, quoted(S.Acc),
                                            S.Acc->getType(),
                                            S.Value ? S.Value->IgnoreParenImpCasts()->getType()
                                                    : S.Acc->getType(),
                                            S.Op);
          !P.empty()) {
        WhyNot = P;
        return LoopOutcome::Refused;
      }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  std::vector<std::string> Names;
  for (auto &[Acc, Op] : Accs)
    Names.push_back(Acc->getNameAsString());
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (!PC.Config.ReassociateFloatingPoint)
    for (auto &[Acc, Op] : Accs)
      if (Acc->getType()->isRealFloatingType()) {
        if (auto D = PC.remark(Loc, Diag::RemarkFpKeptSerial))
          *D << Acc;
        WhyNot.clear();
        return LoopOutcome::Refused;
      }
  if (std::string Tiny = tinyLoopReason(L); !Tiny.empty()) {
    WhyNot = Tiny;
    return LoopOutcome::Refused;
  }
  if (PC.isTaken(L.HeaderBegin, L.BodyEnd)) {
    WhyNot = "the loop is rewritten otherwise";
    return LoopOutcome::Refused;
  }

  std::vector<shapes::Accumulator> Shape;
  for (auto &[Acc, Op] : Accs) {
    QualType T = Acc->getType();
    bool Narrow = T->isBooleanType() || (T->isIntegerType() && PC.Ctx.getTypeSize(T) <
                                                                   PC.Ctx.getTypeSize(PC.Ctx.IntTy));
    Shape.push_back({Acc->getNameAsString(), PC.typeText(T), Op, T->isBooleanType(), Narrow});
    if (shapes::needsLimits(Op))
      PC.P.ExtraIncludes.insert("limits");
  }
  shapes::Index Idx = makeIndex(PC, L);
  std::string Stem = Accs.size() > 1 ? PC.freshName("r") + "_" : "";
  // A body that is not a block gets one, so that what follows it in the
  // leaf is not indented as if it were part of it.
  bool Block = isa<CompoundStmt>(L.Body);
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::reduceHead(L.Begin, L.End, Shape, Idx, Stem) +
                                     (Block ? "" : "{"), L.HeaderEnd));
  PC.insert(L.BodyEnd, (Block ? "" : " }") + shapes::reduceTail(Shape, Stem));
  std::string Detail;
  for (auto &[Acc, Op] : Accs)
    Detail += (Detail.empty() ? "" : " ") + Acc->getNameAsString() + ":" + shapes::opName(Op).str();
  if (auto D = PC.remark(Loc, Diag::RemarkReduction))
    *D << quotedList(Names);
  PC.note(Loc, "reduction", Detail);
  return LoopOutcome::Rewritten;
}

} // namespace purecc
