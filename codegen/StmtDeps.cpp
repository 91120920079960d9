//===- StmtDeps.cpp - statement dependences: what code reads and writes -===//
#include "StmtDeps.h"
#include "AddressTypes.h"
#include "analysis/Associative.h"
#include "analysis/Unevaluated.h"
#include "BodyWalk.h"
#include "CallArguments.h"
#include "Containers.h"
#include "PlaceNames.h"

#include "analysis/Attributes.h"
#include "analysis/FixedCallee.h"
#include "analysis/LibraryNames.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ASTLambda.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Lex/Lexer.h"

#include <functional>

using namespace clang;

namespace purecc {
namespace {

class Scanner : public RecursiveASTVisitor<Scanner> {
  using Base = RecursiveASTVisitor<Scanner>;

public:
  Scanner(const DepScanner &ES, StmtDeps &Out, const llvm::SmallPtrSetImpl<const Expr *> *Skip)
      : ES(ES), Out(Out), Skip(Skip) {}

  bool shouldVisitLambdaBody() const { return false; }

  // Code the caller judges itself (a call being parallelized, an
  // accumulator's position) is skipped whole.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (const auto *E = dyn_cast_or_null<Expr>(S); E && Skip && Skip->contains(E))
      return true;
    return Base::TraverseStmt(S, Queue);
  }
  bool shouldVisitImplicitCode() const { return true; }

  // Loops and switches contain their own break (and loops their continue).
  // The base traversal is called without a queue so that children are
  // visited before the depth is restored.
#define PURECC_NESTED(CLASS, DEPTH)                                                  \
  bool Traverse##CLASS(CLASS *S, DataRecursionQueue * = nullptr) {                  \
    ++DEPTH;                                                                         \
    bool Continue = Base::Traverse##CLASS(S, nullptr);                               \
    --DEPTH;                                                                         \
    return Continue;                                                                 \
  }
  PURECC_NESTED(ForStmt, LoopDepth)
  PURECC_NESTED(CXXForRangeStmt, LoopDepth)
  PURECC_NESTED(WhileStmt, LoopDepth)
  PURECC_NESTED(DoStmt, LoopDepth)
  PURECC_NESTED(SwitchStmt, SwitchDepth)
#undef PURECC_NESTED

