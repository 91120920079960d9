//===- OwningPointers.cpp - pointer members that own what they point to ---===//
#include "OwningPointers.h"
#include "Mentions.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <optional>

using namespace clang;

namespace purecc {
namespace {

/// The name a call is made through and whether every function it may name
/// is the library's, in std: `std::swap(d, o.d)`, also unresolved in a
/// template (`std::exchange(o.d, nullptr)` with `T *d`).
struct CalleeName {
  llvm::StringRef Name;
  bool InStd = false;
};

CalleeName calleeName(const CallExpr *CE) {
  if (const FunctionDecl *FD = CE->getDirectCallee()) {
    if (!FD->getIdentifier())
      return {};
    return {FD->getName(), FD->isInStdNamespace()};
  }
  const auto *ULE = dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreParenImpCasts());
  if (!ULE || !ULE->getName().isIdentifier() || ULE->decls().empty())
    return {};
  bool InStd = true;
  for (const NamedDecl *D : ULE->decls())
    InStd = InStd && D->getUnderlyingDecl()->isInStdNamespace();
  return {ULE->getName().getAsIdentifierInfo()->getName(), InStd};
}

const Expr *strip(const Expr *E) {
  while (true) {
    E = E->IgnoreParenCasts();
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E))
      E = DI->getExpr();
    else if (const auto *EW = dyn_cast<ExprWithCleanups>(E))
      E = EW->getSubExpr();
    else if (const auto *PL = dyn_cast<ParenListExpr>(E); PL && PL->getNumExprs() == 1)
      E = PL->getExpr(0);
    else if (const auto *IL = dyn_cast<InitListExpr>(E); IL && IL->getNumInits() == 1)
      E = IL->getInit(0);
    else
      return E;
  }
}

/// Judges one field of one class (the pattern, for a template): every use
/// of it in the code that may name it.
class Judge {
public:
  Judge(ASTContext &Ctx, const FieldDecl *F) : Ctx(Ctx), F(F->getCanonicalDecl()) {}

  /// The members of specialization Spec that the program wrote for it
  /// (`template <> void Vec<long>::adopt(long *p) { d = p; }`): not in the
  /// pattern (adv91 F1: one stored the caller's pointer, and passed).
  bool explicitMembers(const CXXRecordDecl *Spec) {
    for (const CXXMethodDecl *MD : Spec->methods())
      if (MD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization && !function(MD))
        return false;
    for (const Decl *D : Spec->decls())
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
        for (const FunctionDecl *S : FT->specializations())
          if (S->getTemplateSpecializationKind() == TSK_ExplicitSpecialization && !function(S))
            return false;
    return true;
  }

