//===- Maps.cpp - parallel-map: loops that write one element each ---------===//
#include "Maps.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "TaskRegistry.h"
#include "Containers.h"
#include "LoopBodies.h"
#include "Places.h"
#include "SameExpr.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// An element store `X[i] = ...` (or `x = ...` through a range-for reference).
struct Store {
  Store(const Expr *Target, const VarDecl *Container, bool DistinctIndex,
        const Expr *Index = nullptr)
      : Target(Target), Container(Container), DistinctIndex(DistinctIndex), Index(Index) {}
  const Expr *Target;       // the whole left-hand side
  const VarDecl *Container; // X (or the range); for a member container, its root
  /// A container reached through members (`h.v[i] = ...`): its path from
  /// Container (".v"; empty for X itself), its name ("h.v") and type.
  std::string Path, Name;
  clang::QualType Type;
  std::optional<MemberPath> Member;
  bool DistinctIndex;       // indexed by an injective function of the counter
  const Expr *Index = nullptr; // the index written (counted loops)
  /// The loop-invariant parts of Index (`n - 1` in `X[n - 1 - i]`).
  llvm::SmallVector<const Expr *, 2> Invariants;
  /// Why an index of the counter is not known to be injective, if it is not.
  std::string WhyNotDistinct;
  /// A store into a row, `out[i][j]` or `a[i][j][k]`: Index picks the row
  /// (`out[i]`), which no other iteration touches when Index is injective;
  /// these inner indexes (any expressions) pick the element inside it, and
  /// the row's elements are written serially by its own iteration. Empty
  /// for a store into an element of X itself.
  llvm::SmallVector<const Expr *, 2> InnerIndexes;
  /// The rows on the way to the element (`out[i]`, then `out[i][j]` of a
  /// 3-D store), outermost first: each must be an object of its own.
  llvm::SmallVector<const Expr *, 2> Rows;
  /// The one row of X that an inner loop writes (`g[i]` of `g[i][j]` in
  /// the loop over j, i the same in every iteration): Index then picks the
  /// element of that row, InnerIndexes and Rows go on from it. Null for a
  /// store whose Index picks an element of X itself.
  const Expr *Row = nullptr;
  /// The inner range-for over the row that writes it (`for (auto &x :
  /// row)`), part of the map like an inner counted loop.
  const clang::CXXForRangeStmt *RowLoop = nullptr;
  /// Why a store the loop makes cannot be a map's, whatever else holds (a
  /// container reached through a pointer); empty for the others.
  std::string Refusal;
};

/// E without parentheses and value-keeping conversions (lvalue-to-rvalue,
/// integer conversions to a type at least as wide: injective ones), implicit
/// or written (`static_cast<std::size_t>(i)`, `(unsigned long)i`).
/// The type of the container S writes, and how a remark names it.
QualType containerType(const Store &S) {
  return S.Path.empty() ? S.Container->getType() : S.Type;
}
std::string containerName(const Store &S) {
  return S.Path.empty() ? quoted(S.Container) : "'" + S.Name + "'";
}

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


/// Why an index is not known to take a different value in every iteration:
/// empty when it does, else a reason for the remark.
struct IndexVerdict {
  bool Injective = false;
  std::string Why; // set when the index has a factor purecc cannot prove nonzero or wrap-free
};

