//===- UnrecognizedLoops.cpp - why no transformation took a loop ---------===//
#include "UnrecognizedLoops.h"
#include "Subscripts.h"
#include "Containers.h"
#include "BodyWalk.h"
#include "StepReasons.h"
#include "analysis/Stdlib.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

#include <functional>

using namespace clang;

namespace purecc {
namespace {

/// ` ('text')`: S as written, when short enough to quote in a remark.
/// S without the nodes around a full expression: `(e)`, its cleanups.
const Expr *skipFullExpression(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  while (E) {
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *PE = dyn_cast<ParenExpr>(E))
      E = PE->getSubExpr();
    else
      break;
  }
  return E;
}

std::string shownText(PlanContext &PC, const Stmt *S) {
  return shownInParens(PC.shownText(S->getSourceRange()));
}

/// The variable E names, under parentheses and any casts.
const VarDecl *namedVariable(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// `auto &row = out[r]; for (c ...) row[c] = f(r, c);` (user44 t02): the
/// body stores through a reference to an element of a container from
/// outside, which no map follows; "" when it does not.
template <class OuterFn>
std::string storesThroughReferenceReason(PlanContext &PC, const LoopShape &L,
                                         llvm::ArrayRef<const Stmt *> Stmts, OuterFn Outer) {
  for (const Stmt *S : Stmts) {
    const auto *DS = dyn_cast<DeclStmt>(S);
    const auto *Ref = DS && DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!Ref || !Ref->getType()->isLValueReferenceType() ||
        Ref->getType().getNonReferenceType().isConstQualified() || !Ref->getInit())
      continue;
    const Expr *Init = written(Ref->getInit());
    const Expr *Base = subscriptParts(Init).Base;
    const VarDecl *Container = Base ? namedVariable(Base) : nullptr;
    if (!Outer(Container) || !L.Body_.Writes.contains(Ref))
      continue;
    return "the loop body stores through " + quoted(Ref) + ", a reference to an element of " +
           quoted(Container) + shownText(PC, DS) +
           ", which a map does not follow: a map stores into elements by index ('" +
           Container->getName().str() + "[i][j] = ...')";
  }
  return "";
}

/// `w.replace(w.size(), 0, piece(i))`, `u.resize(n(i))` (adv44 t07): the
/// body changes an object from outside with a member function no step is
/// made of; "" when it calls none.
template <class OuterFn>
std::string changedByMemberReason(PlanContext &PC, const Stmt *Body, OuterFn Outer) {
  std::string Why;
  walkStatements(Body, [&](const Stmt *S, llvm::ArrayRef<const Stmt *>) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || !Why.empty())
      return Walk::Into;
    const auto *MC = dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit());
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    if (!MD || MD->isConst() || MD->isStatic() || !MC->getImplicitObjectArgument())
      return Walk::Into;
    const VarDecl *V = namedVariable(MC->getImplicitObjectArgument());
    if (!Outer(V))
      return Walk::Into;
    // `vb.push_back(b)` of a 'std::vector<bool>' is an append, but of bits
    // that share words (adv50 t103 was told 'push_back' is not combined).
    if (packsBits(V->getType().getNonReferenceType())) {
      Why = quoted(V) + " is changed by '" + MD->getNameAsString() + "'" + shownText(PC, MC) +
            ", but it is a '" +
            V->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType().getAsString(
                PC.Ctx.getPrintingPolicy()) +
            "', whose elements share storage: appends are combined only into containers of "
            "whole elements";
      return Walk::Into;
    }
    Why = quoted(V) + " is changed by '" + MD->getNameAsString() + "'" + shownText(PC, MC) +
          ", of which no reduction is made: only appends ('+=', 'append', 'push_back', "
          "'emplace_back', 'insert' at 'end()') and arithmetic or bitwise updates are combined";
    return Walk::Into;
  });
  return Why;
}

/// What a step E writes: `t = v` (Plain), `t += v`, `++t`, `t--`, built-in
/// or overloaded; Target null when E is no step.
struct Step {
  const Expr *Target = nullptr, *Value = nullptr;
  bool Plain = false;
};
Step stepOf(const Expr *E) {
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAssignmentOp())
    return {BO->getLHS(), BO->getRHS(), BO->getOpcode() == BO_Assign};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2)
      return {Op->getArg(0), Op->getArg(1), Op->getOperator() == OO_Equal};
    if ((Op->getOperator() == OO_PlusPlus || Op->getOperator() == OO_MinusMinus) &&
        Op->getNumArgs() >= 1)
      return {Op->getArg(0), nullptr, false};
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->isIncrementDecrementOp())
    return {UO->getSubExpr(), nullptr, false};
  return {};
}