  bool owns(const CXXRecordDecl *C) {
    if (C->hasFriends())
      for (const FriendDecl *FrD : C->friends()) {
        if (FrD->getFriendType())
          return false; // a friend class: its members are not in this scan
        const NamedDecl *ND = FrD->getFriendDecl();
        if (const auto *FT = dyn_cast_or_null<FunctionTemplateDecl>(ND))
          ND = FT->getTemplatedDecl();
        const auto *FD = dyn_cast_or_null<FunctionDecl>(ND);
        if (!FD || !function(FD))
          return false;
      }
    return members(C);
  }

private:
  bool isF(const Expr *E) const {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParens());
    return ME && ME->getMemberDecl()->getCanonicalDecl() == F;
  }

  /// Members of C and of the classes nested in it, which share its access.
  bool members(const CXXRecordDecl *C) {
    for (const Decl *D : C->decls()) {
      if (const auto *Nested = dyn_cast<CXXRecordDecl>(D)) {
        if (Nested->isInjectedClassName() || !Nested->hasDefinition())
          continue;
        if (!members(Nested->getDefinition()))
          return false;
        continue;
      }
      if (const auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
        if (CT->getTemplatedDecl()->hasDefinition() && !members(CT->getTemplatedDecl()->getDefinition()))
          return false;
        continue;
      }
      if (const auto *G = dyn_cast<FieldDecl>(D)) {
        // Another member's default initializer may read F, not bind it.
        if (G->getCanonicalDecl() != F && G->hasInClassInitializer() && G->getInClassInitializer() &&
            !uses(G->getInClassInitializer(), nullptr))
          return false;
        continue;
      }
      const FunctionDecl *FD = dyn_cast<FunctionDecl>(D);
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
        FD = FT->getTemplatedDecl();
      if (FD && !function(FD))
        return false;
    }
    return true;
  }

  bool function(const FunctionDecl *FD) {
    if (FD->isDeleted())
      return true;
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def) {
      // Implicit and defaulted members are judged by specialMembers();
      // a pure virtual member has no code; anything else is defined out
      // of sight and may store anything.
      if (FD->isDefaulted() || FD->isPureVirtual())
        return true;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->isImplicit())
        return true;
      return false;
    }
    if (!Seen.insert(Def).second)
      return true;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *I : Ctor->inits()) {
        // Implicit ones are the default member initializers, judged once.
        if (!I->isWritten())
          continue;
        const MemberExpr *Stolen = nullptr;
        if (I->getMember() && I->getMember()->getCanonicalDecl() == F) {
          if (!fresh(I->getInit(), Def))
            return false;
          Stolen = dyn_cast<MemberExpr>(strip(I->getInit()));
        }
        // Other members' initializers may read F, not bind it.
        if (!uses(I->getInit(), Def, Stolen))
          return false;
      }
    const Stmt *Body = Def->getBody();
    return !Body || uses(Body, Def);
  }

  /// Objects whose F this function sets to null in a statement of its own
  /// (`o.d = nullptr;` in a move constructor's or assignment's body).
  llvm::SmallPtrSet<const ValueDecl *, 2> &nulledBy(const FunctionDecl *Def) {
    auto [It, New] = Nulled.try_emplace(Def);
    if (!New || !Def)
      return It->second;
    if (const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody()))
      for (const Stmt *S : Body->body()) {
        const auto *BO = dyn_cast<BinaryOperator>(S);
        if (!BO || BO->getOpcode() != BO_Assign || !isF(BO->getLHS()) ||
            !BO->getRHS()->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
          continue;
        const auto *ME = cast<MemberExpr>(BO->getLHS()->IgnoreParens());
        if (const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
            DRE && !ME->isArrow())
          It->second.insert(DRE->getDecl());
      }
    return It->second;
  }

  /// Whether E, stored into F in function Def, is a block no one else holds.
  bool fresh(const Expr *E, const FunctionDecl *Def) {
    E = strip(E);
    if (isa<CXXNewExpr>(E) || E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return true;
    if (const auto *CO = dyn_cast<ConditionalOperator>(E))
      return fresh(CO->getTrueExpr(), Def) && fresh(CO->getFalseExpr(), Def);
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      CalleeName N = calleeName(CE);
      if (N.InStd && N.Name == "exchange" && CE->getNumArgs() == 2)
        return isF(CE->getArg(0)) && fresh(CE->getArg(1), Def);
      // malloc, calloc, realloc, aligned_alloc, `::operator new` (adv91 F9).
      MemoryCall M = memoryCall(CE->getDirectCallee(), Ctx.getSourceManager());
      return M == MemoryCall::Allocates || M == MemoryCall::Reallocates;
    }
    // A local pointer made fresh and only read since (`long *fresh = new
    // long[n]; std::copy(...); delete[] d; d = fresh;`), stored into one
    // object only.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!Def || !VD || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
          !VD->getType()->isPointerType() || !VD->getInit() || !mentionsIn(Def).onlyRead(VD, Mentions::ReadShape::Name) ||
          repeated(DRE, VD, Def) || !StoredFrom.insert(VD).second)
        return false;
      return fresh(VD->getInit(), Def);
    }
    // Stolen from another object that is then left null.
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && isF(ME) && !ME->isArrow())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
        return nulledBy(Def).contains(DRE->getDecl());
    return false;
  }

  /// Whether Use may run more than once for one value of VD: inside a
  /// loop (or a function with labels) that VD is declared outside of
  /// (adv91 F7: `for (...) a[i].d = p;` stored one block into many).
  bool repeated(const Expr *Use, const VarDecl *VD, const FunctionDecl *Def) const {
    const SourceManager &SM = Ctx.getSourceManager();
    auto Within = [&](SourceRange R, SourceLocation L) {
      return !SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
             !SM.isBeforeInTranslationUnit(R.getEnd(), L);
    };
    llvm::SmallVector<const Stmt *, 64> Stack{Def->getBody()};
    while (!Stack.empty()) {
      const Stmt *S = Stack.pop_back_val();
      if (isa<LabelStmt>(S))
        return true;
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S) &&
          Within(S->getSourceRange(), Use->getBeginLoc()) &&
          !Within(S->getSourceRange(), VD->getLocation()))
        return true;
      for (const Stmt *C : S->children())
        if (C)
          Stack.push_back(C);
    }
    return false;
  }

  /// Where Def's body names each variable and member, walked once.
  const Mentions &mentionsIn(const FunctionDecl *Def) {
    auto It = BodyMentions.find(Def);
    if (It == BodyMentions.end())
      It = BodyMentions.try_emplace(Def, std::make_unique<Mentions>(Def->getBody())).first;
    return *It->second;
  }

  /// Every mention of F in Body reads it, stores a fresh block into it, or
  /// swaps it with another object's.
  bool uses(const Stmt *Body, const FunctionDecl *Def, const MemberExpr *Validated = nullptr) {
    std::optional<Mentions> OfInitializer;
    const Mentions &M = Def && Body == Def->getBody() ? mentionsIn(Def) : OfInitializer.emplace(Body);
    for (const Stmt *S : M.statements()) {
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls()) {
          if (const auto *RD = dyn_cast<CXXRecordDecl>(D); RD && !RD->isLambda())
            return false; // a local class's members are not in this scan
          // `auto &[p, n] = *this;` names F through a binding.
          if (const auto *DD = dyn_cast<DecompositionDecl>(D))
            for (const BindingDecl *B : DD->bindings())
              if (const Expr *BE = B->getBinding(); BE && isF(BE))
                return false;
        }
      if (const auto *DM = dyn_cast<CXXDependentScopeMemberExpr>(S))
        if (DM->getMember() == F->getDeclName())
          return false; // another specialization's F, or unresolved
    }
    // `&C::d`, a pointer to the member: stored through out of sight.
    if (!M.of(F).empty())
      return false;
    for (const MemberExpr *ME : M.ofMember(F))
      if (ME != Validated && !allowedUse(ME, M, Def))
        return false;
    return true;
  }

  bool allowedUse(const MemberExpr *ME, const Mentions &M, const FunctionDecl *Def) {
    auto [Child, P] = M.userOf(ME);
    if (!P)
      return false;
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(P))
      return IC->getCastKind() == CK_LValueToRValue;
    if (isa<UnaryExprOrTypeTraitExpr>(P))
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Assign)
        return BO->getLHS()->IgnoreParens() == ME ? fresh(BO->getRHS(), Def)
                                                  : ME->isTypeDependent();
      // Arithmetic and comparisons read it; `d += k` repoints it.
      return !BO->isAssignmentOp() && ME->isTypeDependent();
    }
    if (const auto *CE = dyn_cast<CallExpr>(P); CE && !isa<CXXOperatorCallExpr>(CE)) {
      CalleeName N = calleeName(CE);
      if (N.InStd && N.Name == "swap" && CE->getNumArgs() == 2)
        return isF(CE->getArg(0)) && isF(CE->getArg(1));
      if (N.InStd && N.Name == "exchange" && CE->getNumArgs() == 2)
        return CE->getArg(0)->IgnoreParens() == ME && fresh(CE->getArg(1), Def);
      return ME->isTypeDependent() && takenByValue(CE, Child);
    }
    // In a template, a member of dependent type is read without the
    // implicit conversion a concrete one gets.
    if (!ME->isTypeDependent())
      return false;
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(P))
      return AS->getBase()->IgnoreParens() == ME;
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      return UO->getOpcode() == UO_Deref;
    if (const auto *Access = dyn_cast<CXXDependentScopeMemberExpr>(P))
      return Access->isArrow();
    if (const auto *Access = dyn_cast<MemberExpr>(P))
      return Access->isArrow();
    if (isa<CXXDeleteExpr>(P))
      return true;
    if (isa<ReturnStmt>(P))
      return Def && !Def->getReturnType()->isReferenceType();
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      const auto *VD = DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
      return VD && VD->getInit() == Child && !VD->getType()->isReferenceType();
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      switch (OC->getOperator()) {
      case OO_Subscript:
      case OO_Arrow:
        return OC->getArg(0)->IgnoreParens() == ME;
      case OO_Star:
      case OO_Plus:
      case OO_Minus:
      case OO_EqualEqual:
      case OO_ExclaimEqual:
      case OO_Less:
      case OO_Greater:
      case OO_LessEqual:
      case OO_GreaterEqual:
        return true;
      default:
        return false;
      }
    }
    return false;
  }

  /// Whether every function an unresolved call may name takes argument A
  /// by value (`std::copy(o.d, o.d + n, d)` in a template).
  static bool takenByValue(const CallExpr *CE, const Stmt *A) {
    const auto *ULE = dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreParenImpCasts());
    if (!ULE || ULE->requiresADL() || ULE->decls().empty())
      return false;
    unsigned Index = 0;
    while (Index < CE->getNumArgs() && CE->getArg(Index) != A)
      ++Index;
    if (Index == CE->getNumArgs())
      return false;
    for (const NamedDecl *D : ULE->decls()) {
      const NamedDecl *U = D->getUnderlyingDecl();
      const FunctionDecl *FD = dyn_cast<FunctionDecl>(U);
      if (const auto *FT = dyn_cast<FunctionTemplateDecl>(U))
        FD = FT->getTemplatedDecl();
      if (!FD)
        return false;
      // An overload of another arity (std::copy's with an execution
      // policy first) is not a candidate.
      if (CE->getNumArgs() < FD->getMinRequiredArguments() ||
          (CE->getNumArgs() > FD->getNumParams() && !FD->isVariadic()))
        continue;
      if (Index >= FD->getNumParams() || FD->getParamDecl(Index)->getType()->isReferenceType() ||
          FD->getParamDecl(Index)->isParameterPack())
        return false;
    }
    return true;
  }

  ASTContext &Ctx;
  const FieldDecl *F;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;
  // Local pointers already stored into F: a second store would share.
  llvm::SmallPtrSet<const VarDecl *, 4> StoredFrom;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallPtrSet<const ValueDecl *, 2>> Nulled;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Mentions>> BodyMentions;
};