  bool VisitBreakStmt(BreakStmt *S) {
    if (LoopDepth == 0 && SwitchDepth == 0)
      exit(S);
    return true;
  }
  bool VisitContinueStmt(ContinueStmt *S) {
    if (LoopDepth == 0) {
      Out.Continues.push_back(S);
      if (!Out.Exit)
        Out.Exit = S;
    }
    return true;
  }
  // A lambda's body followed from a call stays where it is written: its
  // `__func__` names its own 'operator()' wherever the call runs.
  bool VisitPredefinedExpr(PredefinedExpr *E) {
    return LambdaDepth > 0 ? true : unmovable(E, functionNameReason(E, ES.context().Ctx));
  }
  // A default argument is evaluated where the call is written, so its
  // `__builtin_FUNCTION()` (and `std::source_location::current()`'s, the
  // default argument of `current` itself) names the function of the call:
  // in the rewritten program, the lambda the call moved into. Visited
  // before what it holds, so the outermost one names the callee.
  bool VisitCXXDefaultArgExpr(CXXDefaultArgExpr *E) {
    if (LambdaDepth > 0)
      return true;
    std::string Why = placeNameReason(E, ES.context().Ctx);
    return Why.empty() ? true : unmovable(E, std::move(Why));
  }
  bool VisitSourceLocExpr(SourceLocExpr *E) {
    if (LambdaDepth > 0 || !dependsOnPlace(E))
      return true;
    return unmovable(E, sourceLocationReason(E, {}, ES.context().Ctx));
  }
  // A coroutine suspends only in its own body: the operand cannot move
  // into a lambda or a task (adv32 t08).
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    return LambdaDepth > 0 ? true : unmovable(E, "'co_await', which only the coroutine itself can evaluate");
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    return LambdaDepth > 0 ? true : unmovable(E, "'co_await', which only the coroutine itself can evaluate");
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    return LambdaDepth > 0 ? true : unmovable(E, "'co_yield', which only the coroutine itself can evaluate");
  }
  // A call of a 'consteval' function is evaluated by the compiler: the
  // program holds its value, and runs nothing (adv63 F16).
  bool TraverseConstantExpr(ConstantExpr *CE, DataRecursionQueue * = nullptr) {
    return isUnevaluatedOperand(CE) ? true : Base::TraverseConstantExpr(CE, nullptr);
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; } // a local class's own names
  // A lambda written in the moved code is another type there, named after
  // the lambda it moves into (adv44 t04: `ap([](long v) { ... }, 27)` in a
  // task, with 'typeid(F)' in 'ap').
  bool VisitLambdaExpr(LambdaExpr *E) {
    if (LambdaDepth == 0 && !ES.context().typeNameObserver().empty())
      unmovable(E, lambdaTypeReason(ES.context().typeNameObserver()));
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *S) { return exit(S); }
  // A goto to a label of the scanned code itself (`again:` ... `goto
  // again;` inside one loop body) stays in it.
  bool VisitGotoStmt(GotoStmt *S) {
    return Labels.contains(S->getLabel()) ? true : exit(S);
  }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *S) { return exit(S); }
  bool VisitCoreturnStmt(CoreturnStmt *S) { return exit(S); }
  // `asm("")` may have no operand at all; its string is always there.
  bool VisitGCCAsmStmt(GCCAsmStmt *S) { return impure(S->getAsmString()); }
  // `__atomic_store_n(&g, v, ...)`, `__atomic_fetch_add`, `__c11_atomic_*`:
  // no call in the AST, an operation on memory through its pointer, which
  // other threads share (adv63 t38, t39).
  bool VisitAtomicExpr(AtomicExpr *AE) {
    return impure(AE, "'" + AE->getOpAsString().str() +
                          "' is an atomic operation on memory that other threads may use");
  }

  // `va_arg(ap, long)` takes the next argument: it advances 'ap' (an array
  // on x86-64, or what a `va_list` parameter points to), so two iterations
  // or statements that take one depend on each other (adv63 t83, t85).
  bool VisitVAArgExpr(VAArgExpr *VA) {
    const Expr *List = VA->getSubExpr();
    write(List, VA);
    if (List->IgnoreParenImpCasts()->getType()->isPointerType() && !Out.MemoryWrite)
      Out.MemoryWrite = VA;
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    // A structured binding's name reads the variable it decomposes (a
    // range-for's `const auto &[k, v]` element).
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()); BD && !VD)
      VD = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
    if (!VD)
      return true;
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()); BD && !Out.Locals.contains(VD))
      if (const auto *ME = dyn_cast_or_null<MemberExpr>(
              BD->getBinding() ? BD->getBinding()->IgnoreImplicit() : nullptr))
        if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()); FD && FD->isBitField())
          unmovable(DRE, "'" + BD->getNameAsString() +
                             "', a structured binding of a bit-field (a lambda cannot capture "
                             "it by reference)");
    useVariable(VD, DRE, WriteOnly.contains(DRE));
    return true;
  }

  /// VD named at At (by name, or as a static member `c.k`).
  void useVariable(const VarDecl *VD, const Expr *At, bool OnlyWritten) {
    // `{ extern long g; g = 5; }`: a second declaration of a global, which
    // the code around names by its first (adv63 t103, t104).
    if (VD->isLocalExternDecl())
      impure(At, quoted(VD) + " is declared 'extern' inside a function: a global under a second "
                              "declaration, which purecc does not follow");
    if (VD->getTLSKind() != VarDecl::TLS_None)
      unmovable(At, quoted(VD) + ", which is 'thread_local' (each thread has its own)");
    if (!OnlyWritten)
      Out.Reads.insert(VD);
    if (VD->getType()->isReferenceType() || !VD->hasLocalStorage())
      if (!VD->getType().isConstQualified() || VD->getType()->isReferenceType())
        Out.ReadsMemory = true;
  }

  bool VisitCXXThisExpr(CXXThisExpr *) {
    Out.ReadsMemory = true;
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref)
      Out.ReadsMemory = true;
    if (UO->isIncrementDecrementOp())
      write(UO->getSubExpr(), UO);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (ME->isArrow())
      Out.ReadsMemory = true;
    // `c.k` of a `static thread_local long k;` member is the variable k,
    // not a part of 'c' (adv63 t89, t91, t92, t97).
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
      useVariable(Static, ME, /*OnlyWritten=*/false);
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *AS) {
    if (!baseVariable(AS))
      Out.ReadsMemory = true;
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    if (BO->getOpcode() == BO_Assign)
      markWriteOnly(BO->getLHS());
    write(BO->getLHS(), BO);
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    // Through a pointer or reference that holds one function: a call of it.
    FixedCallee Through = FD ? FixedCallee{} : fixedCallee(CE);
    if (!FD && Through.Why == Unfixed::Several) {
      // One of a few known functions (`c ? f : g`): the call is as
      // harmless as the most harmful of them, and runs each lambda's body.
      for (const FunctionDecl *C : Through.Candidates)
        if (isLambdaCallOperator(C))
          runLambda(cast<CXXMethodDecl>(C));
        else if (!ES.isEffectFreeCallee(C))
          return impure(CE, quoted(C) + ", which " + quoted(Through.Through) +
                                " may point to, is not known to be pure");
      FD = Through.Candidates.front();
    }
    if (!FD && !Through.Function)
      return impure(CE, unfixedReason(Through));
    if (!FD)
      FD = Through.Function;
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    const Expr *Object = nullptr;
    bool Arrow = false;
    unsigned FirstArg = 0;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE); Op && MD && !MD->isStatic()) {
      // The object is the first argument of a member operator.
      Object = CE->getArg(0);
      FirstArg = 1;
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      Object = MC->getImplicitObjectArgument();
      if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
        Arrow = ME->isArrow();
    }
    const CXXRecordDecl *ObjectClass = Object ? libraryObjectClass(Object, Arrow) : nullptr;
    std::optional<LibraryVerdict> V = ES.libraryVerdict(FD, ObjectClass);
    // A lambda's body is followed (runLambda), as code written here.
    bool Lambda = !V && isLambdaCallOperator(FD) && !ES.isEffectFreeCallee(FD);
    // `a += scaled(v[j])` of a user's compound assignment that is pure but
    // for writing its left operand (Associative.h): a write of `a`, which
    // holds no address (adv115 F2: the bound `v.size()` "may change").
    // A free one (`V2 &operator+=(V2 &, const V2 &)`) writes its first
    // argument (adv116 F1).
    const Expr *Left = Object ? Object
                       : isa<CXXOperatorCallExpr>(CE) && !MD && CE->getNumArgs() == 2
                           ? CE->getArg(0)
                           : nullptr;
    if (!V && !Lambda && Left && isCompoundAssignment(FD) &&
        !AddressTypes().mayHold(Left->getType().getNonReferenceType()))
      if (const CombineVerdict *C = ES.context().Facts.combineVerdict(FD); C && C->Pure) {
        write(Left, CE);
        return true;
      }
    if (!V && !Lambda && !ES.isEffectFreeCallee(FD))
      return Through.Through ? impure(CE, quoted(FD) + ", which " + quoted(Through.Through) +
                                              (Through.Through->getType()->isReferenceType()
                                                   ? " refers to"
                                                   : " points to") +
                                              ", is not known to be pure")
                             : impure(CE);
    if (Lambda && MD && !MD->isConst() && !freshObject(Object))
      return impure(CE, mutableReason(Object));
    std::string Shown;
    if (V) {
      Shown = libraryCallName(FD, objectType(Object, Arrow), FD->getASTContext().getPrintingPolicy());
      if (V->Kind == LibraryKind::Impure)
        return impure(CE, Shown + " " + V->Reason);
      if (V->Kind == LibraryKind::Unknown)
        return impure(CE, Shown + " is not known to be pure");
    }
    // Calling through std::function or std::reference_wrapper calls
    // whatever it holds: an indirect call.
    if (V && MD && MD->getOverloadedOperator() == OO_Call && Object &&
        isIndirectCallable(objectType(Object, Arrow))) {
      if (const VarDecl *Holder = baseVariable(Object))
        return impure(CE, "a call through " + quoted(Holder) + " (a '" +
                              objectType(Object, Arrow)
                                  .getNonReferenceType()
                                  .getUnqualifiedType()
                                  .getAsString(FD->getASTContext().getPrintingPolicy()) +
                              "') is type-erased: which function it holds is not followed");
      return impure(CE, "a call through " + Shown + " is an indirect call");
    }
    // A temporary's member (`std::tie(x, y) = p`): what it writes dies
    // with it, and what it refers to was written where it was made.
    // A verified member of the user's that is not `const` (`take() &&`)
    // writes nothing itself: one declared [[pure]] must be `const`, and one
    // inferred pure (a callee of a [[pure]] function) has no effect, on its
    // object or elsewhere (adv123 F7: `t += Opt{heavy(i)}.take()` "writes
    // through a pointer or reference"). Unless it hands out an address: the
    // caller may write the object through what `v[i]` returns.
    bool ThroughProxy = V && MD && Object && !Arrow && isProxyReference(Object->getType());
    bool WritesNothing = !V && !Lambda && ES.context().Facts.isVerified(FD) &&
                         !AddressTypes().mayHold(FD->getReturnType());
    if (ThroughProxy) {
      if (proxyMemberWrites(MD))
        writeThroughProxy(Object, CE);
    } else if (MD && Object && !MD->isConst() && !WritesNothing &&
               !((V || Lambda) && isPrivateTemporary(Object)) &&
        !(V && leavesObject(memberRole(MD, ObjectClass)))) {
      if (Arrow) {
        // `p->push_back(x)`: the object is wherever p points.
        if (!Out.MemoryWrite)
          Out.MemoryWrite = CE;
      } else {
        if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
            Op && Op->getOperator() == OO_Equal)
          markWriteOnly(Object);
        write(Object, CE);
      }
    }
    // Address-only functions (std::move) and the free mirrors of access
    // members (std::begin) write nothing themselves.
    bool AddressOnly = V && !MD && (isAddressOnly(FD) || isAccessFunction(FD));
    unsigned RangeFrom = V && V->Kind == LibraryKind::MutatesRange ? rangeWritesFrom(FD) : 0;
    for (unsigned I = FirstArg; I < CE->getNumArgs(); ++I) {
      const Expr *Arg = CE->getArg(I);
      unsigned Param = I - FirstArg;
      // The library reads through it, unless it points into a string
      // literal, which nothing can write (NAN is `__builtin_nanf("")`).
      if (V && isPointerLike(Arg->getType()) && !Arg->getType()->isFunctionPointerType() &&
          !isa<StringLiteral>(Arg->IgnoreParenImpCasts()))
        Out.ReadsMemory = true;
      if (Param >= FD->getNumParams() || AddressOnly)
        continue;
      QualType PT = FD->getParamDecl(Param)->getType();
      // std::swap(v[i], v[j]) on a std::vector<bool>: by value, and written.
      if (V && isProxyReference(Arg->getType()) &&
          !(PT->isReferenceType() && PT.getNonReferenceType().isConstQualified()))
        writeThroughProxy(Arg, CE);
      // A view made for the call (`std::ranges::fill(std::views::counted(&x,
      // 1), v)`) is a temporary, but it designates memory others see
      // (adv81 A3).
      bool WritesRange = V && V->Kind == LibraryKind::MutatesRange && Param >= RangeFrom;
      if (WritesRange && isPrivateTemporary(Arg) && isPointerLike(Arg->getType()) &&
          !isReadOnlyIterator(Arg->getType())) {
        writeRange(Arg, CE);
        continue;
      }
      if (isPrivateTemporary(Arg))
        continue; // `v = {a, b}`: the callee may change a temporary nobody else sees
      if (writableReference(PT)) {
        // A forwarded lvalue is passed on, not written, except to a
        // function that writes the range it is given (std::ranges::sort),
        // its arguments (std::ranges::swap) or makes a tuple of references
        // to them (`std::forward_as_tuple(h) = t`: adv81 A1, A2).
        if (!(V && V->Kind != LibraryKind::MutatesRange && forwardsLvalue(FD, Param) &&
              !writesForwarded(FD)))
          write(Arg, CE);
      } else if (WritesRange &&
                 (writablePointer(PT) ||
                  (isPointerLike(Arg->getType()) && !Arg->getType()->isFunctionPointerType() &&
                   !isReadOnlyIterator(Arg->getType())))) {
        // The table: only a range function writes through its pointers
        // and iterators (memchr's `void *` is read).
        writeRange(Arg, CE);
      } else if (V && V->Kind == LibraryKind::ValueMember && writablePointer(PT)) {
        // A member that fills a buffer it is given (std::string::copy):
        // the table says a value member writes its object; codegen does
        // not rely on that for the buffer.
        writeRange(Arg, CE);
      } else if (!V && writablePointer(PT)) {
        write(Arg, CE);
      }
    }
    if (V)
      library(FD, CE, CE->getArgs() + FirstArg, CE->getNumArgs() - FirstArg, Shown);
    if (Lambda)
      runLambda(cast<CXXMethodDecl>(FD));
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (isTrivialSpecialMember(Ctor, [&](const FunctionDecl *M) { return ES.isEffectFreeCallee(M); })) {
      // A defaulted move constructor that is not trivial moves each member
      // out of its source: `sink(std::move(v))` empties 'v' (adv27 W1).
      if (Ctor->isMoveConstructor() && !Ctor->isTrivial() && CE->getNumArgs() == 1 &&
          !isPrivateTemporary(CE->getArg(0)))
        write(CE->getArg(0), CE);
      return true;
    }
    std::optional<LibraryVerdict> V = ES.libraryVerdict(Ctor, Ctor->getParent());
    if (!V) {
      if (!ES.isEffectFreeCallee(Ctor))
        return impure(CE);
      // A user's move constructor (`M(M &&o)`) may empty what it is given,
      // as the library's does: `fv(std::move(m))` changes 'm' (adv27 W1).
      for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
        if (writableReference(Ctor->getParamDecl(I)->getType()) &&
            !isPrivateTemporary(CE->getArg(I)))
          write(CE->getArg(I), CE);
      return true;
    }
    std::string Shown =
        libraryCallName(Ctor, CE->getType(), Ctor->getASTContext().getPrintingPolicy());
    if (V->Kind == LibraryKind::Impure)
      return impure(CE, Shown + " " + V->Reason);
    if (V->Kind == LibraryKind::Unknown)
      return impure(CE, Shown + " is not known to be pure");
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (writableReference(Ctor->getParamDecl(I)->getType()) &&
          !isPrivateTemporary(CE->getArg(I)) && !forwardsLvalue(Ctor, I))
        write(CE->getArg(I), CE); // `std::string t(std::move(s))` empties s
    library(Ctor, CE, CE->getArgs(), CE->getNumArgs(), Shown);
    return true;
  }

  // `static long cnt = 0; ++cnt;` in a loop body: one counter for every
  // iteration; iterations on other threads would race on it and see
  // another order of updates. A `const` (or `constexpr`) one is only read.
  bool VisitDeclStmt(DeclStmt *DS) {
    // `struct Tag {};` moved into a lambda is named after the lambda
    // ('main()::<lambda>::Tag'), which 'typeid' shows (adv44 t04).
    if (LambdaDepth == 0)
      for (const Decl *D : DS->decls())
        if (std::string Why = localTypeReason(D, ES.context().typeNameObserver()); !Why.empty())
          unmovable(DS, std::move(Why));
    // `thread_local union { long tu; double td; };`: Clang's AST keeps no
    // 'thread_local' on the anonymous union's variable (it makes an
    // automatic one), where g++ makes one per thread (adv63 t115).
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->isImplicit() && VD->hasLocalStorage())
        if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl(); RD && RD->isAnonymousStructOrUnion())
          if (std::optional<std::string> Text = ES.context().text(DS->getSourceRange());
              Text && (llvm::StringRef(*Text).contains("thread_local") ||
                       llvm::StringRef(*Text).contains("__thread")))
            unmovable(DS, "an anonymous union declared 'thread_local' (each thread has its own)");
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->isStaticLocal() && VD->getTLSKind() == VarDecl::TLS_None &&
          !VD->getType().isConstQualified())
        unmovable(DS, quoted(VD) + ", a 'static' local (one object that every run of the "
                                   "code shares)");
    // `__attribute__((cleanup(fn)))` calls fn(&var) at the end of the
    // variable's scope, a call no expression shows (adv59 t03: a map whose
    // body logged through one raced).
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->hasLocalStorage())
        if (const auto *CA = VD->getAttr<CleanupAttr>()) {
          const FunctionDecl *Fn = CA->getFunctionDecl();
          if (!Fn || !ES.isEffectFreeCallee(Fn)) {
            std::string Why = "the cleanup function " + (Fn ? quoted(Fn) : std::string("of ")) +
                              (Fn ? " of " : "") + quoted(VD) + " is not known to be pure";
            if (const Expr *Init = VD->getInit())
              impure(Init, std::move(Why));
            else
              unmovable(DS, std::move(Why));
          }
        }
    return true;
  }
  // `auto [x, y] = p;` of a class with the tuple protocol calls its 'get'
  // once for each name, in the initializer of a variable that holds the
  // name's object and that no statement shows (adv63 t10, t12, t13: a
  // 'get' that logged or exited ran in parallel iterations).
  bool VisitBindingDecl(BindingDecl *BD) {
    if (VarDecl *Holding = BD->getHoldingVar())
      TraverseDecl(Holding);
    return true;
  }
  // A local of a class type is destroyed at the end of each run of the
  // scanned code: its destructor runs there.
  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->isLocalExternDecl())
      Out.Locals.insert(VD);
    if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || VD->getType()->isReferenceType())
      return true;
    QualType T = VD->getType();
    while (const auto *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor() || RD->isLambda())
      return true;
    const CXXDestructorDecl *D = RD->getDestructor();
    const Expr *Site = VD->getInit() ? VD->getInit() : nullptr;
    if (!D || !Site)
      return true; // no initializer: a class with a constructor always has one
    if (std::optional<LibraryVerdict> V = ES.libraryVerdict(D, RD))
      library(D, Site, nullptr, 0,
              libraryCallName(D, VD->getType(), VD->getASTContext().getPrintingPolicy()));
    else if (!ES.isEffectFreeCallee(D))
      impure(Site, quoted(D) + " is not known to be pure");
    return true;
  }
  // A temporary of a class type is destroyed at the end of its full
  // expression.
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *BT) {
    const CXXDestructorDecl *D = BT->getTemporary()->getDestructor();
    if (!D || D->isTrivial())
      return true;
    if (std::optional<LibraryVerdict> V = ES.libraryVerdict(D, D->getParent()))
      library(D, BT, nullptr, 0,
              libraryCallName(D, BT->getType(), D->getASTContext().getPrintingPolicy()));
    else if (!ES.isEffectFreeCallee(D))
      impure(BT, quoted(D) + " is not known to be pure");
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *E) { return impure(E); }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) { return impure(E); }

