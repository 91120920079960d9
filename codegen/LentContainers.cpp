//===- LentContainers.cpp - maps into a container the caller lent ---------===//
#include "LentContainers.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "SameExpr.h"
#include "StmtDeps.h"
#include "Subscripts.h"

#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace purecc {

namespace {

bool isOwningContainerType(QualType T) {
  return containerKind(T) == ContainerKind::Owning && !packsBits(T);
}

/// Whether an element of type T holds only plain values: arithmetic or
/// enumeration values, arrays and classes of them (no pointer, reference,
/// view or container, and no container itself: `std::array<double, 4>` is
/// one). Such an element reaches no other memory, and no container can
/// live inside it (adv97 F1-F6, F8, F9: rows of a vector of vectors, a
/// vector of pointers, of spans, of reference wrappers).
bool flatElement(QualType T) {
  T = T.getCanonicalType().getUnqualifiedType();
  if (T->isArithmeticType() || T->isEnumeralType())
    return true;
  if (const auto *AT = dyn_cast<ConstantArrayType>(T.getTypePtr()))
    return flatElement(AT->getElementType());
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isUnion() || RD->isPolymorphic() ||
      containerKind(T) != ContainerKind::None || !RD->isTriviallyCopyable())
    return false;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!flatElement(B.getType()))
      return false;
  for (const FieldDecl *F : RD->fields())
    if (F->getType()->isReferenceType() || !flatElement(F->getType()))
      return false;
  return true;
}

bool usedAsValue(ASTContext &Ctx, const Expr *E, unsigned Depth = 0);

/// Whether only the library's code runs on an object of type T that the
/// library is given: a scalar, or a class of the library whose template
/// arguments are such types too (`std::string`). A class of the program's
/// has members the library calls (`std::max(a, b)` calls the user's
/// `operator<`, which may use `this - 1`: adv98 F3).
bool libraryOnlyType(const ASTContext &Ctx, QualType T, unsigned Depth = 0) {
  T = T.getNonReferenceType().getCanonicalType();
  if (Depth > 8)
    return false;
  if (T->isScalarType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  const SourceManager &SM = Ctx.getSourceManager();
  if (!RD || !inStd(RD) || !SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type && !libraryOnlyType(Ctx, A.getAsType(), Depth + 1))
        return false;
  return true;
}

/// Whether callee FD uses its reference parameter I only to read the
/// object it names (as usedAsValue), never its address: a pure function
/// may otherwise walk from it to the elements beside it, `(&x)[-1]`
/// (adv97 F7). Not followed into further calls of the program's.
bool keepsToObject(ASTContext &Ctx, const FunctionDecl *FD, unsigned I, unsigned Depth) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody() || I >= Def->getNumParams() || Depth > 2)
    return false;
  const ParmVarDecl *P = Def->getParamDecl(I);
  llvm::SmallVector<const Stmt *, 64> Stack{Def->getBody()};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (const auto *LE = dyn_cast<LambdaExpr>(S))
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCapturedVar() == P)
          return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == P &&
                                                    !usedAsValue(Ctx, DRE, Depth + 1))
      return false;
    for (const Stmt *C : S->children())
      if (C)
        Stack.push_back(C);
  }
  return true;
}