/// Whether index E takes a different value for every value of the counter
/// I: `i`, `c - i`, `i + c`, `a * i + b`, `-i` with c, b loop-invariant
/// (collected in Invariants for the caller to check) and a a constant other
/// than 0. Adding a constant or negating is a bijection modulo 2^W, and so is
/// multiplying by an odd constant (it has an inverse modulo 2^W). An even
/// factor needs a signed type, where the product cannot wrap around (overflow
/// is undefined): in an unsigned type, `2 * i` and `2 * (i + 2^(W-1))` are
/// one element. When E has a factor that stops it, Why names the factor.
bool isInjectiveIndex(PlanContext &PC, const Expr *E, const VarDecl *I,
                      llvm::SmallVectorImpl<const Expr *> &Invariants, std::string &Why) {
  ASTContext &Ctx = PC.Ctx;
  E = stripKeepingValues(Ctx, E);
  if (refersTo(E) == I && !isa<ImplicitCastExpr>(E))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Minus &&
           isInjectiveIndex(PC, UO->getSubExpr(), I, Invariants, Why);
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->getType()->isIntegerType())
    return false;
  const Expr *L = BO->getLHS(), *R = BO->getRHS();
  switch (BO->getOpcode()) {
  case BO_Add:
  case BO_Sub:
    if (isInjectiveIndex(PC, L, I, Invariants, Why)) {
      Invariants.push_back(R);
      return true;
    }
    if (!Why.empty())
      return false;
    if (isInjectiveIndex(PC, R, I, Invariants, Why)) {
      Invariants.push_back(L);
      return true;
    }
    return false;
  case BO_Mul: {
    for (int Side = 0; Side < 2; ++Side) {
      const Expr *Factor = Side ? L : R, *Rest = Side ? R : L;
      llvm::SmallVector<const Expr *, 2> Ignored;
      std::string RestWhy;
      if (!isInjectiveIndex(PC, Rest, I, Ignored, RestWhy))
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
      if (A[0] == 0 && !BO->getType()->isSignedIntegerType()) {
        Why = "multiplies " + quoted(I) + " by " + FactorText + " in the unsigned type '" +
              BO->getType().getAsString(Ctx.getPrintingPolicy()) +
              "', where the product may wrap around so that two iterations write one element "
              "(a signed counter's cannot: its overflow is undefined)";
        return false;
      }
      return isInjectiveIndex(PC, Rest, I, Invariants, Why);
    }
    return false;
  }
  default:
    return false;
  }
}

/// The calls `X.size()` among Part: a container's size, which a body that
/// writes X only by element does not change (any other use of X in the
/// body is refused on its own).
void collectSizesOf(const Stmt *Part, const VarDecl *X, llvm::SmallPtrSetImpl<const Expr *> &Out) {
  if (!Part)
    return;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Part))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == "size" && MC->getNumArgs() == 0 &&
        refersTo(MC->getImplicitObjectArgument()) == X) {
      Out.insert(MC);
      return;
    }
  for (const Stmt *Child : Part->children())
    collectSizesOf(Child, X, Out);
}

const Expr *indexOf(const Expr *LHS, const Expr *&Base) {
  LHS = LHS->IgnoreParenImpCasts();
  // A proxy reference with a destructor (std::bitset's `bs[i] = x`) is a
  // bound temporary.
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(LHS))
    LHS = BT->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(LHS)) {
    Base = AS->getBase();
    return AS->getIdx();
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(LHS); Op && Op->getOperator() == OO_Subscript) {
    Base = Op->getArg(0);
    return Op->getArg(1);
  }
  return nullptr;
}

/// An element reached by subscripts from a named container: `X[a]`, or
/// `X[a][b]...` through rows of X. Index is the outermost subscript (`a`),
/// Inner the inner subscripts, outermost first, and Rows the rows on the
/// way (`X[a]`, `X[a][b]`, ...).
struct ElementPath {
  const VarDecl *Container = nullptr;
  /// A container reached through members (`h.v[i]`, `v[i]` of a member):
  /// the path (Places.h); Container is its root, null for '*this'.
  std::optional<MemberPath> Member;
  const Expr *Index = nullptr;
  llvm::SmallVector<const Expr *, 2> Inner, Rows;
  /// The base when it is no named container: `*po` of `(*po)[i]`.
  const Expr *Unnamed = nullptr;
};

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

