//===- Algorithms.cpp - parallel-algorithm: standard algorithms -----------===//
#include "Algorithms.h"
#include "PureCalls.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "CallCost.h"
#include "Containers.h"
#include "Places.h"
#include "PlainValues.h"
#include "Reductions.h"
#include "SameExpr.h"
#include "Shapes.h"
#include "NoReturn.h"
#include "Speculation.h"
#include "WhatMayThrow.h"
#include "analysis/MayThrow.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSet.h"

#include <functional>

using namespace clang;

namespace purecc {

/// [first, last) over a named array or container: indexable as Var[k].
struct Algorithms::Range {
  const VarDecl *Var;
  std::string Size; // std::int64_t expression
  QualType Element;
};

namespace {

using shapes::ReduceOp;

/// `v.begin()`, `std::begin(v)` (and the c-variants) → v, for the names given.
const VarDecl *iteratorOf(const Expr *E, llvm::StringRef Member, llvm::StringRef CMember) {
  E = written(E);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() &&
        (MD->getName() == Member || MD->getName() == CMember) && MC->getNumArgs() == 0)
      return refersTo(MC->getImplicitObjectArgument());
  }
  if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getNumArgs() == 1)
    if (const FunctionDecl *FD = CE->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getDeclName().isIdentifier() &&
        (FD->getName() == Member || FD->getName() == CMember))
      return refersTo(CE->getArg(0));
  return nullptr;
}

/// The operation of a standard function object (std::plus<> ...): the
/// library model's associative combines (StdlibPurity.def). Max and Min are
/// functions there, never function objects, and the reductions below take
/// only the ones with an arithmetic identity.
std::optional<ReduceOp> functorOp(const Expr *E) {
  switch (combineOf(written(E)->getType()->getAsCXXRecordDecl())) {
  case Combine::Add:
    return ReduceOp::Add;
  case Combine::Mul:
    return ReduceOp::Mul;
  case Combine::BitAnd:
    return ReduceOp::BitAnd;
  case Combine::BitOr:
    return ReduceOp::BitOr;
  case Combine::BitXor:
    return ReduceOp::BitXor;
  case Combine::Max:
  case Combine::Min:
  case Combine::None:
    break;
  }
  return std::nullopt;
}

/// Whether E is a transparent function object of the library's
/// (`std::plus<>`, `std::plus<void>`), which applies its operator to its
/// operands' own types.
/// The operand type of a typed library functor (`double` for
/// `std::plus<double>`), or null for a transparent one or another callable.
QualType functorOperandType(const Expr *E) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      written(E)->getType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || Spec->getTemplateArgs().size() != 1)
    return QualType();
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type || Arg.getAsType()->isVoidType())
    return QualType();
  return Arg.getAsType();
}

bool transparentFunctor(const Expr *E) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      written(E)->getType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() != 1)
    return false;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  return Arg.getKind() == TemplateArgument::Type && Arg.getAsType()->isVoidType();
}

/// `std::ranges::transform(v, o.begin(), f)`: a call of the function object
/// that names a C++20 range algorithm whose iterator form codegen rewrites
/// (or selects with: min_element, max_element, minmax_element) or leaves
/// serial with a reason, or null.
const VarDecl *rangeAlgorithm(const CallExpr *CE) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!VD || !VD->getIdentifier())
    return nullptr;
  AlgorithmShape Shape = rangeAlgorithmShape(VD);
  if (Shape == AlgorithmShape::Reduction || Shape == AlgorithmShape::Map ||
      Shape == AlgorithmShape::Serial || Shape == AlgorithmShape::Search)
    return VD;
  llvm::StringRef Name = VD->getName();
  if ((Name == "min_element" || Name == "max_element" || Name == "minmax_element") &&
      llvm::StringRef(tableName(VD)).starts_with("std::ranges::"))
    return VD;
  return nullptr;
}

class CallFinder : public RecursiveASTVisitor<CallFinder> {
public:
  /// RangeCalls: each std::ranges algorithm call with the algorithm object
  /// it calls.
  CallFinder(std::vector<const CallExpr *> &Out,
             std::vector<std::pair<const CallExpr *, const VarDecl *>> &RangeCalls)
      : Out(Out), RangeCalls(RangeCalls) {}
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *FD = CE->getDirectCallee(); FD && FD->isInStdNamespace())
      Out.push_back(CE);
    else if (const VarDecl *Algorithm = rangeAlgorithm(CE))
      RangeCalls.push_back({CE, Algorithm});
    return true;
  }

private:
  std::vector<const CallExpr *> &Out;
  std::vector<std::pair<const CallExpr *, const VarDecl *>> &RangeCalls;
};

/// A comparator `[captures](T a, T b) { return key(a) < key(b); }`: comp(a,
/// b) is `key(a) Op key(b)` for a built-in comparison of arithmetic keys.
struct KeyedComparator {
  const LambdaExpr *Lambda;
  const ParmVarDecl *A;
  const Expr *Key;  // key(a), as written in the comparator
  QualType Type;    // the type the comparison compares
  BinaryOperatorKind Op;
};

/// The outermost function around S: the bodies of lambdas are in it.
const FunctionDecl *outermostFunction(ASTContext &Ctx, const Stmt *S) {
  const FunctionDecl *Outer = nullptr;
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      Outer = FD;
    Parents = Ctx.getParents(Parents[0]);
  }
  return Outer;
}

/// Whether V is declared inside function F (or a lambda in it).
bool declaredIn(const VarDecl *V, const FunctionDecl *F) {
  for (const DeclContext *DC = V->getDeclContext(); DC; DC = DC->getParent())
    if (DC == F)
      return true;
  return false;
}

/// A name the key uses (other than its parameter A) that a declaration in
/// the function around the call also declares (empty when none): the key
/// of a stored lambda is repeated at the call, where such a name may mean
/// something else than where the lambda is written.
std::string shadowedName(ASTContext &Ctx, const CallExpr *Call, const Expr *Key,
                         const ParmVarDecl *A) {
  llvm::StringSet<> Used;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() != A &&
                                                    DRE->getDecl()->getDeclName().isIdentifier())
      Used.insert(DRE->getDecl()->getName());
    for (const Stmt *C : S->children())
      Collect(C);
  };
  Collect(Key);
  const FunctionDecl *Outer = outermostFunction(Ctx, Call);
  if (!Outer)
    return "";
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::StringSet<> &Used;
    const ParmVarDecl *A;
    std::string Found;
    explicit Finder(llvm::StringSet<> &Used, const ParmVarDecl *A) : Used(Used), A(A) {}
    bool VisitNamedDecl(NamedDecl *D) {
      if (D != A && D->getDeclName().isIdentifier() && Used.contains(D->getName()) &&
          D->getDeclContext()->isFunctionOrMethod())
        Found = D->getName().str();
      return Found.empty();
    }
  } F(Used, A);
  F.TraverseDecl(const_cast<FunctionDecl *>(Outer));
  return F.Found;
}

