//===- Report.cpp - diagnostics for functions that must be pure -----------===//
#include "Report.h"
#include "Fixpoint.h"
#include "ConstFixIt.h"
#include "rules/GlobalRead.h"
#include "WeakSymbols.h"
#include "Attributes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace purecc {
namespace {

std::string quoted(const NamedDecl *D) {
  if (!D)
    return "a pointer";
  // Streamed rather than concatenated: GCC 12 warns (-Wrestrict) on
  // `"'" + s + "'"` at -O3.
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << '\'' << D->getName() << '\'';
  return S;
}

const char *sortName(const ValueDecl *VD) {
  switch (globalSort(VD)) {
  case GlobalSort::Global: return "global";
  case GlobalSort::StaticLocal: return "static local";
  case GlobalSort::StaticMember: return "static data member";
  case GlobalSort::ThreadLocal: return "thread_local";
  }
  return "global";
}

unsigned sortIndex(const NamedDecl *D) {
  return unsigned(globalSort(dyn_cast_or_null<ValueDecl>(D)));
}

/// The %select index of purecc-global-read for a read: 0-3 the global's
/// sort (mutable global, static local ...), 4 memory a const global refers
/// to, unnamed; 5 a const thread_local each thread initializes on its own;
/// 6 a static const local initialized from its first call's values.
unsigned readSort(const Effect &E) {
  const auto *Var = dyn_cast_or_null<VarDecl>(E.Subject);
  return E.Read == ReadOf::Designated    ? 4u
         : Var && isPerThreadConstant(Var) ? 5u
         : Var && isFirstCallConstant(Var) ? 6u
         : Var && isWeakVariable(Var)      ? 7u
                                           : sortIndex(E.Subject);
}

/// The words purecc-global-read's %select gives Sort, taken from the
/// message itself (diagnostics/Analysis.def), so that a note ("'g' reads
/// the first call's value of 'k'") says what the error says.
std::string readSortPhrase(unsigned Sort) {
  llvm::StringRef Format = messageFormat(Diag::GlobalRead);
  llvm::StringRef Choices = Format.drop_until([](char C) { return C == '{'; }).drop_front();
  Choices = Choices.take_until([](char C) { return C == '}'; });
  llvm::SmallVector<llvm::StringRef, 8> Each;
  Choices.split(Each, '|');
  return Sort < Each.size() ? Each[Sort].str() : "mutable global";
}

} // namespace

std::string PurityReport::name(const FunctionDecl *FD) const {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda()) {
      PresumedLoc P = Ctx.getSourceManager().getPresumedLoc(MD->getParent()->getLocation());
      return "'lambda at line " + std::to_string(P.isValid() ? P.getLine() : 0) + "'";
    }
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << '\'';
  // A member of a class local to a lambda: its qualified name would spell
  // the closure ('(anonymous class)::operator()(int)::Reader::get').
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (const auto *Outer = dyn_cast_or_null<CXXMethodDecl>(MD->getParent()->isLocalClass());
        Outer && Outer->getParent()->isLambda()) {
      OS << MD->getParent()->getName() << "::";
      FD->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/false);
      OS << '\'';
      return S;
    }
  // `using Base::Base;` declares constructors of the derived class that
  // Clang names after the base's ('Derived::Base'): name the class whose
  // constructor the user called.
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD); CD && CD->isInheritingConstructor()) {
    CD->getParent()->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/true);
    OS << "::" << CD->getParent()->getName() << '\'';
    return S;
  }
  // A special member of an anonymous struct or union has no name the user
  // wrote: say whose it is ("the destructor of the anonymous struct in
  // 'Holder'"), not '(anonymous struct at /path/f.cpp:70:3)::~(...)'.
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.AnonymousTagLocations = false; // no file paths in a name
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  const CXXRecordDecl *Unnamed = MD && !MD->getParent()->getIdentifier() ? MD->getParent() : nullptr;
  if (Unnamed && (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD))) {
    OS.str().clear();
    OS << (isa<CXXDestructorDecl>(FD) ? "the destructor of the anonymous "
                                      : "a constructor of the anonymous ")
       << Unnamed->getKindName();
    if (const auto *Outer = dyn_cast<CXXRecordDecl>(Unnamed->getDeclContext())) {
      OS << " in '";
      Outer->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
      OS << '\'';
    }
    return S;
  }
  FD->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
  OS << '\'';
  return S;
}