/// The array E indexes (`h` of `h[b]`, built-in or `operator[]`), or null
/// when E is no element.
const Expr *indexedArray(const Expr *E) {
  Subscript S = subscriptParts(E->IgnoreParenImpCasts());
  return S ? S.Base->IgnoreParenImpCasts() : nullptr;
}

/// `++st.hist[b]`, `++h[a][b]`, `++h[b]` of a structured binding (adv47
/// t60, t42): the body updates elements at computed indices, of an array
/// no array reduction is made of; "" when it updates none.
template <class OuterFn>
std::string unnamedArrayReason(PlanContext &PC, const Stmt *Body, OuterFn Outer) {
  std::string Why;
  walkStatements(Body, [&](const Stmt *S, llvm::ArrayRef<const Stmt *>) {
    const auto *E = dyn_cast<Expr>(S);
    Step Update = E && Why.empty() ? stepOf(E->IgnoreImplicit()) : Step{};
    // Plain stores count for a structured binding only (adv49 t51: `auto
    // [v, m] = ...; v[i] = heavy(i);` was said to store by index nowhere).
    const Expr *Array = Update.Target ? indexedArray(Update.Target) : nullptr;
    if (!Array)
      return Walk::Into;
    std::string Shown = shownText(PC, E);
    std::optional<std::string> ArrayText = PC.text(Array->getSourceRange());
    if (!ArrayText)
      return Walk::Into;
    const Expr *Root = Array;
    while (true) {
      if (const auto *ME = dyn_cast<MemberExpr>(Root))
        Root = ME->getBase()->IgnoreParenImpCasts();
      else if (const Expr *Indexed = indexedArray(Root))
        Root = Indexed;
      else
        break;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(Root);
    if (!DRE)
      return Walk::Into;
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
      if (Outer(dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl())))
        Why = Update.Plain
                  ? "'" + *ArrayText + "' is stored into by index" + Shown +
                        ", but it is a structured binding, of which no map is made: store into "
                        "the container it names"
                  : "'" + *ArrayText + "' is updated at a computed index" + Shown +
                        ", but it is a structured binding, of which no array reduction is made: "
                        "update the array it names";
      return Walk::Into;
    }
    // `s.a[i] = ...` of an array member of a union (adv50 t21 was told
    // nothing was stored by index).
    for (const Expr *Part = Array; const auto *ME = dyn_cast<MemberExpr>(Part);
         Part = ME->getBase()->IgnoreParenImpCasts())
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
          FD && FD->getParent()->isUnion() && Outer(dyn_cast<VarDecl>(DRE->getDecl()))) {
        Why = "'" + *ArrayText + "' is " + (Update.Plain ? "stored into" : "updated") +
              " by index" + Shown + ", but it is a member of a union, whose members share "
              "their storage: no " + (Update.Plain ? "map" : "array reduction") +
              " is made of it";
        return Walk::Into;
      }
    if (Update.Plain)
      return Walk::Into;
    if (!Outer(dyn_cast<VarDecl>(DRE->getDecl())) || Root == Array)
      return Walk::Into;
    if (const Expr *Rows = indexedArray(Array)) {
      std::optional<std::string> Outside = PC.text(Rows->getSourceRange());
      std::string Name = Outside.value_or(*ArrayText);
      Why = "'" + Name + "' is updated at computed indices in two dimensions" + Shown +
            ", and an array reduction is made of one dimension only: index one array ('" +
            Name + "[a * N + b]')";
    } else
      Why = "'" + *ArrayText + "' is updated at a computed index" + Shown +
            ", but it is a member, and an array reduction is made only of a named array or "
            "container: update a local array and add it to '" + *ArrayText + "' after the loop";
    return Walk::Into;
  });
  return Why;
}

/// The statement of Body (one of its own, not an inner block's) that
/// holds E.
const Stmt *statementHolding(PlanContext &PC, const Stmt *Body, const Expr *E) {
  const Stmt *S = E;
  while (S && S != Body) {
    DynTypedNodeList Ps = PC.Ctx.getParents(*S);
    const Stmt *P = Ps.empty() ? nullptr : Ps[0].get<Stmt>();
    if (!P || isa<CompoundStmt>(P))
      return S;
    S = P;
  }
  return S ? S : E;
}

/// Whether S lies within Outer's text.
bool within(PlanContext &PC, const Stmt *S, const Stmt *Outer) {
  SourceRange R = Outer->getSourceRange();
  SourceLocation L = S->getBeginLoc();
  return R.isValid() && L.isValid() && !PC.SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
         !PC.SM.isBeforeInTranslationUnit(R.getEnd(), L);
}

} // namespace

