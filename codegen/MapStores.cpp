//===- MapStores.cpp - the element stores a map's loop body makes ---------===//
#include "MapStores.h"
#include "Subscripts.h"
#include "TripCounts.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "MapMembers.h"
#include "MapRefusals.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace purecc {
namespace {

/// E without parentheses and value-keeping conversions (lvalue-to-rvalue,
/// integer conversions to a type at least as wide: injective ones), implicit
/// or written (`static_cast<std::size_t>(i)`, `(unsigned long)i`).
const Expr *stripKeepingValues(ASTContext &Ctx, const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    const auto *IC = dyn_cast<CastExpr>(E);
    if (!IC || !(isa<ImplicitCastExpr>(IC) || isa<CStyleCastExpr>(IC) ||
                 isa<CXXStaticCastExpr>(IC) || isa<CXXFunctionalCastExpr>(IC)))
      return E;
    CastKind K = IC->getCastKind();
    const Expr *Sub = IC->getSubExpr();
    if (K == CK_IntegralCast &&
        (!Sub->getType()->isIntegerType() || !IC->getType()->isIntegerType() ||
         Ctx.getIntWidth(IC->getType()) < Ctx.getIntWidth(Sub->getType())))
      return E;
    if (K != CK_IntegralCast && K != CK_LValueToRValue && K != CK_NoOp)
      return E;
    E = Sub;
  }
}

/// Whether index E takes a different value for every value of the counter
/// I: `i`, `c - i`, `i + c`, `a * i + b`, `-i` with c, b loop-invariant
/// (collected in Invariants for the caller to check) and a a constant other
/// than 0. Adding a constant or negating is a bijection modulo 2^W, and so is
/// multiplying by an odd constant (it has an inverse modulo 2^W). An even
/// factor needs a signed type, where the product cannot wrap around (overflow
/// is undefined): in an unsigned type, `2 * i` and `2 * (i + 2^(W-1))` are
/// one element, unless the counter is narrower than the product's type
/// (`static_cast<std::size_t>(i) * 400` with an 'int i'): its values differ
/// by less than 2^Wi, so no two of them collide while the factor has at most
/// W - Wi trailing zero bits; or the product is 64-bit, the factor below 64
/// and the counter takes Consecutive values (counts up by one): two of its
/// iterations then meet only 2^58 iterations apart, each of those writing
/// an element of its own, an array larger than any 64-bit address space
/// (2^57 bytes with 5-level paging) holds. When E has a factor that stops
/// it, Why names the factor.
bool isInjectiveIndex(PlanContext &PC, const Expr *E, const VarDecl *I,
                      llvm::SmallVectorImpl<const Expr *> &Invariants, std::string &Why,
                      bool Consecutive) {
  ASTContext &Ctx = PC.Ctx;
  E = stripKeepingValues(Ctx, E);
  if (refersTo(E) == I && !isa<ImplicitCastExpr>(E))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Minus &&
           isInjectiveIndex(PC, UO->getSubExpr(), I, Invariants, Why, Consecutive);
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->getType()->isIntegerType())
    return false;
  const Expr *L = BO->getLHS(), *R = BO->getRHS();
  switch (BO->getOpcode()) {
  case BO_Add:
  case BO_Sub:
    if (isInjectiveIndex(PC, L, I, Invariants, Why, Consecutive)) {
      Invariants.push_back(R);
      return true;
    }
    if (!Why.empty())
      return false;
    if (isInjectiveIndex(PC, R, I, Invariants, Why, Consecutive)) {
      Invariants.push_back(L);
      return true;
    }
    return false;
  case BO_Mul: {
    for (int Side = 0; Side < 2; ++Side) {
      const Expr *Factor = Side ? L : R, *Rest = Side ? R : L;
      llvm::SmallVector<const Expr *, 2> Ignored;
      std::string RestWhy;
      if (!isInjectiveIndex(PC, Rest, I, Ignored, RestWhy, Consecutive))
        continue;
      std::string FactorText = PC.text(Factor->getSourceRange()).value_or("the factor");
      Expr::EvalResult V;
      if (Factor->isValueDependent() || !Factor->EvaluateAsInt(V, Ctx)) {
        if (mentions(Factor, I))
          return false;
        Why = "multiplies " + quoted(I) + " by '" + FactorText +
              "', which is not a constant: where it is 0, every iteration writes one element";
        return false;
      }
      const llvm::APSInt &A = V.Val.getInt();
      if (A.isZero())
        return false;
      // The counter widened (`static_cast<std::size_t>(i) * 2` with an
      // 'int i'): two of its values differ by less than 2^Wi, so a * (x - y)
      // is a multiple of 2^W only when 2^(W - Wi) divides a (user41 t02).
      bool Widened = false, BeyondMemory = false;
      if (const Expr *Counter = stripKeepingValues(Ctx, Rest); refersTo(Counter) == I) {
        unsigned Wi = Ctx.getIntWidth(I->getType().getNonReferenceType());
        unsigned W = Ctx.getIntWidth(BO->getType());
        Widened = Wi < W && A.countr_zero() <= W - Wi;
        BeyondMemory = Consecutive && W == 64 && A.getActiveBits() <= 6;
      }
      if (A[0] == 0 && !BO->getType()->isSignedIntegerType() && !Widened && !BeyondMemory) {
        Why = "multiplies " + quoted(I) + " by " + FactorText + " in the unsigned type '" +
              BO->getType().getAsString(Ctx.getPrintingPolicy()) +
              "', where the product may wrap around so that two iterations write one element "
              "(a signed counter's cannot: its overflow is undefined)";
        return false;
      }
      return isInjectiveIndex(PC, Rest, I, Invariants, Why, Consecutive);
    }
    return false;
  }
  default:
    return false;
  }
}

