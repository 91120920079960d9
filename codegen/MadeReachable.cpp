//===- MadeReachable.cpp - objects others may reach from the moment made --===//
#include "MadeReachable.h"
#include "AddressTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace purecc {
namespace {

/// A class with an `allocate` member: the allocator of a container.
bool isAllocator(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const Decl *D : RD->decls())
    if (const auto *ND = dyn_cast<NamedDecl>(D); ND && ND->getIdentifier() && ND->getName() == "allocate")
      return true;
  return false;
}

std::string quotedType(const CXXRecordDecl *RD) {
  QualType T(RD->getTypeForDecl(), 0);
  PrintingPolicy Policy(RD->getASTContext().getLangOpts());
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = false;
  return "'" + T.getAsString(Policy) + "'";
}

/// Whether the code of a class's constructors, default member initializers
/// and assignment operators may give away `this` or a member's address.
class ThisUses : public RecursiveASTVisitor<ThisUses> {
public:
  explicit ThisUses(ASTContext &Ctx) : Ctx(Ctx) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }

  /// The first use found that gives the object's address away.
  const Expr *Found = nullptr;

  void inFunction(const FunctionDecl *FD) {
    // A defaulted special member copies or makes members and bases one by
    // one (with a `memcpy` of '&this->x' where they are trivial): it keeps
    // nothing but what theirs keep, which are walked as classes of their
    // own.
    if (Found || Depth > 3 || FD->isDeleted() || FD->isDefaulted() || !Walked.insert(FD).second)
      return;
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def)) {
      // Code not seen (another unit): it may do anything with `this`.
      if (!FD->isDefaulted() && !FD->isTrivial())
        Missing = true;
      return;
    }
    ++Depth;
    if (const auto *CD = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : CD->inits())
        if (Init->getInit())
          TraverseStmt(Init->getInit());
    TraverseStmt(Def->getBody());
    --Depth;
  }
  /// Whether a function called on `this` could not be seen.
  bool Missing = false;

  bool VisitCXXThisExpr(CXXThisExpr *This) {
    if (Found)
      return false;
    const Expr *Child = This;
    const Stmt *P = parent(Child);
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P)) {
      if (isa<FieldDecl>(ME->getMemberDecl())) {
        if (!usedInPlace(ME))
          Found = ME;
        return !Found;
      }
      // `this->reset()`: what that member does with `this`, and with
      // what it returns (`*this` from a `Node &reset()`).
      if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()); MD && !MD->isStatic()) {
        inFunction(MD);
        const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parent(ME));
        if (Missing || !Call)
          Found = ME;
        else if (Types.mayHold(MD->getReturnType()) && !discarded(Call) && !usedInPlace(Call))
          Found = Call;
        return !Found;
      }
    }
    // `return *this;` of an assignment operator hands the object back to
    // the code that assigned it, which is walked where it is.
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P); UO && UO->getOpcode() == UO_Deref) {
      const Stmt *Q = parent(UO);
      while (Q && (isa<ParenExpr>(Q) || isa<ImplicitCastExpr>(Q)))
        Q = parent(Q);
      if (isa_and_nonnull<ReturnStmt>(Q))
        return true;
    }
    Found = This;
    return false;
  }

