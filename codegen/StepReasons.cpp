//===- StepReasons.cpp - why a loop body's update is no reduction step ----===//
#include "StepReasons.h"
#include "Subscripts.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "Places.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace purecc {
namespace {

/// The operands of a comma expression, left to right, or E itself.
void sides(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr();
  E = E->IgnoreParens();
  if (const auto *Comma = dyn_cast<BinaryOperator>(E); Comma && Comma->getOpcode() == BO_Comma) {
    sides(Comma->getLHS(), Out);
    sides(Comma->getRHS(), Out);
    return;
  }
  Out.push_back(E);
}

class Finder {
public:
  Finder(PlanContext &PC, const LoopShape &L) : PC(PC), L(L) {}

  /// The first outer variable overwritten by a plain assignment: the
  /// reason of last resort (a nearly-selection's own reason comes first).
  std::string Overwritten;

  std::string run() {
    walkStatements(L.Body, [&](const Stmt *S, llvm::ArrayRef<const Stmt *> Loops) {
      if (!Why.empty())
        return Walk::Past;
      if (const auto *If = dyn_cast<IfStmt>(S))
        selection(If, Loops);
      else if (const auto *E = dyn_cast<Expr>(S)) {
        llvm::SmallVector<const Expr *, 4> Parts;
        sides(E, Parts);
        for (const Expr *Part : Parts)
          if (Why.empty())
            update(Part);
      }
      return Walk::Into;
    });
    return Why;
  }

private:
  PlanContext &PC;
  const LoopShape &L;
  std::string Why;

  bool outer(const VarDecl *V) const {
    return V && !L.Body_.Locals.contains(V) && V != L.Induction && V != L.Element;
  }
  std::string text(const Expr *E) const {
    return quotable(PC.shownText(E->getSourceRange())).value_or("");
  }
  std::string shown(const Expr *E) const {
    std::string T = text(E);
    return T.empty() ? T : " ('" + T + "')";
  }
  static const VarDecl *varOf(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  }