const Expr *indexOf(const Expr *LHS, const Expr *&Base) {
  LHS = LHS->IgnoreParenImpCasts();
  // A proxy reference with a destructor (std::bitset's `bs[i] = x`) is a
  // bound temporary.
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(LHS))
    LHS = BT->getSubExpr()->IgnoreParenImpCasts();
  Subscript S = subscriptParts(LHS);
  if (S)
    Base = S.Base;
  return S.Index;
}

/// The member E indexes when E is an element of an array or 'std::array'
/// that is a member reached with '.' (`q[i].b[k]`, `s.a[2]`), or null.
const Expr *arrayMemberIndexed(const Expr *E) {
  const Expr *Base = nullptr;
  if (!indexOf(E, Base))
    return nullptr;
  Base = Base->IgnoreParenImpCasts();
  const auto *ME = dyn_cast<MemberExpr>(Base);
  // `h.arr[i]` of a variable's member is an element of the container
  // 'h.arr' (elementPath), not a part of an element.
  if (!ME || ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()) || memberPathOf(Base))
    return nullptr;
  QualType T = ME->getType().getNonReferenceType();
  const auto *RD = T->getAsCXXRecordDecl();
  bool StdArray = RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "array";
  return T->isConstantArrayType() || StdArray ? Base : nullptr;
}

/// The object whose part LHS is: `out[i]` of `out[i].x`, `pts[i].p.y` and
/// `std::get<1>(t[i])`; LHS itself when it is no part of an object. A
/// part is a member reached with '.' (of a struct or a union, a bit-field
/// too: adjacent bit-fields share storage only inside one object, and the
/// element is this iteration's alone) or a part a standard pair, tuple or
/// array hands out. A member that is a reference is no part: the store
/// goes wherever it refers (Why says so).
const Expr *wholeObjectOf(PlanContext &PC, const Expr *LHS, std::string &Why) {
  const Expr *E = LHS->IgnoreParenImpCasts();
  while (true) {
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD)
        return E;
      if (FD->getType()->isReferenceType() && Why.empty())
        Why = "'" + PC.text(LHS->getSourceRange()).value_or(FD->getNameAsString()) +
              "' stores through the reference member " + quoted(FD) +
              ", which may refer to anything, not only to a part of the element";
      E = ME->getBase()->IgnoreParenImpCasts();
      continue;
    }
    // `q[i].b[k]` with `b` an array or 'std::array' member: any element of
    // it lies inside the object, whatever k is.
    if (const Expr *Member = arrayMemberIndexed(E)) {
      E = Member;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && isPartGetter(Call)) {
      E = Call->getArg(0)->IgnoreParenImpCasts();
      if (holdsReference(E->getType()) && Why.empty())
        Why = "'" + PC.text(LHS->getSourceRange()).value_or("std::get") + "' stores through a " +
              "reference that '" +
              E->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType().getAsString(
                  PC.Ctx.getPrintingPolicy()) +
              "' holds, which may refer to anything, not only to a part of the element";
      continue;
    }
    return E;
  }
}

