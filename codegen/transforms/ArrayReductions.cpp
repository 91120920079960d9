//===- ArrayReductions.cpp - array-reduction: histograms over pure calls --===//
#include "ArrayReductions.h"
#include "Subscripts.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "LoopBodies.h"
#include "MapStores.h"
#include "Reductions.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

using shapes::ReduceOp;

/// One accumulation into an element: `++a[e]`, `a[e] += v`.
struct ElementStep {
  const VarDecl *Array = nullptr;
  const DeclRefExpr *Ref = nullptr; // the array's name in the step
  const Expr *Element = nullptr;    // `a[e]`, which the effect scan skips
  const Expr *Index = nullptr;      // `e`, scanned on its own
  const Expr *Value = nullptr;      // null for ++/--
  ReduceOp Op = ReduceOp::Add;
  /// `a.at(e)`: the index is checked, and an index out of range throws.
  bool Checked = false;
  /// The index has class type: which conversion turns it into an index
  /// depends on the subscript's parameter, and the private copy's
  /// (`std::vector::operator[]`'s `size_type`) may pick another.
  bool ClassIndex = false;
  /// `g[e].sum += v`: the arithmetic member of a class element accumulated
  /// (user48 k04, a group-by); null for the element itself. Element is
  /// then the whole member access, Subscript `g[e]`.
  const FieldDecl *Member = nullptr;
  const Expr *Subscript = nullptr;
  llvm::SmallVector<const Stmt *, 1> Loops; // the inner loops around it
};

bool matchElement(const Expr *E, ElementStep &S);

/// `g[e].sum` with `sum` an arithmetic member (no bit-field) of a class
/// element that is not a union: each such member is accumulated as an
/// array of its own.
bool matchMemberElement(const Expr *E, ElementStep &S) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParens());
  const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!FD || ME->isArrow() || FD->isBitField() || !FD->getIdentifier() ||
      FD->getParent()->isUnion() || FD->getType()->isReferenceType() ||
      !FD->getType()->isArithmeticType() || FD->getType().isVolatileQualified())
    return false;
  const Expr *Base = ME->getBase()->IgnoreParens();
  if (!matchElement(Base, S) || S.Checked)
    return false;
  S.Member = FD;
  S.Subscript = Base;
  S.Element = E->IgnoreParens();
  return true;
}

/// `a[e]` of a built-in array or a standard container named by a variable
/// of its own: fills Array, Ref, Element and Index of S.
bool matchElement(const Expr *E, ElementStep &S) {
  E = E->IgnoreParens();
  auto [Base, Index, Swapped] = subscriptParts(E);
  // `i[h]` names the array second: its private copy, a std::vector,
  // cannot stand there.
  if (Swapped)
    return false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && MC->getNumArgs() == 1 && MC->getMethodDecl() &&
      MC->getMethodDecl()->getDeclName().isIdentifier() &&
      MC->getMethodDecl()->getName() == "at") {
    Base = MC->getImplicitObjectArgument();
    Index = MC->getArg(0);
    S.Checked = true;
  }
  const auto *Ref = Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!VD || VD->getType()->isReferenceType())
    return false;
  ContainerKind K = containerKind(VD->getType());
  if (K != ContainerKind::Owning && K != ContainerKind::CArray)
    return false;
  S.ClassIndex = !Index->IgnoreUnlessSpelledInSource()->getType()->isIntegralOrUnscopedEnumerationType();
  S.Array = VD;
  S.Ref = Ref;
  S.Element = E;
  S.Index = Index;
  return true;
}

std::optional<ReduceOp> compoundOp(BinaryOperatorKind K) {
  switch (K) {
  case BO_AddAssign: case BO_SubAssign: return ReduceOp::Add;
  case BO_MulAssign: return ReduceOp::Mul;
  case BO_OrAssign: return ReduceOp::BitOr;
  case BO_XorAssign: return ReduceOp::BitXor;
  case BO_AndAssign: return ReduceOp::BitAnd;
  default: return std::nullopt;
  }
}

