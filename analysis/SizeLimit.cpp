//===- SizeLimit.cpp - can a count given to a container pass max_size()? --===//
#include "SizeLimit.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"

#include <optional>

using namespace clang;

namespace purecc {
namespace {

/// Bounds are counted in 64 bits and saturate there (no bound).
constexpr uint64_t Unbounded = ~uint64_t(0);

uint64_t saturatingAdd(uint64_t A, uint64_t B) { return A > Unbounded - B ? Unbounded : A + B; }
uint64_t saturatingMul(uint64_t A, uint64_t B) {
  return A != 0 && B > Unbounded / A ? Unbounded : A * B;
}

/// The size in bytes of the first template argument of RD (a container's
/// element, a string's character), at least 1; vector<bool>'s bits count
/// as bytes, which only makes its bounds smaller.
uint64_t elementBytes(const CXXRecordDecl *RD, ASTContext &Ctx) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return 1;
  QualType T = Spec->getTemplateArgs()[0].getAsType();
  if (T->isDependentType() || T->isIncompleteType())
    return 1;
  return std::max<uint64_t>(1, Ctx.getTypeSizeInChars(T).getQuantity());
}

/// Whether every use of the local VD in its function only reads its value
/// (each is converted to an rvalue at once): it keeps its initializer's
/// value, as a `const` one does (user48 k08: `std::size_t n = 5 + k % 40;
/// p.reserve(n);`). An assignment, `++`, a reference or pointer to it, or
/// any use purecc does not read as a plain read (`decltype`, a by-copy
/// lambda capture of a class) keeps it unknown.
bool onlyRead(const VarDecl *VD) {
  const auto *F = dyn_cast<FunctionDecl>(VD->getDeclContext());
  const Stmt *Body = F ? F->getBody() : nullptr;
  if (!Body)
    return false;
  struct Uses : RecursiveASTVisitor<Uses> {
    const VarDecl *VD;
    unsigned All = 0, Read = 0;
    explicit Uses(const VarDecl *VD) : VD(VD) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      All += E->getDecl() == VD;
      return true;
    }
    bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
      if (E->getCastKind() == CK_LValueToRValue)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(E->getSubExpr()->IgnoreParens()))
          Read += DRE->getDecl() == VD;
      return true;
    }
  } U(VD);
  U.TraverseStmt(const_cast<Stmt *>(Body));
  return U.All == U.Read;
}

/// An upper bound of the value of E, a count (SizeLimit.h). A bound other
/// than Unbounded also proves the value is not negative: a signed
/// expression gets one only as a constant that is not negative, a value of
/// a narrower unsigned type, or a `?:` of such.
uint64_t bound(const Expr *E, ASTContext &Ctx, unsigned Depth = 0) {
  if (Depth > 8 || E->isValueDependent() || E->isTypeDependent())
    return Unbounded;
  Expr::EvalResult Value;
  if (E->EvaluateAsInt(Value, Ctx)) {
    const llvm::APSInt &V = Value.Val.getInt();
    return V.isNegative() ? Unbounded : V.getLimitedValue(Unbounded);
  }
  E = E->IgnoreParens();
  QualType T = E->getType();
  if (!T->isIntegerType())
    return Unbounded;
  // Any value of a narrow unsigned type (`(unsigned)d`, a uint32_t): its
  // range, however it was computed.
  if (T->isUnsignedIntegerOrEnumerationType() && Ctx.getTypeSize(T) < 64)
    return (uint64_t(1) << Ctx.getTypeSize(T)) - 1;
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    QualType From = Cast->getSubExpr()->getType();
    // An unsigned value keeps its value when the type is wider (or,
    // unsigned, as wide); a signed one converted keeps a bound only if it
    // has one, which proves it is not negative (above): `-1` wraps.
    bool KeepsValue = From->isUnsignedIntegerOrEnumerationType() &&
                      (Ctx.getTypeSize(From) < Ctx.getTypeSize(T) ||
                       (T->isUnsignedIntegerType() && Ctx.getTypeSize(From) == Ctx.getTypeSize(T)));
    if (Cast->getCastKind() == CK_LValueToRValue || Cast->getCastKind() == CK_NoOp ||
        (Cast->getCastKind() == CK_IntegralCast && (KeepsValue || From->isSignedIntegerType())))
      return bound(Cast->getSubExpr(), Ctx, Depth + 1);
    return Unbounded;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return std::max(bound(CO->getTrueExpr(), Ctx, Depth + 1),
                    bound(CO->getFalseExpr(), Ctx, Depth + 1));
  // A local constant bounds as its initializer does (user46 k06: `const
  // std::size_t m = b.size(); std::vector<long> p(m + 1);`), and so does a
  // local that is only ever read (user48 k08).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->isLocalVarDecl() && !VD->getType()->isReferenceType() &&
        !VD->getType().isVolatileQualified() && VD->getInit() &&
        (VD->getType().isConstQualified() || onlyRead(VD)))
      return bound(VD->getInit(), Ctx, Depth + 1);
  const auto *BO = dyn_cast<BinaryOperator>(E);
  // `x & m` lies in [0, m] for an m that is not negative, whatever x is
  // (`len & 1023`): a bound proves its operand is not negative.
  if (BO && BO->getOpcode() == BO_And)
    return std::min(bound(BO->getLHS(), Ctx, Depth + 1), bound(BO->getRHS(), Ctx, Depth + 1));
  if (!T->isUnsignedIntegerType())
    return Unbounded;
  if (BO) {
    uint64_t L = bound(BO->getLHS(), Ctx, Depth + 1);
    switch (BO->getOpcode()) {
    case BO_Add:
      return saturatingAdd(L, bound(BO->getRHS(), Ctx, Depth + 1));
    case BO_Mul:
      return saturatingMul(L, bound(BO->getRHS(), Ctx, Depth + 1));
    case BO_Rem: { // below the divisor, and at most the dividend
      uint64_t R = bound(BO->getRHS(), Ctx, Depth + 1);
      return std::min(L, R == Unbounded || R == 0 ? R : R - 1);
    }
    case BO_Div:
    case BO_Shr:
      return L;
    default:
      return Unbounded;
    }
  }
  // The size of a container that exists: what memory can hold.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const CXXRecordDecl *RD = MC->getRecordDecl();
    if (MD && MD->getIdentifier() && (MD->getName() == "size" || MD->getName() == "length") &&
        MC->getNumArgs() == 0 && RD && ownsElements(Ctx.getRecordType(RD)))
      return (uint64_t(1) << 51) / elementBytes(RD, Ctx);
  }
  return Unbounded;
}