private:
  bool unmovable(const Stmt *E, std::string Why) {
    if (!Out.Unmovable) {
      Out.Unmovable = E;
      Out.UnmovableWhy = std::move(Why);
    }
    return true;
  }
  bool exit(Stmt *S) {
    if (LambdaDepth > 0)
      return true; // a lambda's own return
    if (!Out.Exit)
      Out.Exit = S;
    if (!Out.Leave)
      Out.Leave = S;
    return true;
  }
  /// Why: the reason when it is not "the callee is not known to be pure".
  bool impure(const Expr *E, std::string Why = "") {
    if (!Out.ImpureCall) {
      Out.ImpureCall = E;
      Out.ImpureWhy = std::move(Why);
    }
    return true;
  }

  /// What a library call does beyond its arguments: it calls the callables
  /// it is given (judged as code run here) and runs members of user types
  /// (the library model's element-member column, LibraryRuns).
  /// Shown: the call as remarks name it ('std::vector<Log>::push_back').
  void library(const FunctionDecl *FD, const Expr *Site, const Expr *const *Args,
               unsigned NumArgs, const std::string &Shown) {
    // The lambdas given (also as bases of a given object's class, the
    // `overloaded{...}` idiom) are judged as callables; one the library
    // runs without being given it (a hash named by its type) is a run.
    llvm::SmallPtrSet<const CXXRecordDecl *, 4> GivenLambdas;
    std::function<void(const CXXRecordDecl *)> AddLambdas = [&](const CXXRecordDecl *RD) {
      if (!RD || !RD->hasDefinition())
        return;
      if (RD->isLambda())
        GivenLambdas.insert(RD);
      for (const CXXBaseSpecifier &B : RD->bases())
        AddLambdas(B.getType()->getAsCXXRecordDecl());
    };
    for (unsigned I = 0; I < NumArgs; ++I) {
      callable(Args[I], Site, Shown);
      AddLambdas(Args[I]->getType().getNonReferenceType()->getAsCXXRecordDecl());
    }
    for (const UserRun &R : ES.runsOf(FD))
      if (const auto *MD = dyn_cast<CXXMethodDecl>(R.Member);
          MD && GivenLambdas.contains(MD->getParent()))
        continue;
      else if (!ES.isEffectFreeCallee(R.Member))
        impure(Site, Shown + " " + R.Action + ", which is not known to be pure");
  }

  void callable(const Expr *A, const Expr *Site, const std::string &Shown) {
    QualType T = A->getType().getNonReferenceType();
    if (isIndirectCallable(T))
      return (void)impure(Site, "the function given to " + Shown + " is an indirect call");
    if (T->isFunctionPointerType() || T->isFunctionType() || T->isMemberFunctionPointerType()) {
      const Expr *Inner = A->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(Inner); UO && UO->getOpcode() == UO_AddrOf)
        Inner = UO->getSubExpr()->IgnoreParenImpCasts();
      const auto *DRE = dyn_cast<DeclRefExpr>(Inner);
      const auto *Target = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
      if (!Target)
        impure(Site, "the function given to " + Shown + " is an indirect call");
      else if (!ES.isEffectFreeCallee(Target))
        impure(Site, quoted(Target) + ", given to " + Shown + ", is not known to be pure");
      return;
    }
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return;
    if (RD->isLambda()) {
      const LambdaExpr *LE = lambdaOf(A);
      if (!LE)
        return (void)impure(Site, "the lambda given to " + Shown +
                                      " is not one written there or in a local's initializer");
      // Its body runs here, as often as the library likes.
      runBody(LE->getCallOperator(), LE->getBody());
      return;
    }
    if (ES.libraryVerdict(nullptr, RD))
      return; // std::less<T> and friends: what they run is in LibraryRuns
    auto Call = RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
    for (const NamedDecl *ND : RD->lookup(Call))
      if (const FunctionDecl *Op = ND->getAsFunction(); Op && !ES.isEffectFreeCallee(Op))
        return (void)impure(Site, quoted(Op) + ", given to " + Shown + ", is not known to be pure");
  }

  /// The body of a lambda called here runs here: its writes are ours
  /// (captures by reference name the variables themselves); its
  /// parameters are its own. Body: the call operator's (a generic
  /// lambda's instance has its own), or the lambda's as written.
  void runBody(const CXXMethodDecl *Op, const Stmt *Body) {
    if (!Body || !Scanned.insert(Body).second)
      return;
    for (const ParmVarDecl *P : Op->parameters())
      Out.Locals.insert(P);
    ++LambdaDepth;
    TraverseStmt(const_cast<Stmt *>(Body));
    --LambdaDepth;
  }

  /// A call of a lambda the purity checker did not judge. A `mutable` one
  /// (made anew for this call: freshObject) changes only its own copies of
  /// what it captured by value, which are no variable of the scanned code.
  void runLambda(const CXXMethodDecl *Op) {
    llvm::SmallPtrSet<const VarDecl *, 4> Copies;
    if (!Op->isConst())
      for (const LambdaCapture &C : Op->getParent()->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByCopy)
          if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
            Copies.insert(VD);
    auto Saved = std::exchange(OwnCopies, std::move(Copies));
    runBody(Op, Op->getBody());
    OwnCopies = std::move(Saved);
  }

  /// The object of a `mutable` lambda's call is made anew for each run of
  /// the scanned code: the lambda is written at the call, or held by a
  /// local declared in the scanned code. Any other keeps what a call
  /// changes for the next call.
  bool freshObject(const Expr *Object) const {
    if (!Object || isa<LambdaExpr>(written(Object)))
      return true;
    const VarDecl *VD = refersTo(Object);
    return VD && !VD->getType()->isReferenceType() && Out.Locals.contains(VD);
  }

  static std::string mutableReason(const Expr *Object) {
    const auto *DRE = Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
    return (DRE ? quoted(DRE->getDecl()) : std::string("the lambda called")) +
           " is a 'mutable' lambda: a call may change the values it captured, which the next "
           "call sees";
  }

  /// Why a call through a pointer reaches no one known function
  /// (FixedCallee.h).
  std::string unfixedReason(const FixedCallee &T) const {
    auto Shown = [&](const Expr *E) {
      return E ? shownInParens(ES.context().shownText(E->getSourceRange())) : std::string();
    };
    if (!T.Through) {
      // An element of a table of function pointers, `ops[k](i)`; a member
      // pointer, `(o.*pm)(i)`; what a call returns (adv69 F1).
      std::optional<std::string> Text =
          T.Where ? quotable(ES.context().shownText(T.Where->getSourceRange())) : std::nullopt;
      const char *What = T.Where && isa<BinaryOperator>(T.Where) ? "the member pointer"
                                                                 : "the function pointer";
      return "which function a call through " + std::string(What) +
             (Text ? " '" + *Text + "'" : std::string()) + " reaches is not followed";
    }
    std::string Name = quoted(T.Through);
    const char *Which = ": which function a call through it reaches is ";
    auto Line = [&](const Expr *E) {
      return std::to_string(ES.context().SM.getPresumedLineNumber(E->getExprLoc()));
    };
    switch (T.Why) {
    case Unfixed::Parameter:
      return Name + " is a parameter" + Which + "the caller's choice";
    case Unfixed::Global:
      return Name + " is a global that is not 'const'" + Which +
             "whatever any function last stored there";
    case Unfixed::NotOneFunction:
      return Name + " is not initialized with one function" + Shown(T.Where) + Which +
             "not known";
    case Unfixed::Changed: {
      if (!T.Where)
        break;
      std::string How = isa<BinaryOperator>(T.Where)   ? Name + " is assigned"
                        : isa<UnaryOperator>(T.Where) ? "the address of " + Name + " is taken"
                                                      : Name + " is used other than read";
      return How + " on line " + Line(T.Where) + Shown(T.Where) + Which + "not followed";
    }
    case Unfixed::None:
    case Unfixed::Direct:
    case Unfixed::Dependent:
    case Unfixed::Several:
    case Unfixed::NotAVariable:
      break;
    }
    return Name + " may point to any function" + std::string(Which) + "not followed";
  }

  void writeRange(const Expr *Arg, const Expr *Site) {
    if (const Expr *Owner = rangeOwner(Arg))
      return write(Owner, Site);
    if (!Out.MemoryWrite)
      Out.MemoryWrite = Site;
  }
  /// A write through a proxy reference writes the element it stands for:
  /// part of the container when the proxy is made right there (`v[i]`,
  /// `v.back()` on a std::vector<bool>), anywhere when it was kept in a
  /// variable or made by an iterator.
  void writeThroughProxy(const Expr *Proxy, const Expr *Site) {
    const Expr *Made = Proxy->IgnoreImplicit()->IgnoreParens();
    if (isa<CallExpr>(Made))
      return write(Made, Site);
    if (!Out.MemoryWrite)
      Out.MemoryWrite = Site;
  }
  void markWriteOnly(const Expr *LHS) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
      WriteOnly.insert(DRE);
  }
  void write(const Expr *LHS, const Expr *Site) {
    LHS = throughAddressOnly(LHS);
    if (Skip && Skip->contains(LHS->IgnoreParenImpCasts()))
      return;
    const VarDecl *VD = baseVariable(LHS);
    if (VD && OwnCopies.contains(VD))
      return; // a `mutable` lambda's own copy (runLambda)
    if (!VD || VD->getType()->isReferenceType()) {
      if (!Out.MemoryWrite)
        Out.MemoryWrite = Site;
      if (!VD)
        return;
    }
    Out.Writes.insert(VD);
    Out.FirstWrite.try_emplace(VD, Site);
  }

  const DepScanner &ES;
  StmtDeps &Out;
  const llvm::SmallPtrSetImpl<const Expr *> *Skip;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> WriteOnly;
  unsigned LoopDepth = 0, SwitchDepth = 0, LambdaDepth = 0;
  /// The lambda bodies followed (each once: a generic lambda may call itself).
  llvm::SmallPtrSet<const Stmt *, 2> Scanned;
  /// While a `mutable` lambda's body is followed: the variables it
  /// captured by value (runLambda).
  llvm::SmallPtrSet<const VarDecl *, 4> OwnCopies;

