//===- NoReturn.cpp - code that may never return to the code after it -----===//
#include "NoReturn.h"

#include "PlaceNames.h"
#include "analysis/Attributes.h"
#include "analysis/Destructors.h"
#include "analysis/FixedCallee.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/Unevaluated.h"
#include "analysis/VirtualDispatch.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {
namespace {

/// How deep the user's functions are followed: past it, a call is taken
/// not to return (adv29 H1: a call that ends the program 9 calls down was
/// taken to return, and the hoisted call after it never ended).
constexpr unsigned MaxDepth = 32;


/// The name of a class for remarks: "Guard".
/// 'Guard', or "the lambda's closure type" for a lambda's, which has no name
/// (`decltype([] { ... }){}`, adv63 R16).
std::string quotedClass(const CXXMethodDecl *MD) {
  const CXXRecordDecl *RD = MD->getParent();
  if (RD->isLambda())
    return "a lambda's closure type";
  return RD->getIdentifier() ? "'" + RD->getNameAsString() + "'" : "an unnamed class";
}

} // namespace

/// What ends the serial program where firstIn found it.
struct NoReturnCalls::Hit {
  const Stmt *At = nullptr;
  const FunctionDecl *FD = nullptr; // the function that may not return
  Reason Why = Reason::Body;
  const VarDecl *Through = nullptr; // Reason::Pointer: the pointer called through
};

NoReturnCalls::Reason NoReturnCalls::mayNotReturn(const FunctionDecl *FD, unsigned Depth) {
  if (FD->isNoReturn())
    return Reason::Declared;
  // The library's functions and the compiler's builtins: the throw rule's.
  if (isImplementationDecl(FD) || FD->getBuiltinID() != 0)
    return Reason::Returns;
  if (Depth >= MaxDepth)
    return Reason::Body;
  if (auto It = Known.find(FD); It != Known.end())
    return It->second;
  // A trivial constructor or destructor runs no code; Clang defines none.
  if (FD->isTrivial())
    return Reason::Returns;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def) {
    // Defined in another file: a '[[pure]]' function is checked there, and
    // ends the program only as a failed 'assert' does, which is a bug of
    // its own (an assumed-pure one is the user's word for that); any other
    // may end it (docs/codegen.md, "Code that does not
    // return"). Its 'noexcept' promises no return: `exit` is 'noexcept'.
    return Known[FD] = isDeclaredPure(FD) || isAssumedPure(FD) ? Reason::Returns : Reason::Unseen;
  }
  if (Def->isDependentContext())
    return Reason::Returns;
  Known[FD] = Reason::Returns; // a recursive call returns if the rest does
  const FunctionDecl *Outer = Owner;
  Owner = Def;
  bool May = firstIn(Def->getBody(), nullptr, Depth + 1).has_value();
  // A constructor's member and base initializers run before its body,
  // outside it in the AST; a destructor destroys its members and bases
  // after its body.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      May = May || (Init->getInit() && firstIn(Init->getInit(), nullptr, Depth + 1));
  Owner = Outer;
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(Def))
    May = May || destroysMembersAndBases(Dtor->getParent(), Depth + 1);
  return Known[FD] = May ? Reason::Body : Reason::Returns;
}

bool NoReturnCalls::destroysMembersAndBases(const CXXRecordDecl *RD, unsigned Depth) {
  auto Ends = [&](QualType T) {
    const CXXDestructorDecl *D = destructorOf(T);
    return D && mayNotReturn(D, Depth) != Reason::Returns;
  };
  return llvm::any_of(destroyedAfterBody(RD), Ends);
}

std::optional<NoReturnCalls::Hit>
NoReturnCalls::passedCallables(const CallExpr *CE, const FunctionDecl *FD, unsigned Depth) {
  if (isImplementationDecl(FD))
    return std::nullopt; // the library's: judged by the throw rule's terms
  unsigned Shift = 0;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      isa<CXXOperatorCallExpr>(CE) && MD && !MD->isExplicitObjectMemberFunction())
    Shift = 1; // the object
  for (unsigned I = 0; I + Shift < CE->getNumArgs() && I < FD->getNumParams(); ++I) {
    if (!isFunctionPointerOrReference(FD->getParamDecl(I)->getType()))
      continue;
    const Expr *A = CE->getArg(I + Shift);
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(A))
      A = Default->getExpr();
    A = forwardedOperand(A);
    if (const FunctionDecl *Named = namedFunction(A)) {
      if (Reason Why = mayNotReturn(Named, Depth); Why != Reason::Returns)
        return Hit{CE, Named, Why};
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(A);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!isFixedParameter(V, Owner))
      return Hit{CE, nullptr, Reason::Pointer, V};
  }
  return std::nullopt;
}