/// How an element is used: loaded (`in[i]`, `in[i].x` converted to a
/// value), copied by a trivial constructor (`P p = in[i]`, a `P`
/// argument), stored into (the map's own target), or given by reference
/// to the library or to a function of the program that only reads the
/// object (keepsToObject). Anything else hands its address on (`h(in[i])`
/// of a `const double &` parameter may read `(&x)[-1]`, adv97 F7).
bool usedAsValue(ASTContext &Ctx, const Expr *E, unsigned Depth) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Cur = E;
  for (unsigned Steps = 0; Steps < 16; ++Steps) {
    DynTypedNodeList Ps = Ctx.getParents(*Cur);
    if (Ps.size() != 1)
      return false;
    const auto *P = Ps[0].get<Expr>();
    if (!P)
      return false;
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(P)) {
      if (IC->getCastKind() == CK_LValueToRValue)
        return true;
      // `q[i].b[k]`: an element of an array member, as a field is.
      if (IC->getCastKind() == CK_ArrayToPointerDecay) {
        DynTypedNodeList Up = Ctx.getParents(*IC);
        const auto *AS = Up.size() == 1 ? Up[0].get<ArraySubscriptExpr>() : nullptr;
        if (!AS || AS->getBase() != IC)
          return false;
        Cur = AS;
        continue;
      }
      if (IC->getCastKind() != CK_NoOp)
        return false;
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      return Ctor && Ctor->isCopyOrMoveConstructor() && Ctor->isTrivial();
    } else if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      return BO->isAssignmentOp() && BO->getLHS()->IgnoreParens() == Cur;
    } else if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      if (ME->isArrow())
        return false;
      if (!isa<FieldDecl>(ME->getMemberDecl())) {
        // `in[i].size()`: a member of the library's, judged by its call.
        const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        if (!MD || !isLibraryFunction(MD, SM))
          return false;
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return false;
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
          Op && Op->isAssignmentOp() && Op->getNumArgs() == 2 && Op->getArg(0)->IgnoreParens() == Cur)
        return true; // the map's own store
      // The library runs only its own code when every argument is of its
      // types or a scalar: a callable of the program's given beside the
      // element (`std::invoke(h, v[i])`, a comparator) gets it too.
      if (isLibraryFunction(Callee, SM) && libraryOnlyType(Ctx, Cur->getType()) &&
          llvm::all_of(Call->arguments(), [&](const Expr *A) {
            return libraryOnlyType(Ctx, A->getType()) && !A->getType()->isFunctionPointerType() &&
                   !A->getType()->isMemberPointerType();
          })) {
        // The library reads the object; what it returns may be its address
        // (`std::addressof(x)`, `s.data()`) or the object itself
        // (`std::max(x, y)`, `std::as_const(x)`), followed as the element.
        if (Call->isGLValue()) {
          Cur = Call;
          continue;
        }
        AddressTypes Types;
        return !Types.mayHold(Call->getType());
      }
      unsigned Shift = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned A = Shift; A < Call->getNumArgs(); ++A)
        if (Call->getArg(A)->IgnoreParens() == Cur)
          return keepsToObject(Ctx, Callee, A - Shift, Depth);
      return false;
    } else if (!isa<ParenExpr, MaterializeTemporaryExpr>(P)) {
      return false;
    }
    Cur = P;
  }
  return false;
}

/// `in[i]` of a reference parameter to a container owning flat elements,
/// at the store's index and used as a value: added to Skip. The first
/// same-index element (of such a container or of a written one) that is
/// not used as a value goes to Handed.
void collectSameIndexReads(ASTContext &Ctx, const Stmt *S, const Expr *Index,
                           const llvm::SmallPtrSetImpl<const VarDecl *> &Written,
                           llvm::SmallPtrSetImpl<const Expr *> &Skip, const Expr *&Handed) {
  llvm::SmallVector<const Stmt *, 32> Stack{S};
  while (!Stack.empty()) {
    const Stmt *Cur = Stack.pop_back_val();
    if (const auto *E = dyn_cast<Expr>(Cur); E && E == E->IgnoreParenImpCasts())
      if (Subscript Sub = subscriptParts(E); Sub && sameExpr(Ctx, Sub.Index, Index)) {
        const VarDecl *R = refersTo(Sub.Base);
        bool Lent = R && isa<ParmVarDecl>(R) && R->getType()->isLValueReferenceType() &&
                    isOwningContainerType(R->getType().getNonReferenceType()) &&
                    !mentions(Sub.Index, R);
        bool Own = R && Written.contains(R);
        if ((Lent || Own) && !usedAsValue(Ctx, E) && !Handed)
          Handed = E;
        if (Lent && !Own && !Skip.contains(E) &&
            flatElement(elementType(Ctx, R->getType().getNonReferenceType()))) {
          Skip.insert(E);
          continue;
        }
      }
    for (const Stmt *C : Cur->children())
      if (C)
        Stack.push_back(C);
  }
}

} // namespace

const Expr *elementHandedOn(PlanContext &PC, const LoopShape &L, const std::vector<Store> &Stores) {
  llvm::SmallPtrSet<const Expr *, 4> Own;
  for (const Store &S : Stores)
    Own.insert(S.Target->IgnoreParenImpCasts());
  // A range-for's element is the map's element when it is stored whole
  // (`x = f(x)`); a row an inner loop writes is judged by that loop.
  const bool ElementStored = L.Element && llvm::any_of(Own, [&](const Expr *T) {
    const auto *DRE = dyn_cast<DeclRefExpr>(T);
    return DRE && DRE->getDecl() == L.Element;
  });
  llvm::SmallVector<const Stmt *, 64> Stack{L.Body};
  while (!Stack.empty()) {
    const Stmt *Cur = Stack.pop_back_val();
    if (const auto *E = dyn_cast<Expr>(Cur); E && E == E->IgnoreParenImpCasts() && !Own.contains(E)) {
      bool Element = false;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        Element = ElementStored && DRE->getDecl() == L.Element &&
                  L.Element->getType()->isReferenceType();
      else if (Subscript Sub = subscriptParts(E))
        for (const Store &S : Stores)
          if (S.Path.empty() && S.Index && !S.Row && S.Rows.empty() && S.InnerIndexes.empty() &&
              refersTo(Sub.Base) == S.Container &&
              sameExpr(PC.Ctx, Sub.Index, S.Index))
            Element = true;
      if (Element && !usedAsValue(PC.Ctx, E))
        return E;
    }
    for (const Stmt *C : Cur->children())
      if (C)
        Stack.push_back(C);
  }
  return nullptr;
}