public:
  /// The labels declared inside the scanned code.
  llvm::SmallPtrSet<const LabelDecl *, 2> Labels;
};

void collectLabels(const Stmt *S, llvm::SmallPtrSetImpl<const LabelDecl *> &Out) {
  if (!S)
    return;
  if (const auto *LS = dyn_cast<LabelStmt>(S))
    Out.insert(LS->getDecl());
  for (const Stmt *Child : S->children())
    collectLabels(Child, Out);
}

} // namespace

bool DepScanner::isEffectFreeCallee(const FunctionDecl *FD) const {
  if (PC.Facts.isPure(FD) ||
      isTrivialSpecialMember(FD, [&](const FunctionDecl *M) { return isEffectFreeCallee(M); }))
    return true;
  // The library model: a call that reads its arguments and writes nothing
  // (no non-const reference or pointer parameter, no range, no callable).
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  std::optional<LibraryVerdict> V = libraryVerdict(FD, MD ? MD->getParent() : nullptr);
  if (!V)
    return false;
  switch (V->Kind) {
  case LibraryKind::Pure:
    break;
  case LibraryKind::ValueMember:
    if (MD && !MD->isConst() && !leavesObject(memberRole(MD)))
      return false;
    if (MD && MD->getOverloadedOperator() == OO_Call)
      return false; // std::function's operator() calls what it holds
    break;
  default:
    return false;
  }
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType PT = P->getType();
    if (writableReference(PT) || writablePointer(PT) || isPointerLike(PT) ||
        PT->isFunctionPointerType() || PT->isRecordType() || PT->isTemplateTypeParmType())
      return false;
  }
  return runsOf(FD).empty();
}

