//===- RangeLoops.cpp - the header of a range-for loop ---------------------===//
#include "RangeLoops.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "LoopMacros.h"
#include "Places.h"

using namespace clang;

namespace purecc {

std::string headerInMacroReason(PlanContext &PC, const CXXForRangeStmt *RF, bool InElement) {
  const VarDecl *Elem = RF->getLoopVariable();
  SourceLocation At = InElement ? Elem->getLocation() : RF->getRangeInit()->getBeginLoc();
  return (InElement ? "the loop's element " + quoted(Elem)
                    : "the loop's range '" + writtenText(PC, RF->getRangeInit()) + "'") +
         " is written in " + macroPhrase(macroAt(PC, At)) +
         ": only a header written out in the source is rewritten";
}

bool matchRangeHeader(PlanContext &PC, const CXXForRangeStmt *RF, LoopShape &L, StmtDeps &Bound,
                      std::string &WhyNot) {
  if (RF->getInit()) {
    // `for (auto v = mk(n); long x : v)`: the rewritten loop would not run
    // it, and its names may hide the function's.
    WhyNot = "the range-for loop has an init-statement: only range-for loops without one "
             "are rewritten";
    return false;
  }
  const VarDecl *Range = refersTo(RF->getRangeInit());
  // `for (long x : h.v)`, `for (long x : v)` in a member function: a
  // container named through members is as random-access as a variable.
  std::optional<MemberPath> Member = Range ? std::nullopt : memberPathOf(RF->getRangeInit());
  if (const auto *ME = dyn_cast<MemberExpr>(RF->getRangeInit()->IgnoreParenImpCasts());
      ME && !Member && ME->getMemberDecl()->getType()->isReferenceType()) {
    WhyNot = "the range '" + writtenText(PC, ME) + "' is the reference member " +
             quoted(ME->getMemberDecl()) + ", which may refer to any container: only a "
             "container that is a member itself is looped over";
    return false;
  }
  QualType RangeType = Range ? Range->getType() : Member ? Member->Type : QualType();
  ContainerKind K = RangeType.isNull() ? ContainerKind::None : containerKind(RangeType);
  // `for (bool b : flags)` copies each bit: reading bits that share words
  // is no race (a proxy, `auto x`, would write them).
  if (K == ContainerKind::None && !RangeType.isNull() && packsBits(RangeType) &&
      RF->getLoopVariable()->getType()->isBooleanType())
    K = ContainerKind::Owning;
  if (K == ContainerKind::None) {
    std::string Named = Range ? quoted(Range) : Member ? "'" + Member->Name + "'" : "";
    if (!Named.empty() && RangeType.getNonReferenceType()->isVariableArrayType())
      WhyNot = "the range " + Named +
               " is a variable-length array, which the lambda of the parallel code cannot capture";
    else if (!Named.empty() && packsBits(RangeType))
      WhyNot = "the range " + Named + " is a '" +
               RangeType.getNonReferenceType().getCanonicalType().getUnqualifiedType().getAsString(
                   PC.Ctx.getPrintingPolicy()) +
               "', whose elements share storage";
    else if (!Named.empty())
      WhyNot = "the range " + Named + " is a '" +
               RangeType.getNonReferenceType().getUnqualifiedType().getAsString(
                   PC.Ctx.getPrintingPolicy()) +
               "', which is neither an array nor a random-access standard container";
    else
      WhyNot = "the range is not a named array or random-access standard container";
    return false;
  }
  const VarDecl *Elem = RF->getLoopVariable();
  auto ElemText = PC.offsets(SourceRange(Elem->getBeginLoc(), Elem->getLocation()));
  if (!ElemText || !PC.offsets(RF->getRangeInit()->getSourceRange())) {
    WhyNot = headerInMacroReason(PC, RF, /*InElement=*/!ElemText);
    return false;
  }
  L.Range = Range ? Range : Member->Root;
  L.RangeName = Range ? Range->getNameAsString() : Member->Name;
  L.RangeExpr = RF->getRangeInit()->IgnoreParenImpCasts();
  L.Element = Elem;
  L.Begin = "0";
  const std::string &Name = L.RangeName;
  if (const auto *AT = PC.Ctx.getAsConstantArrayType(RangeType.getNonReferenceType())) {
    L.End = std::to_string(AT->getSize().getZExtValue());
    L.TripCount = static_cast<std::int64_t>(AT->getSize().getZExtValue());
  } else {
    L.End = "static_cast<std::int64_t>(" + Name + ".size())";
  }
  L.Body = RF->getBody();
  if (L.Range)
    Bound.Reads.insert(L.Range);
  if (!L.Range || L.Range->getType()->isReferenceType())
    Bound.ReadsMemory = true;
  return true;
}

} // namespace purecc
