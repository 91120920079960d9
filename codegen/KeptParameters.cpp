//===- KeptParameters.cpp - whether a function keeps what a reference names =//
#include "KeptParameters.h"
#include "AddressTypes.h"
#include "Escapes.h"
#include "PlanContext.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// How many summaries may be computed one inside another.
constexpr unsigned MaxDepth = 16;

/// Whether P's address may be kept past a call of Def, whose parameter it
/// is: it escapes anywhere in Def, its storage is lost from sight, or it
/// receives another parameter's.
bool keptBy(const FunctionDecl *Def, const ParmVarDecl *P, const PlanContext &PC) {
  EscapeSites Sites = findEscapes(Def, PC, P);
  if (Sites.Sites.count(P) || Sites.HasLabels)
    return true;
  if (llvm::any_of(Sites.Lost, [&](const EscapeSites::Trade &L) { return L.From == P; }))
    return true;
  // Storage that arrives into P from another parameter is the caller's
  // argument's, which others may reach: `v = std::move(src);` of a by-value
  // 'src' the caller made from a global (adv59 t12).
  return llvm::any_of(Sites.Trades, [&](const EscapeSites::Trade &T) {
    return T.To == P && (!T.From || isa<ParmVarDecl>(T.From));
  });
}

/// Whether a summary of the call operator of Lambda, analysed inside the
/// function around it, sees every place it may keep its parameter: only
/// when what it captures can hold no address. A capture that can (`[&cp]`,
/// `[this]`, `[p = &w]`) is a local of the function around, which outlives
/// the call: storing the parameter's address there is no escape inside that
/// function, yet keeps it past the call. A generic lambda's body as seen
/// is its pattern, whose parameters are not the instance's (adv50 t79).
bool summarizable(const CXXRecordDecl *Lambda) {
  if (Lambda->isGenericLambda())
    return false;
  AddressTypes Types;
  return llvm::none_of(Lambda->captures(), [&](const LambdaCapture &C) {
    const auto *V = C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    return !V || Types.mayHold(V->getType().getNonReferenceType());
  });
}

} // namespace

bool parameterMayBeKept(const FunctionDecl *FD, unsigned I, const PlanContext &PC) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isDependentContext() || I >= Def->getNumParams())
    return true;
  const ParmVarDecl *P = Def->getParamDecl(I);
  if (!P->getType()->isReferenceType())
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def);
      MD && ((MD->getParent()->isLambda() && !summarizable(MD->getParent())) ||
             (MD->isVirtual() && !MD->hasAttr<FinalAttr>() && !MD->getParent()->hasAttr<FinalAttr>())))
    return true;
  KeptParametersCache &Cache = PC.keptParameters();
  const std::pair<const FunctionDecl *, unsigned> Key{Def, I};
  if (auto It = Cache.Done.find(Key); It != Cache.Done.end())
    return It->second;
  if (llvm::is_contained(Cache.InProgress, Key) || Cache.InProgress.size() >= MaxDepth)
    return true;
  Cache.InProgress.push_back(Key);
  const bool Kept = keptBy(Def, P, PC);
  Cache.InProgress.pop_back();
  Cache.Done[Key] = Kept;
  return Kept;
}

} // namespace purecc