std::optional<LibraryVerdict> DepScanner::libraryVerdict(const FunctionDecl *FD,
                                                         const CXXRecordDecl *ObjectClass) const {
  if (!FD) {
    // A standard class used as a callable (std::less<T>, std::plus<>).
    if (ObjectClass && isModelledClass(ObjectClass))
      return LibraryVerdict{LibraryKind::ValueMember, nullptr};
    return std::nullopt;
  }
  if (PC.Facts.isPure(FD) || !isLibraryFunction(FD, PC.SM))
    return std::nullopt;
  // [[purecc::assume_pure]] on a redeclaration: the user vouches for it.
  if (isAssumedPure(FD))
    return LibraryVerdict{LibraryKind::Pure, nullptr};
  LibraryVerdict V = judgeLibraryCall(FD, ObjectClass);
  // Not in the table: Clang's own builtin table may know it computes a
  // value only (errno is not observable in purecc).
  if (unsigned ID = FD->getBuiltinID(); ID && V.Kind == LibraryKind::Unknown &&
                                        (PC.Ctx.BuiltinInfo.isConst(ID) ||
                                         PC.Ctx.BuiltinInfo.isConstWithoutErrnoAndExceptions(ID)))
    V.Kind = LibraryKind::Pure;
  return V;
}

const std::vector<UserRun> &DepScanner::runsOf(const FunctionDecl *FD) const {
  return PC.libraryRuns().of(FD);
}

