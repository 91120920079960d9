//===- OrderedReductions.cpp - reductions with a user's associative combine ===//
#include "OrderedReductions.h"

#include "BodyWalk.h"
#include "Escapes.h"
#include "LoopBodies.h"
#include "Places.h"
#include "PlainValues.h"

#include "analysis/Associative.h"
#include "analysis/Attributes.h"
#include "analysis/ImplementationHeaders.h"
#include "analysis/MayThrow.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/OperatorKinds.h"

using namespace clang;

namespace purecc {
namespace {

/// A class's declared move and copy constructors (null where it declares
/// none).
struct CopyAndMove {
  const CXXConstructorDecl *Move = nullptr, *Copy = nullptr;
};
CopyAndMove declaredCopyAndMove(const CXXRecordDecl *RD) {
  CopyAndMove Out;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isMoveConstructor())
      Out.Move = C;
    else if (C->isCopyConstructor())
      Out.Copy = C;
  }
  return Out;
}

using Form = shapes::OrderedFold::Form;

/// One fold of a loop body: `acc OP= e`, `acc = acc OP e`, `acc = f(acc, e)`
/// (or, prepending, `acc = e OP acc`, `acc = f(e, acc)`).
struct Fold {
  /// A variable, or a part of one local object (Places.h: `acc.poly`).
  Place Acc;
  /// The accumulator's own references: the target and the combine's operand.
  llvm::SmallVector<const Expr *, 2> Own;
  const FunctionDecl *Combine = nullptr;
  Form How = Form::Operator;
  bool Prepends = false;
  const Expr *Step = nullptr;   // the whole expression: judged here
  const Expr *Value = nullptr;  // the term: scanned as code, kept verbatim
  const Expr *Callee = nullptr; // Form::Call: the called function as written
  /// The assignment operator that stores the result (not for CompoundAssign).
  const FunctionDecl *Assign = nullptr;
  /// The inner loops of the loop body the fold is in.
  llvm::SmallVector<const Stmt *, 1> Loops;
};

QualType valueType(QualType T) {
  return T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
}

/// The place E names, with E as written (the reference a leaf renames).
std::optional<Place> accOf(const Expr *E, ASTContext &Ctx, const Expr *&Written) {
  Written = written(E);
  return placeOf(Written, Ctx);
}

/// A function of the user's: the standard library's own operators (a
/// string's `+`, a complex `*=`) are the other transformations' business.
bool isUserFunction(PlanContext &PC, const FunctionDecl *FD) {
  return FD && !FD->isInStdNamespace() && !FD->getBuiltinID() &&
         !isImplementationHeader(FD->getLocation(), PC.SM);
}

/// `acc OP e` / `f(acc, e)` (or with acc on the right) as the right-hand
/// side of `acc = ...`.
bool matchCombination(PlanContext &PC, const Expr *RHS, Fold &F) {
  const auto *Call = dyn_cast<CallExpr>(written(RHS));
  if (!Call || isa<CXXMemberCallExpr>(Call) || Call->getNumArgs() != 2)
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!isUserFunction(PC, FD))
    return false;
  if (isa<CXXOperatorCallExpr>(Call)) {
    if (isCompoundAssignment(FD) || !isCombineCandidate(FD))
      return false;
    F.How = Form::Operator;
  } else {
    F.How = Form::Call;
    F.Callee = Call->getCallee();
  }
  const Expr *Refs[2];
  bool Left = accOf(Call->getArg(0), PC.Ctx, Refs[0]) == F.Acc,
       Right = accOf(Call->getArg(1), PC.Ctx, Refs[1]) == F.Acc;
  if (Left == Right) // `acc * acc` squares; `x * y` is no fold of acc
    return false;
  F.Own.push_back(Refs[Left ? 0 : 1]);
  F.Combine = FD;
  F.Prepends = Right;
  F.Value = Call->getArg(Left ? 1 : 0);
  return true;
}