std::string unrecognizedWriteReason(PlanContext &PC, const LoopShape &L) {
  auto Outer = [&](const VarDecl *V) {
    return V && !L.Body_.Locals.contains(V) && V != L.Induction && V != L.Element;
  };
  for (const VarDecl *V : inSourceOrder(L.Body_.Writes, L.Body, PC.SM)) {
    if (!Outer(V))
      continue;
    const Expr *At = L.Body_.FirstWrite.lookup(V);
    std::string Name = V->getNameAsString();
    // A lambda the body calls (`acc(work(i))` of `auto acc = [&](long x)
    // { a += x; }`) writes it where the lambda is written.
    bool Inside = !At || within(PC, At, L.Body);
    const CXXRecordDecl *RD = V->getType().getNonReferenceType()->getAsCXXRecordDecl();
    bool Indexed = V->getType().getNonReferenceType()->isArrayType() ||
                   (RD && RD->hasDefinition() &&
                    !RD->lookup(PC.Ctx.DeclarationNames.getCXXOperatorName(OO_Subscript)).empty());
    std::string Forms =
        Indexed
            ? "a map stores one element of it per iteration ('" + Name + "[i] = f(i);')"
            : "an accumulator is updated by a statement of its own that names it ('" + Name +
                  " += term;', '++" + Name + ";', 'if (cond) ++" + Name + ";', '" + Name +
                  " = std::max(" + Name + ", term);')";
    std::string Shown = At ? shownText(PC, Inside ? statementHolding(PC, L.Body, At) : At) : std::string();
    if (At && Shown.empty())
      Shown = shownText(PC, At); // `flags[i].flip()` of a two-line `if`
    // `std::cout << f(i)`: output, in the order the serial loop makes it,
    // not an accumulator written in another form (adv75 F3; `printf` says
    // "'printf' performs I/O").
    if (isStreamType(V->getType().getNonReferenceType()))
      return std::string("the loop body performs I/O on ") + quoted(V) + Shown +
             ", which must happen in the serial loop's order";
    return quoted(V) + (Inside ? " is written inside the loop body" : " is written by code the loop body calls") +
           Shown +
           " in a form no transformation recognizes: " + Forms;
  }
  // `best = d;` in a member function: `this->best`.
  const MemberExpr *Member = nullptr;
  std::function<void(const Stmt *)> Find = [&](const Stmt *S) {
    if (!S || Member || isa<LambdaExpr>(S))
      return;
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
      Target = BO->getLHS();
    else if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
      Target = UO->getSubExpr();
    if (const auto *ME = Target ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()) : nullptr;
        ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) && isa<FieldDecl>(ME->getMemberDecl()))
      Member = ME;
    for (const Stmt *Child : S->children())
      Find(Child);
  };
  Find(L.Body);
  if (Member)
    return "'" + Member->getMemberDecl()->getNameAsString() +
           "' is a data member, reached through 'this': only a variable, or a part of a local "
           "object named with '.', is recognized as an accumulator";
  return "";
}

/// Whether Body's steps store into elements by index (`out[i] = f(i)`)
/// and accumulate into nothing (`s += ...`, `++n`, `m = std::max(m, ...)`
/// are steps of a reduction).
bool storesByIndexOnly(const Stmt *Body) {
  bool Stores = false, Other = false;
  walkStatements(Body, [&](const Stmt *S, llvm::ArrayRef<const Stmt *>) {
    const auto *E = dyn_cast<Expr>(S);
    if (isa_and_nonnull<IfStmt>(S) || !E)
      return Walk::Into;
    auto [Target, Value, Plain] = stepOf(E->IgnoreImplicit());
    if (!Target)
      return Walk::Into;
    Target = Target->IgnoreParenImpCasts();
    bool Element = indexedArray(Target);
    // A variable or a member of one (`t = f(i)`, `h.n = 0`): an
    // accumulation when it reads itself (`acc = acc + f(i)`).
    const Expr *Root = Target;
    while (const auto *ME = dyn_cast<MemberExpr>(Root))
      Root = ME->getBase()->IgnoreParenImpCasts();
    const auto *Var = dyn_cast<DeclRefExpr>(Root);
    if (Element && Plain)
      Stores = true;
    else if (!Var || !Plain || (Value && mentions(Value, Var->getDecl())))
      Other = true; // an accumulation, or a store of another kind
    return Walk::Into;
  });
  return Stores && !Other;
}

