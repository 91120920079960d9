//===- Places.cpp - accumulators that are parts of one local object -------===//
#include "Places.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "MapMembers.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// The specialization of the standard class template Name that T is, if it is.
const ClassTemplateSpecializationDecl *stdSpecialization(QualType T, llvm::StringRef Name) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  return Spec && Spec->isInStdNamespace() && Spec->getName() == Name ? Spec : nullptr;
}

/// The number of elements of the array or 'std::array' of type T, if it is one.
std::optional<llvm::APInt> elementCount(QualType T, ASTContext &Ctx) {
  T = T.getNonReferenceType();
  if (const auto *A = Ctx.getAsConstantArrayType(T))
    return A->getSize();
  if (const auto *Spec = stdSpecialization(T, "array");
      Spec && Spec->getTemplateArgs().size() == 2 &&
      Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
    return Spec->getTemplateArgs()[1].getAsIntegral();
  return std::nullopt;
}

} // namespace

std::optional<Place> placeOf(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return Place{VD, nullptr, "", VD->getNameAsString(), VD->getType()};
    // A binding whose type is a reference (a tuple of references, a
    // reference member) names another object, not a part of this one.
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
      if (const auto *DD = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
          DD && BD->getIdentifier() && !BD->getType()->isReferenceType())
        return Place{DD, BD, "", BD->getNameAsString(), DRE->getType()};
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    // A reference member names another object; a union's members share
    // their storage.
    if (ME->isArrow() || !FD || !FD->getIdentifier() || FD->isBitField() ||
        FD->getType()->isReferenceType() || FD->getParent()->isUnion())
      return std::nullopt;
    std::optional<Place> P = placeOf(ME->getBase(), Ctx);
    if (!P)
      return std::nullopt;
    P->Path += "." + FD->getNameAsString();
    P->Name += "." + FD->getNameAsString();
    P->Type = ME->getType();
    return P;
  }
  const Expr *Base = nullptr, *Index = nullptr;
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *Decay = dyn_cast<ImplicitCastExpr>(AS->getBase()->IgnoreParens());
    if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
      return std::nullopt; // a pointer, or `2[acc]`
    Base = Decay->getSubExpr();
    Index = AS->getIdx();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
             OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
             stdSpecialization(OC->getArg(0)->getType(), "array")) {
    Base = OC->getArg(0);
    Index = OC->getArg(1);
  }
  if (!Base || Index->isValueDependent())
    return std::nullopt;
  std::optional<llvm::APSInt> K = Index->getIntegerConstantExpr(Ctx);
  std::optional<llvm::APInt> N = elementCount(Base->IgnoreParenImpCasts()->getType(), Ctx);
  // An index outside the bounds is no element at all (undefined behaviour
  // the serial program has too): not an accumulator.
  if (!K || !N || K->isNegative() || K->getLimitedValue() >= N->getLimitedValue())
    return std::nullopt;
  std::optional<Place> P = placeOf(Base, Ctx);
  if (!P)
    return std::nullopt;
  std::string At = "[" + llvm::toString(*K, 10) + "]";
  P->Path += At;
  P->Name += At;
  P->Type = E->getType();
  return P;
}

std::string quotedPlace(const PlanContext &PC, const Expr *E, const std::string &Otherwise) {
  if (std::optional<Place> P = placeOf(E, PC.Ctx))
    return "'" + P->Name + "'";
  std::optional<std::string> Text = quotable(PC.shownText(E->getSourceRange()));
  return Text ? "'" + *Text + "'" : Otherwise;
}

bool isPlace(const Expr *E, const Place &P, ASTContext &Ctx) {
  std::optional<Place> Q = placeOf(E, Ctx);
  return Q && *Q == P;
}

bool isStandardFloating(QualType T) {
  const auto *B = T.getCanonicalType()->getAs<BuiltinType>();
  return B && (B->getKind() == BuiltinType::Float || B->getKind() == BuiltinType::Double ||
               B->getKind() == BuiltinType::LongDouble);
}