std::optional<Fold> matchFold(PlanContext &PC, const Expr *E) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr();
  E = E->IgnoreParens();
  Fold F;
  F.Step = E;
  auto Target = [&](const Expr *LHS) {
    const Expr *Ref = nullptr;
    std::optional<Place> P = accOf(LHS, PC.Ctx, Ref);
    if (!P)
      return false;
    F.Acc = std::move(*P);
    F.Own.push_back(Ref);
    return true;
  };
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() != 2 || !Target(Op->getArg(0)))
      return std::nullopt;
    const FunctionDecl *FD = Op->getDirectCallee();
    if (FD && isCompoundAssignment(FD)) { // acc OP= e
      if (!isUserFunction(PC, FD))
        return std::nullopt;
      F.How = Form::CompoundAssign;
      F.Combine = FD;
      F.Value = Op->getArg(1);
      return F;
    }
    if (Op->getOperator() != OO_Equal || !matchCombination(PC, Op->getArg(1), F))
      return std::nullopt;
    F.Assign = FD;
    return F;
  }
  // A scalar accumulator: `acc = f(acc, e)`.
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || BO->getOpcode() != BO_Assign || !Target(BO->getLHS()) ||
      !matchCombination(PC, BO->getRHS(), F) || F.How != Form::Call)
    return std::nullopt;
  return F;
}

/// Collects the folds among the statements of S (BodyWalk.h: through
/// blocks, ifs, switches and inner loops, which run serially inside a leaf).
void collect(PlanContext &PC, const Stmt *S, std::vector<Fold> &Out) {
  walkStatements(S, [&](const Stmt *St, llvm::ArrayRef<const Stmt *> Loops) {
    if (const auto *E = dyn_cast<Expr>(St))
      if (auto F = matchFold(PC, E)) {
        F->Loops.assign(Loops.begin(), Loops.end());
        Out.push_back(std::move(*F));
      }
    return Walk::Into;
  });
}

/// How a fold is written, for remarks: "'*='", "'*'", "'combine'".
std::string combineName(const Fold &F) {
  if (F.How == Form::Call)
    return quoted(F.Combine);
  return std::string("'") + getOperatorSpelling(F.Combine->getOverloadedOperator()) + "'";
}

/// Why the combine of F may not fold a loop's terms, or empty: it must be
/// pure (a compound assignment may write its left operand) and declared
/// associative.
std::string combineReason(PlanContext &PC, const Fold &F, bool NeedAssociative) {
  const FunctionDecl *FD = F.Combine;
  const CombineVerdict *V = PC.Facts.combineVerdict(FD);
  if (!PC.Facts.isPure(FD) && !(V && V->Pure))
    return V && !V->Why.empty() ? quoted(FD) + " is not pure: it " + V->Why
                                : quoted(FD) + " is not known to be pure";
  if (!NeedAssociative || isDeclaredAssociative(FD))
    return "";
  std::string Shape;
  if (F.How == Form::Call) {
    std::string N = FD->getNameAsString();
    Shape = "'" + N + "(" + N + "(a, b), c)' equals '" + N + "(a, " + N + "(b, c))'";
  } else {
    // `a += b` folds like `a = a + b`.
    std::string Op = getOperatorSpelling(FD->getOverloadedOperator());
    if (F.How == Form::CompoundAssign)
      Op.pop_back();
    Shape = "'(a " + Op + " b) " + Op + " c' equals 'a " + Op + " (b " + Op + " c)'";
  }
  return quoted(FD) + " is pure but not declared associative, which purecc cannot prove: " +
         "if " + Shape + ", mark it '[[purecc::associative]]'";
}

bool isPlainSpecialMember(const FunctionDecl *FD) {
  return FD->isTrivial() || FD->isDefaulted();
}

/// Why the leaves cannot hold and move values of T, or empty. The leaves
/// move the terms and the partial results (std::optional<T>), which runs
/// T's move (or copy) constructor, its assignment and its destructor
/// (userCodeReason judges whether they run code of the user's). No default
/// constructor is needed, nor an assignment (reduce.h constructs an
/// unassignable partial in place).
std::string typeReason(PlanContext &PC, QualType T, const std::string &Acc) {
  std::string Name = "'" + T.getAsString(PC.Ctx.getPrintingPolicy()) + "'";
  if (T->isScalarType())
    return "";
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return Acc + " has type " + Name + ", which purecc cannot hold in a leaf's partial result";
  RD = RD->getDefinition();
  if (RD->isInStdNamespace())
    return ""; // the library's value types (userCodeReason judges what they hold)
  auto [Move, Copy] = declaredCopyAndMove(RD);
  // Overload resolution picks a declared move constructor (even a deleted
  // one) over the copy constructor.
  const CXXConstructorDecl *Used = Move ? Move : Copy;
  if (Used) {
    const char *What = Used == Move ? "move" : "copy";
    if (Used->isDeleted() || Used->getAccess() != AS_public)
      return Name + " cannot be moved into a leaf's partial result: its " + What +
             " constructor is " + (Used->isDeleted() ? "deleted" : "not public");
    if (!isPlainSpecialMember(Used) && !PC.Facts.isPure(Used))
      return "the " + std::string(What) + " constructor of " + Name + " is not known to be pure";
  } else if (!(RD->needsImplicitMoveConstructor() && !RD->defaultedMoveConstructorIsDeleted()) &&
             !(RD->needsImplicitCopyConstructor() && !RD->defaultedCopyConstructorIsDeleted())) {
    return Name + " cannot be moved into a leaf's partial result: it has no usable copy or "
                  "move constructor";
  }
  if (const CXXDestructorDecl *D = RD->getDestructor();
      D && !isPlainSpecialMember(D) && !PC.Facts.isPure(D))
    return "the destructor of " + Name + " is not known to be pure";
  return "";
}