class StoreFinder : public RecursiveASTVisitor<StoreFinder> {
public:
  StoreFinder(PlanContext &PC, const LoopShape &L, std::vector<Store> &Out)
      : PC(PC), L(L), Out(Out) {}
  bool shouldVisitLambdaBody() const { return false; }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      consider(BO->getLHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp())
      consider(Op->getArg(0));
    return true;
  }
  // `++c[i]` stores into its element as `c[i] += 1` does (user46 k01).
  // Only at an index of the iteration's own: `++h[bucket(i)]` is a
  // histogram's step (ArrayReductions.h), whose refusals say more.
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (!UO->isIncrementDecrementOp())
      return true;
    size_t Before = Out.size();
    consider(UO->getSubExpr());
    if (Out.size() > Before && !Out.back().DistinctIndex)
      Out.pop_back();
    return true;
  }

private:
  /// A store into LHS, or into a part of the object LHS is part of
  /// (`out[i].x`, `std::get<1>(t[i])`): the element is the object, LHS the
  /// store's target.
  void consider(const Expr *LHS) {
    std::string PartWhy;
    const Expr *Whole = wholeObjectOf(PC, LHS, PartWhy);
    std::optional<Store> S = storeInto(Whole);
    if (!S)
      return;
    S->Target = LHS;
    if (S->Refusal.empty())
      S->Refusal = PartWhy;
    Out.push_back(std::move(*S));
  }

  std::optional<Store> storeInto(const Expr *LHS) {
    if (L.Element && L.Element->getType()->isReferenceType())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
          DRE && DRE->getDecl() == L.Element) {
        Store S(LHS, L.Range, true);
        if (!describeRange(S))
          return S;
        if (!bindsElementItself(L.Element)) {
          // `for (long &x : rv)` over `std::reference_wrapper<long>`
          // elements: x is what the conversion returns, which every element
          // may share (adv20: a map storing into one variable).
          S.DistinctIndex = false;
          S.Refusal = quoted(L.Element) +
                      " is bound to what a conversion of the element returns, not to the "
                      "element: two elements may refer to one object, so two iterations may "
                      "write it";
        }
        return S;
      }
    if (std::optional<Store> S = bindingStore(LHS))
      return S;
    if (std::optional<Store> S = rowElementStore(LHS))
      return S;
    std::optional<ElementPath> P = elementPath(LHS);
    if (!P)
      return std::nullopt;
    if (std::optional<Store> S = rowStore(LHS, *P))
      return S;
    if (P->Unnamed) {
      // `(*po)[i] = ...`: the container is wherever po points.
      std::string Why = throughPointerReason(PC, LHS, P->Unnamed);
      if (Why.empty())
        return std::nullopt;
      Store S{LHS, nullptr, false};
      S.Refusal = Why;
      return S;
    }
    const VarDecl *X = P->Container;
    if ((!X && !P->Member) || (X && L.Body_.Locals.contains(X)))
      return std::nullopt;
    Store S{LHS, X, false, P->Index};
    if (P->Member && !describeMember(S, *P->Member))
      return S;
    if (X && X == L.Element && X->getType()->isPointerType()) {
      // `for (long *row : ptrs) row[j] = ...`: the rows are pointers, which
      // may all point to one array.
      S.Refusal = "'" + PC.text(LHS->getSourceRange()).value_or("the element") +
                  "' writes through " + quoted(X) +
                  ", a pointer that an element holds: which object it refers to is not "
                  "followed, and two elements may refer to one";
      return S;
    }
    S.InnerIndexes = P->Inner;
    S.Rows = P->Rows;
    S.DistinctIndex = L.Induction &&
                      isInjectiveIndex(PC, P->Index, L.Induction, S.Invariants, S.WhyNotDistinct,
                                       L.IndexValue.empty());
    if (std::string Why = rowReason(PC, X, S.Rows); !Why.empty())
      S.Refusal = Why;
    else if (!S.DistinctIndex && S.WhyNotDistinct.empty() && !S.InnerIndexes.empty() &&
             sameInEveryIteration(P->Index))
      intoFixedRow(S);
    return S;
  }

  /// `g[i][j] = ...` in the loop over j (the outer loop over i not shared,
  /// or no loop at all): every iteration writes the one row `g[i]`, at the
  /// element its own index picks.
  void intoFixedRow(Store &S) {
    S.Row = S.Rows.front();
    S.Index = S.InnerIndexes.front();
    S.InnerIndexes.erase(S.InnerIndexes.begin());
    S.Rows.erase(S.Rows.begin());
    S.Invariants.clear();
    S.DistinctIndex = L.Induction && isInjectiveIndex(PC, S.Index, L.Induction, S.Invariants,
                                                      S.WhyNotDistinct, L.IndexValue.empty());
    // A row of bits packs its elements into shared words.
    if (packsBits(S.Row->getType().getNonReferenceType()))
      S.Refusal = "the elements of the row '" + PC.text(S.Row->getSourceRange()).value_or("") +
                  "' (a 'std::vector<bool>') share storage";
  }

  /// Whether E has one value in the whole loop: it reads neither the
  /// counter nor anything the body writes or declares, and has no effect.
  bool sameInEveryIteration(const Expr *E) {
    StmtDeps Fx = DepScanner(PC).scan(E);
    if (!Fx.isEffectFree() || (Fx.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall)))
      return false;
    return llvm::none_of(Fx.Reads, [&](const VarDecl *VD) {
      return VD == L.Induction || L.Body_.Writes.contains(VD) || L.Body_.Locals.contains(VD);
    });
  }

  /// Makes S a store into the range-for's container when that is reached
  /// through members (`for (auto &x : h.v)`); false when S is refused
  /// then (Refusal says why).
  bool describeRange(Store &S) {
    if (std::optional<MemberPath> P = L.RangeExpr ? memberPathOf(L.RangeExpr) : std::nullopt)
      return describeMember(S, *P);
    return true;
  }

  /// The range-for's element when it is a row taken by reference
  /// (`for (auto &row : g)`), or null.
  const VarDecl *rowElement() const {
    return L.Element && L.RangeExpr && L.Element->getType()->isReferenceType() ? L.Element
                                                                                : nullptr;
  }

  /// `x = ...` with `x` the reference loop variable of an inner range-for
  /// over the row (`for (auto &row : g) for (auto &x : row) x = f(x);`): a
  /// store into the row, which only this iteration touches, like
  /// `out[i][j]` of a counted nest.
  std::optional<Store> rowElementStore(const Expr *LHS) {
    const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
    const auto *X = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    const VarDecl *Row = rowElement();
    if (!X || !Row || !X->getType()->isReferenceType())
      return std::nullopt;
    const CXXForRangeStmt *Inner = rangeForOf(L.Body, X);
    if (!Inner || refersTo(Inner->getRangeInit()) != Row)
      return std::nullopt;
    Store S{LHS, L.Range, true};
    if (!describeRange(S))
      return S;
    S.Rows.push_back(Inner->getRangeInit()->IgnoreParenImpCasts());
    S.RowLoop = Inner;
    if (std::string Why = rowReason(PC, L.Range, S.Rows); !Why.empty())
      S.Refusal = Why;
    return S;
  }

  /// `row[j] = ...` with `row` the range-for's element taken by reference
  /// (`for (auto &r : g) for (j ...) r[j] = f(j);`): a store into the row.
  std::optional<Store> rowStore(const Expr *LHS, const ElementPath &P) {
    const VarDecl *Row = rowElement();
    if (!Row || P.Container != Row)
      return std::nullopt;
    Store S{LHS, L.Range, true};
    if (!describeRange(S))
      return S;
    S.InnerIndexes.push_back(P.Index);
    S.InnerIndexes.append(P.Inner.begin(), P.Inner.end());
    S.Rows.push_back(indexBase(LHS, P));
    S.Rows.append(P.Rows.begin(), P.Rows.end());
    if (std::string Why = rowReason(PC, L.Range, S.Rows); !Why.empty())
      S.Refusal = Why;
    return S;
  }

  /// The named row of P, `row` of `row[j][k]`.
  static const Expr *indexBase(const Expr *LHS, const ElementPath &P) {
    const Expr *Base = LHS;
    for (size_t K = 0; K <= P.Inner.size(); ++K) {
      const Expr *Outer = nullptr;
      indexOf(Base, Outer);
      Base = Outer;
    }
    return Base->IgnoreParenImpCasts();
  }

  /// `v = ...` with `v` a structured binding of the range-for's element
  /// bound by reference (`for (auto &[k, v] : kv)`): a store into a member
  /// of the element, when the binding names a member (a struct's, an
  /// array's element, or std::get of a standard pair, tuple or array);
  /// null for anything else. A tuple protocol of the user's own (a `get`
  /// it writes) may hand out a reference to anything: refused.
  std::optional<Store> bindingStore(const Expr *LHS) {
    const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
    const auto *BD = DRE ? dyn_cast<BindingDecl>(DRE->getDecl()) : nullptr;
    if (!BD || !L.Element || BD->getDecomposedDecl() != L.Element ||
        !L.Element->getType()->isReferenceType())
      return std::nullopt;
    Store Binding{LHS, L.Range, true};
    if (!describeRange(Binding))
      return Binding;
    const CXXRecordDecl *RD = L.Element->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (bindsReference(BD)) {
      // `std::tuple<long &, long>`, `struct R { long &v; }`: the part is a
      // reference the element holds, and every element may hold the same
      // one (adv20: a map storing into one variable from every thread).
      Binding.DistinctIndex = false;
      Binding.Refusal = "'" + BD->getNameAsString() +
                        "' names a reference that the element holds, not a part of the element: "
                        "two elements may refer to one object, so two iterations may write it";
    } else if (BD->getHoldingVar() && RD && !inStd(RD)) {
      Binding.DistinctIndex = false;
      Binding.Refusal = "'" + BD->getNameAsString() + "' is bound through the tuple protocol of " +
                        quoted(RD) +
                        " (its 'get'), which may refer to anything, not only to the element";
    }
    return Binding;
  }
  /// Whether the range-for's reference variable binds to the element
  /// itself (`*__begin`), rather than to what a conversion of it returns.
  static bool bindsElementItself(const VarDecl *Element) {
    const Expr *Init = Element->getInit();
    if (!Init)
      return false;
    Init = Init->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Init);
        Cast && (Cast->getCastKind() == CK_NoOp || Cast->getCastKind() == CK_LValueToRValue))
      Init = Cast->getSubExpr()->IgnoreParens();
    if (const auto *UO = dyn_cast<UnaryOperator>(Init))
      return UO->getOpcode() == UO_Deref;
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Init);
    return Op && Op->getOperator() == OO_Star;
  }
  /// Whether BD names a reference member of the element rather than a
  /// part of it: a tuple-like binding's type is `std::tuple_element<I, E>::
  /// type` (`long &` for a `std::tuple<long &, long>`), a struct binding
  /// stands for a member access whose member may be declared a reference.
  static bool bindsReference(const BindingDecl *BD) {
    if (BD->getHoldingVar())
      return BD->getType()->isReferenceType();
    const Expr *E = BD->getBinding();
    const auto *ME = E ? dyn_cast<MemberExpr>(E->IgnoreImplicit()) : nullptr;
    return ME && ME->getMemberDecl()->getType()->isReferenceType();
  }
  PlanContext &PC;
  const LoopShape &L;
  std::vector<Store> &Out;
};

} // namespace

