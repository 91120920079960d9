//===- FloatingExceptions.cpp - operations that may raise an IEEE 754 exception
#include "FloatingExceptions.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/APFloat.h"

using namespace clang;

namespace purecc {
namespace {

bool isFloating(QualType T) {
  T = T.getCanonicalType();
  if (const auto *CT = T->getAs<ComplexType>())
    T = CT->getElementType();
  return T->isRealFloatingType();
}

/// Whether the compiler folds E to a constant (`1.0 / 3.0`): then it raises
/// nothing at run time.
bool folded(const ASTContext &Ctx, const Expr *E) {
  return !E->isValueDependent() && E->isCXX11ConstantExpr(Ctx);
}

/// The digits of T's significand, for an exact integer conversion.
unsigned significandBits(const ASTContext &Ctx, QualType T) {
  return llvm::APFloat::semanticsPrecision(Ctx.getFloatTypeSemantics(T));
}

} // namespace

std::string floatingExceptionOperation(const ASTContext &Ctx, const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return "";
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    const Expr *L = BO->getLHS(), *R = BO->getRHS();
    if (!isFloating(L->getType()) && !isFloating(R->getType()) &&
        !(isa<CompoundAssignOperator>(BO) &&
          isFloating(cast<CompoundAssignOperator>(BO)->getComputationResultType())))
      return "";
    switch (BO->getOpcode()) {
    case BO_Div:
    case BO_DivAssign:
      return folded(Ctx, BO) ? "" : "a floating-point division";
    case BO_Mul:
    case BO_Add:
    case BO_Sub:
    case BO_MulAssign:
    case BO_AddAssign:
    case BO_SubAssign:
      return folded(Ctx, BO) ? "" : "floating-point arithmetic";
    case BO_LT:
    case BO_GT:
    case BO_LE:
    case BO_GE:
    case BO_Cmp:
      return folded(Ctx, BO) ? "" : "an ordered floating-point comparison";
    default:
      return "";
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->isIncrementDecrementOp() && isFloating(UO->getSubExpr()->getType()))
      return "floating-point arithmetic";
    return "";
  }
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (folded(Ctx, E))
      return "";
    QualType To = E->getType(), From = Cast->getSubExpr()->getType();
    switch (Cast->getCastKind()) {
    case CK_FloatingToIntegral:
      return "a conversion of a floating-point value to an integer";
    case CK_FloatingCast:
      if (isFloating(To) && isFloating(From) &&
          Ctx.getFloatingTypeOrder(To.getCanonicalType(), From.getCanonicalType()) < 0)
        return "a conversion to a narrower floating-point type";
      return "";
    case CK_IntegralToFloating:
      if (From->isIntegerType() && To->isRealFloatingType() &&
          Ctx.getIntWidth(From) > significandBits(Ctx, To))
        return "a conversion of an integer to a floating-point type that may round it";
      return "";
    default:
      return "";
    }
  }
  return "";
}

} // namespace purecc