/// Why moving, copying or assigning values of T runs code of the user's,
/// or empty. The tree moves, copies and assigns terms and partials where
/// the loop does not. A pure constructor of the user's may still count
/// them (`moves(o.moves + 1)`), so only the compiler's and the library's
/// may run, also for what a library class holds (adv37 t05); the rule is
/// PlainValues.h's, as for a task's result. Asked after throwReason, whose
/// reason is the graver one where both hold.
std::string userCodeReason(QualType T, const std::string &TypeName) {
  std::string Why = userAssignmentReason(T);
  if (Why.empty())
    Why = observableCopyReason(T);
  if (Why.empty())
    return "";
  return TypeName + " " + Why + ", and a parallel fold moves, copies and assigns terms and " +
         "partial results where the serial loop does not";
}

/// Whether making a T from another T may throw: from an rvalue (the move
/// constructor, or the copy constructor where there is none) or from an
/// lvalue (the copy constructor). A constructor that is defaulted but not
/// defined yet (nothing in the program made one) is its members'.
bool constructionMayThrow(MayThrow &Throws, QualType T, bool FromLValue, unsigned Depth = 0) {
  T = T.getCanonicalType();
  if (T->isScalarType() || T->isReferenceType())
    return false;
  if (const auto *A = dyn_cast<ConstantArrayType>(T.getTypePtr()))
    return constructionMayThrow(Throws, A->getElementType(), FromLValue, Depth);
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || Depth > 16)
    return true;
  RD = RD->getDefinition();
  auto [Move, Copy] = declaredCopyAndMove(RD);
  const CXXConstructorDecl *Used = FromLValue || !Move ? Copy : Move;
  // Implicit and not declared yet: an implicit copy copies every member,
  // an implicit move moves them.
  bool MemberCopies = FromLValue || (!Move && !RD->needsImplicitMoveConstructor());
  if (Used) {
    if (Used->isTrivial())
      return false;
    const FunctionDecl *Def = nullptr;
    if (!Used->isDefaulted() || Used->hasBody(Def))
      return Throws.mayThrow(Used);
    MemberCopies = Used->isCopyConstructor();
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (constructionMayThrow(Throws, B.getType(), MemberCopies, Depth + 1))
      return true;
  for (const FieldDecl *F : RD->fields())
    if (constructionMayThrow(Throws, F->getType(), MemberCopies, Depth + 1))
      return true;
  return false;
}

