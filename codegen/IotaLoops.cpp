//===- IotaLoops.cpp - a range-for over std::views::iota ------------------===//
#include "IotaLoops.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "CountedLoops.h"
#include "RangeLoops.h"
#include "TripCounts.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {
namespace {

/// The value of E converted to the 64-bit unsigned type, when E is a
/// constant.
std::optional<llvm::APInt> unsignedConstant(ASTContext &Ctx, const Expr *E) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().extOrTrunc(64);
}

/// The value of E as a signed 128-bit number, when E is a constant.
std::optional<__int128> wideConstant(ASTContext &Ctx, const Expr *E, QualType As) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  llvm::APSInt V = R.Val.getInt();
  // Converted to As, as the view converts it.
  V = V.extOrTrunc(Ctx.getIntWidth(As));
  V.setIsUnsigned(As->isUnsignedIntegerOrEnumerationType());
  return V.isSigned() ? static_cast<__int128>(V.getSExtValue())
                      : static_cast<__int128>(V.getZExtValue());
}

} // namespace

std::optional<IotaBounds> iotaBounds(const Expr *RangeInit) {
  if (!RangeInit)
    return std::nullopt;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      RangeInit->getType().getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !inStd(Spec) || !Spec->getIdentifier() || Spec->getName() != "iota_view" ||
      Spec->getTemplateArgs().size() != 2 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  IotaBounds B;
  B.Value = Spec->getTemplateArgs()[0].getAsType();
  B.Bound = Spec->getTemplateArgs()[1].getAsType();
  const Expr *E = RangeInit->IgnoreImplicit();
  if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
    E = FC->getSubExpr()->IgnoreImplicit();
  // `std::views::iota(b, e)`: a call of the library's function object.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Call && (Op->getNumArgs() == 2 || Op->getNumArgs() == 3)) {
    const CXXRecordDecl *Object = Op->getArg(0)->getType()->getAsCXXRecordDecl();
    if (!Object || !inStd(Object))
      return std::nullopt;
    B.Begin = Op->getArg(1);
    B.End = Op->getNumArgs() == 3 ? Op->getArg(2) : nullptr;
    return B;
  }
  // `std::ranges::iota_view(b, e)`, `std::ranges::iota_view<W, B>{b, e}`:
  // not a copy of another view.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && (CE->getNumArgs() == 1 || CE->getNumArgs() == 2) &&
      !CE->getArg(0)->getType()->getAsCXXRecordDecl()) {
    B.Begin = CE->getArg(0);
    B.End = CE->getNumArgs() == 2 ? CE->getArg(1) : nullptr;
    return B;
  }
  return std::nullopt;
}