bool isFloatingComplex(QualType T) {
  const auto *Spec = stdSpecialization(T, "complex");
  return Spec && Spec->getTemplateArgs().size() == 1 &&
         Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         isStandardFloating(Spec->getTemplateArgs()[0].getAsType());
}

QualType componentType(QualType T) {
  if (!isFloatingComplex(T))
    return T;
  return stdSpecialization(T, "complex")->getTemplateArgs()[0].getAsType();
}

std::string quotedObject(const VarDecl *Root) {
  const auto *DD = dyn_cast<DecompositionDecl>(Root);
  if (!DD)
    return quoted(Root);
  std::vector<std::string> Names;
  for (const BindingDecl *B : DD->bindings())
    Names.push_back(B->getNameAsString());
  return "'[" + llvm::join(Names, ", ") + "]'";
}

std::string partReason(PlanContext &PC, const LoopShape &L, const Place &P,
                       llvm::ArrayRef<const Expr *> Positions, const StmtDeps &Rest,
                       const llvm::SmallPtrSetImpl<const Expr *> &AllPositions) {
  std::string Name = "'" + P.Name + "'";
  if (P.Type.isVolatileQualified())
    return Name + " is volatile: each of its reads and writes must happen as the loop makes them";
  // `auto &[a, b] = o;`: the bindings name parts of o, which the body may
  // read under o's own name (or another holder's): the leaf's private copy
  // would not be what it reads.
  if (const auto *DD = dyn_cast<DecompositionDecl>(P.Root); DD && DD->getType()->isReferenceType()) {
    const Expr *Init = DD->getInit() ? DD->getInit()->IgnoreParenImpCasts() : nullptr;
    const auto *Of = Init ? dyn_cast<DeclRefExpr>(Init) : nullptr;
    const auto *O = Of ? dyn_cast<VarDecl>(Of->getDecl()) : nullptr;
    unsigned Line = PC.SM.getPresumedLineNumber(PC.SM.getExpansionLoc(DD->getLocation()));
    std::string Bound = quotedObject(DD) + " on line " + std::to_string(Line);
    if (O && (Rest.Reads.contains(O) || Rest.Writes.contains(O))) {
      const DeclRefExpr *Use = otherUse(L.Body, O, AllPositions);
      std::string Where = Use ? enclosingText(PC, Use, nullptr) : std::string();
      return Name + " is bound by reference to a part of " + quoted(O) + " (" + Bound +
             "), which the loop body also uses" + (Where.empty() ? "" : " ('" + Where + "')") +
             ": a leaf's private copy of " + Name + " would not be what that use sees";
    }
    return Name + " is bound by reference (" + Bound + ") to an object the loop body may read "
           "under another name: only a binding of an object decomposed by value is combined";
  }
  // The names of the object outside the accumulations: a member read, a
  // call of a member function, a capture, another binding of it.
  const DeclRefExpr *Use = otherUse(L.Body, P.Root, AllPositions);
  if (!Use && !Rest.Reads.contains(P.Root) && !Rest.Writes.contains(P.Root))
    return "";
  // `d.tokens.push_back(tok(k) + d.label)`: reads of members apart from
  // the part (MapMembers.h), which no accumulation changes, as a map
  // allows beside its stores (user48 k07).
  if (Use && !Rest.Writes.contains(P.Root) && !Positions.empty())
    if (std::optional<MemberPath> Part = memberPathOf(Positions.front());
        Part && Part->Root == P.Root) {
      llvm::SmallPtrSet<const Expr *, 8> Apart(AllPositions.begin(), AllPositions.end());
      collectApartReads(PC, L.Body, P.Root, {*Part}, Apart);
      if (!otherUse(L.Body, P.Root, Apart))
        return "";
    }
  std::string Where = Use ? enclosingText(PC, Use, nullptr) : std::string();
  // A lambda's capture of the object: the lambda shows the use.
  if (Use)
    for (const DynTypedNode &Up : PC.Ctx.getParents(*Use))
      if (const auto *Lambda = Up.get<LambdaExpr>())
        if (std::optional<std::string> T = quotable(PC.shownText(Lambda->getSourceRange())))
          Where = *T;
  if (auto It = Rest.FirstWrite.find(P.Root); It != Rest.FirstWrite.end())
    if (std::optional<std::string> T = quotable(PC.shownText(It->second->getSourceRange())))
      Where = *T;
  std::string Update;
  if (const Expr *U = Positions.empty() ? nullptr : updateAround(PC, Positions.front()))
    Update = shownInParens(PC.shownText(U->getSourceRange()));
  return Name + " is updated inside the loop body" + Update + " and " + quotedObject(P.Root) +
         " is also used there" + (Where.empty() ? "" : " ('" + Where + "')") +
         " otherwise: a part of an object is combined only when the body uses the object "
         "through its accumulations alone";
}