StmtDeps DepScanner::scan(const Stmt *S,
                            const llvm::SmallPtrSetImpl<const Expr *> *Skip) const {
  StmtDeps Out;
  Scanner Scan(*this, Out, Skip);
  collectLabels(S, Scan.Labels);
  Scan.TraverseStmt(const_cast<Stmt *>(S));
  return Out;
}

const VarDecl *baseVariable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    // `c.k`, `pc->k` of a static data member name the member itself.
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return Static;
    return ME->isArrow() ? nullptr : baseVariable(ME->getBase());
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *B = AS->getBase()->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(B);
        Cast && Cast->getCastKind() == CK_ArrayToPointerDecay)
      return baseVariable(Cast->getSubExpr());
    return nullptr;
  }
  // An element a standard container hands out is part of it (m[k],
  // v.front(), o.value()); a view's or an iterator's is not.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_Subscript && ownsElements(Op->getArg(0)->getType()))
      return baseVariable(Op->getArg(0));
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *MD = MC->getMethodDecl();
        MD && MD->getOverloadedOperator() == OO_None && memberRole(MD) == MemberRole::Access &&
        MD->getReturnType()->isReferenceType() &&
        ownsElements(MC->getImplicitObjectArgument()->getType()))
      return baseVariable(MC->getImplicitObjectArgument());
  return nullptr;
}

