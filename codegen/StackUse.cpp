//===- StackUse.cpp - stack a rewrite would hold twice ---------------------===//
#include "StackUse.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace purecc {
namespace {

/// Bytes of a value of type T held in a frame; 0 for references, incomplete,
/// dependent and variably modified types.
std::uint64_t frameBytes(QualType T, const ASTContext &Ctx) {
  if (T.isNull() || T->isReferenceType() || T->isIncompleteType() || T->isDependentType() ||
      T->isVariablyModifiedType())
    return 0;
  return static_cast<std::uint64_t>(Ctx.getTypeSizeInChars(T).getQuantity());
}

} // namespace

std::uint64_t visibleFrameBytes(const FunctionDecl *FD, const ASTContext &Ctx,
                                const ValueDecl **Largest) {
  struct Locals : RecursiveASTVisitor<Locals> {
    const ASTContext &Ctx;
    std::uint64_t Total = 0, Biggest = 0;
    const ValueDecl *Big = nullptr;
    explicit Locals(const ASTContext &Ctx) : Ctx(Ctx) {}
    void add(const ValueDecl *D) {
      std::uint64_t Bytes = frameBytes(D->getType(), Ctx);
      Total += Bytes;
      if (Bytes > Biggest)
        Biggest = Bytes, Big = D;
    }
    bool VisitVarDecl(VarDecl *V) {
      if (V->hasLocalStorage() && !isa<ParmVarDecl>(V))
        add(V);
      return true;
    }
    // A lambda's or a local class's body is another frame.
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  } L(Ctx);
  for (const ParmVarDecl *P : FD->parameters())
    L.add(P);
  if (FD->getBody())
    L.TraverseStmt(FD->getBody());
  if (Largest)
    *Largest = L.Big;
  return L.Total;
}

std::string largeResultReason(QualType T, const ASTContext &Ctx) {
  std::uint64_t Bytes = frameBytes(T, Ctx);
  if (Bytes <= kLargeResult)
    return "";
  return "has type '" + T.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy()) + "' (" +
         std::to_string(Bytes) + " bytes)";
}

} // namespace purecc