/// Why the tree may throw where the serial loop does not, or empty. The
/// serial loop calls the combine with the accumulator on one side and one
/// term on the other; the tree calls it on partial results of any length
/// (and folds the tree's result into the accumulator), and moves and
/// copies terms and partials the loop never moves. Code that may throw
/// depending on its operands may then throw in the tree and not in the
/// loop, or another exception. Allocation failure and the library's size
/// limit do not count (MayThrow.h, Operands::Other; docs/codegen.md).
std::string throwReason(PlanContext &PC, llvm::ArrayRef<const Fold *> Found, QualType T,
                        const std::string &TypeName) {
  MayThrow Throws(PC.Ctx, Operands::Other);
  const Fold &First = *Found[0];
  const FunctionDecl *FD = First.Combine;
  if (Throws.mayThrow(FD))
    return quoted(FD) + " may throw, and a parallel fold would call it on partial results " +
           "the serial loop never combines";
  // The combine's parameters taken by value are copies of its operands.
  for (const ParmVarDecl *P : FD->parameters())
    if (!P->getType()->isReferenceType() &&
        constructionMayThrow(Throws, P->getType(), /*FromLValue=*/true))
      return "copying an operand of " + quoted(FD) + " may throw, and a parallel fold would " +
             "copy partial results the serial loop never forms";
  // A defaulted assignment runs the members' own, which may throw.
  for (const Fold *F : Found)
    if (F->Assign && !F->Assign->isTrivial() && Throws.mayThrow(F->Assign))
      return "the assignment of " + TypeName + " may throw, and a parallel fold would run it " +
             "on partial results the serial loop never forms";
  // The leaves move the terms (copy one that is an lvalue) and the
  // partial results into and out of their optionals.
  bool LValueTerm = llvm::any_of(Found, [](const Fold *F) { return written(F->Value)->isLValue(); });
  if (constructionMayThrow(Throws, T, /*FromLValue=*/false))
    return "moving " + TypeName + " may throw, and a parallel fold would move terms and " +
           "partial results where the serial loop does not";
  if (LValueTerm && constructionMayThrow(Throws, T, /*FromLValue=*/true))
    return "copying " + TypeName + " may throw, and a parallel fold would copy terms " +
           "where the serial loop does not";
  return "";
}

/// The function (or lambda) whose body holds S; InLoop tells whether a
/// loop around S runs it again.
const FunctionDecl *enclosingFunction(ASTContext &Ctx, const Stmt *S, bool &InLoop) {
  InLoop = false;
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    if (const auto *LE = Parents[0].get<LambdaExpr>())
      return LE->getCallOperator();
    if (const Stmt *P = Parents[0].get<Stmt>(); P && loopBody(P))
      InLoop = true;
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

/// Whether Acc is among the escaped locals only because its folds bind it
/// to the combine's reference parameter (`Q *= m` passes `&Q` as `this`):
/// the combine was judged to write nothing but its left operand, so it
/// cannot keep the address anywhere, and the statement drops what it
/// returns. An escape after the loop (with no loop around it to come back)
/// cannot be used while it runs (as Escapes.h says); any other escape site,
/// or a holder of Acc, keeps it escaped.
bool escapesOnlyInFolds(PlanContext &PC, const LoopShape &L, const VarDecl *Acc,
                        llvm::ArrayRef<std::pair<unsigned, unsigned>> Folds) {
  bool InLoop = false;
  const FunctionDecl *FD = enclosingFunction(PC.Ctx, L.Loop, InLoop);
  if (!FD)
    return false;
  EscapeSites Sites = findEscapes(FD, PC);
  if (Sites.HasLabels)
    return false;
  for (const auto &[Holder, Held] : Sites.Holds)
    if (Held.contains(Acc))
      return false;
  auto It = Sites.Sites.find(Acc);
  if (It == Sites.Sites.end())
    return false; // escaped some way this cannot see: keep the planner's word
  for (const Stmt *Site : It->second) {
    auto O = PC.offsets(Site->getSourceRange());
    if (!O)
      return false;
    if (!InLoop && O->first >= L.BodyEnd)
      continue;
    if (llvm::none_of(Folds, [&](const std::pair<unsigned, unsigned> &F) {
          return F.first <= O->first && O->second <= F.second;
        }))
      return false;
  }
  return true;
}

/// The variable quoted as QuotedName (`'key'`) that E reads, or null.
const VarDecl *readNamed(const Expr *E, llvm::StringRef QuotedName) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::StringRef Name;
    const VarDecl *Found = nullptr;
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && quoted(VD) == Name)
        Found = VD;
      return !Found;
    }
  } F;
  F.Name = QuotedName;
  if (E)
    F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

} // namespace

