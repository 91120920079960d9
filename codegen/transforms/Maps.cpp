//===- Maps.cpp - parallel-map: loops that write one element each ---------===//
#include "Maps.h"
#include "Subscripts.h"
#include "CallArguments.h"
#include "BodyWalk.h"
#include "TaskRegistry.h"
#include "Containers.h"
#include "LoopBodies.h"
#include "LentContainers.h"
#include "MapMembers.h"
#include "MapRefusals.h"
#include "MapStores.h"
#include "Places.h"
#include "SameExpr.h"
#include "analysis/Stdlib.h"
#include "AddressRoots.h"
#include "AddressTypes.h"
#include "StdComparisons.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"

#include <set>

using namespace clang;

namespace purecc {
namespace {

/// Whether VD is the counter a `for` loop declares in its header.
bool isInnerCounter(PlanContext &PC, const VarDecl *VD) {
  for (const DynTypedNode &P : PC.Ctx.getParents(*VD))
    if (const auto *DS = P.get<DeclStmt>())
      for (const DynTypedNode &G : PC.Ctx.getParents(*DS))
        if (const auto *For = G.get<ForStmt>(); For && For->getInit() == DS)
          return true;
  return false;
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
                         const std::set<std::pair<const VarDecl *, std::string>> &Interleaved,
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
      // Interleaved stores (`X[3 * i]`, `X[3 * i + 1]`): an element at one
      // of their indexes is the iteration's own.
      bool AnyIndex = Interleaved.count({P->Container, pathOf(*P)});
      for (const Store &St : Stores)
        if (St.Container == P->Container && St.Path == pathOf(*P)) {
          Written = true;
          SameIndex = St.Index && sameExpr(Ctx, St.Index, P->Index);
          if (SameIndex == AnyIndex)
            break;
        }
      if (Written && SameIndex && !mentions(P->Index, P->Container)) {
        Same.insert(P->Rows.empty() ? E : P->Rows.front());
        for (const Expr *Inner : P->Inner)
          collectElementReads(Ctx, Inner, Stores, Interleaved, Same, Other, IndexCode);
        return;
      }
      if (Written)
        Other.push_back({E, P->Container});
    }
  for (const Stmt *Child : S->children())
    collectElementReads(Ctx, Child, Stores, Interleaved, Same, Other, IndexCode);
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

/// Whether every store into S's container (and path) writes an element
/// `K * i + o` of one factor K, at offsets that span less than K: no two
/// iterations write one element (user49 f16). Stores at one index (`X[3 *
/// i] = a; X[3 * i] += b;`) are one offset.
bool interleaves(PlanContext &PC, const LoopShape &L, llvm::ArrayRef<Store> Stores,
                 const Store &S, std::set<std::pair<const VarDecl *, std::string>> &Interleaved) {
  if (!L.Induction)
    return false;
  std::optional<std::int64_t> Factor;
  std::int64_t Lowest = 0, Highest = 0;
  for (const Store &Other : Stores) {
    if (Other.Container != S.Container || Other.Path != S.Path)
      continue;
    if (!Other.Index || Other.Row || !Other.InnerIndexes.empty() || !Other.DistinctIndex)
      return false;
    // A counter counting by one, up (no IndexValue), takes consecutive values.
    std::optional<Interleaving> At =
        interleavedIndex(PC.Ctx, Other.Index, L.Induction, L.IndexValue.empty());
    if (!At || (Factor && *Factor != At->Factor))
      return false;
    if (!Factor) {
      Factor = At->Factor;
      Lowest = Highest = At->Offset;
    }
    Lowest = std::min(Lowest, At->Offset);
    Highest = std::max(Highest, At->Offset);
  }
  if (!Factor || Highest - Lowest >= *Factor)
    return false;
  Interleaved.insert({S.Container, S.Path});
  return true;
}

/// The type of what reading through V (a pointer, a reference, a view, an
/// iterator) reads: `const long *const` for `const long *const *pp`, the
/// element of a span or a string view, an iterator's `value_type`; null
/// when V's type does not say.
QualType readThrough(const VarDecl *V) {
  QualType T = V->getType();
  if (T->isReferenceType())
    return T.getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (isView(T))
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
        Spec && Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return Spec->getTemplateArgs()[0].getAsType();
  if (RD && RD->hasDefinition())
    for (const Decl *D : RD->decls())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D);
          TD && TD->getIdentifier() && TD->getName() == "value_type")
        return TD->getUnderlyingType();
  return QualType();
}