std::optional<std::string> mergeTarget(PlanContext &PC, const LoopShape &L, const Place &P,
                                       const Expr *First, std::string &Why) {
  if (P.isVariable())
    return P.Name;
  for (const VarDecl *Local : L.Body_.Locals)
    if (mentions(First, Local)) {
      Why = "'" + P.Name + "' is written with " + quoted(Local) + ", which is declared in the "
            "loop body: the result cannot be merged into it after the loop";
      return std::nullopt;
    }
  return PC.text(First->getSourceRange()).value_or(P.Name);
}

std::string MemberPath::quotedRoot() const {
  return Root ? quoted(Root) : std::string("'*this'");
}

std::optional<MemberPath> memberPathOf(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME)
    return std::nullopt;
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD || !FD->getIdentifier() || FD->isBitField() || FD->getType()->isReferenceType() ||
      FD->getParent()->isUnion())
    return std::nullopt;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  std::optional<MemberPath> P;
  if (const auto *This = dyn_cast<CXXThisExpr>(Base); This && ME->isArrow()) {
    P = MemberPath{nullptr, "", This->isImplicit() ? "" : "this->", QualType()};
  } else if (ME->isArrow()) {
    return std::nullopt;
  } else if (const VarDecl *VD = refersTo(Base)) {
    P = MemberPath{VD, "", VD->getNameAsString() + ".", QualType()};
  } else if ((P = memberPathOf(Base))) {
    P->Name += ".";
  } else {
    return std::nullopt;
  }
  P->Path += "." + FD->getNameAsString();
  P->Name += FD->getNameAsString();
  P->Type = ME->getType();
  return P;
}

bool isMemberPath(const Expr *E, const MemberPath &P) {
  std::optional<MemberPath> Q = memberPathOf(E);
  return Q && Q->Root == P.Root && Q->Path == P.Path;
}

bool isApartFrom(const Expr *E, const MemberPath &P) {
  std::optional<MemberPath> Q = memberPathOf(E);
  if (!Q || Q->Root != P.Root)
    return false;
  // A pointer, or a class that may hold pointers or references of its
  // own, may lead into P's elements: only arithmetic and enumeration parts
  // are known to lead nowhere.
  QualType T = Q->Type.getNonReferenceType();
  if (!T->isArithmeticType() && !T->isEnumeralType())
    return false;
  return !pathsOverlap(Q->Path, P.Path);
}

bool pathsOverlap(const std::string &A, const std::string &B) {
  auto Contains = [](const std::string &Outer, const std::string &Inner) {
    return Inner.compare(0, Outer.size(), Outer) == 0 &&
           (Inner.size() == Outer.size() || Inner[Outer.size()] == '.');
  };
  return Contains(A, B) || Contains(B, A);
}

bool isPartGetter(const CallExpr *Call) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !inStd(FD) || !FD->getIdentifier() || FD->getName() != "get" ||
      Call->getNumArgs() != 1)
    return false;
  const auto *RD = Call->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !inStd(RD) || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return N == "pair" || N == "tuple" || N == "array";
}

} // namespace purecc