/// Why the container an element store reaches through a pointer (`(*po)[i]`,
/// `(*rows[i])[j]`) is not known to be one the loop does not otherwise
/// read, or empty when Base is no dereference.
std::string throughPointerReason(PlanContext &PC, const Expr *Target, const Expr *Base) {
  // `*po`, or a smart pointer's `*sp` (`(*row)[j]` with a `shared_ptr` row).
  const Expr *Held = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(Base); UO && UO->getOpcode() == UO_Deref)
    Held = UO->getSubExpr();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base);
           Op && Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
    Held = Op->getArg(0);
  if (!Held)
    return "";
  std::string Pointer = PC.text(Held->IgnoreParens()->getSourceRange()).value_or("a pointer");
  std::string Store = PC.text(Target->getSourceRange()).value_or("the element");
  return "'" + Store + "' writes through the pointer '" + Pointer +
         "', and which container it points to is not followed: the loop may read or write "
         "that container under another name";
}

/// Why the rows an element store goes through may not be objects of their
/// own, or empty: a row must be an array or an owning standard container
/// (`std::vector<std::vector<double>>`, `double[N][M]`); a pointer or a
/// view (`std::vector<double *>`, `std::vector<std::span<double>>`) may
/// refer to another row's storage, so two iterations may write one element.
std::string rowReason(PlanContext &PC, const VarDecl *X, llvm::ArrayRef<const Expr *> Rows) {
  for (const Expr *Row : Rows) {
    // Canonical: a row's type is the container's 'value_type'.
    QualType T = Row->getType().getNonReferenceType().getCanonicalType();
    ContainerKind K = containerKind(T);
    // A row of bits shares words only with itself (`std::vector<bool>` is
    // one object per row), and the row belongs to one iteration.
    if (K == ContainerKind::Owning || K == ContainerKind::CArray || packsBits(T))
      continue;
    std::string Text = PC.text(Row->getSourceRange()).value_or("the row");
    return "the rows of " + quoted(X) + " ('" + Text + "') are of type '" +
           T.getUnqualifiedType().getAsString(PC.Ctx.getPrintingPolicy()) +
           "', which does not own its elements: two rows may share storage, so two "
           "iterations may write one element";
  }
  return "";
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
                      isInjectiveIndex(PC, P->Index, L.Induction, S.Invariants, S.WhyNotDistinct);
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
                                                      S.WhyNotDistinct);
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

  /// Makes S a store into the member container P. Only a container of a
  /// local object is one that no other name reaches while the loop runs:
  /// through a reference or 'this' (or of a global), the loop may read the
  /// same object under another name (`Grid &a, Grid &b` may be one). False
  /// when S is refused (Refusal says why).
  static bool describeMember(Store &S, const MemberPath &P) {
    S.Member = P;
    S.Path = P.Path;
    S.Name = P.Name;
    S.Type = P.Type;
    S.Container = P.Root;
    if (P.Root && isOwnedLocal(P.Root))
      return true;
    std::string Of = !P.Root ? "'*this'"
                     : P.Root->getType()->isReferenceType()
                         ? "the object " + quoted(P.Root) + " refers to"
                         : quoted(P.Root);
    S.DistinctIndex = false;
    S.Refusal = "'" + P.Name + "' is a member of " + Of +
                ", not of a local object, so it may alias what the loop reads";
    return false;
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

/// The user's assignment operator that the loop's stores call on X's
/// elements (`out[i] = make(i)` with a user-written `P::operator=`), when
/// those calls are all the escapes of X that count for the loop: the
/// element's address is handed to code that may keep it, which is the
/// true reason, not an escape elsewhere.
const CXXMethodDecl *storeOperator(PlanContext &PC, const LoopShape &L, const VarDecl *X,
                                   const std::vector<Store> &Stores, const EscapeSites &Sites) {
  const CXXMethodDecl *Found = nullptr;
  for (const Stmt *Site : Sites.sitesDuring(X, L.Loop, PC)) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Site);
    if (!Op || !Op->isAssignmentOp() || Op->getNumArgs() != 2)
      return nullptr;
    bool OnStore = llvm::any_of(Stores, [&](const Store &S) {
      return S.Container == X &&
             S.Target->IgnoreParenImpCasts() == Op->getArg(0)->IgnoreParenImpCasts();
    });
    Found = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!OnStore || !Found)
      return nullptr;
  }
  return Found;
}