BinaryOperatorKind mirrored(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_LT:
    return BO_GT;
  case BO_GT:
    return BO_LT;
  case BO_LE:
    return BO_GE;
  default:
    return BO_LE;
  }
}

/// Comp read as a keyed comparator: a non-generic, non-mutable lambda with
/// two parameters of one type and the body `return key(a) Op key(b);` (or
/// `key(b) Op key(a)`), Op one of < > <= >= on arithmetic or enum keys.
std::optional<KeyedComparator> keyedComparator(const Expr *Comp) {
  const auto *LE = dyn_cast<LambdaExpr>(Comp);
  if (!LE || LE->getDependentCallOperator() || LE->isMutable())
    return std::nullopt;
  const CXXMethodDecl *Op = LE->getCallOperator();
  if (Op->getNumParams() != 2 ||
      Op->getParamDecl(0)->getType().getCanonicalType() !=
          Op->getParamDecl(1)->getType().getCanonicalType())
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(LE->getBody());
  const auto *Ret = Body && Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_front()) : nullptr;
  const auto *Cmp = Ret && Ret->getRetValue()
                        ? dyn_cast<BinaryOperator>(Ret->getRetValue()->IgnoreParenImpCasts())
                        : nullptr;
  if (!Cmp || !(Cmp->getOpcode() == BO_LT || Cmp->getOpcode() == BO_GT ||
                Cmp->getOpcode() == BO_LE || Cmp->getOpcode() == BO_GE))
    return std::nullopt;
  QualType T = Cmp->getLHS()->getType().getCanonicalType().getUnqualifiedType();
  if (!(T->isArithmeticType() || T->isEnumeralType()) || T->isAnyComplexType())
    return std::nullopt;
  const ParmVarDecl *A = Op->getParamDecl(0), *B = Op->getParamDecl(1);
  // A key that does not read its element is no key (and its lambda's
  // parameter would be unused, a -Wextra warning).
  if (!mentions(Cmp, A))
    return std::nullopt;
  if (sameExprRenaming(Cmp->getLHS(), Cmp->getRHS(), A, B))
    return KeyedComparator{LE, A, Cmp->getLHS(), T, Cmp->getOpcode()};
  if (sameExprRenaming(Cmp->getRHS(), Cmp->getLHS(), A, B))
    return KeyedComparator{LE, A, Cmp->getRHS(), T, mirrored(Cmp->getOpcode())};
  return std::nullopt;
}

/// Whether an iterator of type T is random-access: a pointer, or a class
/// whose iterator_category is (derived from) std::random_access_iterator_tag.
bool randomAccess(ASTContext &Ctx, QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get("iterator_category"))) {
    const auto *TD = dyn_cast<TypedefNameDecl>(D);
    const auto *Tag = TD ? TD->getUnderlyingType()->getAsCXXRecordDecl() : nullptr;
    if (!Tag || !Tag->hasDefinition())
      continue;
    auto IsRandom = [](const CXXRecordDecl *C) {
      return C->isInStdNamespace() && C->getDeclName().isIdentifier() &&
             C->getName() == "random_access_iterator_tag";
    };
    if (IsRandom(Tag))
      return true;
    bool Derived = false;
    Tag->forallBases([&](const CXXRecordDecl *Base) {
      Derived |= IsRandom(Base);
      return true;
    });
    return Derived;
  }
  return false;
}

/// `std::accumulate(first, last, init, [c](T acc, const E &x) { return acc
/// + term(x); })`, where the term does not read the running total: the
/// same fold as `std::transform_reduce(first, last, init, std::plus<>(),
/// [c](const E &x) { return term(x); })` (user48 k10). The lambda is
/// rewritten into that transformation, the text of its captures, element
/// parameter and term kept as written, so every name means what it meant.
struct FoldLambda {
  ReduceOp Op;
  std::string Functor;        // `std::plus<>()`
  std::string Written;        // the lambda's returned expression
  std::string Transformation; // `[c](const E &x) { return term(x); }`
  QualType Term;              // the type of term(x), before it meets the total
};

std::optional<std::pair<ReduceOp, const char *>> foldOp(BinaryOperatorKind K) {
  switch (K) {
  case BO_Add: return std::pair(ReduceOp::Add, "std::plus<>()");
  case BO_Mul: return std::pair(ReduceOp::Mul, "std::multiplies<>()");
  case BO_And: return std::pair(ReduceOp::BitAnd, "std::bit_and<>()");
  case BO_Or: return std::pair(ReduceOp::BitOr, "std::bit_or<>()");
  case BO_Xor: return std::pair(ReduceOp::BitXor, "std::bit_xor<>()");
  default: return std::nullopt;
  }
}