bool PurityReport::blocks(const Summary &S, const Effect &E) const {
  if (E.isAbsolute() || E.isRelative())
    return true;
  if (E.Kind == EffectKind::ReturnIndirection)
    return E.HandedOut != Indirection::Pointer || !S.Returns.isLocal(); // a fresh pointer is the caller's
  return E.isInterface();
}

bool PurityReport::wouldPass(const FunctionDecl *FD) {
  const Summary &S = F.resolve(FD);
  for (const Effect &E : S.Resolved)
    if (blocks(S, E))
      return false;
  return true;
}

std::string PurityReport::phrase(const Effect &E) const {
  const auto *VD = dyn_cast_or_null<ValueDecl>(E.Subject);
  switch (E.Kind) {
  case EffectKind::GlobalWrite:
    return std::string("writes to ") + sortName(VD) + " " + quoted(E.Subject);
  case EffectKind::GlobalRead:
    // As the error says it (PurityReport::error).
    return "reads " + readSortPhrase(readSort(E)) + " " + quoted(E.Subject);
  case EffectKind::NonLocalWrite:
    return "writes through " +
           (E.Subject ? std::string(isa<FieldDecl>(E.Subject) ? "pointer member " : "pointer ") +
                            quoted(E.Subject)
                      : std::string("a pointer")) +
           " that may point to memory it does not own";
  case EffectKind::CastWrite:
    return "writes to memory it does not own through " + E.Detail;
  case EffectKind::Io:
    return "performs I/O on " + quoted(E.Subject);
  case EffectKind::Volatile:
    return E.Subject ? "accesses volatile variable " + quoted(E.Subject)
                     : std::string("accesses volatile memory");
  case EffectKind::Atomic:
    return "uses atomic operations (" + E.Detail + ")";
  case EffectKind::InlineAsm:
    return "contains inline assembly";
  case EffectKind::ImpureCall:
    return "calls " + name(E.Callee) + ", which is not pure";
  case EffectKind::LibraryCall:
    return "calls " + (E.Shown.empty() ? name(E.Callee) : E.Shown) + ", which " + E.Detail;
  case EffectKind::IndirectCall:
    return "calls through " + E.Detail;
  case EffectKind::VirtualCall:
    return "makes a virtual call to " + name(E.Callee) +
           ", which is not declared '[[pure]]'";
  default:
    return "has side effects";
  }
}

const Effect *PurityReport::cause(const FunctionDecl *FD,
                                  const std::set<const FunctionDecl *> &Visited) {
  const Summary &S = F.resolve(FD);
  for (const Effect &E : S.Resolved)
    if (E.isAbsolute() && E.Kind != EffectKind::ImpureCall)
      return &E;
  for (const Effect &E : S.Resolved)
    if (E.Kind == EffectKind::ImpureCall && !Visited.count(E.Callee))
      return &E;
  return nullptr;
}

void PurityReport::explain(const FunctionDecl *Callee) {
  std::set<const FunctionDecl *> Visited;
  unsigned Depth = 0;
  while (Callee) {
    Visited.insert(Callee);
    // An implicit destructor that nothing defined yet still destroys its
    // members and bases (its summary says so).
    if (!Callee->hasBody() && !Callee->isImplicit()) {
      R.report(Callee->getLocation(), Diag::NoteNotPureBecause)
          << name(Callee) << "has no definition in this translation unit";
      return;
    }
    if (replaceableAtLinkTime(Callee)) {
      R.report(Callee->getLocation(), Diag::NoteNotPureBecause)
          << name(Callee) << "is a weak definition, which another may replace at link time";
      return;
    }
    const Effect *E = cause(Callee, Visited);
    if (!E)
      return;
    if (Depth == ChainDepth) {
      // Count the remaining steps without reporting them.
      // The last step, where the chain ends, is what the user must see
      // to act (adv120 F3: dragonbox's builtin was 4 steps below the
      // last note shown): it follows the count.
      unsigned More = 0;
      const FunctionDecl *Next = Callee;
      const FunctionDecl *Last = Callee;
      const Effect *Step = E;
      const Effect *Root = E;
      while (Step) {
        ++More;
        Last = Next;
        Root = Step;
        if (Step->Kind != EffectKind::ImpureCall || !judgedByBody(Step->Callee))
          break;
        Next = Step->Callee;
        Visited.insert(Next);
        Step = cause(Next, Visited);
      }
      if (More == 1) {
        R.report(E->Loc, Diag::NoteNotPureBecause) << name(Callee) << phrase(*E) << E->Range;
        return;
      }
      R.report(E->Loc, Diag::NoteChainMore) << More - 1;
      R.report(Root->Loc, Diag::NoteNotPureBecause) << name(Last) << phrase(*Root) << Root->Range;
      return;
    }
    R.report(E->Loc, Diag::NoteNotPureBecause) << name(Callee) << phrase(*E) << E->Range;
    ++Depth;
    Callee = E->Kind == EffectKind::ImpureCall ? E->Callee : nullptr;
  }
}