bool isOwnedLocal(const VarDecl *VD) {
  return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType();
}

void StmtDeps::merge(const StmtDeps &From) {
  Reads.insert(From.Reads.begin(), From.Reads.end());
  Writes.insert(From.Writes.begin(), From.Writes.end());
  Locals.insert(From.Locals.begin(), From.Locals.end());
  ReadsMemory |= From.ReadsMemory;
  if (!MemoryWrite)
    MemoryWrite = From.MemoryWrite;
  if (!ImpureCall) {
    ImpureCall = From.ImpureCall;
    ImpureWhy = From.ImpureWhy;
  }
  for (auto &[V, Site] : From.FirstWrite)
    FirstWrite.try_emplace(V, Site);
  if (!Unmovable) {
    Unmovable = From.Unmovable;
    UnmovableWhy = From.UnmovableWhy;
  }
}

namespace {
/// Appends the variables of Vars that S names, in the order it names them.
void collectNamed(const Stmt *S, const llvm::SmallPtrSetImpl<const VarDecl *> &Vars,
                  llvm::SmallPtrSetImpl<const VarDecl *> &Seen,
                  std::vector<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && Vars.contains(VD) && Seen.insert(VD).second)
      Out.push_back(VD);
  for (const Stmt *Child : S->children())
    collectNamed(Child, Vars, Seen, Out);
}
} // namespace