/// OpExpr read as a fold lambda for a running total of type Total; null
/// with WhyNot set when it is such a lambda that cannot be rewritten, null
/// with WhyNot empty when it is not one.
std::optional<FoldLambda> foldLambda(PlanContext &PC, const Expr *OpExpr, QualType Total,
                                     std::string &WhyNot) {
  const auto *L = dyn_cast<LambdaExpr>(written(OpExpr));
  if (!L || L->getDependentCallOperator() || L->isMutable())
    return std::nullopt;
  const CXXMethodDecl *Call = L->getCallOperator();
  const auto *Body = dyn_cast<CompoundStmt>(L->getBody());
  if (Call->getNumParams() != 2 || !Body || Body->size() != 1)
    return std::nullopt;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  const auto *Bin = Ret && Ret->getRetValue()
                        ? dyn_cast<BinaryOperator>(Ret->getRetValue()->IgnoreParenImpCasts())
                        : nullptr;
  const ParmVarDecl *Acc = Call->getParamDecl(0), *Elem = Call->getParamDecl(1);
  auto Op = Bin ? foldOp(Bin->getOpcode()) : std::nullopt;
  if (!Op)
    return std::nullopt;
  // The total on either side: the built-in operators are commutative, bit
  // for bit (IEEE addition too).
  auto IsTotal = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Acc;
  };
  const Expr *TermExpr = IsTotal(Bin->getLHS())   ? Bin->getRHS()
                         : IsTotal(Bin->getRHS()) ? Bin->getLHS()
                                                  : nullptr;
  if (!TermExpr)
    return std::nullopt;
  const PrintingPolicy &Policy = PC.Ctx.getPrintingPolicy();
  if (mentions(TermExpr, Acc)) {
    std::optional<std::string> Text = quotable(PC.shownText(TermExpr->getSourceRange()));
    WhyNot = "the lambda's term " + (Text ? "'" + *Text + "' " : "") +
             "reads the running total " + quoted(Acc) + ", so each step needs the one before";
    return std::nullopt;
  }
  auto Same = [&](QualType A) {
    return PC.Ctx.hasSameType(A.getNonReferenceType().getUnqualifiedType(),
                              Total.getUnqualifiedType());
  };
  // The library assigns op(total, x) to the total at every step: each
  // conversion on the way (a 'double' parameter for a 'long' total, a
  // 'short' total promoted to 'int') happens at every step, and the tree
  // would not do it.
  if (!Same(Acc->getType())) {
    WhyNot = "the lambda's running total " + quoted(Acc) + " has type '" +
             Acc->getType().getAsString(Policy) + "', and the '" +
             Total.getUnqualifiedType().getAsString(Policy) +
             "' total is converted to it at every step, which the parallel reduction would not do";
    return std::nullopt;
  }
  if (!Same(Bin->getType()) || !Same(Call->getReturnType())) {
    QualType Step = Same(Bin->getType()) ? Call->getReturnType() : Bin->getType();
    WhyNot = "the lambda computes in '" + Step.getUnqualifiedType().getAsString(Policy) +
             "', converting to the '" + Total.getUnqualifiedType().getAsString(Policy) +
             "' total at every step, which the parallel reduction would not do";
    return std::nullopt;
  }
  std::optional<std::string> Term = PC.text(TermExpr->getSourceRange());
  std::optional<std::string> ElemDecl = PC.text(Elem->getSourceRange());
  std::optional<std::string> Capture = PC.text(L->getIntroducerRange());
  std::optional<std::string> Whole = PC.text(Bin->getSourceRange());
  if (!Term || !ElemDecl || !Capture || !Whole) {
    WhyNot = "its lambda is written in a macro";
    return std::nullopt;
  }
  return FoldLambda{Op->first, Op->second, *Whole,
                    *Capture + "(" + *ElemDecl + ") { return " + *Term + "; }",
                    TermExpr->IgnoreParenImpCasts()->getType()};
}

/// For such a lambda given where a fold is not rewritten (std::reduce,
/// which combines terms with each other too), what it is not and how to
/// write the fold it looks like so that it is rewritten (user44 t03). Not
/// "is the same as": std::reduce may apply the lambda to two elements, so
/// the two differ (adv56 t03): "; std::reduce may apply it to two elements
/// or two partial results, so 'return acc + score(x);' is no fold of
/// 'score': that fold is 'std::transform_reduce(first, last, init,
/// std::plus<>(), [&](long x) { return score(x); })', which is rewritten";
/// "" for anything else.
std::string lambdaFoldHint(PlanContext &PC, const Expr *OpExpr, QualType Total) {
  std::string Ignored;
  std::optional<FoldLambda> Fold = foldLambda(PC, OpExpr, Total, Ignored);
  if (!Fold || !quotable(Fold->Written))
    return "";
  return "; std::reduce may apply it to two elements or two partial results, so 'return " +
         Fold->Written + ";' folds no function over the elements: such a fold is "
         "'std::transform_reduce(first, last, init, " +
         Fold->Functor + ", " + Fold->Transformation + ")', which is rewritten";
}

} // namespace

std::optional<Algorithms::Range> Algorithms::range(const Expr *First, const Expr *Last) const {
  const VarDecl *V = iteratorOf(First, "begin", "cbegin");
  if (!V || V != iteratorOf(Last, "end", "cend")) {
    // A built-in array as `a, a + N`.
    V = refersTo(First);
    const auto *Plus = dyn_cast<BinaryOperator>(Last->IgnoreParenImpCasts());
    const auto *AT = V ? PC.Ctx.getAsConstantArrayType(V->getType().getNonReferenceType()) : nullptr;
    const auto *N = Plus ? dyn_cast<IntegerLiteral>(Plus->getRHS()->IgnoreParenImpCasts()) : nullptr;
    if (!AT || !Plus || Plus->getOpcode() != BO_Add || refersTo(Plus->getLHS()) != V || !N ||
        N->getValue() != AT->getSize())
      return std::nullopt;
  }
  ContainerKind K = containerKind(V->getType());
  if (K == ContainerKind::None)
    return std::nullopt;
  Range R{V, "", elementType(PC.Ctx, V->getType())};
  if (const auto *AT = PC.Ctx.getAsConstantArrayType(V->getType().getNonReferenceType()))
    R.Size = std::to_string(AT->getSize().getZExtValue());
  else
    R.Size = "static_cast<std::int64_t>(" + V->getNameAsString() + ".size())";
  return R;
}

/// The lambda a local variable holds, when F names one that is not
/// `mutable` (`auto f = [](long x) { ... };` and the call given `f`): the
/// library copies it, as the rewrite does, and a copy calls the same code
/// on the same captured values.
static const Expr *throughStoredLambda(const Expr *F) {
  const auto *DRE = dyn_cast<DeclRefExpr>(F->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl() || V->getType()->isReferenceType() || !V->getInit())
    return F;
  const auto *LE = dyn_cast<LambdaExpr>(written(V->getInit()));
  return LE && !LE->isMutable() ? LE : F;
}

/// The function F names, by name or by its address (`f`, `&f`): what an
/// algorithm given it calls (adv56 t08: `&f` was "not known to be pure").
static const FunctionDecl *namedFunction(const Expr *F) {
  F = F->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(F); UO && UO->getOpcode() == UO_AddrOf)
    F = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(F);
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