bool isLentReference(const VarDecl *VD) {
  if (!VD || !isa<ParmVarDecl>(VD) || !VD->getType()->isLValueReferenceType())
    return false;
  QualType T = VD->getType().getNonReferenceType();
  return !T.isConstQualified() && (isOwningContainerType(T) || T->isRecordType());
}

bool storesIntoLent(const Store &S) {
  if (!isLentReference(S.Container))
    return false;
  // X itself must own its elements; a member path names its own type.
  return S.Member ? true : isOwningContainerType(S.Container->getType().getNonReferenceType());
}

std::string lentReadsReason(PlanContext &PC, const LoopShape &L, const std::vector<Store> &Stores,
                            const llvm::SmallPtrSetImpl<const Expr *> &Targets) {
  const Expr *Index = nullptr;
  std::string Name;
  for (const Store &S : Stores) {
    if (!storesIntoLent(S))
      continue;
    Name = S.Name.empty() ? S.Container->getNameAsString() : S.Name;
    QualType Element = elementType(PC.Ctx, containerType(S));
    if (Element.isNull() || Element->isIncompleteType() || Element->isDependentType() ||
        PC.Ctx.getTypeSizeInChars(Element).getQuantity() <= 1)
      return "'" + Name + "' is a container the caller lent by reference, of elements of " +
             "one byte, which may hold any other object the loop reads";
    if (!flatElement(Element))
      return "'" + Name + "' is a container the caller lent by reference, of elements ('" +
             Element.getAsString(PC.Ctx.getPrintingPolicy()) + "') that may hold or reach " +
             "other containers or memory the loop reads";
    if (!S.Index && L.Element)
      return "'" + Name + "' is a container the caller lent by reference, written through the " +
             "range-for's element: only 'out[i] = ...' of a counted loop is rewritten";
    if (!S.Index || S.Row || !S.Rows.empty() || !S.InnerIndexes.empty() ||
        (Index && !sameExpr(PC.Ctx, Index, S.Index)))
      return "'" + Name + "' is a container the caller lent by reference, written other than " +
             "at one index 'i' of the counter";
    Index = S.Index;
  }
  if (!Index)
    return "";
  llvm::SmallPtrSet<const Expr *, 8> Skip(Targets.begin(), Targets.end());
  llvm::SmallPtrSet<const VarDecl *, 4> Written;
  for (const Store &S : Stores)
    if (storesIntoLent(S) && !S.Member)
      Written.insert(S.Container);
  const Expr *Handed = nullptr;
  collectSameIndexReads(PC.Ctx, L.Body, Index, Written, Skip, Handed);
  if (Handed) {
    std::string Text = PC.text(Handed->getSourceRange()).value_or("");
    return "'" + Name + "' is a container the caller lent by reference, and the loop body " +
           "hands " + (Text.empty() ? "an element" : "'" + Text + "'") + " on by reference, " +
           "through which the elements beside it may be read";
  }
  StmtDeps Rest = DepScanner(PC).scan(L.Body, &Skip);
  // Name what is read: a pointer, a reference, a value that may hold an
  // address (a span, an iterator: `view[i + 1]` of a span over the lent
  // buffer reads another iteration's element, though the scan sees only a
  // local read), or a global, in the order the body names them.
  AddressTypes Types;
  std::string Through;
  for (const VarDecl *V : inSourceOrder(Rest.Reads, L.Body, PC.SM)) {
    // A `const` object holding no address (`static const double s`, a
    // `constexpr` table) is no element the loop writes: those are written
    // through a non-const reference (adv97: "reads through 's'").
    QualType T = V->getType();
    if (!T->isReferenceType() && T.isConstQualified() && !Types.mayHold(T))
      continue;
    if ((T->isReferenceType() || !V->hasLocalStorage() || Types.mayHold(T.getNonReferenceType())) &&
        !Rest.Locals.contains(V) && !L.Body_.Locals.contains(V)) {
      Through = quoted(V);
      break;
    }
  }
  if (!Rest.ReadsMemory && Through.empty())
    return "";
  return "'" + Name + "' is a container the caller lent by reference, and the loop body reads " +
         (Through.empty() ? "through a pointer, a reference, 'this' or a global"
                          : "through " + Through) +
         ", which may be its elements under another name";
}

} // namespace purecc
