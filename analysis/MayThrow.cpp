//===- MayThrow.cpp - can this code end by throwing an exception? ---------===//
#include "MayThrow.h"
#include "Destructors.h"
#include "FixedCallee.h"
#include "ImplementationHeaders.h"
#include "SizeLimit.h"
#include "Stdlib.h"
#include "Unevaluated.h"
#include "VirtualDispatch.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"

#include <optional>
#include <vector>

using namespace clang;

namespace purecc {
namespace {

/// What a call to FD promises without looking at its body.
enum class Promise { NoThrow, MayThrow, SeeBody };

bool isAllocationFailure(const FunctionDecl *FD) {
  if (FD->getDeclName().getCXXOverloadedOperator() == OO_New ||
      FD->getDeclName().getCXXOverloadedOperator() == OO_Array_New)
    return FD->isReplaceableGlobalAllocationFunction();
  if (!FD->isInStdNamespace() || !FD->getDeclName().isIdentifier())
    return false;
  return FD->getName() == "__throw_bad_alloc" || FD->getName() == "__throw_bad_array_new_length";
}

/// libstdc++'s std::length_error: a size past max_size() (MayThrow.h).
bool isSizeLimit(const FunctionDecl *FD) {
  return FD->isInStdNamespace() && FD->getDeclName().isIdentifier() &&
         FD->getName() == "__throw_length_error";
}

/// The exception specification's word, when it has one that is resolved
/// (an implicit member's may not be: Clang computes it only when needed).
std::optional<bool> specSaysNoThrow(QualType T) {
  const auto *FPT = T->getAs<FunctionProtoType>();
  if (!FPT)
    return std::nullopt;
  switch (FPT->getExceptionSpecType()) {
  case EST_Unparsed:
  case EST_Unevaluated:
  case EST_Uninstantiated:
  case EST_DependentNoexcept:
  case EST_None:
    return std::nullopt;
  default:
    return FPT->canThrow() == CT_Cannot;
  }
}

/// A function of the standard library (or another header of the
/// implementation, ImplementationHeaders.h).
bool isLibrary(const FunctionDecl *FD, ASTContext &Ctx) {
  return FD->isInStdNamespace() || isImplementationHeader(FD->getLocation(), Ctx.getSourceManager());
}

/// A function of the user's (not the library's) whose body is visible.
bool isUsersWithBody(const FunctionDecl *FD, ASTContext &Ctx) {
  const FunctionDecl *Def = nullptr;
  return FD->hasBody(Def) && Def && !Def->isDependentContext() && !FD->isInStdNamespace() &&
         !isImplementationHeader(Def->getLocation(), Ctx.getSourceManager());
}

Promise promiseOf(const FunctionDecl *FD, ASTContext &Ctx, Operands On,
                  Dispatch How = Dispatch::Dynamic) {
  // On other operands, a user's `noexcept` is no proof: a throw out of it
  // ends the program where the serial program's operands may not reach it.
  std::optional<bool> Spec = specSaysNoThrow(FD->getType());
  // A destructor written `noexcept(false)` says it throws: its body cannot
  // show all it runs (the members' and bases' destructors after it).
  if (isa<CXXDestructorDecl>(FD) && Spec && !*Spec && !isLibrary(FD, Ctx))
    return Promise::MayThrow;
  if (On != Operands::Serial && !FD->getBuiltinID() && !mayRunOverride(FD, How) &&
      isUsersWithBody(FD, Ctx))
    return Promise::SeeBody;
  if (Spec && *Spec)
    return Promise::NoThrow;
  // The library's own throws do not count (Operands::Speculated): one
  // compiled into libstdc++ is trusted, one with a visible body is followed
  // for the user code it calls.
  if (On == Operands::Speculated && isLibrary(FD, Ctx)) {
    const FunctionDecl *Def = nullptr;
    return FD->hasBody(Def) && Def && !Def->isDependentContext() ? Promise::SeeBody
                                                                : Promise::NoThrow;
  }
  // Destructors are noexcept unless declared otherwise.
  if (isa<CXXDestructorDecl>(FD))
    return Spec ? Promise::MayThrow : Promise::NoThrow;
  if (isAllocationFailure(FD) || (On != Operands::Serial && isSizeLimit(FD)))
    return Promise::NoThrow;
  if (unsigned ID = FD->getBuiltinID())
    return Ctx.BuiltinInfo.isConst(ID) || Ctx.BuiltinInfo.isConstWithoutErrnoAndExceptions(ID) ||
                   Ctx.BuiltinInfo.isNoThrow(ID)
               ? Promise::NoThrow
               : Promise::MayThrow;
  if (mayRunOverride(FD, How))
    return Promise::MayThrow; // an override may throw
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isDependentContext())
    return Promise::MayThrow;
  return Promise::SeeBody;
}


/// A copy constructor of a class of the standard library.
bool copiesStandardObject(const FunctionDecl *FD) {
  const auto *CD = dyn_cast<CXXConstructorDecl>(FD);
  return CD && CD->isCopyConstructor() && CD->getParent()->isInStdNamespace();
}

/// Whose code a body is.
enum class Whose { Users, Library };

/// What one body does by itself: throws, calls something that may throw
/// by its promise, or calls functions whose bodies decide.
struct Direct {
  bool Throws = false;
  std::vector<const FunctionDecl *> Callees;
  /// Calls through a function pointer parameter it only reads: what that
  /// calls, each call site passes, and is judged there (passCallables).
  bool CallsParameter = false;
};

/// Whether a handler rethrows what it caught (a `throw;` in it).
bool rethrows(const CXXCatchStmt *Handler) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool shouldVisitLambdaBody() const { return false; }
    bool VisitCXXThrowExpr(CXXThrowExpr *E) {
      Found |= E->getSubExpr() == nullptr;
      return !Found;
    }
  } F;
  F.TraverseStmt(const_cast<CXXCatchStmt *>(Handler));
  return F.Found;
}