/// Whether D, a root of an address, is storage no caller can have given
/// up: a constant (`static const long kTable[7]`, a `constexpr
/// std::array`), an object of the function's own frame that holds no
/// address, or a constant address itself (`constexpr std::string_view
/// kName = "purecc"`) that points only into such storage (adv64 F6). A
/// non-const global may be the pool a user's allocator or 'operator new'
/// hands out.
bool isOwnStorage(const ValueDecl *D, AddressRoots &Trace, AddressTypes &Types, unsigned Depth) {
  const auto *Object = dyn_cast<VarDecl>(D);
  if (!Object || isa<ParmVarDecl>(Object) || Depth > 4)
    return false;
  if (AddressRoots::refersElsewhere(Object)) {
    if (!Object->hasGlobalStorage() || !Object->getInit() ||
        !(Object->isConstexpr() || Object->getType().isConstQualified()))
      return false;
    Roots R = Trace.of(Object->getInit());
    return !R.Unknown && llvm::all_of(R.Decls, [&](const ValueDecl *Into) {
      return isOwnStorage(Into, Trace, Types, Depth + 1);
    });
  }
  ASTContext &Ctx = Object->getASTContext();
  if (Types.mayHold(Object->getType()))
    return false;
  return Object->getType().isConstQualified() ||
         Ctx.getBaseElementType(Object->getType()).isConstQualified() ||
         (Object->hasLocalStorage() && !Trace.retypesStorage());
}

/// Whether every address V (a pointer, a reference, a view) may hold lies
/// in storage no caller can have given up (isOwnStorage, or a string
/// literal, or `new`), and what is read there holds no address of its own
/// (`new const long *(g_kept)` holds one, adv64 F2). Traced through V's
/// initializer and every assignment to it (AddressRoots.h); an address
/// read from memory, made from a number or assigned out of sight is
/// anyone's, and storage retyped (placement `new`, a cast to a pointer to
/// pointers) may hold an address's bytes.
bool pointsOnlyIntoOwnStorage(const VarDecl *V, AddressRoots &Trace, AddressTypes &Types) {
  if (isa<ParmVarDecl>(V) || V->hasGlobalStorage() || !AddressRoots::refersElsewhere(V))
    return false;
  QualType Read = readThrough(V);
  if (Read.isNull() || Read->isVoidType() || Types.mayHold(Read) || Trace.retypesStorage())
    return false;
  Roots R = Trace.ofVariable(V);
  return !R.Unknown && llvm::all_of(R.Decls, [&](const ValueDecl *D) {
    return isOwnStorage(D, Trace, Types, 0);
  });
}

} // namespace

