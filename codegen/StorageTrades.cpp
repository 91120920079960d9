//===- StorageTrades.cpp - escapes that move with storage between objects -===//
#include "StorageTrades.h"
#include "AddressTypes.h"
#include "PlanContext.h"
#include "StmtDeps.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace purecc {

namespace {

/// Whether an escape at S may have happened before the trade at Site runs:
/// S comes first in the text, or a loop around Site runs S again before
/// Site's next run. An escape after the trade, outside the loops around it,
/// gives away storage the trade's receiver no longer shares (user47 k02:
/// `show(cur)` after an iterative solver's `cur.swap(next)` loop).
bool mayPrecede(const Stmt *S, const Stmt *Site, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(S->getBeginLoc());
  if (SM.isBeforeInTranslationUnit(At, SM.getExpansionLoc(Site->getBeginLoc())))
    return true;
  for (DynTypedNodeList Parents = Ctx.getParents(*Site); !Parents.empty();
       Parents = Ctx.getParents(Parents[0])) {
    // The function's body: S comes after the trade, unless the function is
    // a lambda's, which may run again.
    if (const auto *FD = Parents[0].get<FunctionDecl>()) {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      return MD && MD->getParent()->isLambda();
    }
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      continue; // a declaration's initializer
    if (isa<LambdaExpr>(P))
      return true; // a lambda's body may run at any time
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P) &&
        !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(P->getEndLoc()), At))
      return true;
  }
  return false;
}

/// Adds to Out the classes a T may own as a part: T itself, its bases and
/// members, array elements, and the type arguments of a standard template
/// (`std::vector<V>` holds `V`s, `std::pair<V, int>` a `V`). Only classes
/// that may own storage (not trivially copyable) count.
void classesWithin(QualType T, llvm::SmallPtrSetImpl<const Type *> &Out, unsigned Depth = 0) {
  if (Depth > 8)
    return;
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe()) {
    classesWithin(AT->getElementType(), Out, Depth + 1);
    return;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isTriviallyCopyable() || !Out.insert(T.getTypePtr()).second)
    return;
  for (const CXXBaseSpecifier &B : RD->bases())
    classesWithin(B.getType(), Out, Depth + 1);
  for (const FieldDecl *F : RD->fields())
    classesWithin(F->getType(), Out, Depth + 1);
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD); Spec && inStd(Spec))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type)
        classesWithin(A.getAsType(), Out, Depth + 1);
}

} // namespace