/// Whether A and B differ by a nonzero constant (`i - 1` and `i`, `r + 2`
/// and `r - 1`), so that they are never equal: A is `E + c` or `E - c` and
/// B is `E + d`, `E - d` or E, with c != d. In the index's own type an
/// offset smaller than the type's range cannot wrap around to equality.
bool differByConstant(ASTContext &Ctx, const Expr *A, const Expr *B) {
  auto Split = [&](const Expr *X, llvm::APSInt &Off) -> const Expr * {
    X = X->IgnoreParenImpCasts();
    Off = llvm::APSInt(llvm::APInt(64, 0), false);
    const auto *BO = dyn_cast<BinaryOperator>(X);
    Expr::EvalResult V;
    if (!BO || (BO->getOpcode() != BO_Add && BO->getOpcode() != BO_Sub) ||
        BO->getRHS()->isValueDependent() || !BO->getRHS()->EvaluateAsInt(V, Ctx) ||
        V.Val.getInt().getSignificantBits() > 32)
      return X;
    Off = V.Val.getInt().extOrTrunc(64);
    Off.setIsSigned(true);
    if (BO->getOpcode() == BO_Sub)
      Off = -Off;
    return BO->getLHS();
  };
  llvm::APSInt OffA, OffB;
  const Expr *BaseA = Split(A, OffA), *BaseB = Split(B, OffB);
  return OffA != OffB && sameExpr(Ctx, BaseA, BaseB);
}

/// The member path of the container P reaches (".v"), empty for a variable.
std::string pathOf(const ElementPath &P) { return P.Member ? P.Member->Path : std::string(); }

/// Whether a read P of the container whose one row St writes may see an
/// element of that row that another iteration writes. It may not when it
/// reads the element at St's own index, in any row (`g[k][j]`: in the row
/// written it is this iteration's element, in another row nothing the loop
/// writes), or a row that differs from the one written by a constant
/// (`g[i - 1][j + 1]`, `g[i + 1].size()`).
bool readsOtherElementOfRow(ASTContext &Ctx, const Store &St, const ElementPath &P) {
  std::optional<ElementPath> Written = elementPath(St.Row);
  if (!Written || mentions(P.Index, P.Container) ||
      llvm::any_of(P.Inner, [&](const Expr *I) { return mentions(I, P.Container); }))
    return true;
  if (!P.Inner.empty() && sameExpr(Ctx, P.Inner.front(), St.Index))
    return false;
  return !differByConstant(Ctx, P.Index, Written->Index) &&
         !differByConstant(Ctx, Written->Index, P.Index);
}