std::optional<Interleaving> interleavedIndex(ASTContext &Ctx, const Expr *Index,
                                             const VarDecl *I, bool Consecutive) {
  auto Constant = [&](const Expr *E) { return smallConstant(Ctx, E); };
  const Expr *E = stripKeepingValues(Ctx, Index);
  std::int64_t Offset = 0;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) {
    if (std::optional<std::int64_t> O = Constant(BO->getRHS())) {
      Offset = BO->getOpcode() == BO_Add ? *O : -*O;
      E = stripKeepingValues(Ctx, BO->getLHS());
    } else if (std::optional<std::int64_t> O = BO->getOpcode() == BO_Add ? Constant(BO->getLHS())
                                                                          : std::nullopt) {
      Offset = *O;
      E = stripKeepingValues(Ctx, BO->getRHS());
    } else {
      return std::nullopt;
    }
  }
  const auto *Mul = dyn_cast<BinaryOperator>(E);
  if (!Mul || Mul->getOpcode() != BO_Mul || !Mul->getType()->isIntegerType())
    return std::nullopt;
  for (int Side = 0; Side < 2; ++Side) {
    const Expr *Factor = Side ? Mul->getLHS() : Mul->getRHS();
    const Expr *Rest = stripKeepingValues(Ctx, Side ? Mul->getRHS() : Mul->getLHS());
    std::optional<std::int64_t> K = Constant(Factor);
    if (!K || *K < 2 || refersTo(Rest) != I || isa<ImplicitCastExpr>(Rest))
      continue;
    unsigned W = Ctx.getIntWidth(Mul->getType());
    unsigned Wi = Ctx.getIntWidth(I->getType().getNonReferenceType());
    // Two values of I differ by less than 2^Wi: K times that, plus less
    // than K, stays below 2^W when K < 2^(W - Wi - 1).
    bool Room = Wi + 1 < W && W - Wi - 1 < 63 && *K < (std::int64_t(1) << (W - Wi - 1));
    bool BeyondMemory = Consecutive && W == 64 && *K < 64;
    if (!Mul->getType()->isSignedIntegerType() && !Room && !BeyondMemory)
      return std::nullopt;
    return Interleaving{*K, Offset};
  }
  return std::nullopt;
}