  /// `if (!(d <= m)) m = d;`, and any selection of an outer variable in a
  /// nested loop.
  void selection(const IfStmt *If, llvm::ArrayRef<const Stmt *> Loops) {
    if (If->getElse() || If->getInit() || If->getConditionVariable())
      return;
    const Stmt *Then = If->getThen();
    if (const auto *CS = dyn_cast<CompoundStmt>(Then); CS && !CS->body_empty())
      Then = CS->body_front();
    const auto *Set = dyn_cast<BinaryOperator>(Then);
    if (!Set || Set->getOpcode() != BO_Assign)
      return;
    const VarDecl *Best = varOf(Set->getLHS());
    if (!outer(Best))
      return;
    const Expr *Cond = If->getCond()->IgnoreParenImpCasts();
    bool Negated = false;
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond); Not && Not->getOpcode() == UO_LNot) {
      Negated = true;
      Cond = Not->getSubExpr()->IgnoreParenImpCasts();
    }
    const auto *Cmp = dyn_cast<BinaryOperator>(Cond);
    if (!Cmp || !Cmp->isRelationalOp() ||
        (varOf(Cmp->getLHS()) != Best && varOf(Cmp->getRHS()) != Best))
      return;
    if (Negated) {
      // With a NaN term `!(d <= m)` is true, so m becomes NaN, and then
      // true again for whatever comes next: the term after a NaN always
      // replaces m. The result depends on where the NaNs stand among all
      // the terms, which no combine of two partial results can see
      // (5, then 3, NaN, 2 gives 2; the partials 5 and 2 give 5).
      if (Best->getType()->isRealFloatingType())
        Why = quoted(Best) + " is selected under a negated comparison" + shown(If->getCond()) +
              ": a NaN term replaces whatever " + quoted(Best) + " holds and every term after "
              "it replaces the NaN, which no tree order reproduces";
      else
        Why = quoted(Best) + " is selected under a negated comparison" + shown(If->getCond()) +
              ": only a comparison written without '!' is recognized";
      return;
    }
    // `if (v > m) { m = v; ai = i; aj = j; }` in an inner loop: a plain
    // maximum there is a reduction step (BodyWalk.h), one that carries other
    // values along is a selection, which is only matched in the shared body.
    const auto *Block = dyn_cast<CompoundStmt>(If->getThen());
    if (Loops.empty() || !Block || Block->size() < 2)
      return;
    std::vector<std::string> Carried;
    for (const Stmt *S : Block->body())
      if (const auto *A = dyn_cast<BinaryOperator>(S); A && A->getOpcode() == BO_Assign && S != Set)
        if (const VarDecl *V = varOf(A->getLHS()))
          Carried.push_back(V->getNameAsString());
    if (Carried.size() + 1 != Block->size())
      return;
    Why = quoted(Best) + " is selected with " + quotedList(Carried) + " inside the nested loop "
          "on line " + std::to_string(PC.SM.getPresumedLineNumber(Loops.front()->getBeginLoc())) +
          ": a selection that carries other values is recognized only in the body of the loop "
          "that is shared, not in a loop nested in it";
  }

  /// The update E makes, if it is one: its target and whether it is a
  /// compound update (`+=`, `++`) or a plain assignment.
  void update(const Expr *E) {
    const Expr *Target = nullptr, *Value = nullptr;
    bool Compound = false;
    llvm::StringRef Op;
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->isIncrementDecrementOp()) {
      Target = UO->getSubExpr();
      Compound = true;
      Op = UO->isIncrementOp() ? "++" : "--";
    } else if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAssignmentOp()) {
      Target = BO->getLHS();
      Value = BO->getRHS();
      Compound = BO->isCompoundAssignmentOp();
      Op = BO->getOpcodeStr();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
               OC && OC->getNumArgs() >= 1 &&
               (OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
                OC->getOperator() == OO_MinusMinus)) {
      Target = OC->getArg(0);
      Value = OC->getNumArgs() == 2 && OC->isAssignmentOp() ? OC->getArg(1) : nullptr;
      Compound = OC->getOperator() != OO_Equal;
      Op = getOperatorSpelling(OC->getOperator());
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      append(MC);
      return;
    }
    if (!Target)
      return;
    Target = Target->IgnoreParenImpCasts();
    // A variable, a member path, an element at a constant index, a
    // structured binding: each is an accumulator of its own (Places.h).
    if (std::optional<Place> P = placeOf(Target, PC.Ctx)) {
      if (outer(P->Root))
        whole(*P, E, Value, Compound, Op);
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(Target)) {
      const Expr *Base = ME;
      // `d.w.p.x`: a member of a struct inside an anonymous union shares
      // its storage as the union's own members do.
      const MemberExpr *InUnion = nullptr;
      while (const auto *M = dyn_cast<MemberExpr>(Base)) {
        if (const auto *MF = dyn_cast<FieldDecl>(M->getMemberDecl());
            MF && MF->getParent()->isUnion() && !InUnion)
          InUnion = M;
        if (M->isArrow()) {
          // `p->sum += f(i)`: the object is wherever p points.
          if (Compound && !text(ME).empty())
            Why = "'" + text(ME) + "' is reached through a pointer: only a variable, or a part "
                  "of a local object named with '.', is recognized as an accumulator";
          return;
        }
        Base = M->getBase()->IgnoreParenImpCasts();
      }
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      const VarDecl *V = varOf(Base);
      if (!outer(V) || !FD || !Compound)
        return;
      std::string Name = "'" + (text(ME).empty() ? FD->getNameAsString() : text(ME)) + "'";
      if (FD->isBitField())
        Why = Name + " is a bit-field of " + quoted(V) + ": its stores cut each value to the "
              "field's width, and only a member that is not a bit-field is recognized as an "
              "accumulator";
      else if (FD->getParent()->isUnion() || InUnion)
        Why = Name +
              (FD->getParent()->isUnion() || text(InUnion).empty()
                   ? std::string(" is a member of a union")
                   : " is part of '" + text(InUnion) + "', a member of a union") +
              ", whose members share their storage: only a member of a struct or class is "
              "recognized as an accumulator";
      else if (FD->getType()->isReferenceType())
        Why = Name + " is a reference member, which names another object: only a member that "
              "is part of " + quoted(V) + " itself is recognized as an accumulator";
      return;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl());
          BD && Compound && BD->getType()->isReferenceType())
        if (const auto *DD = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl()); outer(DD))
          Why = quoted(BD) + " is a structured binding of type '" +
                BD->getType().getCanonicalType().getAsString() +
                "', which names another object: only a binding of a part of the decomposed "
                "object itself is recognized as an accumulator";
    auto [Base, Index, Swapped] = subscriptParts(Target);
    const VarDecl *V = Base ? varOf(Base) : nullptr;
    if (!outer(V) || !Compound)
      return;
    bool Counted = (L.Induction && mentions(Index, L.Induction)) ||
                   (L.Element && mentions(Index, L.Element));
    if (!Counted && Index->isIntegerConstantExpr(PC.Ctx))
      // placeOf takes every constant index within the bounds.
      Why = "'" + text(Target) + "' is outside the elements of " + quoted(V) + " (or not a "
            "built-in array or 'std::array' element): only an element within the bounds is "
            "recognized as an accumulator";
    else if (!Counted || isa<CallExpr>(Index->IgnoreParenImpCasts()))
      // `h[bucket(i)]++`: a call's results need not differ (an index the
      // counter makes up in arithmetic is the map transformation's).
      Why = quoted(V) + " is written at an index computed by '" + text(Index) +
            "'; several iterations may write one element";
  }

  /// Whether S reads place P itself (not another part of its object).
  bool placeIn(const Stmt *S, const Place &P) const {
    if (const auto *E = dyn_cast<Expr>(S); E && isPlace(E, P, PC.Ctx))
      return true;
    for (const Stmt *Child : S->children())
      if (Child && placeIn(Child, P))
        return true;
    return false;
  }

  /// An update of the outer accumulator P (a variable or a part of one
  /// object) that no step matched.
  void whole(const Place &P, const Expr *E, const Expr *Value, bool Compound,
             llvm::StringRef Op) {
    const VarDecl *V = P.Root;
    std::string Name = "'" + P.Name + "'";
    QualType T = P.Type.getNonReferenceType();
    if (T.isVolatileQualified() || V->getType().isVolatileQualified()) {
      Why = Name + " is volatile: each of its reads and writes must happen as the loop "
            "makes them";
      return;
    }
    // `st.s = st.s.substr(1) + piece(i)`: a part of an object computed from
    // its own value other than by appending (`st.s += piece(i)` and
    // `st.s = piece(i) + st.s` are concatenations, Concatenations.h), as
    // unrecognizedReason says of a variable.
    if (!P.isVariable() && sequenceOf(T) != Sequence::None && !Compound && Value &&
        placeIn(Value, P)) {
      Why = recurrenceReason(Name, shown(E));
      return;
    }
    auto NotAssociative = [&](llvm::StringRef Op) {
      Why = Name + " is a '" + T.getUnqualifiedType().getAsString() + "', whose '" + Op.str() +
            "' is not known to be associative: only integer and floating-point arithmetic, "
            "concatenation of strings and vectors, and operators marked "
            "'[[purecc::associative]]' are combined";
    };
    if (Compound && T->isRecordType() && !isa<BinaryOperator, UnaryOperator>(E)) {
      std::string Type = T.getUnqualifiedType().getAsString();
      if (isFloatingComplex(T))
        Why = Name + " is a '" + Type + "', whose '" + Op.str() + "' is not combined: only its "
              "'+=' and '-=' (a floating-point sum of each component) are";
      else if (const auto *RD = T->getAsCXXRecordDecl();
               RD && RD->isInStdNamespace() && RD->getName() == "complex")
        Why = Name + " is a '" + Type + "': only a 'std::complex' of a floating-point type is "
              "combined";
      else
        NotAssociative(Op);
      return;
    }
    if (Compound || !Value)
      return;
    const Expr *R = Value->IgnoreParenImpCasts();
    if (const auto *Tmp = dyn_cast<MaterializeTemporaryExpr>(R))
      R = Tmp->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(R))
      R = Bind->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Ctor = dyn_cast<CXXConstructExpr>(R); Ctor && Ctor->getNumArgs() == 1)
      R = Ctor->getArg(0)->IgnoreParenImpCasts();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(R))
      R = Bind->getSubExpr()->IgnoreParenImpCasts();
    // `z = z * w(i)`, `z = w(i) - z` on a floating 'std::complex', whose
    // sums spelled out (`z = z + w(i)`) are steps.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(R);
        OC && OC->isInfixBinaryOp() && isFloatingComplex(T) && mentions(OC, V)) {
      OverloadedOperatorKind K = OC->getOperator();
      if (K == OO_Plus || K == OO_Minus)
        Why = recurrenceReason(Name, shown(E));
      else
        Why = Name + " is a '" + T.getUnqualifiedType().getAsString() + "', whose '" +
              getOperatorSpelling(K) + "' is not combined: only its '+' and '-' (a "
              "floating-point sum of each component) are";
      return;
    }
    // `z = w(i) * z` of a class: V is the right operand only, as in a
    // prepend (a string's or vector's is a concatenation, a user's
    // operator marked associative an ordered reduction).
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(R);
        OC && OC->isInfixBinaryOp() && T->isRecordType() && P.isVariable() &&
        varOf(OC->getArg(1)) == V &&
        !mentions(OC->getArg(0), V)) {
      NotAssociative(getOperatorSpelling(OC->getOperator()));
      return;
    }
    // `m = std::min({m, a, b})`.
    if (const auto *Call = dyn_cast<CallExpr>(R); Call && Call->getNumArgs() >= 1) {
      const auto *FD = Call->getDirectCallee();
      const Expr *Arg = Call->getArg(0)->IgnoreParenImpCasts();
      if (FD && FD->isInStdNamespace() && (FD->getName() == "min" || FD->getName() == "max") &&
          isa<CXXStdInitializerListExpr>(Arg))
        Why = Name + " is a " + (FD->getName() == "min" ? "minimum" : "maximum") +
              " over a braced list" + shown(E) + ": only 'std::" + FD->getName().str() + "(" +
              P.Name + ", e)' with two arguments is recognized";
      // `best = std::min(best, std::pair{cost(i), i})` (adv76 F5: "in a
      // form no transformation recognizes" listed this very form).
      else if (FD && FD->isInStdNamespace() && Call->getNumArgs() == 2 &&
               (FD->getName() == "min" || FD->getName() == "max") && !T->isArithmeticType() &&
               (mentions(Call->getArg(0), V) || mentions(Call->getArg(1), V)))
        Why = Name + " is a '" + T.getUnqualifiedType().getAsString() + "', whose " +
              (FD->getName() == "min" ? "minimum" : "maximum") + shown(E) +
              " is not combined: a minimum or maximum is, of arithmetic values, whose order "
              "purecc knows (NaN and ties included); keep the key in a variable of its own "
              "('if (e " + (FD->getName() == "min" ? "<" : ">") + " key) { key = e; " + P.Name +
              " = ...; }')";
    }
    // `last = f(i)`, `t = s`: no fold at all, each iteration overwrites.
    const ValueDecl *Named = P.Binding ? static_cast<const ValueDecl *>(P.Binding) : V;
    if (Why.empty() && Overwritten.empty() && !mentions(Value, Named)) {
      Overwritten = Name + " is overwritten in the loop body" + shown(E) + ": a variable from "
            "outside the loop is combined only by updates such as '" + P.Name +
            " += e' or a maximum";
      // `if (r.iters < best.iters) best = r;` (user47 k08): a selection
      // keyed on a member of what it keeps.
      // The key may be the very member written (`best.score = s` keyed on
      // 'best.score': user48 k05 read "keep 'best.score' in a variable
      // beside 'best.score'").
      std::string Key = memberKeyOf(E, Named);
      if (const Stmt *Inner = Key.empty() ? nullptr : innerLoopAround(E))
        // `for (f) for (t) if (s < best.score) { ... }` (user48 k05): the
        // inner loop may be the selection; this one is not.
        Overwritten += ", or a selection, which is one loop: this one holds it in an inner "
                       "loop (line " +
                       std::to_string(PC.SM.getPresumedLineNumber(
                           PC.SM.getExpansionLoc(Inner->getBeginLoc()))) +
                       "), which may be rewritten alone; to select over both counters, write "
                       "one loop over them";
      else if (auto [Compared, Greater] = objectComparisonOf(E, Named); !Compared.empty())
        // `if (p < bp) bp = p;` by the class's own (or defaulted) `<`
        // (adv76 F1): a selection's tree needs an arithmetic key, whose
        // order it knows (NaN and ties included).
        Overwritten += ", or a selection, which compares arithmetic values: " +
                       Compared + "; keep the key in a variable beside " +
                       Name + " ('if (e " + (Greater ? ">" : "<") + " key) { key = e; " + P.Name +
                       " = ...; }')";
      else if (!Key.empty())
        Overwritten += ", or a selection, which compares with a variable of its own: keep '" +
                       Key + "' in a variable " +
                       (Key == P.Name ? std::string("apart from the object it is a member of")
                                      : "beside " + Name) +
                       " ('if (e < key) { key = e; " +
                       (Key == P.Name ? std::string("...") : P.Name + " = ...;") + " }')";
    }
  }

  /// The loop inside L's body that E is in, if any.
  const Stmt *innerLoopAround(const Expr *E) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*E);
    const Stmt *Found = nullptr;
    for (unsigned Up = 0; Up < 64 && !Parents.empty(); ++Up) {
      const Stmt *P = Parents[0].get<Stmt>();
      if (!P || isa<LambdaExpr>(P))
        return nullptr;
      // `for (f) for (t) ...`: the body is the inner loop itself.
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
        Found = P;
      if (P == L.Body)
        return Found;
      Parents = PC.Ctx.getParents(*P);
    }
    return nullptr;
  }

  /// The member of Named that the condition of the `if` around E compares
  /// (`best.iters` of `if (r.iters < best.iters) best = r;`), as written;
  /// "" when there is none.
  /// `if (p < bp) bp = p;`: the `if` around E compares Named itself, an
  /// object, by an operator of its class ("'p < bp' compares 'P' objects
  /// by their 'operator<'"), or "", and whether it selects the greater.
  std::pair<std::string, bool> objectComparisonOf(const Expr *E, const ValueDecl *Named) {
    bool Greater = false;
    DynTypedNodeList Parents = PC.Ctx.getParents(*E);
    for (unsigned Up = 0; Up < 4 && !Parents.empty(); ++Up) {
      if (const auto *If = Parents[0].get<IfStmt>()) {
        const Expr *Cond = If->getCond()->IgnoreParenImpCasts();
        const Expr *Sides[2] = {nullptr, nullptr};
        std::string Operator;
        if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
            Op && Op->getNumArgs() == 2 &&
            (Op->getOperator() == OO_Less || Op->getOperator() == OO_Greater ||
             Op->getOperator() == OO_LessEqual || Op->getOperator() == OO_GreaterEqual)) {
          Sides[0] = Op->getArg(0);
          Sides[1] = Op->getArg(1);
          Operator = std::string("'operator") + getOperatorSpelling(Op->getOperator()) + "'";
          Greater = Op->getOperator() == OO_Greater || Op->getOperator() == OO_GreaterEqual;
        } else if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(Cond);
                   RW && RW->isComparisonOp() && RW->getOpcode() != BO_EQ &&
                   RW->getOpcode() != BO_NE) {
          Sides[0] = RW->getLHS();
          Sides[1] = RW->getRHS();
          Operator = "'operator<=>'";
          Greater = RW->getOpcode() == BO_GT || RW->getOpcode() == BO_GE;
        }
        const QualType T = Named->getType().getNonReferenceType();
        if (Operator.empty() || !T->isRecordType())
          return {"", false};
        for (const Expr *Side : Sides)
          if (const auto *Ref = dyn_cast<DeclRefExpr>(Side->IgnoreParenImpCasts());
              Ref && Ref->getDecl() == Named)
            if (std::optional<std::string> Text = PC.text(Cond->getSourceRange()))
              return {"'" + *Text + "' compares '" + T.getUnqualifiedType().getAsString() +
                          "' objects by their " + Operator,
                      Greater};
        return {"", false};
      }
      Parents = PC.Ctx.getParents(Parents[0]);
    }
    return {"", false};
  }

  std::string memberKeyOf(const Expr *E, const ValueDecl *Named) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*E);
    for (unsigned Up = 0; Up < 4 && !Parents.empty(); ++Up) {
      if (const auto *If = Parents[0].get<IfStmt>()) {
        const auto *Cmp = dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
        if (!Cmp || !Cmp->isRelationalOp())
          return "";
        for (const Expr *Side : {Cmp->getLHS(), Cmp->getRHS()}) {
          const auto *ME = dyn_cast<MemberExpr>(Side->IgnoreParenImpCasts());
          const auto *Base = ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
                                : nullptr;
          if (Base && Base->getDecl() == Named)
            return PC.text(ME->getSourceRange()).value_or("");
        }
        return "";
      }
      Parents = PC.Ctx.getParents(Parents[0]);
    }
    return "";
  }

  /// `dq.push_back(x)` on a container other than a string or a vector.
  void append(const CXXMemberCallExpr *MC) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    const VarDecl *V = varOf(MC->getImplicitObjectArgument());
    if (!M || !M->getIdentifier() || !outer(V))
      return;
    llvm::StringRef Name = M->getName();
    if (Name != "push_back" && Name != "emplace_back" && Name != "push_front" &&
        Name != "emplace_front" && Name != "append" && Name != "insert" && Name != "emplace")
      return;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        V->getType().getNonReferenceType()->getAsCXXRecordDecl());
    if (!Spec)
      return;
    if (Spec->isInStdNamespace() &&
        (Spec->getName() == "vector" || Spec->getName() == "basic_string")) {
      // `v.insert(v.begin() + 1, x)`: an insert the concatenation did not
      // take is one in the middle.
      if ((Name == "insert" || Name == "emplace") && MC->getNumArgs() >= 1)
        Why = quoted(V) + " is inserted into at a position" + shown(MC->getArg(0)) +
              " that is neither its beginning nor its end: only pieces added at one end "
              "('begin()' or index 0, 'end()' or its 'size()') are combined in order";
      return;
    }
    Why = quoted(V) + " is a '" + V->getType().getNonReferenceType().getUnqualifiedType().getAsString() +
          "': only appends to a 'std::string' or a 'std::vector' are combined in order";
  }
};

} // namespace