/// The reads of written elements in a counted loop's body: `X[e]` where X
/// is a container the loop stores into at `X[e]` (the same index written
/// the same way). An in-place map `v[i] = g(v[i])` reads only the element
/// its own iteration writes, which no other iteration touches; so does any
/// read of the row a 2-D map writes (`out[i][k]`, `out[i].size()`), whose
/// inner indexes are still looked into. Elements read at any other index
/// (`v[i + 1]`, `v[n - 1 - i]`, `out[i - 1][j]`) go to Other, whole, with
/// their container: they may be another iteration's. Lambdas' bodies are
/// not looked into (their captures are judged as reads of X on their own).
void collectElementReads(ASTContext &Ctx, const Stmt *S, const std::vector<Store> &Stores,
                         llvm::SmallPtrSetImpl<const Expr *> &Same,
                         llvm::SmallVectorImpl<std::pair<const Expr *, const VarDecl *>> &Other,
                         llvm::SmallVectorImpl<const Expr *> &IndexCode) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *E = dyn_cast<Expr>(S); E && E == E->IgnoreParenImpCasts())
    if (std::optional<ElementPath> P = elementPath(E); P && P->Container) {
      auto InRow = llvm::find_if(Stores, [&](const Store &St) {
        return St.Container == P->Container && St.Path == pathOf(*P) && St.Row;
      });
      if (InRow != Stores.end()) {
        if (!readsOtherElementOfRow(Ctx, *InRow, *P)) {
          Same.insert(E);
          IndexCode.push_back(P->Index);
          IndexCode.append(P->Inner.begin(), P->Inner.end());
        } else {
          Other.push_back({E, P->Container});
        }
        return;
      }
      bool Written = false, SameIndex = false;
      for (const Store &St : Stores)
        if (St.Container == P->Container && St.Path == pathOf(*P)) {
          Written = true;
          SameIndex = St.Index && sameExpr(Ctx, St.Index, P->Index);
          if (!SameIndex)
            break;
        }
      if (Written && SameIndex && !mentions(P->Index, P->Container)) {
        Same.insert(P->Rows.empty() ? E : P->Rows.front());
        for (const Expr *Inner : P->Inner)
          collectElementReads(Ctx, Inner, Stores, Same, Other, IndexCode);
        return;
      }
      if (Written)
        Other.push_back({E, P->Container});
    }
  for (const Stmt *Child : S->children())
    collectElementReads(Ctx, Child, Stores, Same, Other, IndexCode);
}

/// Adds to Out the loops inside S that run E (`for (j ...) out[i][j] = ...`
/// of a 2-D map); true when S contains E.
bool loopsAround(const Stmt *S, const Expr *E, llvm::SmallPtrSetImpl<const Stmt *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (S == E)
    return true;
  bool Found = false;
  for (const Stmt *Child : S->children())
    Found |= loopsAround(Child, E, Out);
  if (Found && isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S))
    Out.insert(S);
  return Found;
}

/// The standard keyed table T is (`std::map`, `std::unordered_map`), as
/// the user names it; empty for anything else. Its `operator[]` is a
/// search that may insert, not an element of a fixed sequence.
std::string keyedTable(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return "";
  llvm::StringRef N = RD->getName();
  if (N == "map" || N == "unordered_map")
    return ("std::" + N).str();
  return "";
}

/// `vv[0] += heavy(i)` on a `std::vector` (adv20 F-R5): the user wrote an
/// accumulation, not a map, into an element at a constant index of a
/// container whose elements a reduction does not take as accumulators
/// (Places.h: only a fixed array's or a 'std::array''s, whose element at a
/// constant index is a part of the object fixed by its type); empty for
/// any other store.
std::string fixedElementAccumulation(PlanContext &PC, const Store &S) {
  if (!S.Container || !S.Index || !S.InnerIndexes.empty() || S.Row ||
      !S.Index->isIntegerConstantExpr(PC.Ctx))
    return "";
  QualType T = containerType(S).getNonReferenceType();
  if (T->isArrayType())
    return "";
  if (const auto *RD = T->getAsCXXRecordDecl();
      !RD || (RD->isInStdNamespace() && RD->getName() == "array"))
    return "";
  DynTypedNodeList Ps = PC.Ctx.getParents(*S.Target);
  const Expr *User = Ps.empty() ? nullptr : Ps[0].get<Expr>();
  bool Accumulates = false;
  if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(User))
    Accumulates = CA->getLHS()->IgnoreParens() == S.Target->IgnoreParens();
  else if (const auto *U = dyn_cast_or_null<UnaryOperator>(User))
    Accumulates = U->isIncrementDecrementOp();
  std::optional<std::string> Text = PC.text(S.Target->getSourceRange());
  if (!Accumulates || !Text)
    return "";
  return "'" + *Text + "' accumulates into an element of " + containerName(S) + " (a '" +
         PC.typeText(T) +
         "'): a reduction accumulates into a variable, a member, or an element of an array or "
         "a 'std::array' at a constant index, not into an element of a container that may be "
         "resized";
}