/// Storage that moved carries its escapes along: the receiver of a trade
/// escapes at the trade when what it received may be reached other than
/// through the object it came from, that is when that object escapes
/// before the trade (or anywhere in a loop around it), a holder holds it,
/// or it received such storage itself. The library's move or swap is no
/// escape of its own: the non-const references it takes
/// (Finder::VisitCallExpr) do not count, or `a[y] = std::move(row)` of a
/// row built in the loop body would make 'a' escape (user46 k04), and
/// `cur.swap(next)` of a double buffer 'next' (user47 k02).
void followTrades(EscapeSites &Out, ASTContext &Ctx) {
  if (Out.Trades.empty() && Out.Lost.empty())
    return;
  llvm::SmallPtrSet<const Stmt *, 8> TradeParts;
  std::vector<EscapeSites::Trade> Moves(Out.Trades);
  Moves.insert(Moves.end(), Out.Lost.begin(), Out.Lost.end());
  for (const EscapeSites::Trade &T : Moves) {
    TradeParts.insert(T.Site);
    // `cur.swap(next)`: the object is no child of the call (it is the
    // callee's base), and it trades as the argument does.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(T.Site))
      if (const Expr *Object = MC->getImplicitObjectArgument()) {
        TradeParts.insert(Object);
        TradeParts.insert(Object->IgnoreParenImpCasts());
      }
    for (const Stmt *Child : T.Site->children()) {
      const auto *E = dyn_cast_or_null<Expr>(Child);
      if (!E)
        continue;
      TradeParts.insert(E);
      E = E->IgnoreParenImpCasts();
      TradeParts.insert(E);
      // `std::move(row)`: its argument binds to a non-const reference too.
      const Expr *Moved = unmoved(E);
      TradeParts.insert(Moved);
      TradeParts.insert(Moved->IgnoreParenImpCasts());
    }
  }
  for (auto &[VD, Where] : Out.Sites)
    llvm::erase_if(Where, [&](const Stmt *S) { return TradeParts.contains(S) && !Out.Firm.contains(S); });
  for (auto It = Out.Sites.begin(); It != Out.Sites.end();)
    It = It->second.empty() ? Out.Sites.erase(It) : std::next(It);
  // Held by a holder: reachable whenever. A reference to the whole object
  // (`auto &r = pr;`, a range-for's `__range`) follows the object, not its
  // storage: after `pr.swap(next)` it sees what pr holds then.
  auto AliasesObject = [](const VarDecl *H, const VarDecl *X) {
    QualType T = H->getType();
    return T->isReferenceType() &&
           T.getNonReferenceType()->getCanonicalTypeUnqualified() ==
               X->getType().getNonReferenceType()->getCanonicalTypeUnqualified();
  };
  // Where each holder binds what it holds: a reference's declaration (it
  // cannot be bound again), null for any other holder (a pointer may be
  // assigned anywhere) and for storage received in a trade. A reference
  // bound after the trade, outside the loops around it, holds storage the
  // receiver no longer shares (user48 k02: `const auto &row = u[7];` after
  // a stencil's time loop that ends in `std::swap(u, v)`).
  auto BindingOf = [&](const VarDecl *H) -> const Stmt * {
    if (!H->getType()->isReferenceType() || !H->isLocalVarDecl())
      return nullptr;
    for (const DynTypedNode &P : Ctx.getParents(*H))
      if (const auto *DS = P.get<DeclStmt>())
        return DS;
    return nullptr;
  };
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Stmt *, 2>> HeldAt;
  for (const auto &[H, Held] : Out.Holds)
    for (const VarDecl *X : Held)
      if (X != H && !AliasesObject(H, X))
        HeldAt[X].push_back(BindingOf(H));
  auto HeldBefore = [&](const VarDecl *From, const Stmt *Site) {
    auto It = HeldAt.find(From);
    return It != HeldAt.end() && llvm::any_of(It->second, [&](const Stmt *Binding) {
             return !Binding || mayPrecede(Binding, Site, Ctx);
           });
  };
  auto EscapedBefore = [&](const VarDecl *From, const Stmt *Site) {
    auto It = Out.Sites.find(From);
    return It != Out.Sites.end() &&
           llvm::any_of(It->second, [&](const Stmt *S) { return mayPrecede(S, Site, Ctx); });
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const EscapeSites::Trade &T : Out.Trades) {
      if (T.From && !HeldBefore(T.From, T.Site) && !EscapedBefore(T.From, T.Site))
        continue;
      auto &Where = Out.Sites[T.To];
      if (!llvm::is_contained(Where, T.Site)) {
        Where.push_back(T.Site);
        Out.Lasting.insert(T.Site);
        Changed = true;
      }
      if (auto &Bindings = HeldAt[T.To]; !llvm::is_contained(Bindings, nullptr)) {
        Bindings.push_back(nullptr);
        Changed = true;
      }
    }
  }
  // Storage lost from sight may come back into any local of a class that
  // holds one of the classes its owner holds: `V`, a struct with a `V`
  // member, a `std::vector<V>` (adv49 t18: `Box b{std::move(pool)}; h.v =
  // std::move(b.v);`).
  for (const EscapeSites::Trade &L : Out.Lost) {
    if (!Out.Sites.contains(L.From) && !HeldAt.contains(L.From))
      continue;
    llvm::SmallPtrSet<const Type *, 8> Lost;
    classesWithin(L.From->getType(), Lost);
    for (const VarDecl *Y : Out.Owners)
      if (Y != L.From && [&] {
            llvm::SmallPtrSet<const Type *, 8> Mine;
            classesWithin(Y->getType(), Mine);
            return llvm::any_of(Mine, [&](const Type *C) { return Lost.contains(C); });
          }()) {
        auto &Where = Out.Sites[Y];
        if (!llvm::is_contained(Where, L.Site)) {
          Where.push_back(L.Site);
          Out.Lasting.insert(L.Site);
        }
      }
  }
}

/// CallerStorage: the by-value parameters of FD and of the lambdas in it,
/// then every local that receives storage from one of them in a trade,
/// until nothing changes.
void followCallerStorage(EscapeSites &Out, const FunctionDecl *FD) {
  auto Seed = [&](const FunctionDecl *F) {
    for (const ParmVarDecl *P : F->parameters())
      if (isOwnedLocal(P) && P->getType()->isRecordType())
        Out.CallerStorage.try_emplace(P, P);
  };
  Seed(FD);
  // Each lambda's, whether or not a trade names them (adv65 G2: a map over
  // a lambda's by-value parameter read a captured pointer into it).
  llvm::SmallVector<const Stmt *, 16> Work{FD->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
      Seed(Lambda->getCallOperator());
    Work.append(S->child_begin(), S->child_end());
  }
  for (const EscapeSites::Trade &T : Out.Trades)
    if (const auto *P = dyn_cast_or_null<ParmVarDecl>(T.From); P && !Out.CallerStorage.count(P))
      if (const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext()))
        Seed(F);
  for (bool Again = true; Again;) {
    Again = false;
    for (const EscapeSites::Trade &T : Out.Trades)
      if (auto It = Out.CallerStorage.find(T.From);
          It != Out.CallerStorage.end() && !Out.CallerStorage.count(T.To)) {
        Out.CallerStorage.insert({T.To, It->second});
        Again = true;
      }
  }
}

} // namespace purecc