class DirectScan : public RecursiveASTVisitor<DirectScan> {
public:
  DirectScan(ASTContext &Ctx, Operands On, Direct &Out, Whose Body = Whose::Users,
             const FunctionDecl *Owner = nullptr)
      : Ctx(Ctx), On(On), Out(Out), Body(Body),
        InLibrary(On == Operands::Speculated && Body == Whose::Library), Owner(Owner) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }
  // A lambda's body runs when the lambda is called (a call seen as such).
  bool shouldVisitLambdaBody() const { return false; }

  // `try { ... } catch (...) { ... }`: nothing thrown in the block escapes
  // (a handler of one type may not catch it: counted as escaping), unless a
  // handler rethrows it (`throw;`, adv19): then what the block throws
  // escapes, and is counted there.
  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    bool CatchesAll = false, Rethrows = false;
    for (unsigned H = 0; H < S->getNumHandlers(); ++H) {
      CatchesAll |= S->getHandler(H)->getExceptionDecl() == nullptr;
      Rethrows |= rethrows(S->getHandler(H));
    }
    bool Contained = CatchesAll && !Rethrows;
    CaughtAll += Contained;
    bool Continue = TraverseStmt(S->getTryBlock());
    CaughtAll -= Contained;
    ++Handlers;
    for (unsigned H = 0; Continue && H < S->getNumHandlers(); ++H)
      Continue = TraverseStmt(S->getHandler(H));
    --Handlers;
    return Continue;
  }
  // An operand that is never evaluated throws nothing: `sizeof(f(x))`,
  // `noexcept(f(x))`, `decltype(f(x))`, `typeid` of a non-polymorphic
  // value (adv26 b8; Unevaluated.h).
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    return isUnevaluatedOperand(E) ||
           RecursiveASTVisitor<DirectScan>::TraverseUnaryExprOrTypeTraitExpr(E);
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  // So is a `noexcept(...)` specifier's; in a specialization whose exception
  // specification is not instantiated yet it is still the template's
  // dependent expression (adv123 F5: magic_enum's `enum_cast`, declared
  // `noexcept(detail::is_nothrow_invocable_v<BinaryPredicate>)`, "may
  // throw"). The return type and the parameters are traversed as before.
  bool TraverseFunctionProtoTypeLoc(FunctionProtoTypeLoc TL) {
    if (!TraverseTypeLoc(TL.getReturnLoc()))
      return false;
    for (unsigned I = 0; I < TL.getNumParams(); ++I)
      if (ParmVarDecl *P = TL.getParam(I); P && !TraverseDecl(P))
        return false;
    return true;
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return isUnevaluatedOperand(E) ||
           RecursiveASTVisitor<DirectScan>::TraverseCXXTypeidExpr(E);
  }
  bool VisitCXXThrowExpr(CXXThrowExpr *E) {
    // `throw;` in a handler rethrows what its `try` block threw: counted
    // there (MayThrow.h).
    if (On != Operands::Serial && !E->getSubExpr() && Handlers > 0)
      return true;
    if (InLibrary)
      return true; // a library body's own throw (Operands::Speculated)
    return stop();
  }
  bool VisitCXXDynamicCastExpr(CXXDynamicCastExpr *E) {
    // To a reference it throws std::bad_cast (the expression's own type is
    // never a reference: the written one is).
    if (E->getTypeAsWritten()->isReferenceType())
      return stop();
    return true;
  }
  bool VisitCXXTypeidExpr(CXXTypeidExpr *E) {
    if (E->isPotentiallyEvaluated())
      return stop();
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    // A dependent call in a library body is never evaluated: it is an
    // operand of the declaration's `noexcept(noexcept(...))` (std::cbegin)
    // or of a `requires` clause (reverse_iterator's operator==), which the
    // instantiation keeps as written (see the unresolved names below).
    if (InLibrary && CE->isTypeDependent())
      return true;
    if (byContract(CE))
      return stop();
    llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
          isa<CXXOperatorCallExpr>(CE) && MD && !MD->isExplicitObjectMemberFunction() &&
          !Args.empty())
        Args = Args.drop_front(); // the object
      return passCallables(FD, Args) && callee(FD, dispatchOf(CE));
    }
    // `p->~T()` of a scalar T (std::destroy_at<long>): does nothing.
    if (isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens()))
      return true;
    // Through a pointer or reference that holds one of known functions (one,
    // or the choices of a '?:'): a call of each.
    FixedCallee Through = fixedCallee(CE);
    if (!Through.Candidates.empty()) {
      for (const FunctionDecl *Target : Through.Candidates)
        if (!passCallables(Target, Args) || !callee(Target))
          return false;
      return true;
    }
    // Through a parameter the function only reads: its callers pass what
    // it calls, and judge that (glm's `functor1::call(R (*Func)(T), v)`).
    if (Through.Why == Unfixed::Parameter && isFixedParameter(Through.Through, Owner)) {
      Out.CallsParameter = true;
      return true;
    }
    // Through another pointer: the pointer's type may promise noexcept.
    QualType T = CE->getCallee()->getType();
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    if (std::optional<bool> Spec = specSaysNoThrow(T); Spec && *Spec)
      return true;
    return stop();
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (byContract(E))
      return stop();
    return passCallables(E->getConstructor(),
                         llvm::ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs())) &&
           callee(E->getConstructor());
  }
  bool VisitCXXInheritedCtorInitExpr(CXXInheritedCtorInitExpr *E) {
    return callee(E->getConstructor());
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    if (byContract(E)) // `new T[n]` with a count past the limit (SizeLimit.h)
      return stop();
    if (const FunctionDecl *New = E->getOperatorNew())
      return callee(New);
    return true;
  }
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
    if (const CXXDestructorDecl *D = E->getTemporary()->getDestructor())
      return callee(D);
    return true;
  }
  // A tuple-like structured binding calls `get<I>` for each name, in
  // hidden variables no statement names (adv24 H2: a throwing `get` hung a
  // loop rewritten as parallel).
  bool VisitDecompositionDecl(DecompositionDecl *DD) {
    for (BindingDecl *B : DD->bindings())
      if (VarDecl *Holding = B->getHoldingVar(); Holding && Holding->getInit())
        if (!TraverseStmt(Holding->getInit()))
          return false;
    return true;
  }
  // A local object is destroyed at the end of its scope: an implicit call
  // of its destructor the AST shows nowhere else (a `noexcept(false)` one
  // may throw). Statics are destroyed at exit, not in the call.
  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->hasLocalStorage() || VD->getType()->isReferenceType())
      return true;
    if (const CXXDestructorDecl *D = destructorOf(VD->getType()))
      return callee(D);
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
    if (const CXXDestructorDecl *D = destructorOf(E->getDestroyedType()))
      if (!callee(D))
        return false;
    if (const FunctionDecl *Delete = E->getOperatorDelete())
      return callee(Delete);
    return true;
  }
  // Unresolved code in a template pattern: nothing is known.
  // In a library body these come from its declaration's dependent
  // `noexcept(noexcept(...))` operands, which are never evaluated.
  bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *) { return InLibrary || stop(); }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *) {
    return InLibrary || stop();
  }

  /// The implicit destructor calls at the end of a destructor of RD: its
  /// non-static members' and its bases' (virtual ones included).
  void destroysMembersAndBases(const CXXRecordDecl *RD) {
    for (QualType T : destroyedAfterBody(RD))
      if (const CXXDestructorDecl *D = destructorOf(T); D && !callee(D))
        return;
  }