std::vector<const VarDecl *> inSourceOrder(const llvm::SmallPtrSetImpl<const VarDecl *> &Vars,
                                           const Stmt *S, const SourceManager &SM) {
  std::vector<const VarDecl *> Out;
  llvm::SmallPtrSet<const VarDecl *, 8> Seen;
  collectNamed(S, Vars, Seen, Out);
  std::vector<const VarDecl *> Rest;
  for (const VarDecl *VD : Vars)
    if (!Seen.contains(VD))
      Rest.push_back(VD);
  llvm::sort(Rest, [&](const VarDecl *A, const VarDecl *B) {
    if (A->getLocation() != B->getLocation())
      return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
    return A->getName() < B->getName();
  });
  Out.insert(Out.end(), Rest.begin(), Rest.end());
  return Out;
}

std::string functionNameReason(const PredefinedExpr *E, const ASTContext &Ctx) {
  // `assert(x)` expands to `__assert_fail(..., __PRETTY_FUNCTION__)`: its
  // message names the function. Through another macro, name the macro
  // the user wrote, the outermost one, and what it expands to.
  if (outermostMacro(E->getBeginLoc(), Ctx) == "assert")
    return "'assert', whose message names the function it is written in";
  return usedThrough(E->getBeginLoc(),
                     "'" + PredefinedExpr::getIdentKindName(E->getIdentKind()).str() + "'", Ctx) +
         ", which names the function it is written in";
}

} // namespace purecc