/// One step written as an expression: `++a[e]`, `a[e]--`, `a[e] op= v`.
std::optional<ElementStep> matchElementStep(const Expr *E) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr();
  E = E->IgnoreParens();
  ElementStep S;
  auto Match = [&](const Expr *Target) {
    return matchElement(Target, S) || matchMemberElement(Target, S);
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (!UO->isIncrementDecrementOp() || !Match(UO->getSubExpr()))
      return std::nullopt;
    return S;
  }
  const auto *BO = dyn_cast<BinaryOperator>(E);
  std::optional<ReduceOp> Op = BO ? compoundOp(BO->getOpcode()) : std::nullopt;
  if (!Op || !Match(BO->getLHS()))
    return std::nullopt;
  S.Op = *Op;
  S.Value = BO->getRHS();
  return S;
}

/// The element steps among the statements of Body, into arrays declared
/// outside it (BodyWalk.h: through blocks, ifs, switches and inner loops).
std::vector<ElementStep> collectElementSteps(const LoopShape &L) {
  std::vector<ElementStep> Out;
  auto Outside = [&](const VarDecl *V) {
    return !L.Body_.Locals.contains(V) && V != L.Induction && V != L.Element;
  };
  walkExpressionSides(L.Body, [&](const Expr *Side, llvm::ArrayRef<const Stmt *> Loops) {
    if (std::optional<ElementStep> S = matchElementStep(Side); S && Outside(S->Array)) {
      S->Loops.assign(Loops.begin(), Loops.end());
      Out.push_back(std::move(*S));
    }
  });
  return Out;
}

} // namespace

llvm::SmallPtrSet<const VarDecl *, 4> arraysStepsIndexByValue(const LoopShape &L, ASTContext &Ctx) {
  llvm::SmallPtrSet<const VarDecl *, 4> Out;
  for (const ElementStep &S : collectElementSteps(L))
    if (!S.Index->isValueDependent() && !S.Index->isIntegerConstantExpr(Ctx))
      Out.insert(S.Array);
  return Out;
}

namespace {

/// Whether every step updates the element of its own iteration (`c[i] +=
/// term(i)`, `++c[n - 1 - i]`: an index injective in the counter, MapStores.h):
/// that is a map, which writes each element in place, where a private copy
/// of the whole array per leaf cost 175 times the serial loop (user46 k01).
bool updatesOwnElements(PlanContext &PC, const LoopShape &L,
                        const std::vector<ElementStep> &Steps) {
  std::vector<Store> Stores = findStores(PC, L);
  return llvm::all_of(Steps, [&](const ElementStep &S) {
    return llvm::any_of(Stores, [&](const Store &St) {
      return St.Target->IgnoreParens() == S.Element && St.DistinctIndex &&
             St.InnerIndexes.empty() && !St.Row && St.Container == S.Array;
    });
  });
}

/// One array the loop reduces: its steps' operation and element type.
struct ArrayAccumulator {
  const VarDecl *Array;
  const FieldDecl *Member; // `g[e].sum`'s 'sum'; null for the elements
  ReduceOp Op;
  QualType Element;
  llvm::SmallVector<const Expr *, 4> Refs; // the array's names in its steps
  /// As the user reads it: "h", "g[...].sum".
  std::string name() const {
    return A(Array) + (Member ? "[...]." + Member->getName().str() : "");
  }
  static std::string A(const VarDecl *V) { return V->getName().str(); }
};

/// Why elements of type T have no parallel Op, or empty.
std::string elementTypeReason(PlanContext &PC, const ArrayAccumulator &A) {
  QualType T = A.Element;
  bool Integer = T->isIntegerType() && !T->isBooleanType() && !T->isEnumeralType();
  bool Floating = isStandardFloating(T) && (A.Op == ReduceOp::Add || A.Op == ReduceOp::Mul);
  if (Integer || Floating)
    return "";
  return "the elements of '" + A.name() + "' have type '" + typeName(T, PC.Ctx) +
         "', which has no parallel '" + shapes::opName(A.Op).str() + "' reduction";
}

/// The edits that make each step `g[e].sum` of A read `P[e]`, in pairs:
/// the span of the name `g` (renamed as referenceSpans' are), then the span
/// of `.sum` after the subscript (dropped); nullopt when a step is written
/// in a macro.
std::optional<std::vector<std::pair<unsigned, unsigned>>>
memberSpans(PlanContext &PC, const std::vector<ElementStep> &Steps, const ArrayAccumulator &A) {
  std::vector<std::pair<unsigned, unsigned>> Out;
  for (const ElementStep &S : Steps) {
    if (S.Array != A.Array || S.Member != A.Member)
      continue;
    auto Name = PC.offsets(S.Ref->getSourceRange());
    auto Sub = PC.offsets(S.Subscript->getSourceRange());
    auto Whole = PC.offsets(S.Element->getSourceRange());
    if (!Name || !Sub || !Whole || Sub->second > Whole->second)
      return std::nullopt;
    Out.push_back(*Name);
    Out.push_back({Sub->second, Whole->second});
  }
  return Out;
}

} // namespace

