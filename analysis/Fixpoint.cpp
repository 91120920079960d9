//===- Fixpoint.cpp - Tarjan's SCCs and the per-component iteration -------===//
#include "Fixpoint.h"
#include "Locality.h"
#include "Stdlib.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

using namespace clang;

namespace purecc {

namespace {
/// Whether the text of declaration R (up to its ';' or '{') spells a weak
/// attribute: Clang drops one written on a declaration after the
/// definition (with a warning), g++ makes the symbol weak all the same
/// (adv91 F8).
bool spellsWeak(const FunctionDecl *R) {
  const SourceManager &SM = R->getASTContext().getSourceManager();
  SourceLocation Begin = SM.getExpansionLoc(R->getBeginLoc());
  if (Begin.isInvalid() || SM.isInSystemHeader(Begin))
    return false;
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(SM.getFileID(Begin), &Invalid);
  if (Invalid)
    return false;
  StringRef Text = Buffer.substr(SM.getFileOffset(Begin));
  Text = Text.substr(0, Text.find_first_of(";{"));
  for (size_t At = Text.find("weak"); At != StringRef::npos; At = Text.find("weak", At + 1)) {
    auto Ident = [](char C) { return isAlphanumeric(C) || C == '_'; };
    size_t B = At, E = At + 4;
    while (B > 0 && Text[B - 1] == '_')
      --B;
    while (E < Text.size() && Text[E] == '_')
      ++E;
    if ((B == 0 || !Ident(Text[B - 1])) && (E == Text.size() || !Ident(Text[E])))
      return true;
  }
  return false;
}
} // namespace

bool replaceableAtLinkTime(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (R->hasAttr<WeakAttr>() || R->hasAttr<WeakRefAttr>() ||
        (!R->doesThisDeclarationHaveABody() && spellsWeak(R)))
      return true;
  return false;
}

bool judgedByBody(const FunctionDecl *FD) {
  return FD->hasBody() && !replaceableAtLinkTime(FD);
}

namespace {

/// The callee of a Call effect that has a body to be judged.
const FunctionDecl *bodyCallee(const Effect &E) {
  if (E.Kind != EffectKind::Call || !E.Callee || !judgedByBody(E.Callee))
    return nullptr;
  return E.Callee;
}

/// What the fixpoint compares between iterations.
using Signature = std::pair<bool, std::set<std::pair<unsigned, unsigned>>>;

Signature signature(const Summary &S) {
  Signature Sig{S.Impure, {}};
  for (const Effect &E : S.Resolved)
    if (E.isRelative() || E.CalledParam)
      Sig.second.insert({unsigned(E.Kind), E.Index * 4 + E.Shallow * 2 + E.Enclosing});
  return Sig;
}

/// The call T makes through its parameter Index, which its callers fix
/// (Effect::CalledParam), or null when it makes none.
const Effect *callThrough(const Summary &T, unsigned Index) {
  for (const Effect &W : T.Resolved)
    if (W.Kind == EffectKind::IndirectCall && W.CalledParam && W.Index == Index)
      return &W;
  return nullptr;
}

/// Whether every thing that makes Site's callee T impure is a call through
/// a parameter for which Site passes a known callable (adv118 F1: glm's
/// `functor1::call(R (*Func)(T), v)` called with `abs`). Then the call is
/// as pure as what it passes: a named function was judged as this
/// function's call (ImpureCall.cpp passCallables, effects IfCalledBy T),
/// and this function's own parameter passed on makes this function call
/// through it, which its callers resolve in turn (added to Out).
bool resolvedByArguments(const Effect &Site, const Summary &T, std::vector<Effect> &Out) {
  std::vector<Effect> Up;
  for (const Effect &W : T.Resolved) {
    if (!W.isAbsolute())
      continue;
    if (W.Kind != EffectKind::IndirectCall || !W.CalledParam || W.Index >= Site.Passed.size() ||
        !Site.Passed[W.Index].known())
      return false;
    const ParmVarDecl *Ours = Site.Passed[W.Index].Param;
    if (!Ours)
      continue;
    Effect M = Effect::at(EffectKind::IndirectCall, Site.Loc, Site.Range);
    M.Detail = W.Detail;
    M.CalledParam = Ours;
    M.Index = Ours->getFunctionScopeIndex();
    M.CalledBy = Site.Callee;
    M.CalledAs = W.CalledParam;
    M.CalledAt = W.Loc;
    Up.push_back(std::move(M));
  }
  Out.insert(Out.end(), Up.begin(), Up.end());
  return true;
}

/// A callee's write to its object, a parameter or what a lambda captured,
/// seen at the call site.
void mapWrite(const Effect &Site, const Effect &Write, std::vector<Effect> &Out) {
  Prov P;
  // A lambda's write through what it captured lands where the captures of
  // the closure it is called on refer to (Captures.cpp).
  if (Write.Kind == EffectKind::ThisWrite)
    P = Write.Enclosing ? Site.Captures : Site.Object;
  else if (Write.Shallow && Write.Index < Site.ShallowArgs.size())
    P = Site.ShallowArgs[Write.Index];
  else if (Write.Index < Site.Args.size())
    P = Site.Args[Write.Index];
  else
    P = Prov::unknown();
  Effect M = Site;
  M.Args.clear();
  M.ShallowArgs.clear();
  M.Shallow = false;
  M.Callee = nullptr;
  M.ViaCallee = Site.Callee;
  M.ViaLoc = Write.Loc;
  M.ViaParam = Write.Kind == EffectKind::ParamWrite
                   ? dyn_cast_or_null<ParmVarDecl>(Write.Subject)
                   : nullptr;
  M.ViaCaptured = Write.Kind == EffectKind::ThisWrite && Write.Enclosing;
  M.ViaCapture = M.ViaCaptured && Write.Subject && !isa<FieldDecl>(Write.Subject)
                     ? dyn_cast<ValueDecl>(Write.Subject)
                     : nullptr;
  M.ViaCapturePointee = M.ViaCapture && Write.CapturedPointee;
  M.Subject = nullptr;
  M.Index = 0;
  M.MutableMember = false;
  M.Enclosing = false;
  M.CapturedPointee = false;
  M.Captures = Prov::unknown();
  switch (P.K) {
  case Prov::Local:
    return;
  case Prov::This:
    M.Kind = EffectKind::ThisWrite;
    break;
  case Prov::Enclosing:
    M.Kind = EffectKind::ThisWrite;
    M.Enclosing = true;
    break;
  case Prov::Param:
    M.Kind = EffectKind::ParamWrite;
    M.Index = P.Index;
    M.Shallow = P.Shallow;
    M.Subject = dyn_cast_or_null<NamedDecl>(P.Var);
    break;
  case Prov::Global:
    M.Kind = isStreamType(P.Var->getType()) ? EffectKind::Io : EffectKind::GlobalWrite;
    M.Subject = P.shown();
    break;
  case Prov::Unknown:
    M.Kind = EffectKind::NonLocalWrite;
    M.Subject = P.Via;
    break;
  }
  Out.push_back(std::move(M));
}

bool covers(const Effect &Write, const Effect &Read, const SourceManager &SM) {
  if (Write.Subject != Read.Subject)
    return false;
  SourceRange R = Write.Range;
  return R.isValid() && !SM.isBeforeInTranslationUnit(Read.Loc, R.getBegin()) &&
         !SM.isBeforeInTranslationUnit(R.getEnd(), Read.Loc);
}

} // namespace

bool Fixpoint::isClean(const Summary &S) {
  for (const Effect &E : S.Resolved)
    if (E.isAbsolute() || E.isRelative())
      return false;
  return true;
}

Summary &Fixpoint::resolve(const FunctionDecl *FD) {
  Summary &S = C.summary(FD);
  if (!S.Done)
    connect(S);
  return S;
}

void Fixpoint::connect(Summary &S) {
  NodeState &N = Nodes[&S];
  N = {NextIndex, NextIndex, true};
  ++NextIndex;
  Stack.push_back(&S);
  for (size_t I = 0; I < S.Effects.size(); ++I) {
    const FunctionDecl *Callee = bodyCallee(S.Effects[I]);
    if (!Callee)
      continue;
    Summary &T = C.summary(Callee);
    if (T.Done)
      continue;
    auto It = Nodes.find(&T);
    if (It == Nodes.end()) {
      connect(T);
      Nodes[&S].Low = std::min(Nodes[&S].Low, Nodes[&T].Low);
    } else if (It->second.OnStack) {
      Nodes[&S].Low = std::min(Nodes[&S].Low, It->second.Index);
    }
  }
  if (Nodes[&S].Low != Nodes[&S].Index)
    return;
  std::vector<Summary *> Component;
  Summary *Top;
  do {
    Top = Stack.back();
    Stack.pop_back();
    Nodes[Top].OnStack = false;
    Component.push_back(Top);
  } while (Top != &S);
  solve(Component);
}

void Fixpoint::solve(const std::vector<Summary *> &Component) {
  // Effects only grow from one round to the next, so this terminates.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (Summary *S : Component) {
      Signature Before = signature(*S);
      S->Resolved = resolveOne(*S);
      S->Impure = std::any_of(S->Resolved.begin(), S->Resolved.end(),
                              [](const Effect &E) { return E.isAbsolute(); });
      if (signature(*S) != Before)
        Changed = true;
    }
  }
  for (Summary *S : Component)
    S->Done = true;
}