/// Why a loop whose body no transformation recognized stays serial: a
/// recurrence (`h = h * 0.5 + f(i)`: each iteration starts from the value
/// the one before left, which no grouping of the terms reproduces), a
/// max or min compared in another type than it is stored in (`if
/// ((double)t > k) k = t;`), or neither an accumulation nor a store.
std::string unrecognizedReason(PlanContext &PC, const LoopShape &L) {
  std::vector<const Stmt *> Stmts;
  if (const auto *CS = dyn_cast<CompoundStmt>(L.Body))
    Stmts.assign(CS->body_begin(), CS->body_end());
  else
    Stmts.push_back(L.Body);
  auto Outer = [&](const VarDecl *V) {
    return V && !L.Body_.Locals.contains(V) && V != L.Induction && V != L.Element;
  };
  auto Shown = [&](const Expr *E) { return shownText(PC, E); };
  for (const Stmt *S : Stmts) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign)
      if (const VarDecl *V = namedVariable(BO->getLHS());
          Outer(V) && isa<DeclRefExpr>(BO->getLHS()->IgnoreParens()) && mentions(BO->getRHS(), V))
        return recurrenceReason(quoted(V), Shown(BO));
    // `b /= e`, `c %= e`, `d <<= e`: no grouping of the terms gives the
    // same (adv43 t02 said "neither accumulates").
    if (const auto *CA = dyn_cast<CompoundAssignOperator>(S);
        CA && llvm::is_contained({BO_DivAssign, BO_RemAssign, BO_ShlAssign, BO_ShrAssign},
                                 CA->getOpcode()))
      if (const VarDecl *V = namedVariable(CA->getLHS());
          Outer(V) && isa<DeclRefExpr>(CA->getLHS()->IgnoreParens()))
        return recurrenceReason(quoted(V), Shown(CA));
    // `(s += a) += b`, a left fold `(s += ... += work(i + xs))`: each
    // assignment updates what the one before it returns (adv65 G8 said
    // "neither accumulates").
    if (const auto *Chain = dyn_cast_or_null<BinaryOperator>(skipFullExpression(S));
        Chain && Chain->isAssignmentOp()) {
      const Expr *Target = Chain->getLHS()->IgnoreParens();
      bool Chained = false;
      while (const auto *Inner = dyn_cast<BinaryOperator>(Target)) {
        if (!Inner->isAssignmentOp())
          break;
        Chained = true;
        Target = Inner->getLHS()->IgnoreParens();
      }
      if (const VarDecl *V = namedVariable(Target); Chained && Outer(V) && isa<DeclRefExpr>(Target))
        return quoted(V) + " is updated through what another assignment to it returns" +
               Shown(Chain) + ": a reduction's step names the accumulator itself, one term "
               "at a time ('" + V->getNameAsString() + " += term;', or the comma fold '((" +
               V->getNameAsString() + " += terms), ...)')";
    }
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
      continue;
    const Stmt *Then = If->getThen();
    if (const auto *CS = dyn_cast<CompoundStmt>(Then); CS && CS->size() == 1)
      Then = CS->body_front();
    const auto *Set = dyn_cast<BinaryOperator>(Then);
    const auto *Cmp = dyn_cast<BinaryOperator>(If->getCond()->IgnoreParens());
    if (!Set || Set->getOpcode() != BO_Assign || !Cmp || !Cmp->isRelationalOp())
      continue;
    const VarDecl *Best = namedVariable(Set->getLHS());
    const VarDecl *Term = namedVariable(Set->getRHS());
    const VarDecl *A = namedVariable(Cmp->getLHS()), *B = namedVariable(Cmp->getRHS());
    if (!Outer(Best) || !Term || !((A == Best && B == Term) || (A == Term && B == Best)))
      continue;
    QualType Stored = Best->getType().getNonReferenceType().getUnqualifiedType();
    QualType Compared = Cmp->getLHS()->getType().getUnqualifiedType();
    if (PC.Ctx.hasSameType(Stored, Compared)) {
      // `if ((long)t > k) k = t;`: the same comparison as `t > k`, whose
      // conversion the compiler makes, but written out.
      for (const Expr *Side : {Cmp->getLHS(), Cmp->getRHS()})
        if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Side->IgnoreParenImpCasts()))
          return quoted(Best) + " is a maximum or minimum whose comparison" + Shown(Cmp) +
                 " converts with a written cast" + Shown(Cast) + ": only a comparison of the "
                 "values themselves is recognized (a conversion the compiler makes, as in "
                 "'if (t > k)', is no obstacle)";
      continue;
    }
    return quoted(Best) + " is a maximum or minimum whose comparison" + Shown(Cmp) +
           " is made in '" + Compared.getAsString() + "', not in the type it is stored in ('" +
           Stored.getAsString() + "'): only a comparison of the stored values (or of terms "
           "converted to them exactly) is recognized";
  }
  if (std::string Why = unrecognizedStepReason(PC, L); !Why.empty())
    return Why;
  if (std::string Why = storesThroughReferenceReason(PC, L, Stmts, Outer); !Why.empty())
    return Why;
  if (std::string Why = changedByMemberReason(PC, L.Body, Outer); !Why.empty())
    return Why;
  if (std::string Why = unnamedArrayReason(PC, L.Body, Outer); !Why.empty())
    return Why;
  return kNeitherReason;
}

} // namespace purecc