LoopOutcome planArrayReduction(PlanContext &PC, const LoopShape &L,
                               const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                               std::string &WhyNot) {
  std::vector<ElementStep> Steps = collectElementSteps(L);
  if (Steps.empty() || updatesOwnElements(PC, L, Steps))
    return LoopOutcome::NotThisKind;
  ASTContext &Ctx = PC.Ctx;
  std::vector<ArrayAccumulator> Arrays;
  llvm::SmallPtrSet<const Expr *, 8> Elements; // skipped by the effect scan
  llvm::SmallPtrSet<const Stmt *, 4> Inner;    // inner loops with steps
  for (const ElementStep &S : Steps) {
    if (S.Checked) {
      // The serial loop stops at the first index out of range, with the
      // counts before it in the array, which a handler may read; the
      // leaves' partial copies would be dropped instead.
      WhyNot = "'" + S.Array->getName().str() + ".at' checks its index and may throw, and the "
               "serial loop does not run the later iterations then";
      return LoopOutcome::Refused;
    }
    if (S.ClassIndex) {
      WhyNot = "the index of " + quoted(S.Array) + " has type '" +
               typeName(S.Index->IgnoreUnlessSpelledInSource()->getType(), Ctx) +
               "', whose conversion to an index may differ for the private copy, a "
               "'std::vector'";
      return LoopOutcome::Refused;
    }
    auto It = llvm::find_if(Arrays, [&](const ArrayAccumulator &A) {
      return A.Array == S.Array && A.Member == S.Member;
    });
    // An array accumulated both whole and by members (`++g[b]` cannot
    // compile beside `g[b].n += 1`, but an element's own operators could).
    if (llvm::any_of(Arrays, [&](const ArrayAccumulator &A) {
          return A.Array == S.Array && !A.Member != !S.Member;
        })) {
      WhyNot = "the elements of " + quoted(S.Array) + " are updated both whole and by members";
      return LoopOutcome::Refused;
    }
    if (It == Arrays.end())
      It = Arrays.insert(Arrays.end(),
                         ArrayAccumulator{S.Array, S.Member, S.Op,
                                          S.Member ? S.Member->getType()
                                                   : elementType(Ctx, S.Array->getType()),
                                          {}});
    else if (It->Op != S.Op) {
      WhyNot = "the elements of '" + It->name() + "' are combined with both '" +
               shapes::opName(It->Op).str() + "' and '" + shapes::opName(S.Op).str() + "'";
      return LoopOutcome::Refused;
    }
    It->Refs.push_back(S.Ref);
    Elements.insert(S.Element);
    Inner.insert(S.Loops.begin(), S.Loops.end());
  }

  // What the body does besides its steps: the steps' elements are skipped
  // whole, so their indices are scanned on their own (an index reading the
  // array, `h[h[0]]`, is a read of a partial copy).
  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Elements);
  for (const ElementStep &S : Steps)
    Fx.merge(DepScanner(PC).scan(S.Index));
  for (const ArrayAccumulator &A : Arrays) {
    // The steps into every member of the array are its uses together.
    llvm::SmallVector<const Expr *, 8> Refs;
    for (const ArrayAccumulator &B : Arrays)
      if (B.Array == A.Array)
        Refs.append(B.Refs.begin(), B.Refs.end());
    if (std::string Why = accumulatorUseReason(PC, L, A.Array, Refs, Fx); !Why.empty()) {
      WhyNot = Why;
      return LoopOutcome::Refused;
    }
    if (std::string Why = accumulatorReason(A.Array, Escaped, L); !Why.empty()) {
      WhyNot = Why;
      return LoopOutcome::Refused;
    }
    if (std::string Why = elementTypeReason(PC, A); !Why.empty()) {
      WhyNot = Why;
      return LoopOutcome::Refused;
    }
  }
  for (const ElementStep &S : Steps) {
    if (!S.Value)
      continue;
    auto It = llvm::find_if(Arrays, [&](const ArrayAccumulator &A) {
      return A.Array == S.Array && A.Member == S.Member;
    });
    QualType V = S.Value->IgnoreParenImpCasts()->getType();
    if (std::string P = conversionProblem(Ctx, "the elements of '" + It->name() + "'", It->Element,
                                          V, S.Op);
        !P.empty()) {
      WhyNot = P;
      return LoopOutcome::Refused;
    }
  }
  SourceLocation Loc = L.Loop->getBeginLoc();
  bool Rounds = llvm::any_of(Arrays, [](const ArrayAccumulator &A) {
    return A.Element->isRealFloatingType();
  });
  // The last checks every reduction makes, in its order: what else the
  // body writes, the floating-point policy, throws, too little work.
  std::string Why = bodyEffectReason(Fx, L);
  if (auto Product = llvm::find_if(Arrays, [](const ArrayAccumulator &A) {
        return A.Op == ReduceOp::Mul && A.Element->isRealFloatingType();
      });
      Why.empty() && Product != Arrays.end())
    Why = floatingProductReason("the elements of '" + Product->name() +
                                "' are floating-point products");
  if (Why.empty() && Rounds && !PC.Config.ReassociateFloatingPoint) {
    auto Floating = llvm::find_if(Arrays, [](const ArrayAccumulator &A) {
      return A.Element->isRealFloatingType();
    });
    if (auto D = PC.remark(Loc, Diag::RemarkFpKeptSerial))
      *D << "the elements of '" + Floating->name() + "'";
    WhyNot.clear();
    return LoopOutcome::Refused;
  }
  if (Why.empty())
    Why = sharingRefusal(PC, L);
  if (!Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  // Every name of an array in the body is one of its steps' (anything else
  // was refused above): each becomes the leaf's private copy.
  std::vector<std::vector<std::pair<unsigned, unsigned>>> References;
  for (const ArrayAccumulator &A : Arrays) {
    // `g[e].sum` becomes `P[e]`: the name is renamed and the member
    // dropped after the subscript.
    auto Spans = A.Member ? memberSpans(PC, Steps, A) : referenceSpans(PC, L.Body, A.Array);
    if (!Spans) {
      WhyNot = quoted(A.Array) + " is written in a macro in the loop body, where its private "
                                 "copy cannot be given a name of its own";
      return LoopOutcome::Refused;
    }
    References.push_back(std::move(*Spans));
  }

  // The generated code (one array; several are a std::tuple of copies):
  //   { auto R = ::purecc::parallel_reduce_in_place(B, E,
  //       std::vector<T>(std::size(h), ID),
  //       [&](std::vector<T> &P, std::int64_t i0) { <index> <body with h renamed P> },
  //       [](std::vector<T> &L, std::vector<T> &&R) { for (k...) L[k] op= R[k]; });
  //     for (std::size_t k = 0; k < R.size(); ++k) h[k] op= R[k]; }
  shapes::Index Idx = makeIndex(PC, L);
  std::string K = PC.freshName("k"), Result = PC.freshName("r"), Lhs = PC.unusedName("lhs"),
              Rhs = PC.unusedName("rhs"), Parts = PC.unusedName("p");
  bool Single = Arrays.size() == 1;
  std::vector<std::string> Privates, Copies, Types, ElementTypes;
  for (const ArrayAccumulator &A : Arrays) {
    std::string T = PC.typeText(A.Element.getUnqualifiedType());
    shapes::Accumulator Acc{"", "", T, A.Op, false, false, A.Element->isRealFloatingType(), false};
    if (shapes::needsLimits(A.Op))
      PC.P.ExtraIncludes.insert("limits");
    Privates.push_back(PC.freshNumbered("acc"));
    Acc.Wraps = A.Element->isIntegerType() && !A.Element->isBooleanType();
    ElementTypes.push_back(T);
    Types.push_back("std::vector<" + shapes::privateType(Acc) + ">");
    Copies.push_back(Types.back() + "(std::size(" + A.Array->getName().str() + "), " +
                     shapes::identity(Acc) + ")");
  }
  PC.P.ExtraIncludes.insert("vector");
  PC.P.ExtraIncludes.insert("iterator");
  if (!Single)
    PC.P.ExtraIncludes.insert("tuple");
  std::string Value = Single ? Types[0] : "std::tuple<" + llvm::join(Types, ", ") + ">";
  auto Part = [&](size_t I, const std::string &Whole) {
    return Single ? Whole : "std::get<" + std::to_string(I) + ">(" + Whole + ")";
  };
  // An integer element's '+' and '*' wrap as the serial steps may (adv46
  // t14, t19, t21: `int h[16]; h[b] += 3000000u;`, `unsigned short` '*').
  // The merge into the user's array adds a floating element at run time
  // (shapes::mergeStmt); the join of two private copies adds values the
  // compiler cannot know, and stays a loop it may vectorize.
  enum class FoldTarget { Copy, UsersArray };
  auto FoldLoop = [&](size_t I, const std::string &Into, const std::string &From,
                      FoldTarget Target) {
    std::string Head = "for (std::size_t " + K + " = 0; " + K + " < " + From + ".size(); ++" +
                       K + ") ";
    std::string Member = Target == FoldTarget::UsersArray && Arrays[I].Member
                             ? "." + Arrays[I].Member->getName().str()
                             : "";
    shapes::Accumulator Element{Into + "[" + K + "]" + Member, "", ElementTypes[I], Arrays[I].Op};
    Element.Wraps = Arrays[I].Element->isIntegerType() && !Arrays[I].Element->isBooleanType();
    Element.Floating = Target == FoldTarget::UsersArray && Arrays[I].Element->isRealFloatingType();
    return Head + shapes::mergeStmt(Element, From + "[" + K + "]");
  };
  std::string Head = "{ auto " + Result + " = ::purecc::parallel_reduce_in_place(" + L.Begin +
                     ", " + L.End + ", " +
                     (Single ? Copies[0] : Value + "{" + llvm::join(Copies, ", ") + "}") +
                     ", [&](" + Value + " &" + (Single ? Privates[0] : Parts) + ", std::int64_t" +
                     (Idx.Param.empty() ? "" : " " + Idx.Param) + ") { ";
  if (!Single)
    for (size_t I = 0; I < Arrays.size(); ++I)
      Head += "auto &" + Privates[I] + " = " + Part(I, Parts) + "; ";
  Head += Idx.Declaration;
  std::string Join, Merge;
  for (size_t I = 0; I < Arrays.size(); ++I) {
    Join += (I ? " " : "") + FoldLoop(I, Part(I, Lhs), Part(I, Rhs), FoldTarget::Copy);
    Merge += " " + FoldLoop(I, Arrays[I].Array->getName().str(), Part(I, Result),
                            FoldTarget::UsersArray);
  }
  bool Block = isa<CompoundStmt>(L.Body);
  size_t FirstEdit = PC.P.Edits.size();
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC, Head + (Block ? "" : "{"), L.HeaderEnd));
  for (size_t I = 0; I < Arrays.size(); ++I)
    for (size_t J = 0; J < References[I].size(); ++J) {
      // A member step's spans alternate: its name, then its member.
      bool MemberPart = Arrays[I].Member && J % 2 == 1;
      PC.replace(References[I][J].first, References[I][J].second, MemberPart ? "" : Privates[I]);
    }
  endIterationsEarly(PC, L, "return");
  std::string Grain = loopGrain(L);
  PC.insert(L.BodyEnd, std::string(Block ? "" : " }") + " }, [](" + Value + " &" + Lhs + ", " +
                           Value + " &&" + Rhs + ") { " + Join + " }" +
                           (Grain.empty() ? "" : ", " + Grain) + ");" + Merge + " }");
  // Floating-point elements are tree sums: the serial clone must round the
  // same way (bits independent of the path), as for a scalar reduction.
  if (Rounds)
    for (size_t I = FirstEdit; I < PC.P.Edits.size(); ++I)
      PC.P.Edits[I].RepeatInSerialClone = true;
  PC.Absorbed.insert(Inner.begin(), Inner.end());
  std::vector<std::string> Names;
  std::string Detail;
  for (const ArrayAccumulator &A : Arrays) {
    Names.push_back(A.Member ? A.name() : displayName(A.Array));
    Detail += (Detail.empty() ? "" : " ") + A.Array->getName().str() + "[]" +
              (A.Member ? "." + A.Member->getName().str() : "") + ":" + shapes::opName(A.Op).str();
  }
  if (auto D = PC.remark(Loc, Diag::RemarkArrayReduction))
    *D << quotedList(Names);
  PC.note(Loc, Transform::ArrayReductions, Detail);
  return LoopOutcome::Rewritten;
}

} // namespace purecc