/// Whether a copy or move of a C object, as the class declares one, could
/// leave two objects holding one block: a defaulted copy or move (declared
/// by the program or implicitly, once the translation unit used it) copies
/// the pointer. A member never declared was never used here.
bool copiesPointer(const CXXRecordDecl *C) {
  for (const CXXConstructorDecl *Ctor : C->ctors())
    if (Ctor->isCopyOrMoveConstructor() && !Ctor->isDeleted() && !Ctor->isUserProvided())
      return true;
  for (const CXXMethodDecl *MD : C->methods())
    if ((MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) && !MD->isDeleted() &&
        !MD->isUserProvided())
      return true;
  return false;
}

} // namespace

bool ownsPointee(const FieldDecl *F, ASTContext &Ctx) {
  QualType T = F->getType();
  if (!T->isPointerType() || T->isFunctionPointerType() || F->getAccess() != AS_private)
    return false;
  const auto *C = dyn_cast<CXXRecordDecl>(F->getParent());
  // A trivially copyable class may be copied byte for byte (std::memcpy,
  // std::bit_cast), pointer and all.
  if (!C || C->isUnion() || C->isLambda() || !C->hasDefinition() || C->isTriviallyCopyable() ||
      copiesPointer(C))
    return false;
  // A template's members are judged in its pattern, where every member is
  // defined whether or not this program instantiated it.
  const FieldDecl *Judged = F;
  if (const CXXRecordDecl *Pattern = C->getTemplateInstantiationPattern()) {
    Judged = nullptr;
    for (const NamedDecl *ND : Pattern->lookup(F->getDeclName()))
      Judged = dyn_cast<FieldDecl>(ND);
    if (!Judged || Judged->getAccess() != AS_private || copiesPointer(Pattern) ||
        !Judge(Ctx, F).explicitMembers(C))
      return false;
    C = Pattern;
  }
  if (const Expr *Init = Judged->getInClassInitializer()) {
    const Expr *E = strip(Init);
    if (!isa<CXXNewExpr>(E) && !E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return false;
  }
  return Judge(Ctx, Judged).owns(C);
}

} // namespace purecc