LoopOutcome planOrderedReduction(PlanContext &PC, const LoopShape &L,
                                 const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                                 llvm::ArrayRef<std::string> Others, std::string &WhyNot) {
  std::vector<Fold> All;
  collect(PC, L.Body, All);
  std::vector<const Fold *> Found;
  for (const Fold &F : All)
    if (!L.Body_.Locals.contains(F.Acc.Root) && F.Acc.Root != L.Induction &&
        F.Acc.Root != L.Element)
      Found.push_back(&F);
  if (Found.empty())
    return LoopOutcome::NotThisKind;
  auto Refuse = [&](std::string Why) {
    WhyNot = std::move(Why);
    return LoopOutcome::Refused;
  };
  const Fold &First = *Found[0];
  const Place &Acc = First.Acc;
  std::string Name = "'" + Acc.Name + "'";
  for (const Fold *F : Found)
    if (F->Acc != Acc)
      return Refuse("the loop folds into both " + Name + " and '" + F->Acc.Name + "'" +
                    ", which purecc does not combine in one reduction");
  for (const std::string &O : Others)
    if (O != Name) {
      // `c = rnd(c, key); key += K;`: the fold reads the other one, which
      // is the obstacle whatever purecc combines (user46 k10).
      if (const VarDecl *Read = readNamed(First.Value, O))
        return Refuse(Name + " is folded with " + combineName(First) + " of a term that reads " +
                      quoted(Read) + ", which the loop body also changes: each iteration "
                      "reads what the iterations before it left, which no grouping of the "
                      "steps reproduces");
      return Refuse("the loop folds into both " + Name + " and " + O +
                    ", which purecc does not combine in one reduction");
    }
  for (const Fold *F : Found) {
    if (F->Combine != First.Combine)
      return Refuse(Name + " is combined with both " + combineName(First) + " and " +
                    combineName(*F));
    if (F->Prepends != First.Prepends)
      return Refuse(Name + " is both the left and the right operand of " + combineName(First) +
                    " in the loop body");
    if (F->How != First.How)
      return Refuse(Name + " is combined with " + combineName(First) + " written in two ways");
  }
  // The combine must fold two values of the accumulator's type into one.
  QualType T = valueType(Acc.Type);
  std::string TypeName = "'" + T.getAsString(PC.Ctx.getPrintingPolicy()) + "'";
  const FunctionDecl *FD = First.Combine;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  bool Member = MD && MD->isInstance();
  QualType Other = valueType(FD->getParamDecl(Member ? 0 : 1)->getType());
  QualType Left = Member ? valueType(PC.Ctx.getRecordType(MD->getParent()))
                         : valueType(FD->getParamDecl(0)->getType());
  bool Fits = Left == T && Other == T &&
              (First.How == Form::CompoundAssign || valueType(FD->getReturnType()) == T);
  for (const Fold *F : Found)
    Fits = Fits && valueType(written(F->Value)->getType()) == T;
  if (!Fits)
    return Refuse(quoted(FD) + " does not combine two " + TypeName + " values into one, as " +
                  "a reduction of " + Name + " needs");
  // The accumulator's combine must be associative; a body-local fold
  // (`Q *= m` on a local Q) is just code, which must be pure.
  for (const Fold &F : All)
    if (std::string Why = combineReason(PC, F, /*NeedAssociative=*/&F == &First);
        !Why.empty())
      return Refuse(Why);
  for (const Fold &F : All)
    if (F.Assign && !isPlainSpecialMember(F.Assign) && !PC.Facts.isPure(F.Assign))
      return Refuse("the assignment of " + TypeName + " is not known to be pure");
  if (std::string Why = typeReason(PC, T, Name); !Why.empty())
    return Refuse(Why);
  if (std::string Why = throwReason(PC, Found, T, TypeName); !Why.empty())
    return Refuse(Why);
  if (std::string Why = userCodeReason(T, TypeName); !Why.empty())
    return Refuse(Why);

  // The folds are judged here; their terms are scanned as code.
  llvm::SmallPtrSet<const Expr *, 8> Steps;
  llvm::SmallPtrSet<const Stmt *, 4> Inner;
  for (const Fold &F : All)
    Steps.insert(F.Step);
  for (const Fold *F : Found)
    Inner.insert(F->Loops.begin(), F->Loops.end());
  DepScanner Scan(PC);
  StmtDeps Fx = Scan.scan(L.Body, &Steps);
  for (const Fold &F : All)
    Fx.merge(Scan.scan(F.Value));
  // A part of an object: nothing else in the body may use the object
  // (Places.h, partReason).
  llvm::SmallVector<const Expr *, 4> Own;
  for (const Fold *F : Found)
    Own.append(F->Own.begin(), F->Own.end());
  llvm::SmallPtrSet<const Expr *, 8> OwnSet(Own.begin(), Own.end());
  if (Acc.isVariable() && (Fx.Reads.contains(Acc.Root) || Fx.Writes.contains(Acc.Root)))
    return Refuse(Name + " is used inside the loop body other than by folding into it");
  if (!Acc.isVariable())
    if (std::string Why = partReason(PC, L, Acc, Own, Fx, OwnSet); !Why.empty())
      return Refuse(Why);
  // Each fold keeps its term's text and loses what surrounds it.
  struct Span {
    unsigned StepBegin, ValueBegin, ValueEnd, StepEnd;
  };
  std::vector<Span> Spans;
  std::string Spelling;
  for (const Fold *F : Found) {
    auto S = PC.offsets(F->Step->getSourceRange());
    auto V = PC.offsets(F->Value->getSourceRange());
    if (!S || !V || V->first < S->first || V->second > S->second)
      return Refuse(Name + " is folded into in a macro in the loop body, where its private "
                           "copy cannot be given a name of its own");
    Spans.push_back({S->first, V->first, V->second, S->second});
  }
  std::vector<std::pair<unsigned, unsigned>> FoldSpans;
  for (const Span &S : Spans)
    FoldSpans.push_back({S.StepBegin, S.StepEnd});
  llvm::SmallPtrSet<const VarDecl *, 8> Outside(Escaped.begin(), Escaped.end());
  if (Outside.contains(Acc.Root) && escapesOnlyInFolds(PC, L, Acc.Root, FoldSpans))
    Outside.erase(Acc.Root);
  if (std::string Why = accumulatorReason(Acc.Root, Outside, L); !Why.empty())
    return Refuse(Why);
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty())
    return Refuse(Why);
  if (std::string Why = exceptionReason(PC, L);
      !Why.empty())
    return Refuse(Why);

  // The combine is written after the loop, where what the body declares is
  // out of scope: a `using lib::combine;` in the body would leave the
  // combine calling another function (adv66 F9).
  if (const Decl *D = declaredNonVariable(L.Body)) {
    std::optional<std::string> Text = quotable(PC.shownText(D->getSourceRange()));
    return Refuse("the combine " + quoted(FD) + " would be written after the loop, where the loop "
                  "body's " +
                  (Text ? "'" + *Text + "'" : std::string("declaration")) +
                  " (of a name other than a variable) does not reach");
  }
  if (First.How == Form::Call) {
    auto C = PC.text(First.Callee->getSourceRange());
    if (!C)
      return Refuse(quoted(FD) + " is named in a macro, which purecc cannot repeat in the combine");
    Spelling = *C;
  } else {
    Spelling = getOperatorSpelling(FD->getOverloadedOperator());
  }
  if (std::string Why = lastRefusal(PC, L); !Why.empty())
    return Refuse(Why);
  std::string Why;
  std::optional<std::string> Target = mergeTarget(PC, L, Acc, First.Own.front(), Why);
  if (!Target)
    return Refuse(Why);

  shapes::OrderedFold Shape{*Target,
                            PC.typeText(Acc.Type.getNonReferenceType().getUnqualifiedType()),
                            PC.freshNumbered("acc"),
                            PC.freshName("o"),
                            PC.unusedName("v"),
                            {PC.unusedName("lhs"), PC.unusedName("rhs")},
                            First.How,
                            Spelling,
                            First.Prepends,
                            written(First.Value)->isLValue()};
  PC.P.ExtraIncludes.insert("optional");
  PC.P.ExtraIncludes.insert("utility");
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  size_t FirstEdit = PC.P.Edits.size();
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, shapes::orderedHead(L.Begin, L.End, Shape, Idx) +
                                     (Block ? "" : "{"),
                             L.HeaderEnd));
  for (const Span &S : Spans) {
    PC.replace(S.StepBegin, S.ValueBegin, shapes::orderedStepHead(Shape));
    PC.replace(S.ValueEnd, S.StepEnd, shapes::OrderedStepTail);
  }
  endIterationsEarly(PC, L, shapes::orderedContinue(Shape));
  PC.insert(L.BodyEnd, (Block ? "" : " }") + shapes::orderedTail(Shape, loopGrain(L)));
  // The user's promise of associativity may be approximate (floating-point
  // members): the serial clone folds in the same tree order, so that the
  // result does not depend on which path ran.
  for (size_t I = FirstEdit; I < PC.P.Edits.size(); ++I)
    PC.P.Edits[I].RepeatInSerialClone = true;
  PC.Absorbed.insert(Inner.begin(), Inner.end());
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkOrderedReduction))
    *D << Name << combineName(First);
  PC.note(Loc, Transform::OrderedReductions, Acc.Name + ":" + displayName(FD));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