LoopOutcome checkMap(PlanContext &PC, const LoopShape &L,
                     const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped, const EscapeSites &Sites,
                     const llvm::SmallPtrSetImpl<const Expr *> *Beside, MapCheck &Out,
                     std::string &WhyNot) {
  Out = MapCheck();
  std::vector<Store> &Stores = Out.Stores;
  Stores = findStores(PC, L);
  // A reduction's accumulator that is an element (`acc[0] += h` beside
  // `out[i] = h`) is the reduction's, not a store of the map (adv103 F1).
  if (Beside)
    llvm::erase_if(Stores, [&](const Store &S) {
      return Beside->contains(S.Target) || Beside->contains(S.Target->IgnoreParenImpCasts());
    });
  if (Stores.empty())
    return LoopOutcome::NotThisKind;
  if (!L.RepeatsValues.empty()) {
    WhyNot = L.RepeatsValues + ", and a map gives each iteration its own elements";
    return LoopOutcome::Refused;
  }

  llvm::SmallPtrSet<const Expr *, 4> &Targets = Out.Targets;
  // The containers (and paths) whose stores interleave.
  std::set<std::pair<const VarDecl *, std::string>> Interleaved;
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
      // `++counts[k]` is quoted whole; an assignment by its target and its
      // operator as written (`m[k] =`, `m[k] +=`; adv74: `+=` was quoted
      // as `=`).
      const Expr *Update = nullptr;
      llvm::StringRef Assign = "=";
      for (const DynTypedNode &P : PC.Ctx.getParents(*S.Target)) {
        if (const auto *UO = P.get<UnaryOperator>(); UO && UO->isIncrementDecrementOp())
          Update = UO;
        else if (const auto *BO = P.get<BinaryOperator>(); BO && BO->isAssignmentOp())
          Assign = BO->getOpcodeStr();
        else if (const auto *Op = P.get<CXXOperatorCallExpr>(); Op && Op->isAssignmentOp())
          Assign = getOperatorSpelling(Op->getOperator());
      }
      WhyNot = "'" + (Update ? PC.text(Update->getSourceRange()).value_or(Name)
                             : PC.text(S.Target->getSourceRange()).value_or(Name) + " " +
                                   Assign.str()) +
               "' on the '" +
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
    // Two injective indexes (`X[i]` and `X[n - 1 - i]`) may still meet,
    // unless they interleave (`X[3 * i]`, `X[3 * i + 1]`).
    for (const Store &Other : Stores)
      if (Other.Container == S.Container && Other.Path == S.Path && S.Index && Other.Index &&
          (!sameExpr(PC.Ctx, S.Index, Other.Index) || !S.Row != !Other.Row ||
           (S.Row && !sameExpr(PC.Ctx, S.Row, Other.Row))) &&
          !interleaves(PC, L, Stores, S, Interleaved)) {
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
          // `g.col[g.rowptr[v] + k] = ...`: the index reads members of 'g'
          // that the body, storing into another member, leaves alone
          // (user47 k03).
          if (VD != L.Induction && !L.Body_.Locals.contains(VD) && !L.Body_.ImpureCall &&
              !L.Body_.MemoryWrite)
            if (std::optional<MemberReads> M = memberReads(PC.Ctx, Part, L.Body, VD); M && !M->Change)
              continue;
          if (VD == L.Induction) {
            // `c[i - (i - 1)]`: the counter in the rest of the index (adv49
            // t59 was told of an inner loop's counter).
            std::string Index = writtenText(PC, S.Index);
            WhyNot = "the index of " + Name + " written" +
                     (Index.empty() ? "" : ", '" + Index + "',") + " reads " + quoted(VD) +
                     " more than once: only an index 'a * i + b' (or 'b - a * i') of the "
                     "counter is known to give each iteration elements of its own";
            return LoopOutcome::Refused;
          }
          if (isInnerCounter(PC, VD)) {
            // `img[j * W + i]` in an inner loop over i (user47 k10).
            std::string Index = writtenText(PC, S.Index);
            WhyNot = "the index of " + Name + " written" +
                     (Index.empty() ? "" : ", '" + Index + "',") + " also depends on " +
                     quoted(VD) + ", the counter of an inner loop: purecc does not prove that "
                     "the elements one iteration writes are apart from another's (the inner "
                     "loop can be shared)";
            return LoopOutcome::Refused;
          }
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
    // A GNU variable-length array is a local array, but C++ lambdas, which
    // carry the parallel code, cannot capture one (adv58 t27).
    if (containerType(S).getNonReferenceType()->isVariableArrayType()) {
      WhyNot = Name + " is a variable-length array, which the lambda of the parallel code "
                      "cannot capture";
      return LoopOutcome::Refused;
    }
    if ((!isOwnedLocal(S.Container) && !storesIntoLent(S)) ||
        (K != ContainerKind::Owning && K != ContainerKind::CArray)) {
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
  std::vector<const Expr *> ApartIndexes;
  for (const auto &[Root, Paths] : MemberPaths)
    collectApartReads(PC, L.Body, Root, Paths, Targets, &ApartIndexes);
  // `v[i] = g(v[i])`: the element read is the one this iteration writes.
  llvm::SmallVector<std::pair<const Expr *, const VarDecl *>, 2> OtherElements;
  llvm::SmallVector<const Expr *, 4> IndexCode;
  collectElementReads(PC.Ctx, L.Body, Stores, Interleaved, Targets, OtherElements, IndexCode);
  // What the scans leave out: the stored-to elements, and the references
  // of a reduction's accumulators when the map is part of a reduction
  // (`out[i] = h; s += h;`), which the reduction judges.
  llvm::SmallPtrSet<const Expr *, 8> Ignored(Targets.begin(), Targets.end());
  if (Beside)
    Ignored.insert(Beside->begin(), Beside->end());
  StmtDeps Fx = DepScanner(PC).scan(L.Body, &Ignored);
  // The indexes of the reads left out above (`g[i - 1][j]`) are code of
  // the body like any other.
  for (const Expr *Code : IndexCode)
    Fx.merge(DepScanner(PC).scan(Code, &Ignored));
  for (const Expr *Code : ApartIndexes)
    Fx.merge(DepScanner(PC).scan(Code, &Ignored));
  // A row store's inner indexes (`out[i][k(j)]`) are code of the body like
  // any other: they are left out with the store's target above.
  for (const Store &S : Stores)
    for (const Expr *Inner : S.InnerIndexes)
      Fx.merge(DepScanner(PC).scan(Inner, &Ignored));
  // Any other read of a written container (r[0], r.front(), or through a
  // local holding its address: a reference, view, iterator, pointer, lambda
  // or struct made from it) may see an element another iteration writes. A
  // range-for's own element is not such a read: it is the stored target;
  // nor is a local of the body (it can be made only from what the body
  // reads by name).
  // A container the caller lent may be what the body reads under another
  // name (LentContainers.h).
  if (const Expr *Handed = elementHandedOn(PC, L, Stores)) {
    std::string Text = PC.text(Handed->getSourceRange()).value_or("");
    WhyNot = "the loop body hands " + (Text.empty() ? "an element" : "'" + Text + "'") +
             " on by reference to code that may use its address, and read the elements "
             "beside it that other iterations write";
    return LoopOutcome::Refused;
  }
  const bool Lent = llvm::any_of(Stores, storesIntoLent);
  if (Lent)
    if (std::string Why = lentReadsReason(PC, L, Stores, Targets); !Why.empty()) {
      WhyNot = Why;
      return LoopOutcome::Refused;
    }
  llvm::SmallPtrSet<const VarDecl *, 8> Reads(Fx.Reads.begin(), Fx.Reads.end()), Outside;
  addBindingReads(L.Body, Reads);
  for (const VarDecl *V : Reads)
    if (V != L.Element && !L.Body_.Locals.contains(V) && !Fx.Locals.contains(V))
      Outside.insert(V);
  // A container taken by value owns its storage only as far as its caller
  // gave it up: `fill(std::move(g))` hands over the buffer a pointer the
  // caller kept (`g_kept = g.data()`) still reaches, and the function sees
  // neither. A body that reads through an address other than its own
  // containers' (a pointer, a view, an iterator, a lambda holding one) may
  // read an element another iteration writes. Owning containers read by
  // reference cannot share the buffer: a moved-from one is empty.
  // So is a local that took such a parameter's storage over (`auto w =
  // std::move(v);`, `w.swap(v)`), or an rvalue-reference parameter's.
  // An address that points only into storage no caller can have given up
  // (a string literal, a constant table, an array of the function's own
  // frame) reads none of X's elements (adv62 t33).
  AddressTypes Types;
  AddressRoots Trace(PC.Ctx);
  llvm::SmallPtrSet<const Stmt *, 2> Traced;
  for (const VarDecl *X : Containers) {
    auto Given = Sites.CallerStorage.find(X);
    if (Given == Sites.CallerStorage.end())
      continue;
    const ParmVarDecl *P = Given->second;
    if (const auto *Fn = dyn_cast<FunctionDecl>(P->getDeclContext());
        Fn && Fn->getBody() && Traced.insert(Fn->getBody()).second)
      Trace.addBody(Fn->getBody());
    for (const VarDecl *V : Outside) {
      // A pointer (or a struct holding one: the parameter's own
      // `job.hint`, adv62 t24), or a reference to an element (`const long
      // &x` bound to `g[0]`, t23, t32); a reference to an owning class is
      // to its own buffer.
      QualType T = V->getType();
      const CXXRecordDecl *Referent = T.getNonReferenceType()->getAsCXXRecordDecl();
      bool Reference = T->isReferenceType() &&
                       (!Referent || !Referent->hasDefinition() || Referent->isTriviallyCopyable());
      if (!Reference && !Types.mayHold(T.getNonReferenceType()))
        continue;
      // A local of a function around the map's own (a lambda's capture,
      // by reference or by copy): assigned in that function (adv65 G2).
      if (const auto *Owner = dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
          Owner && Owner->getBody() && Traced.insert(Owner->getBody()).second)
        Trace.addBody(Owner->getBody());
      if (pointsOnlyIntoOwnStorage(V, Trace, Types))
        continue;
      // `std::vector<long *> g_ptrs`, a struct with a pointer member: the
      // addresses it holds point, not the object (adv62 t31).
      QualType Held = T.getNonReferenceType();
      bool Points = Held->isPointerType() || isAddressLike(Held) || isView(Held);
      // `const long *const *pp = new const long *(g_kept)`: the address
      // read through 'pp' is the one that points (adv64 F2).
      QualType Read = AddressRoots::refersElsewhere(V) ? readThrough(V) : QualType();
      bool Indirect = !Read.isNull() && !Read->isVoidType() && Types.mayHold(Read);
      std::string Kind = P->getType()->isReferenceType() ? "an rvalue-reference parameter"
                                                         : "a parameter taken by value";
      WhyNot = (P == X ? quoted(X) + " is " + Kind + ", whose storage"
                       : quoted(X) + " holds the storage of " + quoted(P) + ", " + Kind + ", which") +
               " its caller may have moved from an object " +
               (Indirect    ? "that an address read through " + quoted(V) + " points into"
                : Reference ? "whose element " + quoted(V) + " refers to"
                : Points  ? "that " + quoted(V) + " points into"
                          : "that an address in " + quoted(V) + " points into");
      return LoopOutcome::Refused;
    }
  }
  for (const VarDecl *X : Containers) {
    // `h.bias = e` beside the stores into `h.v[i]`: a write of the object,
    // which every iteration makes.
    if (auto It = Fx.FirstWrite.find(X); ContainerNames.count(X) && It != Fx.FirstWrite.end()) {
      WhyNot = quoted(X) + " is written inside the loop body" +
               shownInParens(PC.shownText(It->second->getSourceRange()));
      return LoopOutcome::Refused;
    }
    if (Fx.Reads.contains(X)) {
      auto Other = llvm::find_if(OtherElements, [&](const auto &E) { return E.second == X; });
      std::optional<std::string> Text =
          Other == OtherElements.end() ? std::nullopt : PC.text(Other->first->getSourceRange());
      std::string Named = ContainerNames.count(X) ? "'" + ContainerNames[X] + "'" : quoted(X);
      // Several member containers of one object are written: the element
      // read is named with its own container (`p.x[i]`, not 'p.vx').
      if (Other != OtherElements.end()) {
        const Expr *Base = subscriptParts(Other->first->IgnoreParenImpCasts()).Base;
        Base = Base ? Base->IgnoreParenImpCasts() : nullptr;
        if (std::optional<std::string> Of = isa_and_nonnull<MemberExpr>(Base)
                                                ? PC.text(Base->getSourceRange())
                                                : std::nullopt)
          Named = "'" + *Of + "'";
      }
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
                              " that each iteration writes and the arithmetic members and elements apart "
                              "from it"
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
      if (const CXXMethodDecl *Assign = storeOperator(PC, L, X, Stores, Sites)) {
        // The compiler's 'P::operator=' calls a member's or a base's
        // (adv39 t02): name the user's.
        const CXXMethodDecl *Users = Assign->isUserProvided()
                                         ? nullptr
                                         : userSpecialMemberCalled(Assign, [&](const FunctionDecl *M) {
                                             return PC.Facts.isPure(M);
                                           });
        WhyNot = "the elements of " + quoted(X) + " are assigned with " +
                 (Users ? quoted(Assign) + ", which calls the user-written " + quoted(Users)
                        : "the user-written " + quoted(Assign)) +
                 ", which is not known to be pure" +
                 (Assign->getOverloadedOperator() == OO_Equal
                      ? ": a map stores elements only through the compiler's 'operator=' "
                        "(implicit or '= default'), in the element and in its members and bases"
                      : "");
      } else {
        // Where: the first site that counts (user44 t01 could not tell).
        WhyNot = "the address of " + quoted(X) + " escapes";
        llvm::SmallVector<const Stmt *, 2> At = Sites.sitesDuring(X, L.Loop, PC);
        const auto *Site = At.empty() ? nullptr : dyn_cast<Expr>(At.front());
        // A site inside code another transformation rewrote has no text
        // left to quote: its line still says where (user46 k03).
        // A declaration that gives the storage away says how (its
        // allocator, its class's constructor: MadeReachable.h).
        auto Because = Site ? Sites.Because.find({X, Site}) : Sites.Because.end();
        if (Because != Sites.Because.end())
          WhyNot += " " + Because->second;
        else if (std::string T = Site ? enclosingText(PC, Site, nullptr) : ""; !T.empty())
          WhyNot += " ('" + T + "' on line " +
                    std::to_string(PC.SM.getPresumedLineNumber(Site->getBeginLoc())) + ")";
        else if (!At.empty())
          WhyNot += " (on line " +
                    std::to_string(PC.SM.getPresumedLineNumber(
                        PC.SM.getExpansionLoc(At.front()->getBeginLoc()))) +
                    ")";
      }
      return LoopOutcome::Refused;
    }
  if (std::string Why = bodyEffectReason(Fx, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  for (const VarDecl *X : Containers) {
    auto InRow = llvm::find_if(Stores, [&](const Store &S) { return S.Container == X && S.Row; });
    Out.Names.push_back(InRow == Stores.end()
                            ? (ContainerNames.count(X) ? ContainerNames[X] : X->getNameAsString())
                            : PC.text(InRow->Row->getSourceRange()).value_or(X->getNameAsString()));
  }
  Out.Containers.assign(Containers.begin(), Containers.end());
  // A member container (`h.v`) is no variable the other ranks' leaves
  // could be handed: it is shared within this process only. Nor is a
  // container the caller lent.
  Out.ThisProcessOnly = !MemberPaths.empty() || Lent;
  return LoopOutcome::Rewritten;
}

void absorbRowLoops(PlanContext &PC, const LoopShape &L, const MapCheck &M) {
  for (const Store &S : M.Stores)
    if (!S.InnerIndexes.empty() || S.RowLoop)
      loopsAround(L.Body, S.Target, PC.Absorbed);
}

LoopOutcome planMap(PlanContext &PC, const LoopShape &L,
                    const llvm::SmallPtrSetImpl<const VarDecl *> &Escaped,
                    const EscapeSites &Sites, std::string &WhyNot) {
  MapCheck M;
  if (LoopOutcome O = checkMap(PC, L, Escaped, Sites, nullptr, M, WhyNot); O != LoopOutcome::Rewritten)
    return O;
  // Asked here, not in checkMap: a reduction beside the stores asks them
  // itself, once for the whole loop.
  if (std::string Why = sharingRefusal(PC, L); !Why.empty()) {
    WhyNot = Why;
    return LoopOutcome::Refused;
  }
  const std::vector<Store> &Stores = M.Stores;
  shapes::Index Idx = makeIndex(PC, L);
  bool Block = isa<CompoundStmt>(L.Body);
  // Under mpirun other ranks may compute the elements (TaskRegistry.h),
  // unless they are shared within this process only.
  if (M.ThisProcessOnly ||
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
  absorbRowLoops(PC, L, M);
  remarkMap(PC, L, M);
  return LoopOutcome::Rewritten;
}

void remarkMap(PlanContext &PC, const LoopShape &L, const MapCheck &M) {
  SourceLocation Loc = L.Loop->getBeginLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkParallelMap))
    *D << quotedList(M.Names);
  PC.note(Loc, Transform::Maps, llvm::join(M.Names, " "));
}

} // namespace purecc