bool Algorithms::pureCallable(const Expr *F, QualType &Result,
                              llvm::SmallPtrSetImpl<const VarDecl *> &Reads) const {
  F = throughStoredLambda(written(F));
  if (const FunctionDecl *FD = namedFunction(F)) {
    Result = FD->getReturnType();
    return PC.Facts.isPure(FD);
  }
  const auto *LE = dyn_cast<LambdaExpr>(F);
  if (!LE || LE->getDependentCallOperator())
    return false;
  const CXXMethodDecl *Op = LE->getCallOperator();
  Result = Op->getReturnType();
  if (PC.Facts.isPure(Op))
    return true;
  StmtDeps Fx = DepScanner(PC).scan(LE->getBody());
  for (const VarDecl *W : Fx.Writes)
    if (!Fx.Locals.contains(W) && !(isa<ParmVarDecl>(W) && !W->getType()->isReferenceType()))
      return false;
  Reads.insert(Fx.Reads.begin(), Fx.Reads.end());
  for (const LambdaCapture &C : LE->captures())
    if (C.capturesVariable())
      if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
        Reads.insert(VD);
  return !Fx.MemoryWrite && !Fx.ImpureCall;
}

std::string Algorithms::callableReason(const Expr *F, StringRef What, QualType &Result,
                                       llvm::SmallPtrSetImpl<const VarDecl *> &Reads) const {
  if (!pureCallable(F, Result, Reads))
    return (What + " is not known to be pure").str();
  if (std::string Why = perThreadReason(F, What); !Why.empty())
    return Why;
  return throwReason(F, What);
}

std::string Algorithms::throwReason(const Expr *F, StringRef What) const {
  F = throughStoredLambda(written(F));
  const FunctionDecl *FD = namedFunction(F);
  if (const auto *LE = dyn_cast<LambdaExpr>(F))
    FD = LE->getCallOperator();
  // The speculation rule (docs/codegen.md): elements are processed at once,
  // so a later one may start before an earlier one throws. An element passed
  // by value is copied first (adv19: a throwing copy constructor).
  MayThrow Throws = speculationThrows(PC.Ctx);
  if (FD && !Throws.mayThrow(FD) && !Throws.mayThrowPassingCopies(FD))
    return noReturnReason(FD, What);
  if (FD && !Throws.mayThrow(FD))
    return (What + " takes the element by value, whose copy may throw, and the serial "
                   "algorithm does not copy the later elements then")
        .str();
  return (What + " may throw, and the serial algorithm does not apply it to the later "
                 "elements then")
      .str();
}

std::string Algorithms::noReturnReason(const FunctionDecl *FD, StringRef What) const {
  // Nor may it end the program (an 'assert' in the term): the later
  // elements, running beside it, may trap first on what the failed check
  // stops in the serial algorithm (adv40 t02; loops: adv35 t03).
  const Stmt *Body = FD ? FD->getBody() : nullptr;
  if (!Body)
    return "";
  std::optional<NoReturnCall> N = NoReturn.first(Body);
  if (!N)
    return "";
  return (What + " calls " + N->Named +
          ", and the serial algorithm does not apply it to the later elements then")
      .str();
}

std::string Algorithms::perThreadReason(const Expr *F, StringRef What) const {
  F = throughStoredLambda(written(F));
  const Stmt *Body = nullptr;
  if (const auto *LE = dyn_cast<LambdaExpr>(F))
    Body = LE->getBody();
  else if (const FunctionDecl *FD = namedFunction(F))
    Body = FD->getBody();
  if (!Body)
    return "";
  StmtDeps Fx = DepScanner(PC).scan(Body);
  if (!Fx.Unmovable)
    return "";
  return (What + " uses " + Fx.UnmovableWhy).str();
}

/// Whether a callable CE is given calls pure code: a lambda written there
/// or kept in a variable, a pure function named, `&f` (adv83 F9).
bool Algorithms::givenPureWork(const CallExpr *CE) const {
  return llvm::any_of(CE->arguments(), [&](const Expr *A) {
    const Expr *F = throughStoredLambda(written(A));
    if (const FunctionDecl *FD = namedFunction(F))
      return PC.Facts.isPure(FD);
    // A function object of the program's (`Pred{}`): its call operator.
    if (const CXXRecordDecl *RD = F->getType()->getAsCXXRecordDecl();
        RD && !RD->isLambda() && RD->hasDefinition())
      for (const CXXMethodDecl *M : RD->methods())
        if (M->getOverloadedOperator() == OO_Call && M->getBody() && callsPure(M->getBody(), PC.Facts))
          return true;
    return callsPure(F, PC.Facts);
  });
}

void Algorithms::planWithin(const Stmt *S) {
  if (!S)
    return;
  std::vector<const CallExpr *> Calls;
  std::vector<std::pair<const CallExpr *, const VarDecl *>> RangeCalls;
  CallFinder(Calls, RangeCalls).TraverseStmt(const_cast<Stmt *>(S));
  // Never silent (adv76 F2): the iterator forms are what is rewritten.
  for (auto [CE, Algorithm] : RangeCalls) {
    if (!PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(CE->getBeginLoc())))
      continue;
    const std::string Name = Algorithm->getNameAsString();
    // One the iterator form would not rewrite either says why (adv82 F3),
    // where it is given pure work. (The selections' iterator forms are
    // rewritten.)
    bool Selection = Name == "min_element" || Name == "max_element" || Name == "minmax_element";
    if (std::string Why = serialRangeAlgorithmReason(Algorithm); !Why.empty() && !Selection) {
      if (givenPureWork(CE))
        if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkMissedAlgorithm))
          *D << "'std::ranges::" + Name + "'" << Why;
      continue;
    }
    if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkMissedAlgorithm))
      *D << "'std::ranges::" + Name + "'"
         << "purecc rewrites the standard algorithms in their iterator form ('std::" + Name +
                "(v.begin(), v.end(), ...)'), not the std::ranges ones";
  }
  for (const CallExpr *CE : Calls) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD->getDeclName().isIdentifier())
      continue;
    StringRef Name = FD->getName();
    // With an execution policy, the user already chose how it runs.
    if (CE->getNumArgs() > 0) {
      const auto *RD = written(CE->getArg(0))->getType()->getAsCXXRecordDecl();
      if (RD && RD->getDeclName().isIdentifier() && RD->getName().contains("policy"))
        continue;
    }
    if (Name == "min_element" || Name == "max_element" || Name == "minmax_element") {
      std::string WhyNot;
      if (!planSelection(CE, Name, WhyNot) && !WhyNot.empty())
        if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkMissedAlgorithm))
          *D << ("'std::" + Name + "'").str() << WhyNot;
      continue;
    }
    // The algorithms the library model says codegen rewrites.
    AlgorithmShape Shape = algorithmShape(FD);
    if (Shape == AlgorithmShape::Serial || Shape == AlgorithmShape::Search) {
      // Never silent (adv82 F3): one given pure work says why it is not.
      if (PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(CE->getBeginLoc())) &&
          givenPureWork(CE))
        if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkMissedAlgorithm))
          *D << ("'std::" + Name + "'").str() << serialAlgorithmReason(FD);
      continue;
    }
    if (Shape != AlgorithmShape::Reduction && Shape != AlgorithmShape::Map)
      continue;
    std::string WhyNot;
    if (!plan(CE, Name, WhyNot) && !WhyNot.empty())
      if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkMissedAlgorithm))
        *D << ("'std::" + Name + "'").str() << WhyNot;
  }
}