std::optional<NoReturnCalls::Hit>
NoReturnCalls::firstIn(const Stmt *S, const llvm::SmallPtrSetImpl<const Expr *> *Skip,
                       unsigned Depth) {
  if (!S)
    return std::nullopt;
  if (const auto *E = dyn_cast<Expr>(S); E && Skip && Skip->contains(E))
    return std::nullopt;
  // Never evaluated: `sizeof(abort_if(x))`, `noexcept(...)`, `decltype`.
  if (isUnevaluatedOperand(S))
    return std::nullopt;
  if (isa<LambdaExpr>(S))
    return std::nullopt; // a lambda's body runs where it is called
  // A default argument or member initializer is evaluated where it is used.
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S))
    return firstIn(DA->getExpr(), Skip, Depth);
  if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
    return firstIn(DI->getExpr(), Skip, Depth);
  auto Check = [&](const FunctionDecl *FD, Reason Why = Reason::Returns) -> std::optional<Hit> {
    if (Why == Reason::Returns)
      Why = mayNotReturn(FD, Depth);
    if (Why == Reason::Returns)
      return std::nullopt;
    return Hit{S, FD, Why};
  };
  // Operands first: they are evaluated before the call they feed.
  for (const Stmt *Child : S->children())
    if (std::optional<Hit> Found = firstIn(Child, Skip, Depth))
      return Found;
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      // A virtual call may run an override this file does not show; one
      // declared '[[pure]]' keeps that contract in every override.
      if (mayRunUnseenOverride(CE, FD) && !FD->isNoReturn() && !isDeclaredPure(FD))
        return Hit{S, FD, Reason::Override};
      if (std::optional<Hit> Found = passedCallables(CE, FD, Depth))
        return Found;
      return Check(FD);
    }
    // `p->~T()` of a scalar T (std::destroy_at<long>): does nothing.
    if (isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens()))
      return std::nullopt;
    // Through a pointer or reference to one of known functions: each.
    FixedCallee Through = fixedCallee(CE);
    for (const FunctionDecl *Target : Through.Candidates)
      if (std::optional<Hit> Found = Check(Target))
        return Found;
    if (!Through.Candidates.empty())
      return std::nullopt;
    // Through a parameter the function only reads: each call of the
    // function judges what it passes (passedCallables).
    if (Through.Why == Unfixed::Parameter && isFixedParameter(Through.Through, Owner))
      return std::nullopt;
    // Through any other pointer: whatever it holds. A pointer's 'noexcept'
    // promises no return (adv57 t04).
    return Hit{S, nullptr, Reason::Pointer, Through.Through};
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    return Check(CE->getConstructor());
  if (const auto *IE = dyn_cast<CXXInheritedCtorInitExpr>(S))
    return Check(IE->getConstructor());
  // A temporary's destructor runs at the end of the full expression.
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(S))
    if (const CXXDestructorDecl *D = BT->getTemporary()->getDestructor())
      return Check(D);
  if (const auto *DE = dyn_cast<CXXDeleteExpr>(S))
    if (const CXXDestructorDecl *D = destructorOf(DE->getDestroyedType()))
      return D->isVirtual() && !isDeclaredPure(D) && !D->getParent()->hasAttr<FinalAttr>()
                 ? std::optional<Hit>(Hit{S, D, Reason::Override})
                 : Check(D);
  // A local object is destroyed at the end of its scope: a call of its
  // destructor the AST shows nowhere else (adv57 t01: `Guard g{x};` whose
  // destructor calls 'exit'). Statics are destroyed at exit.
  // So is the function `__attribute__((cleanup(fn)))` names (adv59 t01).
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->hasLocalStorage()) {
        if (const auto *CA = VD->getAttr<CleanupAttr>(); CA && CA->getFunctionDecl())
          if (std::optional<Hit> Found = Check(CA->getFunctionDecl()))
            return Found;
        if (const CXXDestructorDecl *Dtor = destructorOf(VD->getType()))
          if (std::optional<Hit> Found = Check(Dtor))
            return Found;
      }
  return std::nullopt;
}

std::optional<NoReturnCall> NoReturnCalls::first(const Stmt *S,
                                                 const llvm::SmallPtrSetImpl<const Expr *> *Skip) {
  std::optional<Hit> Found = firstIn(S, Skip, 0);
  if (!Found)
    return std::nullopt;
  const FunctionDecl *FD = Found->FD;
  std::string Subject;
  if (Found->Why == Reason::Pointer) {
    Subject = Found->Through ? "the call through '" + Found->Through->getNameAsString() + "'"
                             : "a call through a pointer";
  } else if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
    Subject = "the constructor of " + quotedClass(Ctor);
  } else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD)) {
    Subject = "the destructor of " + quotedClass(Dtor);
  } else {
    std::string Macro = outermostMacro(Found->At->getBeginLoc(), PC.Ctx).str();
    Subject = "'" + (!Macro.empty() ? Macro : FD->getNameAsString()) + "'";
  }
  switch (Found->Why) {
  case Reason::Override:
    Subject += " (virtual: an override purecc does not see may run)";
    break;
  case Reason::Unseen:
    Subject += " (defined in another file)";
    break;
  default:
    break;
  }
  return NoReturnCall{Found->At, Subject + ", which " +
                                     (Found->Why == Reason::Declared ? "does not return"
                                                                     : "may not return")};
}

} // namespace purecc