namespace {
/// The `%select` form of a write through what a lambda captured, in
/// purecc-nonlocal-write and the note on a callee's write alike: 3 for a
/// variable captured by reference, 4 for what a captured pointer points
/// to; Otherwise when no variable is named (the object of a captured
/// `this`, named by its member if at all).
unsigned capturedForm(const NamedDecl *Var, bool Pointee, unsigned Otherwise) {
  if (!Var || isa<FieldDecl>(Var))
    return Otherwise;
  return Pointee ? 4 : 3;
}
} // namespace

void PurityReport::reportWithSubject(const Effect &E, Diag D, const std::string &Fn,
                                     unsigned Sel) {
  auto B = R.report(E.Loc, D);
  B << Fn << Sel;
  if (E.Subject)
    B << E.Subject;
  else
    B << "";
  B << E.Range;
}

void PurityReport::error(const Effect &E, const Summary &S, const std::string &Fn) {
  const auto *VD = dyn_cast_or_null<ValueDecl>(E.Subject);
  switch (E.Kind) {
  case EffectKind::GlobalWrite:
    R.report(E.Loc, Diag::GlobalWrite) << Fn << sortIndex(VD) << E.Subject << E.Range;
    break;
  case EffectKind::GlobalRead:
    R.report(E.Loc, Diag::GlobalRead) << Fn << readSort(E) << E.Subject << E.Range;
    break;
  case EffectKind::NonLocalWrite:
    reportWithSubject(E, Diag::NonLocalWrite, Fn,
                      !E.Subject ? 0 : isa<FieldDecl>(E.Subject) ? 1 : 2);
    break;
  case EffectKind::CastWrite:
    R.report(E.Loc, Diag::CastWrite) << Fn << E.Detail << E.Range;
    break;
  case EffectKind::Io:
    R.report(E.Loc, Diag::IoWrite) << Fn << E.Subject << E.Range;
    break;
  case EffectKind::ThisWrite:
    // A lambda declared pure writing what it captured: a variable by
    // reference, what a pointer points to, the object of its `this`.
    if (E.Enclosing) {
      reportWithSubject(E, Diag::NonLocalWrite, Fn,
                        capturedForm(E.Subject, E.CapturedPointee, /*Otherwise=*/0));
      break;
    }
    reportWithSubject(E, Diag::ThisWrite, Fn, !E.Subject ? 0 : E.MutableMember ? 2 : 1);
    break;
  case EffectKind::ParamWrite:
    R.report(E.Loc, Diag::ParamWrite) << Fn << E.Subject << E.Range;
    break;
  case EffectKind::Volatile:
    reportWithSubject(E, Diag::VolatileAccess, Fn, unsigned(E.Subject != nullptr));
    break;
  case EffectKind::Atomic:
    R.report(E.Loc, Diag::AtomicAccess) << Fn << E.Detail << E.Range;
    break;
  case EffectKind::InlineAsm:
    R.report(E.Loc, Diag::InlineAsm) << Fn << E.Range;
    break;
  case EffectKind::ParamIndirection: {
    const auto *P = cast<ParmVarDecl>(E.Subject);
    unsigned Sel = unsigned(E.HandedOut);
    bool Written = false;
    for (const Effect &W : S.Resolved)
      Written |= W.Kind == EffectKind::ParamWrite && W.Index == E.Index;
    auto B = R.report(E.Loc, Diag::ParamIndirection);
    B << Fn << P << Sel << E.Range;
    // Only read: `T&` -> `const T&`, `T*` -> `const T*`, and every use
    // takes a const one (adv75 F1 F2: a copy into a `Node *` broke the
    // build the fix-it was applied to).
    if (!Written && E.HandedOut != Indirection::View && P->getTypeSpecStartLoc().isValid() &&
        P->getTypeSpecStartLoc().isFileID() && constKeepsCompiling(P, Ctx))
      B << FixItHint::CreateInsertion(P->getTypeSpecStartLoc(), "const ");
    break;
  }
  case EffectKind::ReturnIndirection:
    R.report(E.Loc, Diag::ReturnIndirection) << Fn << unsigned(E.HandedOut == Indirection::Pointer) << E.Range;
    break;
  case EffectKind::NonConstMember: {
    auto B = R.report(E.Loc, Diag::NonConstMember);
    B << unsigned(E.InLambda) << Fn;
    bool WritesThis = false;
    for (const Effect &W : S.Resolved)
      WritesThis |= W.Kind == EffectKind::ThisWrite;
    const auto *MD = dyn_cast<CXXMethodDecl>(S.FD);
    if (!E.InLambda && !WritesThis && MD && constMemberKeepsCompiling(MD, Ctx)) {
      FunctionTypeLoc TL = S.FD->getFunctionTypeLoc();
      if (TL && TL.getRParenLoc().isFileID()) {
        SourceLocation After = Lexer::getLocForEndOfToken(
            TL.getRParenLoc(), 0, Ctx.getSourceManager(), Ctx.getLangOpts());
        B << FixItHint::CreateInsertion(After, " const");
      }
    }
    break;
  }
  case EffectKind::ImpureCall:
    R.report(E.Loc, Diag::ImpureCall) << Fn << name(E.Callee) << E.Range;
    // Run by a library template on a user type: name the library call.
    if (!E.Shown.empty())
      R.report(E.Loc, Diag::NoteLibraryRuns) << E.Shown << E.Detail;
    explain(E.Callee);
    break;
  case EffectKind::LibraryCall:
    R.report(E.Loc, Diag::LibraryCall)
        << Fn << (E.Shown.empty() ? name(E.Callee) : E.Shown) << E.Detail << E.Range;
    break;
  case EffectKind::IndirectCall:
    R.report(E.Loc, Diag::IndirectCall) << Fn << E.Detail << E.Range;
    // `integrate(0, 1, sq)`: the template parameter was the documented fix;
    // a function passed by name still arrives as a pointer (adv75 F5).
    if (const auto *P = dyn_cast_or_null<ParmVarDecl>(E.Subject))
      R.report(P->getLocation(), Diag::NoteDeducedPointer)
          << P << P->getType() << P->getSourceRange();
    break;
  case EffectKind::VirtualCall: {
    R.report(E.Loc, Diag::VirtualCall) << Fn << name(E.Callee) << E.Range;
    // Made by the library (`~unique_ptr<Base>` deleting a Base *).
    if (!E.Shown.empty())
      R.report(E.Loc, Diag::NoteLibraryRuns) << E.Shown << E.Detail;
    const FunctionDecl *Def = nullptr;
    // An implicit destructor has no declaration to put the attribute on.
    if (!E.Callee->isImplicit() && E.Callee->hasBody(Def) && wouldPass(Def) &&
        E.Callee->getBeginLoc().isFileID())
      R.report(E.Callee->getLocation(), Diag::NoteCanBeDeclaredPure)
          << name(E.Callee)
          << FixItHint::CreateInsertion(E.Callee->getBeginLoc(), "[[pure]] ");
    break;
  }
  case EffectKind::Call:
    break;
  }
  // Reached through a local reference, pointer or member, or a call: say
  // where it was bound (the binding itself reads nothing).
  if (E.Kind == EffectKind::GlobalRead && E.Read == ReadOf::Designated)
    R.report(E.ThroughLoc, Diag::NoteUnknownTarget) << E.Subject;
  else if (E.Through && E.ThroughLoc.isValid() &&
      (E.Kind == EffectKind::GlobalRead || E.Kind == EffectKind::GlobalWrite))
    R.report(E.ThroughLoc, Diag::NoteReachedThrough)
        << unsigned(isa<FunctionDecl>(E.Through)) << E.Through << E.Subject;
  if (E.ViaCallee)
    R.report(E.ViaLoc, Diag::NoteCalleeWrites)
        << name(E.ViaCallee)
        << unsigned(E.ViaParam      ? 1
                    : E.ViaCaptured ? capturedForm(E.ViaCapture, E.ViaCapturePointee,
                                                   /*Otherwise=*/2)
                                    : 0)
        << (E.ViaParam     ? quoted(E.ViaParam)
            : E.ViaCapture ? quoted(E.ViaCapture)
                           : std::string());
  if (E.DefaultArgOf)
    R.report(E.DefaultArgUse, Diag::NoteDefaultArgUsed) << E.DefaultArgOf;
  // A callable passed to a callee that calls it (Effect::CalledBy).
  if (E.CalledBy && E.CalledAt.isValid())
    R.report(E.CalledAt, Diag::NoteCalleeCallsParam) << name(E.CalledBy) << E.CalledAs;
}

