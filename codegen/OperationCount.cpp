//===- OperationCount.cpp - how much work one run of loop-free code does --===//
#include "OperationCount.h"

#include "analysis/FixedCallee.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

using namespace clang;

namespace purecc {
namespace {

constexpr std::int64_t kSaturation = std::int64_t(1) << 40;

/// Library functions without a visible body that compile to an instruction
/// or two on x86-64 and AArch64.
bool isInstructionLike(const FunctionDecl *FD) {
  const IdentifierInfo *Name = FD->getIdentifier();
  if (!Name)
    return false;
  llvm::StringRef N = Name->getName();
  N.consume_front("__builtin_");
  return llvm::StringSwitch<bool>(N)
      .Cases("sqrt", "sqrtf", "sqrtl", "fabs", "fabsf", "fabsl", "abs", "labs", "llabs", true)
      .Cases("fmin", "fminf", "fmax", "fmaxf", "copysign", "copysignf", true)
      .Cases("floor", "floorf", "ceil", "ceilf", "trunc", "truncf", "fma", "fmaf", true)
      .Default(false);
}

/// A literal, an enumerator or a constexpr variable (`x / 7`, `x % kBase`).
bool isIntegerConstant(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, CharacterLiteral>(E))
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return false;
  if (isa<EnumConstantDecl>(DRE->getDecl()))
    return true;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  return VD && VD->isConstexpr();
}

class Counter {
public:
  explicit Counter(const llvm::SmallPtrSetImpl<const Expr *> *Cheap) : Cheap(Cheap) {}

  std::int64_t of(const Stmt *S) {
    if (!S)
      return 0;
    // The cheaper branch: a heavy branch taken once in 4096 iterations
    // (`o[i] = i == rep ? heavy(i) : o[i] + 1`) made a map of trivial work
    // in leaves of 128, five times slower than the serial loop (adv119 F3).
    if (const auto *If = dyn_cast<IfStmt>(S))
      return add(add(of(If->getInit()), of(If->getCond())),
                 std::min(of(If->getThen()), of(If->getElse())));
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S))
      return add(of(CO->getCond()) + 1, std::min(of(CO->getTrueExpr()), of(CO->getFalseExpr())));
    // Only the closure is made here; a call of it counts its body.
    if (isa<LambdaExpr>(S))
      return 0;
    std::int64_t Own = own(S);
    for (const Stmt *Child : S->children())
      Own = add(Own, of(Child));
    return Own;
  }

private:
  static std::int64_t add(std::int64_t A, std::int64_t B) {
    return std::min(A + B, kSaturation);
  }

  /// What S itself costs, its operands aside.
  std::int64_t own(const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      switch (BO->getOpcode()) {
      case BO_Div:
      case BO_Rem:
      case BO_DivAssign:
      case BO_RemAssign:
        // By an integer constant, compilers multiply and shift instead
        // (adv119 F5: `x / 7 + x % 13` counted 16, a map 1.6 times slower).
        if (BO->getType()->isIntegerType() && isIntegerConstant(BO->getRHS()))
          return 2;
        return kDivision;
      case BO_Comma:
        return 0;
      default:
        return 1;
      }
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      switch (UO->getOpcode()) {
      case UO_Deref:
      case UO_AddrOf:
      case UO_Plus:
      case UO_Extension:
        return 0;
      default:
        return 1;
      }
    }
    if (isa<ArraySubscriptExpr>(S))
      return 1;
    if (const auto *Cast = dyn_cast<CastExpr>(S)) {
      switch (Cast->getCastKind()) {
      case CK_IntegralToFloating:
      case CK_FloatingToIntegral:
      case CK_FloatingCast:
        return 1;
      default:
        return 0;
      }
    }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (Cheap && Cheap->contains(CE))
        return kOpaqueCall;
      std::int64_t Most = 0;
      llvm::SmallVector<const FunctionDecl *, 2> Reached = reachedFunctions(CE);
      if (Reached.empty())
        return kOpaqueCall;
      for (const FunctionDecl *FD : Reached)
        Most = std::max(Most, callee(FD));
      return Most;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
      return CE->getConstructor()->isTrivial() ? 0 : callee(CE->getConstructor());
    return 0;
  }

  /// A call of FD, its arguments aside.
  std::int64_t callee(const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def) || !Def)
      return FD->isTrivial() || FD->isDefaulted() ? 0
             : isInstructionLike(FD)              ? 1
                                                  : kOpaqueCall;
    // runsLoops has ruled recursion out; this bounds a deep chain anyway.
    if (Depth >= 16 || !Path.insert(Def).second)
      return kOpaqueCall;
    ++Depth;
    std::int64_t Ops = add(kCall, of(Def->getBody()));
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        Ops = add(Ops, of(Init->getInit()));
    --Depth;
    Path.erase(Def);
    return Ops;
  }

  const llvm::SmallPtrSetImpl<const Expr *> *Cheap;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Path;
  int Depth = 0;
};

} // namespace

std::int64_t loopFreeOperations(const Stmt *S, const llvm::SmallPtrSetImpl<const Expr *> *Cheap) {
  return std::max<std::int64_t>(Counter(Cheap).of(S), 1);
}

std::int64_t leafIterations(std::int64_t Ops) {
  std::int64_t Leaf = 1;
  while (Leaf * std::max<std::int64_t>(Ops, 1) < kLeafOperations)
    Leaf *= 2;
  return Leaf;
}

} // namespace purecc