private:
  /// A call of the user's code that throws by the library's contract
  /// (Operands::Speculated, where the library's inner throws do not count),
  /// or, on other operands, that asks for a size past max_size() (which
  /// the library's own size limit, exempt there, would not show:
  /// SizeLimit.h).
  bool byContract(const Expr *E) {
    if (Body == Whose::Library)
      return false;
    switch (On) {
    case Operands::Serial: return false;
    case Operands::Other: return sizeMayPassLimit(E, Ctx);
    case Operands::Speculated: return throwsByContract(E, Ctx);
    }
    return false;
  }
  bool stop() {
    if (CaughtAll > 0)
      return true; // caught by a `catch (...)` around it
    Out.Throws = true;
    return false;
  }
  /// The callables a call passes FD for its function pointer (or
  /// reference) parameters, which FD may call: a function the argument
  /// names is a callee here; the scanned function's own fixed parameter
  /// makes it call through that (its callers judge it); anything else may
  /// throw unless its type says `noexcept`.
  bool passCallables(const FunctionDecl *FD, llvm::ArrayRef<const Expr *> Args) {
    for (unsigned I = 0; I < Args.size() && I < FD->getNumParams(); ++I) {
      QualType PT = FD->getParamDecl(I)->getType();
      if (!isFunctionPointerOrReference(PT))
        continue;
      const Expr *A = Args[I];
      if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(A))
        A = Default->getExpr();
      A = forwardedOperand(A);
      if (const FunctionDecl *Named = namedFunction(A)) {
        if (!callee(Named))
          return false;
        continue;
      }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A);
          DRE && isFixedParameter(dyn_cast<VarDecl>(DRE->getDecl()), Owner)) {
        Out.CallsParameter = true;
        continue;
      }
      QualType T = PT.getNonReferenceType();
      if (const auto *Pointer = T->getAs<PointerType>())
        T = Pointer->getPointeeType();
      if (std::optional<bool> Spec = specSaysNoThrow(T); !Spec || !*Spec)
        if (!stop())
          return false;
    }
    return true;
  }

  bool callee(const FunctionDecl *FD, Dispatch How = Dispatch::Dynamic) {
    if (CaughtAll > 0)
      return true;
    // Copying an existing standard container (`std::vector`, `std::string`
    // by value) cannot pass its size limit: the source is within it. What
    // is left is allocation (exempt) and the elements' copies, which the
    // scan with Operands::Other (size limit exempt) follows.
    if (On == Operands::Serial && copiesStandardObject(FD))
      return MayThrow(Ctx, Operands::Other).mayThrow(FD) ? stop() : true;
    switch (promiseOf(FD, Ctx, On, How)) {
    case Promise::NoThrow: return true;
    case Promise::MayThrow: return stop();
    case Promise::SeeBody: {
      const FunctionDecl *Def = nullptr;
      FD->hasBody(Def);
      Out.Callees.push_back(Def);
      return true;
    }
    }
    return true;
  }

  ASTContext &Ctx;
  Operands On;
  Direct &Out;
  /// Whose body is scanned: a call the library's code makes counts by its
  /// body, not by a contract.
  Whose Body;
  /// Whether the scanned body is the library's, whose own throws do not
  /// count (Operands::Speculated).
  bool InLibrary = false;
  /// How many `try` blocks with a `catch (...)` the visit is inside.
  unsigned CaughtAll = 0;
  /// How many `catch` handlers the visit is inside.
  unsigned Handlers = 0;
  /// The function whose body is scanned (null for a statement).
  const FunctionDecl *Owner;
};