void PurityReport::instantiationNote(const FunctionDecl *FD) {
  if (!FD->isTemplateInstantiation())
    return;
  SourceLocation POI = FD->getPointOfInstantiation();
  if (POI.isInvalid())
    return;
  R.report(POI, Diag::NoteInstantiation)
      << unsigned(FD->getPrimaryTemplate() == nullptr) << name(FD);
}

const FunctionDecl *PurityReport::sharedSource(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !(MD->getParent()->isLambda() || MD->getParent()->isLocalClass()))
    return nullptr;
  // Up the chain of patterns: an instantiated closure's or local class's
  // member remembers the member it was made from, a specialization of a
  // generic lambda its call operator, and the call operator template of a
  // generic lambda in an instantiated function the template it was made
  // from (as in Attributes.cpp).
  const FunctionDecl *D = FD;
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    const FunctionDecl *Up = D->getTemplateInstantiationPattern(/*ForDefinition=*/false);
    if (!Up || Up == D)
      if (const FunctionTemplateDecl *FT = D->getDescribedFunctionTemplate())
        if (const FunctionTemplateDecl *From = FT->getInstantiatedFromMemberTemplate())
          Up = From->getTemplatedDecl();
    if (!Up || Up == D)
      break;
    D = Up;
  }
  return D == FD ? nullptr : D;
}