std::vector<Effect> Fixpoint::resolveOne(const Summary &S) {
  std::vector<Effect> Out;
  for (const Effect &Found : S.Effects) {
    // What calling a callable passed to a callee does happens only if the
    // callee calls it; then the note says where.
    std::optional<Effect> Passed;
    if (Found.IfCalledBy) {
      // A callee without a body to judge is an impure call already.
      const Effect *Call = judgedByBody(Found.IfCalledBy)
                               ? callThrough(C.summary(Found.IfCalledBy), Found.IfCalledIndex)
                               : nullptr;
      if (!Call)
        continue;
      Passed = Found;
      Passed->CalledBy = Found.IfCalledBy;
      Passed->CalledAs = Call->CalledParam;
      Passed->CalledAt = Call->Loc;
    }
    const Effect &E = Passed ? *Passed : Found;
    if (E.Kind != EffectKind::Call) {
      Out.push_back(E);
      continue;
    }
    if (!judgedByBody(E.Callee)) {
      Effect I = E;
      I.Kind = EffectKind::ImpureCall;
      Out.push_back(std::move(I));
      continue;
    }
    const Summary &T = C.summary(E.Callee);
    if (T.Impure && !resolvedByArguments(E, T, Out)) {
      Effect I = E;
      I.Kind = EffectKind::ImpureCall;
      Out.push_back(std::move(I));
    }
    for (const Effect &W : T.Resolved)
      if (W.isRelative())
        mapWrite(E, W, Out);
  }
  // One diagnostic per thing: a write to a global also reads it, and a
  // callee's several writes to one argument land on one call site.
  const SourceManager &SM = C.ast().getSourceManager();
  std::vector<Effect> Unique;
  std::set<std::tuple<unsigned, const void *, unsigned, unsigned>> Seen;
  for (const Effect &E : Out) {
    if (E.Kind == EffectKind::GlobalRead &&
        std::any_of(Out.begin(), Out.end(), [&](const Effect &W) {
          return (W.Kind == EffectKind::GlobalWrite || W.Kind == EffectKind::Io) &&
                 covers(W, E, SM);
        }))
      continue;
    // `std::visit([](auto &x) { x = 1; }, v)`: the write the library call
    // is charged with is the one its callable makes, which says where.
    if (!E.ViaCallee && (E.Kind == EffectKind::ParamWrite || E.Kind == EffectKind::ThisWrite) &&
        std::any_of(Out.begin(), Out.end(), [&](const Effect &W) {
          return W.ViaCallee && W.Kind == E.Kind && covers(E, W, SM);
        }))
      continue;
    if (Seen.insert({unsigned(E.Kind), E.Subject, E.Loc.getRawEncoding(),
                     E.Index * 4 + E.Shallow * 2 + E.Enclosing})
            .second)
      Unique.push_back(E);
  }
  return Unique;
}

} // namespace purecc