/// Whether the library clamps FD's counts to a string's length: FD also
/// takes a string of its own type or a string_view (SizeLimit.h).
bool clampsToString(const FunctionDecl *FD) {
  const auto *Own = dyn_cast<CXXRecordDecl>(FD->getDeclContext());
  for (const ParmVarDecl *P : FD->parameters()) {
    const CXXRecordDecl *RD = P->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (RD && Own && RD->getCanonicalDecl() == Own->getCanonicalDecl())
      return true;
    if (RD && RD->isInStdNamespace() && RD->getIdentifier() && RD->getName() == "basic_string_view")
      return true;
  }
  return false;
}

} // namespace

CalledWith calledWith(const Expr *E) {
  CalledWith Out;
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Out.FD = CE->getDirectCallee();
    Out.Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    // An operator member's object is its first argument, no parameter's.
    if (Out.FD && isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Out.FD) && !Out.Args.empty())
      Out.Args = Out.Args.drop_front();
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    Out.FD = CE->getConstructor();
    Out.Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
  }
  return Out;
}

bool takesSize(const FunctionDecl *FD) {
  // A member's own context is its class: the namespace around it decides.
  if (!FD || !FD->getDeclContext()->getEnclosingNamespaceContext()->isStdNamespace())
    return false;
  static const llvm::StringRef Names[] = {
#define PURECC_STD_SIZE(Name) Name,
#include "StdlibPurity.def"
  };
  std::string N = tableName(FD);
  return llvm::is_contained(Names, N);
}

const Expr *countPastLimit(const Expr *E, ASTContext &Ctx) {
  // `new T[n]`: the compiler's own check throws std::bad_array_new_length
  // for a negative n or one whose bytes pass size_t.
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    std::optional<const Expr *> Count = New->getArraySize();
    if (!New->isArray() || !Count || !*Count)
      return nullptr;
    QualType T = New->getAllocatedType();
    uint64_t Bytes = T->isDependentType() || T->isIncompleteType()
                         ? 1
                         : std::max<int64_t>(1, Ctx.getTypeSizeInChars(T).getQuantity());
    return bound(*Count, Ctx) > (uint64_t(1) << 60) / Bytes ? *Count : nullptr;
  }
  CalledWith Call = calledWith(E);
  if (!takesSize(Call.FD) || clampsToString(Call.FD))
    return nullptr;
  const auto *Container = dyn_cast<CXXRecordDecl>(Call.FD->getDeclContext());
  // A lower bound of max_size() for every library purecc supports:
  // PTRDIFF_MAX / sizeof(T) for a vector or a deque, about half that for a
  // string (libstdc++ and libc++ alike), 2^60 / sizeof(T) with room left.
  uint64_t Limit = (uint64_t(1) << 60) / (Container ? elementBytes(Container, Ctx) : 1);
  uint64_t SizeBits = Ctx.getTypeSize(Ctx.getSizeType());
  for (unsigned I = 0; I < Call.FD->getNumParams() && I < Call.Args.size(); ++I) {
    const ParmVarDecl *P = Call.FD->getParamDecl(I);
    QualType T = P->getType();
    // A count is a size_type: a by-value unsigned integer as wide as
    // size_t, not a position (`__pos`, checked by the Position contract)
    // nor an element (`_CharT __c`, `const value_type &`).
    if (T->isReferenceType() || !T->isUnsignedIntegerType() || Ctx.getTypeSize(T) != SizeBits)
      continue;
    if (const IdentifierInfo *Name = P->getIdentifier(); Name && Name->getName().starts_with("__pos"))
      continue;
    const Expr *A = Call.Args[I];
    if (isa<CXXDefaultArgExpr>(A))
      continue;
    if (bound(A, Ctx) > Limit)
      return A;
  }
  return nullptr;
}

bool sizeMayPassLimit(const Expr *E, ASTContext &Ctx) { return countPastLimit(E, Ctx); }

SizeLimitThrow sizeLimitThrow(const Expr *E) {
  const FunctionDecl *FD = calledWith(E).FD;
  const auto *RD = FD ? dyn_cast<CXXRecordDecl>(FD->getDeclContext()) : nullptr;
  if (RD && RD->getIdentifier() &&
      (RD->getName() == "vector" || RD->getName() == "deque" || RD->getName() == "basic_string"))
    return SizeLimitThrow::LengthError;
  return SizeLimitThrow::BadArrayNewLength;
}

} // namespace purecc
