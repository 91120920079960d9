//===- SameExpr.cpp - whether two expressions compute the same value ------===//
#include "SameExpr.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/FoldingSet.h"

using namespace clang;

namespace purecc {

bool sameExpr(ASTContext &Ctx, const Expr *A, const Expr *B) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

bool sameExprRenaming(const Stmt *X, const Stmt *Y, const ParmVarDecl *A, const ParmVarDecl *B) {
  if (!X || !Y)
    return X == Y;
  if (X->getStmtClass() != Y->getStmtClass())
    return false;
  if (const auto *EX = dyn_cast<Expr>(X))
    if (EX->getType().getCanonicalType() != cast<Expr>(Y)->getType().getCanonicalType() ||
        EX->getValueKind() != cast<Expr>(Y)->getValueKind())
      return false;
  switch (X->getStmtClass()) {
  case Stmt::DeclRefExprClass: {
    const ValueDecl *DX = cast<DeclRefExpr>(X)->getDecl(), *DY = cast<DeclRefExpr>(Y)->getDecl();
    if (DX == A)
      return DY == B;
    return DX != B && DX == DY && DY != A && DY != B;
  }
  case Stmt::MemberExprClass:
    if (cast<MemberExpr>(X)->getMemberDecl() != cast<MemberExpr>(Y)->getMemberDecl() ||
        cast<MemberExpr>(X)->isArrow() != cast<MemberExpr>(Y)->isArrow())
      return false;
    break;
  case Stmt::BinaryOperatorClass:
    if (cast<BinaryOperator>(X)->getOpcode() != cast<BinaryOperator>(Y)->getOpcode())
      return false;
    break;
  case Stmt::UnaryOperatorClass:
    if (cast<UnaryOperator>(X)->getOpcode() != cast<UnaryOperator>(Y)->getOpcode())
      return false;
    break;
  case Stmt::ImplicitCastExprClass:
  case Stmt::CStyleCastExprClass:
  case Stmt::CXXStaticCastExprClass:
  case Stmt::CXXFunctionalCastExprClass:
    if (cast<CastExpr>(X)->getCastKind() != cast<CastExpr>(Y)->getCastKind())
      return false;
    break;
  case Stmt::IntegerLiteralClass:
    return cast<IntegerLiteral>(X)->getValue() == cast<IntegerLiteral>(Y)->getValue();
  case Stmt::FloatingLiteralClass:
    return cast<FloatingLiteral>(X)->getValue().bitwiseIsEqual(
        cast<FloatingLiteral>(Y)->getValue());
  case Stmt::CXXBoolLiteralExprClass:
    return cast<CXXBoolLiteralExpr>(X)->getValue() == cast<CXXBoolLiteralExpr>(Y)->getValue();
  case Stmt::CharacterLiteralClass:
    return cast<CharacterLiteral>(X)->getValue() == cast<CharacterLiteral>(Y)->getValue();
  case Stmt::CXXOperatorCallExprClass:
    if (cast<CXXOperatorCallExpr>(X)->getOperator() != cast<CXXOperatorCallExpr>(Y)->getOperator())
      return false;
    break;
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass:
    if (cast<CXXConstructExpr>(X)->getConstructor() != cast<CXXConstructExpr>(Y)->getConstructor())
      return false;
    break;
  case Stmt::CXXDefaultArgExprClass:
    // Its expression is the parameter's default, the same on both sides.
    return cast<CXXDefaultArgExpr>(X)->getParam() == cast<CXXDefaultArgExpr>(Y)->getParam();
  case Stmt::CallExprClass:
  case Stmt::CXXMemberCallExprClass:
  case Stmt::ParenExprClass:
  case Stmt::ArraySubscriptExprClass:
  case Stmt::ConditionalOperatorClass:
  case Stmt::MaterializeTemporaryExprClass:
  case Stmt::ExprWithCleanupsClass:
  case Stmt::CXXBindTemporaryExprClass:
  case Stmt::CXXThisExprClass:
  case Stmt::CXXNullPtrLiteralExprClass:
    break;
  default:
    return false;
  }
  auto CX = X->children(), CY = Y->children();
  auto IX = CX.begin(), IY = CY.begin();
  for (; IX != CX.end() && IY != CY.end(); ++IX, ++IY)
    if (!sameExprRenaming(*IX, *IY, A, B))
      return false;
  return IX == CX.end() && IY == CY.end();
}

} // namespace purecc