QualType containerType(const Store &S) {
  return S.Path.empty() ? S.Container->getType() : S.Type;
}
std::string containerName(const Store &S) {
  return S.Path.empty() ? quoted(S.Container) : "'" + S.Name + "'";
}


std::optional<ElementPath> elementPath(const Expr *E) {
  const Expr *Base = nullptr;
  const Expr *Idx = indexOf(E, Base);
  if (!Idx)
    return std::nullopt;
  ElementPath P;
  while (!refersTo(Base)) {
    const Expr *Outer = nullptr;
    const Expr *OuterIdx = indexOf(Base, Outer);
    if (!OuterIdx) {
      if ((P.Member = memberPathOf(Base)))
        break;
      P.Unnamed = Base->IgnoreParenImpCasts();
      break;
    }
    P.Inner.insert(P.Inner.begin(), Idx);
    P.Rows.insert(P.Rows.begin(), Base->IgnoreParenImpCasts());
    Idx = OuterIdx;
    Base = Outer;
  }
  P.Index = Idx;
  P.Container = P.Unnamed ? nullptr : P.Member ? P.Member->Root : refersTo(Base);
  return P;
}

std::vector<Store> findStores(PlanContext &PC, const LoopShape &L) {
  std::vector<Store> Stores;
  StoreFinder(PC, L, Stores).TraverseStmt(const_cast<Stmt *>(L.Body));
  return Stores;
}

} // namespace purecc