/// A store through a pointer or reference that an element holds
/// (`*ptrs[i] = e`, `rows[i].get()[j] = e`, `std::get<0>(t[i]) = e` over
/// tuples of references, `r.v = e` with `v` a reference member): which
/// object it writes is not followed, and two elements may hold one.
class HeldStore : public RecursiveASTVisitor<HeldStore> {
public:
  HeldStore(PlanContext &PC, const LoopShape &L) : PC(PC), L(L) {}
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    return !BO->isAssignmentOp() || consider(BO->getLHS());
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    return !Op->isAssignmentOp() || consider(Op->getArg(0));
  }
  std::string Why;

private:
  bool consider(const Expr *Target) {
    const Expr *Hop = hop(Target);
    // `x = ...` with `x` the element of an inner range-for over what an
    // element refers to (`for (auto &x : r.get())`).
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()); !Hop && DRE)
      if (const CXXForRangeStmt *RF = rangeForOf(L.Body, DRE->getDecl()))
        Hop = hop(RF->getRangeInit());
    auto T = PC.text(Target->getSourceRange()), H = Hop ? PC.text(Hop->getSourceRange()) : std::nullopt;
    if (!T || !H)
      return true;
    std::string What = Hop->IgnoreParenImpCasts() == Target->IgnoreParenImpCasts()
                           ? "'" + *T + "' is a reference"
                           : "'" + *T + "' writes through '" + *H + "', a pointer or reference";
    Why = What + " that an element holds: which object it refers to is not followed, and two "
                 "elements may refer to one";
    return false;
  }
  /// The pointer or reference held by an element that Target is reached
  /// through, or null.
  const Expr *hop(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    // `ptrs[i][0]`, `row[j]` with `long *row` the range-for's element: the
    // subscript of a pointer an element holds.
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return element(AS->getBase()) ? AS->getBase() : hop(AS->getBase());
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref)
      return element(UO->getSubExpr()) ? UO->getSubExpr() : hop(UO->getSubExpr());
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if ((ME->isArrow() || (FD && FD->getType()->isReferenceType())) && element(ME->getBase()))
        return ME->isArrow() ? ME->getBase() : ME;
      return hop(ME->getBase());
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getOperator() == OO_Subscript)
      return hop(Op->getArg(0));
    if (const auto *CE = dyn_cast<CallExpr>(E);
        CE && CE->getCallReturnType(PC.Ctx)->isReferenceType()) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        return element(MC->getImplicitObjectArgument()) ? E : nullptr;
      for (const Expr *Arg : CE->arguments())
        if (element(Arg))
          return E;
    }
    return nullptr;
  }
  /// `X[i]`, the range-for's element, or a member of either.
  bool element(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return !ME->isArrow() && element(ME->getBase());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      return Op->getOperator() == OO_Subscript;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return L.Element && DRE->getDecl() == L.Element;
    return isa<ArraySubscriptExpr>(E);
  }
  PlanContext &PC;
  const LoopShape &L;
};

std::string unrecognizedStepReason(PlanContext &PC, const LoopShape &L) {
  std::string Why = Finder(PC, L).run();
  if (Why.empty()) {
    HeldStore H(PC, L);
    H.TraverseStmt(const_cast<Stmt *>(L.Body));
    Why = H.Why;
  }
  return Why;
}

std::string overwrittenReason(PlanContext &PC, const LoopShape &L) {
  Finder F(PC, L);
  return F.run().empty() ? F.Overwritten : std::string();
}

std::string recurrenceReason(const std::string &QuotedName, const std::string &Shown) {
  return "each iteration computes " + QuotedName + " from the value the iteration before left" +
         Shown + ": a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like "
         "combine in any grouping)";
}

} // namespace purecc
