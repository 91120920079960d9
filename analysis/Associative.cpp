//===- Associative.cpp - combine functions: purity apart from the left operand ===//
//
// Why a verdict of its own rather than PurityFacts::isPure: `operator+=`
// writes its object, which no [[pure]] function may do, yet folding a
// loop's accumulator with it is exactly what a reduction needs; and the
// user's operators are rarely reachable from a [[pure]] function, so
// without this judgement codegen could only say "not known to be pure".
//
//===----------------------------------------------------------------------===//
#include "Associative.h"
#include "Attributes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace purecc {
namespace {

QualType valueType(QualType T) {
  return T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
}

const CXXMethodDecl *instanceMethod(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && MD->isInstance() ? MD : nullptr;
}

/// The types of FD's two operands (a member's object first), or nothing
/// when FD does not take exactly two.
std::optional<std::pair<QualType, QualType>> operandTypes(const FunctionDecl *FD) {
  if (const CXXMethodDecl *MD = instanceMethod(FD)) {
    if (MD->getNumParams() != 1 || MD->isExplicitObjectMemberFunction())
      return std::nullopt;
    return std::make_pair(
        valueType(FD->getASTContext().getRecordType(MD->getParent())),
        valueType(MD->getParamDecl(0)->getType()));
  }
  if (FD->getNumParams() != 2 || FD->isVariadic())
    return std::nullopt;
  return std::make_pair(valueType(FD->getParamDecl(0)->getType()),
                        valueType(FD->getParamDecl(1)->getType()));
}

/// The binary operators a loop may fold with: arithmetic and bitwise ones
/// and their compound assignments (not `=`, comparisons or `,`).
bool isFoldingOperator(OverloadedOperatorKind K) {
  switch (K) {
  case OO_Plus: case OO_Minus: case OO_Star: case OO_Slash: case OO_Percent:
  case OO_Caret: case OO_Amp: case OO_Pipe: case OO_LessLess: case OO_GreaterGreater:
    return true;
  default:
    return false;
  }
}

/// Why a function marked [[purecc::associative]] cannot be an associative
/// operation, or empty: it must take two operands of one type and (unless
/// it is a compound assignment) return that type.
std::string signatureProblem(const FunctionDecl *FD) {
  auto Ops = operandTypes(FD);
  if (!Ops)
    return "does not take two operands";
  PrintingPolicy PP(FD->getASTContext().getLangOpts());
  if (Ops->first != Ops->second)
    return "its operands have different types ('" + Ops->first.getAsString(PP) + "' and '" +
           Ops->second.getAsString(PP) + "')";
  if (!isCompoundAssignment(FD) && valueType(FD->getReturnType()) != Ops->first)
    return "returns '" + FD->getReturnType().getAsString(PP) + "', not its operands' type '" +
           Ops->first.getAsString(PP) + "'";
  return "";
}

/// Whether E is a write to the left operand that a compound assignment FD
/// makes by design.
bool writesLeftOperand(const FunctionDecl *FD, const Effect &E) {
  if (!isCompoundAssignment(FD))
    return false;
  if (instanceMethod(FD))
    return E.Kind == EffectKind::ThisWrite && !E.Enclosing;
  return E.Kind == EffectKind::ParamWrite && E.Index == 0;
}

std::string relativePhrase(const Effect &E) {
  if (E.Kind == EffectKind::ParamWrite && E.Subject)
    return "writes through parameter '" + E.Subject->getNameAsString() + "'";
  return "modifies its object";
}

CombineVerdict judge(const FunctionDecl *FD, Fixpoint &Fix, PurityReport &Report) {
  const Summary &S = Fix.resolve(FD);
  for (const Effect &E : S.Resolved) {
    if (E.isAbsolute())
      return {false, Report.phrase(E)};
    if (E.isRelative() && !writesLeftOperand(FD, E))
      return {false, relativePhrase(E)};
  }
  return {true, ""};
}

} // namespace

bool isCompoundAssignment(const FunctionDecl *FD) {
  switch (FD->getOverloadedOperator()) {
  case OO_PlusEqual: case OO_MinusEqual: case OO_StarEqual: case OO_SlashEqual:
  case OO_PercentEqual: case OO_CaretEqual: case OO_AmpEqual: case OO_PipeEqual:
  case OO_LessLessEqual: case OO_GreaterGreaterEqual:
    return true;
  default:
    return false;
  }
}

bool isCombineCandidate(const FunctionDecl *FD) {
  if (isDeclaredAssociative(FD))
    return true;
  auto Ops = operandTypes(FD);
  if (!Ops)
    return false;
  OverloadedOperatorKind K = FD->getOverloadedOperator();
  if (K != OO_None)
    return isFoldingOperator(K) || isCompoundAssignment(FD);
  // `T f(T, T)`: the shape of `acc = f(acc, e)`.
  return !instanceMethod(FD) && Ops->first == Ops->second &&
         valueType(FD->getReturnType()) == Ops->first;
}

void judgeCombines(llvm::ArrayRef<const FunctionDecl *> Candidates, Fixpoint &Fix,
                   PurityReport &Report, Reporter &R, PurityFacts &Facts) {
  llvm::DenseSet<SourceLocation> Reported; // a template's instantiations share one
  for (const FunctionDecl *FD : Candidates) {
    CombineVerdict V = judge(FD, Fix, Report);
    const AnnotateAttr *Attr = findAttr(FD, PureccAttr::Associative);
    if (Attr && Reported.insert(Attr->getLocation()).second) {
      if (std::string Why = signatureProblem(FD); !Why.empty())
        R.report(Attr->getLocation(), Diag::ErrAssociativeOperands)
            << Report.name(FD) << Why;
      // A function also declared [[pure]] has its violations reported as such.
      else if (!V.Pure && !isDeclaredPure(FD))
        R.report(Attr->getLocation(), Diag::ErrAssociativeNotPure)
            << Report.name(FD) << V.Why;
    }
    // A combine checked to have no effect at all (a function of its values,
    // not a compound assignment, writing through no parameter) is pure: a
    // loop calling it may be shared like one calling a '[[pure]]' function
    // (user49 f12: a map calling `[[purecc::associative]] Affine then(Affine,
    // Affine)` was told "'then' is not known to be pure").
    bool OfValues = !isCompoundAssignment(FD) && !instanceMethod(FD) &&
                    llvm::all_of(FD->parameters(), [](const ParmVarDecl *P) {
                      QualType T = P->getType();
                      return !T->isReferenceType() || T.getNonReferenceType().isConstQualified();
                    });
    if (V.Pure && OfValues && Attr && !Facts.isPure(FD))
      Facts.record(FD, Verdict::Pure);
    Facts.recordCombine(FD, std::move(V));
  }
}

} // namespace purecc
