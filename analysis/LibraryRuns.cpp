//===- LibraryRuns.cpp - user code that library templates run -------------===//
#include "LibraryRuns.h"
#include "Destructors.h"
#include "ImplementationHeaders.h"
#include "LibraryNames.h"
#include "Stdlib.h"
#include "Unevaluated.h"
#include "VirtualDispatch.h"
#include "rules/VirtualCall.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace purecc {
namespace {

std::string describe(const FunctionDecl *FD, const PrintingPolicy &PP, const SourceManager &SM) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  // A lambda as the user wrote it, not the closure's spelling
  // ('(anonymous class)::operator()'), as the report names it.
  if (MD && MD->getParent()->isLambda() && MD->getOverloadedOperator() == OO_Call) {
    PresumedLoc P = SM.getPresumedLoc(MD->getParent()->getLocation());
    return "calls 'lambda at line " + std::to_string(P.isValid() ? P.getLine() : 0) + "'";
  }
  const char *Verb = nullptr;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
    Verb = CD->isCopyConstructor() ? "copies" : CD->isMoveConstructor() ? "moves" : "constructs";
  else if (isa<CXXDestructorDecl>(FD))
    Verb = "destroys";
  if (Verb && MD) {
    OS << Verb << " a '";
    MD->getParent()->printQualifiedName(OS, PP);
    OS << '\'';
    return S;
  }
  if (MD && MD->isCopyAssignmentOperator())
    OS << "copy-assigns";
  else if (MD && MD->isMoveAssignmentOperator())
    OS << "move-assigns";
  else
    OS << "calls";
  OS << " '";
  FD->printQualifiedName(OS, PP);
  OS << '\'';
  return S;
}

/// `std::make_shared<T>` and `std::allocate_shared<T>` make a control block
/// that destroys the T in a virtual `_M_dispose`, a call no body names.
bool destroysMadeObject(const FunctionDecl *FD) {
  const std::string Name = tableName(FD);
  return Name == "std::make_shared" || Name == "std::allocate_shared" ||
         Name == "std::make_shared_for_overwrite" ||
         Name == "std::allocate_shared_for_overwrite";
}

} // namespace

const FunctionDecl *userAllocationFunction(const FunctionDecl *FD, const SourceManager &SM) {
  if (!FD)
    return nullptr;
  const auto Op = FD->getOverloadedOperator();
  if (Op != OO_New && Op != OO_Array_New && Op != OO_Delete && Op != OO_Array_Delete)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def) && Def->getLocation().isValid() && !isImplementationHeader(Def->getLocation(), SM))
    return Def;
  return nullptr;
}

const std::vector<UserRun> &LibraryRuns::of(const FunctionDecl *FD) {
  auto It = Cache.find(FD);
  if (It != Cache.end())
    return It->second;
  std::vector<UserRun> Out;
  InProgress.insert(FD);
  scanFunction(FD, Out);
  InProgress.erase(FD);
  // One entry per member.
  std::vector<UserRun> Unique;
  llvm::DenseSet<const FunctionDecl *> Seen;
  for (UserRun &R : Out) {
    if (Seen.insert(R.Member).second) {
      Unique.push_back(std::move(R));
      continue;
    }
    // Destroyed both directly and through a virtual `delete`: the virtual
    // call is the stronger claim.
    if (R.Virtual)
      for (UserRun &U : Unique)
        if (U.Member == R.Member)
          U.Virtual = true;
  }
  return Cache[FD] = std::move(Unique);
}

void LibraryRuns::scanFunction(const FunctionDecl *FD, std::vector<UserRun> &Out) {
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def))
    scanStmt(Def->getBody(), Out);
  else
    Def = FD;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : CD->inits())
      scanStmt(Init->getInit(), Out);
  if (destroysMadeObject(Def))
    if (const TemplateArgumentList *Args = Def->getTemplateSpecializationArgs();
        Args && Args->size() > 0 && Args->get(0).getKind() == TemplateArgument::Type)
      destroyType(Args->get(0).getAsType(), Out);
  // A destructor destroys the members and bases after its body, without a
  // call in it (pair<const K, V>'s implicit destructor destroys the V).
  if (const auto *DD = dyn_cast<CXXDestructorDecl>(Def)) {
    const CXXRecordDecl *RD = DD->getParent();
    if (RD->hasDefinition()) {
      for (QualType T : destroyedAfterBody(RD))
        destroyType(T, Out);
    }
  }
}

void LibraryRuns::destroyType(QualType T, std::vector<UserRun> &Out) {
  reach(destructorOf(T), Out);
}