private:
  const Stmt *parent(const Stmt *S) {
    DynTypedNodeList Ps = Ctx.getParents(*S);
    return Ps.empty() ? nullptr : Ps[0].get<Stmt>();
  }

  /// A call whose result is dropped: a statement of its own.
  bool discarded(const Expr *Call) {
    const Stmt *P = parent(Call);
    while (P && isa<ExprWithCleanups, CXXBindTemporaryExpr, MaterializeTemporaryExpr>(P))
      P = parent(P);
    return !P || !isa<Expr>(P);
  }

  /// Whether the object E (a member, an element of one) is only read,
  /// assigned or updated where it lies, or handed to the library in a way
  /// that keeps no address: `x = 1`, `v[i] = 0`, `v.resize(n)`,
  /// `std::fill(v.begin(), v.end(), 0)`.
  bool usedInPlace(const Expr *E, unsigned Steps = 0) {
    if (Steps > 8)
      return false;
    const Stmt *P = parent(E);
    if (!P)
      return false;
    // A copy of an iterator or a temporary: the same address, on its way.
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr, ExprWithCleanups>(P))
      return usedInPlace(cast<Expr>(P), Steps + 1);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P);
        CE && CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor() &&
        inStd(CE->getConstructor()))
      return usedInPlace(CE, Steps + 1);
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(P)) {
      if (IC->getCastKind() == CK_LValueToRValue)
        return true;
      if (IC->getCastKind() == CK_NoOp || IC->getCastKind() == CK_UncheckedDerivedToBase ||
          IC->getCastKind() == CK_DerivedToBase)
        return usedInPlace(IC, Steps + 1);
      if (IC->getCastKind() == CK_ArrayToPointerDecay)
        if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(parent(IC)); AS && AS->getBase() == IC)
          return usedInPlace(AS, Steps + 1);
      return false;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      if (isa<FieldDecl>(ME->getMemberDecl()))
        return usedInPlace(ME, Steps + 1);
      // A member function called on it: what it does with its `this`
      // (the library's keeps nothing), and what it returns.
      const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parent(ME));
      const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (!Call || !MD)
        return false;
      if (!inStd(MD)) {
        inFunction(MD);
        if (Found || Missing)
          return false;
      }
      return keepsNothing(Call, Steps);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(P))
      return AS->getBase() == E ? usedInPlace(AS, Steps + 1) : true;
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      return BO->isAssignmentOp() && BO->getLHS() == E;
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      return UO->isIncrementDecrementOp();
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !inStd(Callee))
        return false;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
          Op && Op->getNumArgs() >= 1 && Op->getArg(0) == E && isa<CXXMethodDecl>(Callee) &&
          (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
           Op->getOperator() == OO_MinusMinus))
        return true;
      return keepsNothing(Call, Steps);
    }
    return false;
  }

  /// A call of the library given an address: it keeps none (the library
  /// keeps an argument's address only in what it returns), so what counts
  /// is its result.
  bool keepsNothing(const CallExpr *Call, unsigned Steps) {
    if ((!Types.mayHold(Call->getType()) && !Call->isGLValue()) || discarded(Call))
      return true;
    return usedInPlace(Call, Steps + 1);
  }

  ASTContext &Ctx;
  AddressTypes Types;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Walked;
  unsigned Depth = 0;
};

/// The code of RD that runs when its objects are made or assigned.
const Expr *givesThisAway(const CXXRecordDecl *RD, bool &Missing) {
  ThisUses Uses(RD->getASTContext());
  for (const CXXConstructorDecl *CD : RD->ctors())
    Uses.inFunction(CD);
  for (const CXXMethodDecl *MD : RD->methods())
    if (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())
      Uses.inFunction(MD);
  // `~D() { g_last = this; }`: `v.pop_back()` publishes an element's
  // neighbour (adv54 t27).
  if (const CXXDestructorDecl *Dtor = RD->getDestructor())
    Uses.inFunction(Dtor);
  for (const FieldDecl *F : RD->fields())
    if (const Expr *Init = F->getInClassInitializer(); Init && !Uses.Found)
      Uses.TraverseStmt(const_cast<Expr *>(Init));
  Missing = Uses.Missing;
  return Uses.Found;
}

std::string walk(QualType T, llvm::SmallPtrSetImpl<const Type *> &Seen) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (!Seen.insert(T.getTypePtr()).second)
    return "";
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return walk(AT->getElementType(), Seen);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return "";
  RD = RD->getDefinition();
  if (inStd(RD)) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec)
      return "";
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
      if (A.getKind() != TemplateArgument::Type)
        continue;
      const CXXRecordDecl *Arg = A.getAsType()->getAsCXXRecordDecl();
      if (isAllocator(Arg)) {
        if (inStd(Arg) && Arg->getIdentifier() && Arg->getName() == "allocator")
          continue;
        if (inStd(Arg))
          return "its allocator " + quotedType(Arg) +
                 " takes storage from a memory resource, which others may reach";
        return "its allocator " + quotedType(Arg) + " may keep the storage it hands out";
      }
      if (std::string Why = walk(A.getAsType(), Seen); !Why.empty())
        return Why;
    }
    return "";
  }
  bool Missing = false;
  if (givesThisAway(RD, Missing))
    return "the constructor, assignment or destructor of " + quotedType(RD) +
           " may keep the object's address";
  if (Missing)
    return "the constructor, assignment or destructor of " + quotedType(RD) +
           " is not in this file, and may keep the object's address";
  for (const FieldDecl *F : RD->fields())
    if (std::string Why = walk(F->getType(), Seen); !Why.empty())
      return Why;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (std::string Why = walk(B.getType(), Seen); !Why.empty())
      return Why;
  return "";
}

} // namespace

std::string madeReachable(QualType T) {
  llvm::SmallPtrSet<const Type *, 8> Seen;
  return walk(T, Seen);
}

} // namespace purecc