bool Algorithms::planSelection(const CallExpr *CE, StringRef Name, std::string &WhyNot) {
  auto Where = PC.offsets(CE->getSourceRange());
  if (!Where) {
    // Never silent about the user's own file; a header's calls are not ours.
    if (PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(CE->getBeginLoc())))
      WhyNot = "it is written in a macro";
    return false;
  }
  QualType Element = CE->getArg(0)->getType();
  if (const auto *PT = Element->getAs<PointerType>())
    Element = PT->getPointeeType();
  else if (const auto *RD = Element->getAsCXXRecordDecl())
    for (const Decl *D : RD->decls())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D); TD && TD->getName() == "value_type")
        Element = TD->getUnderlyingType();
  Element = Element.getCanonicalType().getUnqualifiedType();
  if (CE->getNumArgs() != 3) {
    if (Element->isArithmeticType() || Element->isPointerType())
      WhyNot = "each step is one comparison of '" +
               Element.getAsString(PC.Ctx.getPrintingPolicy()) +
               "' elements, too little work to share: the work worth sharing is computing the "
               "elements";
    else
      WhyNot = "'operator<' of the elements need not be a strict weak ordering, and a tree of "
               "partial scans finds the serial scan's element only when it is one";
    return false;
  }
  const Expr *Comp = written(CE->getArg(2));
  // A lambda without captures, stored in a variable, is the same lambda at
  // every use (it has no state): it is read where it is written.
  const VarDecl *Stored = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Comp->IgnoreParenImpCasts()))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->getInit())
      if (const auto *LE = dyn_cast<LambdaExpr>(written(V->getInit()))) {
        if (LE->capture_size() != 0 || LE->getCaptureDefault() != LCD_None) {
          WhyNot = "the comparator " + quoted(V) +
                   " is a lambda with captures stored in a variable: its captured values are "
                   "the ones of where it is written, which the call's text does not have";
          return false;
        }
        // Outside the function, the names in its key may mean something else
        // at the call (a class member, another namespace's function).
        if (!V->isLocalVarDecl() || !declaredIn(V, outermostFunction(PC.Ctx, CE))) {
          WhyNot = "the comparator " + quoted(V) +
                   " is a lambda stored outside the function, and the names in its key may "
                   "mean something else at the call";
          return false;
        }
        Comp = LE;
        Stored = V;
      }
  const FunctionDecl *Callee = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Comp->IgnoreParenImpCasts()))
    Callee = dyn_cast<FunctionDecl>(DRE->getDecl());
  else if (const auto *LE = dyn_cast<LambdaExpr>(Comp); LE && !LE->getDependentCallOperator())
    Callee = LE->getCallOperator();
  if (Callee && !CallCost(PC.Ctx).worthATask(Callee)) {
    WhyNot = "each step is one call of a comparator that runs no loop, too little work to "
             "share: the work worth sharing is computing the elements";
    return false;
  }
  // A tree of partial scans finds the serial scan's element only for a
  // strict weak ordering, which purecc cannot check of a comparator. A
  // comparator that compares one key of each argument is computed as the
  // keys, in parallel, and the library's own scan over them (see
  // purecc/keyed_selection.h): the same answer to every comparison.
  std::optional<KeyedComparator> Keyed = keyedComparator(Comp);
  if (const auto *LE = dyn_cast<LambdaExpr>(Comp); LE && LE->getDependentCallOperator()) {
    WhyNot = "the comparator is a generic lambda (a template), whose key purecc does not read, "
             "and a tree of partial scans finds the serial scan's element only for a strict "
             "weak ordering, which purecc cannot check";
    return false;
  }
  if (!Keyed) {
    WhyNot = "the comparator is not a lambda comparing one arithmetic key of each argument "
             "('return key(a) < key(b);'), and a tree of partial scans finds the serial "
             "scan's element only for a strict weak ordering, which purecc cannot check";
    return false;
  }
  if (Stored)
    if (std::string Name = shadowedName(PC.Ctx, CE, Keyed->Key, Keyed->A); !Name.empty()) {
      WhyNot = "the key of " + quoted(Stored) + " names '" + Name +
               "', which a local of the function names too, so the key's text would mean "
               "something else at the call";
      return false;
    }
  if (PC.isTaken(Where->first, Where->second))
    return false;
  for (unsigned I = 0; I < 2; ++I)
    if (!PC.offsets(CE->getArg(I)->getSourceRange())) {
      WhyNot = "it is written in a macro";
      return false;
    }
  if (!randomAccess(PC.Ctx, CE->getArg(0)->getType())) {
    WhyNot = "the range's iterators are not random-access";
    return false;
  }
  QualType Ignored;
  llvm::SmallPtrSet<const VarDecl *, 8> Reads;
  if (!pureCallable(Comp, Ignored, Reads)) {
    WhyNot = "the comparator is not known to be pure";
    return false;
  }
  if (std::string Why = perThreadReason(Comp, "the comparator"); !Why.empty()) {
    WhyNot = Why;
    return false;
  }
  // Every key is computed, in another order than the serial scan's
  // comparisons: which exception escapes, and when, would change.
  if (MayThrow Throws(PC.Ctx); Throws.mayThrow(Keyed->Lambda->getBody()) ||
                                Throws.mayThrowPassingCopies(Keyed->Lambda->getCallOperator())) {
    std::string What = Throws.mayThrow(Keyed->Lambda->getBody())
                           ? whatMayThrow(PC, Throws, Keyed->Lambda->getBody())
                           : "the copy of an element into its parameter";
    WhyNot = (What.empty() ? "the comparator may throw" : What + " may throw in the comparator") +
             ", and the parallel form computes every key in another order than the serial scan";
    return false;
  }
  if (std::string Why = noReturnReason(Keyed->Lambda->getCallOperator(), "the comparator");
      !Why.empty()) {
    WhyNot = Why;
    return false;
  }
  // The key lambda repeats the comparator's captures, first parameter and
  // key as written: none of them may come from a macro expansion.
  std::optional<std::string> Captures = PC.text(Keyed->Lambda->getIntroducerRange()),
                             Param = PC.text(Keyed->A->getSourceRange()),
                             KeyText = PC.text(Keyed->Key->getSourceRange());
  if (!Captures || !Param || !KeyText) {
    WhyNot = "its comparator's key is written in a macro";
    return false;
  }
  auto Text = [&](SourceRange R) { return *PC.text(R); };
  std::string KeyType = PC.typeText(Keyed->Type);
  std::string L = PC.unusedName("lhs"), R = PC.unusedName("rhs");
  std::string Key = *Captures + "(" + *Param + ") -> " + KeyType + " { return " + *KeyText + "; }";
  std::string Less = "[](" + KeyType + " " + L + ", " + KeyType + " " + R + ") { return " + L +
                     " " + BinaryOperator::getOpcodeStr(Keyed->Op).str() + " " + R + "; }";
  std::string Call = "::purecc::" + Name.str() + "_by_key(" + Text(CE->getArg(0)->getSourceRange()) +
                     ", " + Text(CE->getArg(1)->getSourceRange()) + ", " + Key + ", " + Less + ")";
  // A stored lambda stays used (a variable used nowhere else would be a
  // -Wunused-variable warning); copying it does nothing.
  if (Stored)
    Call = "((void)" + Stored->getNameAsString() + ", " + Call + ")";
  PC.replace(Where->first, Where->second, Call);
  PC.take(Where->first, Where->second);
  std::string Quoted = ("'std::" + Name + "'").str();
  if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkAlgorithm))
    *D << Quoted << "selection by key";
  PC.note(CE->getExprLoc(), Transform::Algorithms, "selection " + Quoted);
  return true;
}