Direct scanDirect(const Stmt *S, ASTContext &Ctx, Operands On) {
  Direct D;
  DirectScan(Ctx, On, D).TraverseStmt(const_cast<Stmt *>(S));
  return D;
}

Direct scanDirect(const FunctionDecl *Def, ASTContext &Ctx, Operands On) {
  Direct D;
  // A lambda's call operator, called: its body (the traversal of the
  // declaration skips a lambda's body, as shouldVisitLambdaBody says).
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def);
      MD && MD->getParent()->isLambda() && Def->getBody()) {
    DirectScan(Ctx, On, D).TraverseStmt(Def->getBody());
    return D;
  }
  // The whole declaration: a constructor's member initializers too.
  DirectScan Scan(Ctx, On, D, isLibrary(Def, Ctx) ? Whose::Library : Whose::Users, Def);
  Scan.TraverseDecl(const_cast<FunctionDecl *>(Def));
  // A destructor then destroys the members and bases, which the AST does
  // not show as calls.
  if (const auto *DD = dyn_cast<CXXDestructorDecl>(Def); DD && !D.Throws)
    Scan.destroysMembersAndBases(DD->getParent());
  return D;
}

/// Whether Position is `v.size()` or `v.length()` of the variable v that
/// the member call E is made on.
bool isOwnSize(const Expr *E, const Expr *Position) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  const auto *Size = dyn_cast<CXXMemberCallExpr>(Position->IgnoreParenImpCasts());
  if (!Call || !Size || Size->getNumArgs() != 0 || !Size->getMethodDecl() ||
      !Size->getMethodDecl()->getIdentifier() ||
      (Size->getMethodDecl()->getName() != "size" && Size->getMethodDecl()->getName() != "length"))
    return false;
  const auto *Object = dyn_cast<DeclRefExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *SizeOf = dyn_cast<DeclRefExpr>(Size->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return Object && SizeOf && isa<VarDecl>(Object->getDecl()) &&
         Object->getDecl() == SizeOf->getDecl();
}

} // namespace