/// An allocation function the library's code calls (`new _Tp(...)` in
/// make_unique, `delete p` in default_delete, `__builtin_operator_new` in
/// std::allocator): only the user's own definitions run user code.
void LibraryRuns::allocation(const FunctionDecl *FD, std::vector<UserRun> &Out) {
  if (!FD)
    return;
  const unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BI__builtin_operator_new || ID == Builtin::BI__builtin_operator_delete) {
    // The builtin calls the global `operator new`/`operator delete`: a
    // replacement of either defined in this unit.
    ASTContext &Ctx = FD->getASTContext();
    auto Name = Ctx.DeclarationNames.getCXXOperatorName(
        ID == Builtin::BI__builtin_operator_new ? OO_New : OO_Delete);
    for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(Name))
      if (const FunctionDecl *Def = userAllocationFunction(dyn_cast<FunctionDecl>(ND), SM))
        Out.push_back({Def, describe(Def, PP, SM)});
    return;
  }
  if (const FunctionDecl *Def = userAllocationFunction(FD, SM))
    Out.push_back({Def, describe(Def, PP, SM)});
}

void LibraryRuns::reach(const FunctionDecl *FD, std::vector<UserRun> &Out) {
  if (!FD || FD->isTrivial())
    return;
  if (FD->getBuiltinID() || FD->isReplaceableGlobalAllocationFunction())
    return allocation(FD, Out);
  // A lambda's call operator is the user's code too: a lambda the call was
  // given is judged as its argument (and skipped in ImpureCall's userRuns),
  // but one the library makes itself from a type (`std::unordered_set<long,
  // decltype(hash)>`) or reaches through a class derived from it was never
  // judged (adv117 F2).
  if (!isImplementationHeader(FD->getLocation(), SM)) {
    Out.push_back({FD, describe(FD, PP, SM)});
    return;
  }
  if (InProgress.count(FD))
    return;
  const std::vector<UserRun> &Inner = of(FD);
  Out.insert(Out.end(), Inner.begin(), Inner.end());
}

void LibraryRuns::scanStmt(const Stmt *S, std::vector<UserRun> &Out) {
  if (!S)
    return;
  if (isUnevaluatedOperand(S) || isa<ConstantExpr>(S))
    return;
  if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
    reach(CC->getConstructor(), Out);
  // `using Base::Base;` (std::optional's and std::variant's storage): the
  // inheriting constructor runs the base's, which constructs the user's
  // value (adv29 F1).
  else if (const auto *IC = dyn_cast<CXXInheritedCtorInitExpr>(S))
    reach(IC->getConstructor(), Out);
  else if (const auto *DE = dyn_cast<CXXDeleteExpr>(S)) {
    // `delete p` in default_delete<Base>: the dynamic type's destructor
    // runs, which no instantiation names. The library's public polymorphic
    // classes too: a `unique_ptr<std::exception>` may hold a user's class,
    // as `delete` of a 'std::exception *' may (VirtualCall.cpp). Not its
    // internal ones (shared_ptr's `_Sp_counted_base`), whose dynamic types
    // the library makes itself.
    const CXXDestructorDecl *VD = virtualDestructor(DE);
    if (VD && !isReservedDecl(VD->getParent()))
      Out.push_back({VD, describe(VD, PP, SM), /*Virtual=*/true});
    else
      destroyType(DE->getDestroyedType(), Out);
    allocation(DE->getOperatorDelete(), Out);
  } else if (const auto *NE = dyn_cast<CXXNewExpr>(S))
    allocation(NE->getOperatorNew(), Out);
  else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(S))
    reach(BT->getTemporary()->getDestructor(), Out);
  else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    // `__a < __b` in std::max over references to a class whose operator<
    // is virtual runs the dynamic type's override, which no instantiation
    // names (adv110 F2): a virtual call, as `delete` through a base is.
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && !isImplementationHeader(Callee->getLocation(), SM) &&
        mayRunUnseenOverride(CE, Callee))
      Out.push_back({Callee, describe(Callee, PP, SM), /*Virtual=*/true});
    else
      reach(Callee, Out);
  }
  else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        if (VD->hasLocalStorage())
          destroyType(VD->getType(), Out);
        scanStmt(VD->getInit(), Out);
      }
    return;
  } else if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S)) {
    scanStmt(DA->getExpr(), Out);
  } else if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S)) {
    scanStmt(DI->getExpr(), Out);
  }
  for (const Stmt *C : S->children())
    scanStmt(C, Out);
}

} // namespace purecc