bool matchIotaHeader(PlanContext &PC, const CXXForRangeStmt *RF, DepScanner &Scan, LoopShape &L,
                     HeaderReads &H, std::string &WhyNot) {
  ASTContext &Ctx = PC.Ctx;
  std::optional<IotaBounds> Iota = iotaBounds(RF->getRangeInit());
  assert(Iota && "matchIotaHeader is for the views iotaBounds recognizes");
  std::string Range = "the range '" + writtenText(PC, RF->getRangeInit()) + "'";
  if (RF->getInit()) {
    WhyNot = "the range-for loop has an init-statement: only range-for loops without one "
             "are rewritten";
    return false;
  }
  if (!Iota->End) {
    WhyNot = Range + " has no bound: only a view 'std::views::iota(b, e)' is counted";
    return false;
  }
  QualType W = Iota->Value, Bound = Iota->Bound;
  if (!W->isIntegerType() || W->isBooleanType() || !Bound->isIntegerType()) {
    WhyNot = Range + " counts values of type '" + PC.typeText(W) +
             "': only a view of integers is counted";
    return false;
  }
  if (Ctx.getIntWidth(W) > 64 || Ctx.getIntWidth(Bound) > 64) {
    WhyNot = Range + " counts values of type '" + PC.typeText(W) + "' up to a '" +
             PC.typeText(Bound) + "', wider than 64 bits";
    return false;
  }
  const VarDecl *I = RF->getLoopVariable();
  QualType T = I->getType().getNonReferenceType().getUnqualifiedType();
  if (!T->isIntegerType() || T->isBooleanType()) {
    WhyNot = "the loop variable " + quoted(I) + " is a '" + PC.typeText(T) +
             "': only an integer loop variable counts the iterations of " + Range;
    return false;
  }
  // The loop variable is the view's value converted: a narrower one
  // repeats its values (`for (unsigned char i : iota(0, n))` gives 256
  // iterations each value), so iterations would share what they index
  // (adv51 t01): no map. A reduction over them is what the serial loop
  // computes. Distinct are the values of a conversion to a type at least as
  // wide, of either signedness (to the same width it is one-to-one modulo
  // 2^N: adv76 F4, `for (unsigned i : iota(-1500, 1500))`), or of constant
  // bounds within the variable's range.
  unsigned WW = Ctx.getIntWidth(W), TW = Ctx.getIntWidth(T);
  bool Keeps = TW >= WW;
  if (!Keeps) {
    std::optional<__int128> Bc = wideConstant(Ctx, Iota->Begin, W);
    std::optional<__int128> Ec = wideConstant(Ctx, Iota->End, Bound);
    const bool Signed = T->isSignedIntegerType();
    const __int128 Lo = Signed ? -(static_cast<__int128>(1) << (TW - 1)) : 0;
    const __int128 Hi = (static_cast<__int128>(1) << (Signed ? TW - 1 : TW)) - 1;
    Keeps = TW < 64 && Bc && Ec && (*Ec <= *Bc || (*Bc >= Lo && *Ec - 1 <= Hi));
  }
  if (!Keeps)
    L.RepeatsValues = "the loop variable " + quoted(I) + " is a '" + PC.typeText(T) +
                      "', which does not hold every '" + PC.typeText(W) + "' value " + Range +
                      " counts: iterations may repeat its values";
  auto ElemText = PC.offsets(SourceRange(I->getBeginLoc(), I->getLocation()));
  std::optional<std::string> BeginText = boundText(PC, Iota->Begin);
  std::optional<std::string> EndText = boundText(PC, Iota->End);
  if (!ElemText || !BeginText || !EndText) {
    WhyNot = headerInMacroReason(PC, RF, /*InElement=*/!ElemText);
    return false;
  }
  // The view's bounds are evaluated once, as in the serial loop; they must
  // be free of effects all the same (the parallel loop evaluates them
  // where the serial one makes the view).
  StmtDeps BeginFx = Scan.scan(Iota->Begin), EndFx = Scan.scan(Iota->End);
  if (!BeginFx.isEffectFree() || !EndFx.isEffectFree()) {
    WhyNot = BeginFx.isEffectFree()
                 ? headerEffectReason(PC, EndFx, Iota->End, "bound", RF->getBody())
                 : headerEffectReason(PC, BeginFx, Iota->Begin, "start", RF->getBody());
    return false;
  }
  // b as W and e as the bound type, as the view converts them.
  auto As = [&](const Expr *E, const std::string &Text, QualType To) {
    return Ctx.hasSameType(E->IgnoreImplicit()->getType().getUnqualifiedType(), To)
               ? Text
               : "static_cast<" + PC.typeText(To) + ">(" + Text + ")";
  };
  std::string B = As(Iota->Begin, *BeginText, W), E = As(Iota->End, *EndText, Bound);
  auto Int64 = [&](QualType Ty, const std::string &Text) {
    return Ty->isSignedIntegerType() ? Text : "static_cast<std::int64_t>(" + Text + ")";
  };
  // The plain numbering (k is the value) keeps the iterations' order unless
  // a 64-bit unsigned range crosses 2^63 (TripCounts.h): then from 0.
  bool Wide = false;
  if (W->isUnsignedIntegerType() && Ctx.getIntWidth(W) == 64) {
    const llvm::APInt Half = llvm::APInt::getSignedMinValue(64), Quarter = Half.lshr(1);
    std::optional<llvm::APInt> Bc = unsignedConstant(Ctx, Iota->Begin);
    std::optional<llvm::APInt> Ec = unsignedConstant(Ctx, Iota->End);
    bool BeginAbove = Bc && Bc->uge(Half), FarBelow = Bc && Bc->ult(Quarter);
    Wide = !BeginAbove && (Ec ? Ec->ugt(Half) : !FarBelow);
  }
  if (Wide) {
    auto U = [](const std::string &X) { return "static_cast<std::uint64_t>(" + X + ")"; };
    L.Begin = "0";
    L.End = "(" + U(E) + " > " + U(B) + " ? static_cast<std::int64_t>(" + U(E) + " - " + U(B) +
            ") : 0)";
    L.IndexValue = "static_cast<" + PC.typeText(T) + ">(" + U(B) + " + " + U("\x01") + ")";
    H.Start = BeginFx;
    H.StartExpr = Iota->Begin;
  } else {
    L.Begin = Int64(W, B);
    L.End = Int64(Bound, E);
  }
  if (std::optional<__int128> Bc = wideConstant(Ctx, Iota->Begin, W))
    if (std::optional<__int128> Ec = wideConstant(Ctx, Iota->End, Bound))
      L.TripCount = *Ec <= *Bc ? 0 : static_cast<std::int64_t>(std::min<__int128>(*Ec - *Bc, INT64_MAX));
  L.Induction = I;
  L.Body = RF->getBody();
  return true;
}

} // namespace purecc