/// Adds to Skip the reads in S of members of Root that lie apart from
/// every path in Paths (the containers the loop writes): `h.bias`, whose
/// value no iteration's store changes. Not in lambdas, whose captures are
/// judged on their own.
void collectApartReads(PlanContext &PC, const Stmt *S, const VarDecl *Root,
                       llvm::ArrayRef<MemberPath> Paths, llvm::SmallPtrSetImpl<const Expr *> &Skip) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
      Cast && Cast->getCastKind() == CK_LValueToRValue)
    if (std::optional<MemberPath> P = memberPathOf(Cast->getSubExpr());
        P && P->Root == Root && llvm::all_of(Paths, [&](const MemberPath &Written) {
          return isApartFrom(Cast->getSubExpr(), Written);
        })) {
      Skip.insert(Cast->getSubExpr()->IgnoreParens());
      return;
    }
  for (const Stmt *Child : S->children())
    collectApartReads(PC, Child, Root, Paths, Skip);
}

} // namespace

LoopOutcome planMap(PlanContext &PC, const LoopShape &L,
                    const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                    const EscapeSites &Sites, std::string &WhyNot) {
  std::vector<Store> Stores;
  StoreFinder(PC, L, Stores).TraverseStmt(const_cast<Stmt *>(L.Body));
  if (Stores.empty())
    return LoopOutcome::NotThisKind;

  llvm::SmallPtrSet<const Expr *, 4> Targets;
  // In the order of the stores in the body (remarks name them in it).
  llvm::SmallSetVector<const VarDecl *, 4> Containers;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<MemberPath, 1>> MemberPaths;
  llvm::DenseMap<const VarDecl *, std::string> ContainerNames;
  for (const Store &S : Stores) {
    if (!S.Refusal.empty()) {
      WhyNot = S.Refusal;
      return LoopOutcome::Refused;
    }
    std::string Name = containerName(S);
    if (std::string Table = keyedTable(containerType(S)); !Table.empty()) {
      WhyNot = "'" + PC.text(S.Target->getSourceRange()).value_or(Name) + " =' on the '" +
               Table + "' " + Name +
               " looks its key up in the table, and inserts it when it is missing: every "
               "iteration may change the table the others search";
      return LoopOutcome::Refused;
    }
    if (!S.DistinctIndex) {
      if (std::string Why = fixedElementAccumulation(PC, S); !Why.empty()) {
        WhyNot = Why;
        return LoopOutcome::Refused;
      }
      WhyNot = S.WhyNotDistinct.empty()
                   ? "the element of " + Name + " written is not indexed by the loop variable"
                   : "the index of " + Name + " written " + S.WhyNotDistinct;
      return LoopOutcome::Refused;
    }
    // Two injective indexes (`X[i]` and `X[n - 1 - i]`) may still meet.
    for (const Store &Other : Stores)
      if (Other.Container == S.Container && Other.Path == S.Path && S.Index && Other.Index &&
          (!sameExpr(PC.Ctx, S.Index, Other.Index) || !S.Row != !Other.Row ||
           (S.Row && !sameExpr(PC.Ctx, S.Row, Other.Row)))) {
        WhyNot = "the elements of " + Name + " are written at different indexes, which "
                                             "different iterations may share";
        return LoopOutcome::Refused;
      }
    // The rest of an index must be the same in every iteration.
    for (const Expr *Part : S.Invariants) {
      llvm::SmallPtrSet<const Expr *, 2> Sizes;
      collectSizesOf(Part, S.Container, Sizes);
      StmtDeps PartFx = DepScanner(PC).scan(Part, &Sizes);
      for (const VarDecl *VD : PartFx.Reads)
        if (VD == L.Induction || L.Body_.Writes.contains(VD) || L.Body_.Locals.contains(VD)) {
          WhyNot = "the index of " + Name + " written reads " + quoted(VD) +
                   ", which may not be the same in every iteration";
          return LoopOutcome::Refused;
        }
      if (!PartFx.isEffectFree() ||
          (PartFx.ReadsMemory && (L.Body_.MemoryWrite || L.Body_.ImpureCall))) {
        WhyNot = "the index of " + Name + " written may change inside the loop body";
        return LoopOutcome::Refused;
      }
    }
    ContainerKind K = containerKind(containerType(S));
    if (packsBits(containerType(S))) {
      // Named as the library's class, also through an alias of the user's.
      QualType Bits = containerType(S).getNonReferenceType().getCanonicalType();
      WhyNot = "the elements of " + Name + " (a '" +
               Bits.getUnqualifiedType().getAsString(PC.Ctx.getPrintingPolicy()) +
               "') share storage";
      return LoopOutcome::Refused;
    }
    if (!isOwnedLocal(S.Container) || (K != ContainerKind::Owning && K != ContainerKind::CArray)) {
      WhyNot = Name + " is not a local array or standard container, so it may alias what the "
                      "loop reads";
      return LoopOutcome::Refused;
    }
    // The stored-to element itself is not a read of anything else.
    Targets.insert(S.Target);
    Containers.insert(S.Container);
    if (!S.Path.empty()) {
      MemberPaths[S.Container].push_back(*S.Member);
      ContainerNames.try_emplace(S.Container, S.Name);
    }
  }
  // `h.v[i] = f(i) + h.bias`: a read of a scalar member of the object
  // beside the written container reads none of its elements (Places.h,
  // isApartFrom); whether the body writes that member too is still seen
  // where it is written. `h.v.size()` does not change (matchLoop: nothing in
  // the body resizes a container).
  for (const auto &[Root, Paths] : MemberPaths)
    collectApartReads(PC, L.Body, Root, Paths, Targets);
  // `v[i] = g(v[i])`: the element read is the one this iteration writes.
  llvm::SmallVector<std::pair<const Expr *, const VarDecl *>, 2> OtherElements;
  llvm::SmallVector<const Expr *, 4> IndexCode;
  collectElementReads(PC.Ctx, L.Body, Stores, Targets, OtherElements, IndexCode);
  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Targets);
  // The indexes of the reads left out above (`g[i - 1][j]`) are code of
  // the body like any other.
  for (const Expr *Code : IndexCode)
    Fx.merge(DepScanner(PC).scan(Code, &Targets));
  // A row store's inner indexes (`out[i][k(j)]`) are code of the body like
  // any other: they are left out with the store's target above.
  for (const Store &S : Stores)
    for (const Expr *Inner : S.InnerIndexes)
      Fx.merge(DepScanner(PC).scan(Inner, &Targets));
  // Any other read of a written container (r[0], r.front(), or through a
  // local holding its address: a reference, view, iterator, pointer, lambda
  // or struct made from it) may see an element another iteration writes. A
  // range-for's own element is not such a read: it is the stored target;
  // nor is a local of the body (it can be made only from what the body
  // reads by name).
  llvm::SmallPtrSet<const VarDecl *, 8> Reads(Fx.Reads.begin(), Fx.Reads.end()), Outside;
  addBindingReads(L.Body, Reads);
  for (const VarDecl *V : Reads)
    if (V != L.Element && !L.Body_.Locals.contains(V) && !Fx.Locals.contains(V))
      Outside.insert(V);
  for (const VarDecl *X : Containers) {
    // `h.bias = e` beside the stores into `h.v[i]`: a write of the object,
    // which every iteration makes.
    if (auto It = Fx.FirstWrite.find(X); ContainerNames.count(X) && It != Fx.FirstWrite.end()) {
      std::optional<std::string> Text = PC.text(It->second->getSourceRange());
      WhyNot = quoted(X) + " is written inside the loop body" +
               (Text && Text->size() <= 60 ? " ('" + *Text + "')" : "");
      return LoopOutcome::Refused;
    }
    if (Fx.Reads.contains(X)) {
      auto Other = llvm::find_if(OtherElements, [&](const auto &E) { return E.second == X; });
      std::optional<std::string> Text =
          Other == OtherElements.end() ? std::nullopt : PC.text(Other->first->getSourceRange());
      std::string Named = ContainerNames.count(X) ? "'" + ContainerNames[X] + "'" : quoted(X);
      std::string Use;
      if (!Text && ContainerNames.count(X))
        if (const DeclRefExpr *Ref = otherUse(L.Body, X, Targets))
          Use = enclosingText(PC, Ref, nullptr);
      WhyNot = Text ? "the loop body reads '" + *Text + "', an element of " + Named +
                          " that another iteration may write"
                    : ContainerNames.count(X)
                        ? quoted(X) + " is read inside the loop body" +
                              (Use.empty() ? "" : " ('" + Use + "')") + ", other than " +
                              "through the elements of " + Named +
                              " that each iteration writes and members apart from it"
                        : quoted(X) + " is read inside the loop body";
      return LoopOutcome::Refused;
    }
    if (const VarDecl *Via = Sites.holderAmong(X, Outside)) {
      WhyNot = readThroughReason(X, Via);
      return LoopOutcome::Refused;
    }
  }
  for (const VarDecl *X : Containers)
    if (Escaped.contains(X)) {
      if (const CXXMethodDecl *Assign = storeOperator(PC, L, X, Stores, Sites))
        WhyNot = "the elements of " + quoted(X) + " are assigned with the user-written " +
                 quoted(Assign) + ", which is not known to be pure" +
                 (Assign->getOverloadedOperator() == OO_Equal
                      ? ": a map stores elements only through the compiler's 'operator=' "
                        "(implicit or '= default')"
                      : "");
      else
        WhyNot = "the address of " + quoted(X) + " escapes";
      return LoopOutcome::Refused;
    }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = exceptionReason(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  if (std::string Why = lastRefusal(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  std::vector<std::string> Names;
  for (const VarDecl *X : Containers) {
    auto InRow = llvm::find_if(Stores, [&](const Store &S) { return S.Container == X && S.Row; });
    Names.push_back(InRow == Stores.end()
                        ? (ContainerNames.count(X) ? ContainerNames[X] : X->getNameAsString())
                        : PC.text(InRow->Row->getSourceRange()).value_or(X->getNameAsString()));
  }
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  // Under mpirun other ranks may compute the elements (TaskRegistry.h).
  // A member container (`h.v`) is no variable the other ranks' leaves
  // could be handed: it is shared within this process only.
  bool Members = !MemberPaths.empty();
  if (Members ||
      !planMapTask(PC, L, Stores.size() == 1 ? Stores[0].Target : nullptr, Idx, loopGrain(L))) {
    PC.replace(L.HeaderBegin, L.HeaderEnd,
               trimBeforeSpace(PC, shapes::forHead(L.Begin, L.End, Idx) + (Block ? "" : "{"),
                               L.HeaderEnd));
    endIterationsEarly(PC, L, shapes::ForContinue);
    PC.insert(L.BodyEnd,
              (Block ? std::string() : std::string(" }")) + shapes::forTail(loopGrain(L)));
  }
  // The inner loops that write a row run serially inside the row's
  // iteration: part of this map.
  for (const Store &S : Stores)
    if (!S.InnerIndexes.empty() || S.RowLoop)
      loopsAround(L.Body, S.Target, PC.Absorbed);
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkParallelMap))
    *D << quotedList(Names);
  PC.note(Loc, Transform::Maps, llvm::join(Names, " "));
  return LoopOutcome::Rewritten;
}

} // namespace purecc