bool throwsByContract(const Expr *E, ASTContext &Ctx) {
  auto [FD, Args] = calledWith(E);
  // A count past max_size(): std::length_error (SizeLimit.h).
  if (sizeMayPassLimit(E, Ctx))
    return true;
  switch (contractThrow(FD)) {
  case ContractThrow::None: return false;
  case ContractThrow::Always: return true;
  case ContractThrow::Position: break;
  case ContractThrow::WeakOwner:
    return llvm::any_of(Args, [](const Expr *A) {
      const auto *RD = A->getType()->getAsCXXRecordDecl();
      return RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "weak_ptr";
    });
  }
  // Only a position past size() throws: one left to its default (0) or
  // written as 0 never is. The library names the standard's `pos`
  // `__pos`, `__pos1`, `__pos2` (libstdc++ and libc++ alike); a count
  // (`s.insert(it, n, c)`) is not a position.
  for (unsigned I = 0; I < FD->getNumParams() && I < Args.size(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    const IdentifierInfo *Name = P->getIdentifier();
    if (!Name || !Name->getName().starts_with("__pos") || !P->getType()->isIntegerType())
      continue;
    const Expr *A = Args[I];
    if (isa<CXXDefaultArgExpr>(A))
      continue;
    Expr::EvalResult Value;
    if (!A->isValueDependent() && A->EvaluateAsInt(Value, Ctx) && Value.Val.getInt().isZero())
      continue;
    // Nor the object's own size: `s.insert(s.size(), p)` appends (adv38 t05).
    if (isOwnSize(E, A))
      continue;
    return true;
  }
  return false;
}

bool MayThrow::mayThrow(const FunctionDecl *FD) {
  if (!FD)
    return true;
  switch (promiseOf(FD, Ctx, On)) {
  case Promise::NoThrow: return false;
  case Promise::MayThrow: return true;
  case Promise::SeeBody: break;
  }
  const FunctionDecl *Root = nullptr;
  FD->hasBody(Root);
  // Asked without a call site, nothing says what a call through a
  // parameter calls.
  return bodyMayThrow(Root) || ParameterCallers.contains(Root);
}

bool MayThrow::bodyMayThrow(const FunctionDecl *Root) {
  if (auto It = Known.find(Root); It != Known.end())
    return It->second;

  // Every function reachable through visible bodies, with its own facts;
  // then "may throw" flows from callees to callers until nothing changes
  // (recursion: a cycle with no throw in it cannot throw).
  llvm::DenseMap<const FunctionDecl *, Direct> Graph;
  std::vector<const FunctionDecl *> Work{Root};
  while (!Work.empty()) {
    const FunctionDecl *F = Work.back();
    Work.pop_back();
    if (Graph.count(F) || Known.count(F))
      continue;
    Direct D = scanDirect(F, Ctx, On);
    if (D.CallsParameter)
      ParameterCallers.insert(F);
    for (const FunctionDecl *C : D.Callees)
      Work.push_back(C);
    Graph.try_emplace(F, std::move(D));
  }
  llvm::DenseMap<const FunctionDecl *, bool> Throws;
  for (auto &[F, D] : Graph)
    Throws[F] = D.Throws;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &[F, D] : Graph) {
      if (Throws[F])
        continue;
      for (const FunctionDecl *C : D.Callees) {
        auto K = Known.find(C);
        if (K != Known.end() ? K->second : Throws[C]) {
          Throws[F] = Changed = true;
          break;
        }
      }
    }
  }
  for (auto &[F, T] : Throws)
    Known[F] = T;
  return Known[Root];
}

bool MayThrow::mayThrowPassingCopies(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters()) {
    const auto *RD = P->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      continue;
    if (const CXXDestructorDecl *D = destructorOf(P->getType()); D && mayThrow(D))
      return true;
    if (RD->hasTrivialCopyConstructor())
      continue;
    // The copy constructor the call uses; not declared yet (Clang declares
    // implicit members when used) means nothing is known of it.
    bool Found = false;
    for (const CXXConstructorDecl *C : RD->ctors())
      if (C->isCopyConstructor()) {
        Found = true;
        if (mayThrow(C))
          return true;
      }
    if (!Found)
      return true;
  }
  return false;
}

bool MayThrow::mayThrow(const Stmt *S) {
  Direct D = scanDirect(S, Ctx, On);
  if (D.Throws)
    return true;
  // Each was found to run its body where it is called (adv77 F12: asked
  // again, a virtual one called on a local object counted as dynamic).
  for (const FunctionDecl *C : D.Callees)
    if (bodyMayThrow(C))
      return true;
  return false;
}

} // namespace purecc