bool PurityReport::reportedBefore(const FunctionDecl *Source, const Effect &E) {
  // What the error says, and where: the instances' own declarations (their
  // parameters, a callee instantiated with them) differ, their names and
  // locations do not.
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  OS << unsigned(E.Kind) << '|' << E.Loc.getRawEncoding() << '|'
     << (E.Subject ? E.Subject->getName() : "") << '|' << (E.Callee ? name(E.Callee) : "")
     << '|' << E.Shown << '|' << E.Detail;
  return !Reported.insert({Source, std::move(Key)}).second;
}

bool PurityReport::reportDeclaredPure(const FunctionDecl *FD) {
  const Summary &S = F.resolve(FD);
  // Named only for a violation: most functions have none.
  std::string Fn;
  const AnnotateAttr *Attr = nullptr;
  const FunctionDecl *Source = nullptr;
  bool Pure = true;
  for (const Effect &E : S.Resolved) {
    if (!blocks(S, E))
      continue;
    if (Pure) {
      Fn = name(FD);
      Attr = findAttr(FD, PureccAttr::Pure);
      Source = sharedSource(FD);
    }
    Pure = false;
    if (Source && reportedBefore(Source, E))
      continue;
    error(E, S, Fn);
    if (Attr)
      R.report(Attr->getLocation(), Diag::NoteDeclaredPureHere) << Fn;
    instantiationNote(FD);
  }
  // Its callers trust the contract, which a strong definition elsewhere
  // would break at link time (adv92 F4: a weak [[pure]] function replaced
  // by a counting one, and its calls ran in parallel).
  if (replaceableAtLinkTime(FD)) {
    Fn = name(FD);
    R.report(FD->getLocation(), Diag::WeakDefinition) << Fn;
    if (const AnnotateAttr *A = findAttr(FD, PureccAttr::Pure))
      R.report(A->getLocation(), Diag::NoteDeclaredPureHere) << Fn;
    Pure = false;
  }
  return Pure;
}

void PurityReport::reportOverride(const CXXMethodDecl *Override,
                                  const CXXMethodDecl *PureBase) {
  {
    auto B = R.report(Override->getLocation(), Diag::OverrideNotPure);
    B << name(Override) << name(PureBase);
    const FunctionDecl *Def = nullptr;
    if (Override->hasBody(Def) && wouldPass(Def) && Override->getBeginLoc().isFileID())
      B << FixItHint::CreateInsertion(Override->getBeginLoc(), "[[pure]] ");
  }
  if (const AnnotateAttr *A = findAttr(PureBase, PureccAttr::Pure))
    R.report(A->getLocation(), Diag::NoteDeclaredPureHere) << name(PureBase);
  // An implicit destructor is reported only when it is not pure: say why.
  if (Override->isImplicit())
    explain(Override);
}

} // namespace purecc
