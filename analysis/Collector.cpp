//===- Collector.cpp - walks bodies and runs the rules --------------------===//
#include "Collector.h"
#include "ImplementationHeaders.h"
#include "Stdlib.h"
#include "Unevaluated.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using namespace clang;

namespace purecc {

// Each rule's factory (declared in its own header too, next to its docs).
#define PURECC_RULE(Name, Section, Test, Ids) std::unique_ptr<Rule> make##Name##Rule();
#include "rules/Rules.def"

Collector::Collector(ASTContext &Ctx) : Ctx(Ctx) {
#define PURECC_RULE(Name, Section, Test, Ids) Rules.push_back(make##Name##Rule());
#include "rules/Rules.def"
  // Each class's rules, in the rules' order (which is their effects' order).
  for (auto &R : Rules) {
    StmtClasses Classes = R->inspects();
    for (unsigned C = 0; C < StmtClasses::Count; ++C)
      if (Classes.contains(Stmt::StmtClass(C)))
        RulesFor[C].push_back(R.get());
  }
}

Collector::~Collector() = default;

Summary &Collector::summary(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def))
    FD = Def;
  auto [It, Inserted] = Summaries.try_emplace(FD);
  if (Inserted) {
    It->second = std::make_unique<Summary>();
    It->second->FD = FD;
    // The map may grow while FD is collected: hold the summary, not the slot.
    Summary &S = *It->second;
    collect(S);
    return S;
  }
  return *It->second;
}

Prov Collector::returns(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || InProgress.count(Def))
    return Prov::unknown();
  return summary(Def).Returns;
}

void Collector::collect(Summary &S) {
  const FunctionDecl *FD = S.FD;
  InProgress.insert(FD);
  Locality L(Ctx, FD, [this](const FunctionDecl *F) { return returns(F); }, Owning);
  RuleContext RC(L, S);
  for (auto &R : Rules)
    R->inspectFunction(RC);
  if (FD->hasBody()) {
    if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : CD->inits())
        walk(Init->getInit(), RC, S, L);
    walk(FD->getBody(), RC, S, L);
  } else {
    S.Returns = Prov::unknown();
  }
  InProgress.erase(FD);
}

namespace {

/// Whether the hidden variable of a structured binding calls the library's
/// `get<I>` (std::pair, std::tuple, std::array).
bool callsLibraryGet(const VarDecl *Holding, const SourceManager &SM) {
  const Expr *Init = Holding->getInit();
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Init))
    Init = MT->getSubExpr()->IgnoreImplicit();
  const auto *CE = dyn_cast<CallExpr>(Init);
  const FunctionDecl *Get = CE ? CE->getDirectCallee() : nullptr;
  return Get && isImplementationHeader(Get->getLocation(), SM);
}

} // namespace

void Collector::walk(const Stmt *Root, RuleContext &RC, Summary &Sum, Locality &L) {
  // Iterative, with an explicit stack: a legal expression can nest far
  // deeper than the call stack holds (`1 + 1 + ... + 1` with 100,000 terms
  // is a chain of 100,000 BinaryOperators). Statements are shown to the
  // rules in the same order as a recursive pre-order walk would: children
  // are pushed in reverse, and the end of the outermost default argument is
  // an entry of its own.
  struct Item {
    const Stmt *S;
    /// Not a statement: the end of the outermost default argument.
    bool EndOfDefaultArg;
  };
  llvm::SmallVector<Item, 64> Stack;
  Stack.push_back({Root, false});
  while (!Stack.empty()) {
    Item I = Stack.pop_back_val();
    if (I.EndOfDefaultArg) {
      RC.DefaultArg = nullptr;
      continue;
    }
    const Stmt *S = I.S;
    if (!S)
      continue;
    // Not evaluated at run time: nothing in them happens (a constant
    // expression is the compiler's).
    if (isUnevaluatedOperand(S) || isa<ConstantExpr>(S))
      continue;
    for (Rule *R : RulesFor[S->getStmtClass()])
      R->inspectStmt(S, RC);
    // The children, pushed in reverse below.
    const size_t First = Stack.size();
    auto Push = [&](const Stmt *Child) { Stack.push_back({Child, false}); };
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      // Making the closure copies the captures; the body runs only when the
      // closure is called, and is judged then, as a callee.
      for (const Expr *Init : LE->capture_inits())
        Push(Init);
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          Push(VD->getInit());
          // A tuple-like structured binding calls `get<I>` in the
          // initializers of hidden variables that no statement names. The
          // library's (std::pair, std::tuple) only name an element: the
          // uses of the binding are the reads.
          if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
            for (const BindingDecl *BD : DD->bindings())
              if (const VarDecl *Holding = BD->getHoldingVar())
                if (!callsLibraryGet(Holding, Ctx.getSourceManager()))
                  Push(Holding->getInit());
        }
    } else if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S)) {
      // Effects inside are tagged with the outermost default argument,
      // until the entry pushed first (so popped last) ends it.
      if (!RC.DefaultArg) {
        RC.DefaultArg = DA;
        Stack.push_back({nullptr, true});
      }
      Stack.push_back({DA->getExpr(), false});
      continue;
    } else if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S)) {
      Push(DI->getExpr());
    } else if (const auto *CS = dyn_cast<CXXCatchStmt>(S)) {
      // A handler that catches by value copies the exception object into
      // its variable: the copy constructor is the variable's initializer,
      // which no child holds.
      if (const VarDecl *VD = CS->getExceptionDecl())
        Push(VD->getInit());
      Push(CS->getHandlerBlock());
    } else if (isa<InitListExpr, CXXParenListInitExpr>(S)) {
      for (const Stmt *Child : S->children())
        Push(Child);
      // The elements no initializer names (`E a[3] = {E(1)};`, `E a[3](E(1))`)
      // are made by the array filler, which children() leaves out.
      const Expr *Filler = nullptr;
      if (const auto *IL = dyn_cast<InitListExpr>(S))
        Filler = IL->getArrayFiller();
      else
        Filler = cast<CXXParenListInitExpr>(S)->getArrayFiller();
      if (Filler && !isa<ImplicitValueInitExpr>(Filler))
        Push(Filler);
    } else {
      if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
        if (const Expr *RV = RS->getRetValue()) {
          QualType T = Sum.FD->getReturnType();
          if (T->isReferenceType())
            Sum.Returns = join(Sum.Returns, L.ofLValue(RV));
          else if (pointsLikePointer(T))
            Sum.Returns = join(Sum.Returns, L.ofPointee(RV));
        }
      }
      for (const Stmt *Child : S->children())
        Push(Child);
    }
    std::reverse(Stack.begin() + First, Stack.end());
  }
}

} // namespace purecc