bool Algorithms::plan(const CallExpr *CE, StringRef Name, std::string &WhyNot) {
  unsigned N = CE->getNumArgs();
  auto Where = PC.offsets(CE->getSourceRange());
  if (!Where || PC.isTaken(Where->first, Where->second))
    return false;
  if (N < 3) {
    if (Name != "reduce" || N != 2)
      return false;
  }
  std::optional<Range> In = range(CE->getArg(0), CE->getArg(1));
  if (!In) {
    WhyNot = "the range is not 'v.begin(), v.end()' of a named array or random-access container";
    // `v.begin(), v.end()` of a container of another kind: say which
    // (adv56 t08, t10: a std::list, a std::vector<bool> were said not to
    // be 'v.begin(), v.end()').
    if (const VarDecl *V = iteratorOf(CE->getArg(0), "begin", "cbegin");
        V && V == iteratorOf(CE->getArg(1), "end", "cend")) {
      std::string Type = V->getType().getNonReferenceType().getUnqualifiedType().getAsString(
          PC.Ctx.getPrintingPolicy());
      const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          V->getType().getNonReferenceType()->getAsCXXRecordDecl());
      bool Bits = Spec && inStd(Spec) && Spec->getName() == "vector" &&
                  Spec->getTemplateArgs().size() > 0 &&
                  Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
                  Spec->getTemplateArgs()[0].getAsType()->isBooleanType();
      WhyNot = Bits ? quoted(V) + " is a '" + Type + "', whose elements are bits reached through "
                                                   "proxy objects, which the rewrite of algorithms does not index"
                    : quoted(V) + " is a '" + Type + "', which is not a random-access container";
    }
    return false;
  }
  // The index and the function object's capture must not shadow (or be
  // shadowed by) the user's names: `purecc_k` and `purecc_op` unless the
  // file uses them.
  const std::string K = PC.unusedName("k"), Fn = PC.unusedName("op");
  // The counter is a std::int64_t; the subscripts take a std::size_t,
  // converted in the open, so that a build with -Wsign-conversion warns
  // of nothing the user wrote (adv56 t13).
  const std::string At = "[static_cast<std::size_t>(" + K + ")]";
  std::string Elem = In->Var->getNameAsString() + At;
  std::string Quoted = ("'std::" + Name + "'").str();
  // An argument that is a macro's expansion whole (`ZERO`, `-INFINITY`) is
  // copied as written, in the same statement (adv76 F3: "it is written in
  // a macro" refused the call).
  auto Text = [&](const Expr *E) {
    auto O = *PC.offsetsThroughMacros(E->getSourceRange());
    return PC.textAt(O.first, O.second);
  };
  for (unsigned I = 0; I < N; ++I)
    if (!PC.offsetsThroughMacros(CE->getArg(I)->getSourceRange())) {
      WhyNot = "its argument '" +
               (quotable(PC.shownText(SourceRange(PC.SM.getExpansionLoc(CE->getArg(I)->getBeginLoc()),
                                             PC.SM.getExpansionLoc(CE->getArg(I)->getEndLoc()))))
                    .value_or("...")) +
               "' is written in part of a macro's expansion";
      return false;
    }

  if (Name == "transform") {
    // Its result, an iterator, must be unused: the rewrite is a statement.
    // A function object destroyed at the end of the statement (a lambda
    // capturing a std::vector by value, adv20 F-R1) puts the call under an
    // ExprWithCleanups.
    const Stmt *Full = CE;
    if (DynTypedNodeList Ps = PC.Ctx.getParents(*CE); !Ps.empty())
      if (const auto *EWC = Ps[0].get<ExprWithCleanups>())
        Full = EWC;
    bool Statement = false;
    for (const DynTypedNode &P : PC.Ctx.getParents(*Full))
      Statement |= P.get<CompoundStmt>() != nullptr;
    if (!Statement) {
      WhyNot = "its result, an iterator, is used, and the parallel map is a statement";
      return false;
    }
    // adv29 R2: the form with two input ranges was said to have no output.
    if (N != 4) {
      WhyNot = "only the form with one input range ('std::transform(first, last, out, f)') is "
               "rewritten";
      return false;
    }
    const VarDecl *Out = iteratorOf(CE->getArg(2), "begin", "begin");
    if (!Out) {
      WhyNot = "the output is not 'out.begin()' of a named container";
      return false;
    }
    // The function applied first: one that is not pure is also one that
    // may keep the output's address (Escapes.cpp), and its impurity is the
    // reason to give.
    QualType Result;
    llvm::SmallPtrSet<const VarDecl *, 8> Reads;
    if (std::string Why = callableReason(CE->getArg(3), "the function applied", Result, Reads);
        !Why.empty()) {
      WhyNot = Why;
      return false;
    }
    if (containerKind(Out->getType()) == ContainerKind::None) {
      // adv56 t08: a std::list output was said not to stay local.
      WhyNot = quoted(Out) + " is a '" +
               Out->getType().getNonReferenceType().getUnqualifiedType().getAsString(
                   PC.Ctx.getPrintingPolicy()) +
               "', which is not a random-access container";
      return false;
    }
    if (!isOwnedLocal(Out) || containerKind(Out->getType()) != ContainerKind::Owning ||
        Sites.during(CE, PC).contains(Out)) {
      WhyNot = quoted(Out) + " is not a local container whose address stays local";
      return false;
    }
    // Each element is assigned in another order and on several threads:
    // only the compiler's 'operator=' and the library's may do it, as in a
    // parallel map (adv39 t02: a member's logging 'operator=').
    QualType Stored = elementType(PC.Ctx, Out->getType());
    if (!Stored.isNull()) {
      const PrintingPolicy &Policy = PC.Ctx.getPrintingPolicy();
      if (std::string Why = userAssignmentReason(Stored); !Why.empty()) {
        WhyNot = "the elements of " + quoted(Out) + " are assigned, and their type '" +
                 Stored.getAsString(Policy) + "' " + Why +
                 ": a map stores elements only through the compiler's 'operator='";
        return false;
      }
      // A result of another class type is converted by the element's
      // constructor, the user's code (`out[k] = fn(x)` builds a 'P').
      QualType Given = Result.getNonReferenceType().getCanonicalType().getUnqualifiedType();
      if (!Result.isNull() && Stored->isRecordType() &&
          Given != Stored.getCanonicalType().getUnqualifiedType()) {
        WhyNot = "the result of the function applied, of type '" + Result.getAsString(Policy) +
                 "', is converted to the element type '" + Stored.getAsString(Policy) +
                 "' by code purecc does not know to be pure";
        return false;
      }
    }
    if (Reads.contains(Out)) {
      WhyNot = "the function applied reads '" + Out->getNameAsString() + "'";
      return false;
    }
    if (const VarDecl *Via = Sites.holderAmong(Out, Reads)) {
      WhyNot = "the function applied reads '" + Out->getNameAsString() + "' (through " +
               quoted(Via) + ")";
      return false;
    }
    shapes::Index Idx{K, ""};
    // The library converts an arithmetic result to the element type in
    // its own header, where -Wconversion is silent; the map says so in
    // the open (adv56 t13b).
    std::string Applied = Fn + "(" + Elem + ")";
    if (!Stored.isNull() && !Result.isNull() && Stored->isArithmeticType() &&
        Result.getNonReferenceType()->isArithmeticType() &&
        !PC.Ctx.hasSameUnqualifiedType(Stored, Result.getNonReferenceType()))
      Applied = "static_cast<" + PC.typeText(Stored.getUnqualifiedType()) + ">(" + Applied + ")";
    std::string Body = Out->getNameAsString() + At + " = " + Applied + ";";
    PC.replace(Where->first, Where->second,
               shapes::forHead("0", In->Size, Idx, ", " + Fn + " = (" + Text(CE->getArg(3)) + ")") +
                   Body + " })");
    PC.take(Where->first, Where->second);
    if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkAlgorithm))
      *D << Quoted << "map";
    PC.note(CE->getExprLoc(), Transform::Algorithms, "map " + Quoted);
    return true;
  }

  // Reductions: the operation, the value of one element, the initial value.
  ReduceOp Op = ReduceOp::Add;
  QualType T = CE->getType(), Value = In->Element;
  std::string Leaf = Elem, Captures, Init;
  const Expr *InitExpr = nullptr;
  const Expr *OpExpr = nullptr;
  if (Name == "accumulate" || Name == "reduce") {
    if (N >= 3)
      InitExpr = CE->getArg(2);
    if (N == 4)
      OpExpr = CE->getArg(3);
  } else if (Name == "transform_reduce") {
    if (N == 5) {
      InitExpr = CE->getArg(2);
      OpExpr = CE->getArg(3);
      llvm::SmallPtrSet<const VarDecl *, 8> Reads;
      if (std::string Why = callableReason(CE->getArg(4), "the transformation", Value, Reads);
          !Why.empty()) {
        WhyNot = Why;
        return false;
      }
      Captures = ", " + Fn + " = (" + Text(CE->getArg(4)) + ")";
      Leaf = Fn + "(" + Elem + ")";
    } else if (N == 4 || N == 6) {
      // Two ranges: the inner product, or (user41 t01 had no remark at all)
      // `std::transform_reduce(a.begin(), a.end(), b.begin(), 0.0,
      // std::plus<>(), [](double x, double y) { return w(x) * y; })`, the
      // transformation of each pair.
      const VarDecl *Second = iteratorOf(CE->getArg(2), "begin", "cbegin");
      if (!Second || containerKind(Second->getType()) == ContainerKind::None) {
        WhyNot = "the second range is not 'w.begin()' of a named container";
        return false;
      }
      InitExpr = CE->getArg(3);
      std::string Other = Second->getNameAsString() + At;
      Leaf = Elem + " * " + Other;
      if (N == 6) {
        OpExpr = CE->getArg(4);
        llvm::SmallPtrSet<const VarDecl *, 8> Reads;
        if (std::string Why = callableReason(CE->getArg(5), "the transformation", Value, Reads);
            !Why.empty()) {
          WhyNot = Why;
          return false;
        }
        Captures = ", " + Fn + " = (" + Text(CE->getArg(5)) + ")";
        Leaf = Fn + "(" + Elem + ", " + Other + ")";
      }
    } else {
      WhyNot = "only the forms with one range and a transformation, or two ranges, are "
               "rewritten";
      return false;
    }
  } else if (Name == "count_if") {
    llvm::SmallPtrSet<const VarDecl *, 8> Reads;
    QualType Ignored;
    if (std::string Why = callableReason(CE->getArg(2), "the predicate", Ignored, Reads);
        !Why.empty()) {
      WhyNot = Why;
      return false;
    }
    Captures = ", " + Fn + " = (" + Text(CE->getArg(2)) + ")";
    Leaf = Fn + "(" + Elem + ") ? 1 : 0";
    Value = T;
  } else {
    // Listed as a reduction in the library model, but no form is written
    // for it here: say so rather than guess its arguments.
    WhyNot = "purecc has no parallel form for it";
    return false;
  }
  // No operation makes a total of another type parallel (below): say so
  // first, rather than that the lambda of `std::accumulate(b, e,
  // std::string(), [](std::string a, long i) { ... })` is no std::plus
  // (adv100 F3).
  if (!T->isIntegerType() && !isStandardFloating(T)) {
    WhyNot = "the result type '" + T.getAsString() + "' is not arithmetic";
    return false;
  }
  // A lambda folding a term of each element into the total: its term is
  // the transformation, its operator the operation.
  std::optional<FoldLambda> Fold;
  if (Name == "accumulate" && OpExpr && !functorOp(OpExpr)) {
    Fold = foldLambda(PC, OpExpr, T, WhyNot);
    if (!WhyNot.empty())
      return false;
    if (Fold) {
      llvm::SmallPtrSet<const VarDecl *, 8> Reads;
      QualType Ignored;
      if (std::string Why = callableReason(OpExpr, "the operation", Ignored, Reads); !Why.empty()) {
        WhyNot = Why;
        return false;
      }
      Op = Fold->Op;
      Value = Fold->Term;
      Captures = ", " + Fn + " = (" + Fold->Transformation + ")";
      Leaf = Fn + "(" + Elem + ")";
    }
  }
  if (OpExpr && !Fold) {
    std::optional<ReduceOp> K = functorOp(OpExpr);
    if (!K) {
      WhyNot = "the operation is not one of std::plus, std::multiplies, std::bit_and, "
               "std::bit_or, std::bit_xor" +
               lambdaFoldHint(PC, OpExpr, T);
      return false;
    }
    Op = *K;
    // `std::accumulate(b, e, 0L, std::plus<double>())` converts the total
    // and each term to 'double' and the sum back at every step, rounding
    // above 2^53; the tree would add in 'long' (adv38 t06).
    if (QualType U = functorOperandType(OpExpr);
        !U.isNull() && !T.isNull() &&
        !PC.Ctx.hasSameType(U.getUnqualifiedType(), T.getUnqualifiedType())) {
      WhyNot = "'" + written(OpExpr)->getType().getUnqualifiedType().getAsString(
                         PC.Ctx.getPrintingPolicy()) +
               "' computes in '" + U.getUnqualifiedType().getAsString(PC.Ctx.getPrintingPolicy()) +
               "', converting the '" + T.getUnqualifiedType().getAsString(PC.Ctx.getPrintingPolicy()) +
               "' total at every step, which the parallel reduction would not do";
      return false;
    }
  }
  // std::reduce and std::transform_reduce may combine two terms before
  // either meets the running total: libstdc++ folds four at a time,
  // `op(x0, x1)`, and a transparent operation (std::plus<>, the default)
  // adds two 'unsigned' terms in 'unsigned', wrapping, before the sum is
  // widened to an 'unsigned long' total. The tree converts each term first
  // (adv36 t05). A typed operation (std::plus<unsigned long>) converts its
  // operands itself. Signed terms are no concern: their pair sums either
  // overflow (undefined in the serial program) or are exact.
  if ((Name == "reduce" || Name == "transform_reduce") && !Value.isNull() &&
      (!OpExpr || transparentFunctor(OpExpr))) {
    QualType Term = Value.getNonReferenceType().getUnqualifiedType();
    QualType Pair = PC.Ctx.isPromotableIntegerType(Term) ? PC.Ctx.getPromotedIntegerType(Term) : Term;
    if (!PC.Ctx.hasSameType(Pair, T.getUnqualifiedType()) && !Pair->isSignedIntegerType()) {
      WhyNot = Quoted + " may combine two terms of type '" + Term.getAsString() +
               "' before it converts them to the '" + T.getUnqualifiedType().getAsString() +
               "' of its result, a grouping the parallel reduction would not keep";
      return false;
    }
  }
  if (InitExpr) {
    if (!DepScanner(PC).scan(InitExpr).isEffectFree()) {
      WhyNot = "the initial value has side effects";
      return false;
    }
    Init = Text(InitExpr);
  }
  if (std::string P = conversionProblem(PC.Ctx, "the running total", T, Value, Op); !P.empty()) {
    WhyNot = P;
    return false;
  }
  if (T->isRealFloatingType() && Op == ReduceOp::Mul) {
    WhyNot = floatingProductReason("the result is a floating-point product");
    return false;
  }
  if (T->isRealFloatingType() && !PC.Config.ReassociateFloatingPoint) {
    if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkFpKeptSerial))
      *D << Quoted;
    return false;
  }
  bool Narrow = T->isIntegerType() && PC.Ctx.getTypeSize(T) < PC.Ctx.getTypeSize(PC.Ctx.IntTy);
  bool Floating = T->isRealFloatingType();
  shapes::Accumulator A{"", "", PC.typeText(T), Op, T->isBooleanType(), Narrow, Floating};
  A.Wraps = T->isIntegerType() && !T->isBooleanType();
  // `std::reduce(first, last)` starts from `T{}`: +0.0, which the tree's
  // identity (-0.0) is not, so a sum of -0.0 terms is +0.0 there.
  if (Init.empty() && Floating)
    Init = shapes::valueInitialized(A.Type);
  shapes::Index Idx{K, ""};
  std::string Reduce = shapes::reduceExpr("0", In->Size, A, Captures, Idx, Leaf,
                                         {PC.unusedName("lhs"), PC.unusedName("rhs")});
  std::string Result = Init.empty() ? Reduce : "(" + Init + " " + shapes::opName(Op).str() + " " + Reduce + ")";
  if (!Init.empty() && A.Wraps && (Op == ReduceOp::Add || Op == ReduceOp::Mul))
    Result = std::string("::purecc::wrapping_") + (Op == ReduceOp::Add ? "add" : "mul") + "<" +
             A.Type + ">(" + Init + ", " + Reduce + ")";
  // A start the compiler knows as -0.0 would fold away: `-0.0 + r` is r
  // in round-to-nearest, not under FE_DOWNWARD, where the serial loop adds
  // it at run time.
  if (!Init.empty() && Floating && Op == ReduceOp::Add)
    Result = "::purecc::unfolded_add<" + A.Type + ">(" + Init + ", " + Reduce + ")";
  PC.replace(Where->first, Where->second, Result);
  // The serial clone rounds in the same tree order (see Plan.h).
  PC.P.Edits.back().RepeatInSerialClone = T->isRealFloatingType();
  PC.take(Where->first, Where->second);
  if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkAlgorithm))
    *D << Quoted << "reduction";
  PC.note(CE->getExprLoc(), Transform::Algorithms, "reduction " + Quoted);
  return true;
}

} // namespace purecc
