//===- TaskRegistry.cpp - range loops other ranks can run -----------------===//
#include "TaskRegistry.h"
#include "AddressTypes.h"
#include "IotaLoops.h"
#include "analysis/FixedCallee.h"
#include "Fingerprint.h"
#include "Memoize.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/IdentifierTable.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <memory>

using namespace clang;

namespace purecc {
namespace {

/// The function whose body holds S (a lambda's call operator for a loop in
/// a lambda), or null.
const FunctionDecl *enclosingFunction(ASTContext &Ctx, const Stmt *S) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  while (!Parents.empty()) {
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>())
      return FD;
    if (const auto *LE = P.get<LambdaExpr>())
      return LE->getCallOperator();
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

/// The type of the element Target (`v[i]`, `v.at(i)`, `a[i]`) as the user
/// wrote it, for a remark: the container's template argument as written
/// (`std::vector<Box>`: 'Box', `std::vector<std::string>`: 'std::string'),
/// not the library's 'value_type', which names the element type only inside
/// the library (and whose desugaring loses the user's spelling).
QualType writtenElementType(const ASTContext &Ctx, const Expr *Target, QualType Element) {
  const Expr *Object = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Target->IgnoreParenImpCasts()))
    Object = Op->getArg(0);
  else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Target->IgnoreParenImpCasts()))
    Object = MC->getImplicitObjectArgument();
  if (Object)
    if (const auto *TST = Object->IgnoreParenImpCasts()
                              ->getType()
                              .getNonReferenceType()
                              ->getAs<TemplateSpecializationType>())
      for (const TemplateArgument &A : TST->template_arguments())
        if (A.getKind() == TemplateArgument::Type && Ctx.hasSameType(A.getAsType(), Element))
          return A.getAsType().getUnqualifiedType();
  return Element;
}

/// The linker symbol of FD ("main", "_Z3sumi"), or "" when it has none a
/// string literal can hold.
std::string symbolOf(ASTContext &Ctx, const FunctionDecl *FD) {
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  GlobalDecl GD;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
    GD = GlobalDecl(CD, Ctor_Complete);
  else if (const auto *DD = dyn_cast<CXXDestructorDecl>(FD))
    GD = GlobalDecl(DD, Dtor_Complete);
  else
    GD = GlobalDecl(FD);
  std::string Name;
  if (!MC->shouldMangleDeclName(FD)) {
    if (FD->getIdentifier())
      Name = FD->getName().str();
  } else {
    llvm::raw_string_ostream OS(Name);
    MC->mangleName(GD, OS);
  }
  for (char C : Name)
    if (!llvm::isAlnum(C) && C != '_' && C != '.' && C != '$')
      return "";
  return Name;
}

/// The name of FD's task, the same on every rank: its linker symbol, and
/// for a function of internal linkage "@<file>-<hash>" too: two files may
/// define a static or anonymous-namespace function of the same name, and
/// two files of one name may sit in two folders (`d1/util.cpp`,
/// `d2/util.cpp`: adv71 F8), so the main file's name is followed by 8 hex
/// digits of the XXH3 of its absolute path. "" when FD has no linker symbol.
std::string taskSymbol(ASTContext &Ctx, const SourceManager &SM, const FunctionDecl *FD) {
  std::string Symbol = symbolOf(Ctx, FD);
  if (Symbol.empty() || FD->isExternallyVisible())
    return Symbol;
  llvm::SmallString<256> Path(SM.getFileEntryRefForID(SM.getMainFileID())->getName());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  std::string File = llvm::sys::path::filename(Path).str();
  for (char &C : File)
    if (!llvm::isAlnum(C) && C != '_' && C != '.' && C != '-')
      C = '_';
  std::string Hash;
  llvm::raw_string_ostream(Hash) << llvm::format_hex_no_prefix(llvm::xxh3_64bits(Path.str()) >> 32, 8);
  return Symbol + "@" + File + "-" + Hash;
}

/// What the loop reads from outside itself, in order of first use.
class Reads : public RecursiveASTVisitor<Reads> {
public:
  /// Locals (automatic variables and parameters) and every use of each.
  llvm::MapVector<const VarDecl *, std::vector<const DeclRefExpr *>> Locals;
  /// The first reason the loop cannot run elsewhere.
  std::string Problem;
  /// Variables with static storage it reads, and functions it names, in
  /// order of first use: what their initializers compute at start-up may
  /// differ between ranks (startupReason).
  llvm::SetVector<const Decl *> Reached;
  llvm::SmallPtrSet<const VarDecl *, 8> Inside;
  const Expr *Skip = nullptr;

  bool TraverseStmt(Stmt *S) {
    if (S && S == Skip)
      return true;
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  bool VisitVarDecl(VarDecl *VD) {
    Inside.insert(VD);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *) {
    // A default member initializer's 'this' is the object it initializes.
    if (Problem.empty() && InDefaultInit == 0)
      Problem = "it uses 'this'";
    return true;
  }
  // A default argument and a default member initializer run where the call
  // or the object is made, in the loop: what they read is the loop's
  // (adv61 F2, F3: `long k = g_m` read the worker's own 'g_m').
  bool VisitCXXDefaultArgExpr(CXXDefaultArgExpr *E) {
    TraverseStmt(E->getExpr());
    return true;
  }
  bool VisitCXXDefaultInitExpr(CXXDefaultInitExpr *E) {
    ++InDefaultInit;
    TraverseStmt(E->getExpr());
    --InDefaultInit;
    return true;
  }
  // `P{i}` of an aggregate: the members it leaves out get their default
  // initializers, which only the list's semantic form shows.
  bool VisitInitListExpr(InitListExpr *ILE) {
    defaultsOf(ILE->isSyntacticForm() ? ILE->getSemanticForm() : ILE);
    return true;
  }
  // Member functions and constructors it calls: what they read at
  // start-up counts as the loop's own reads do (startupReason). A static
  // data member named through an object (`a.K`) is a global like `A::K`
  // (adv61 F1).
  bool VisitMemberExpr(MemberExpr *ME) {
    if (const auto *FD = dyn_cast<FunctionDecl>(ME->getMemberDecl()))
      Reached.insert(FD);
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
      global(VD);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    Reached.insert(CE->getConstructor());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
      if (Problem.empty())
        Problem = "it reads the structured binding " + quoted(BD);
      return true;
    }
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      Reached.insert(FD);
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return true;
    if (VD->hasLocalStorage()) {
      Locals[VD].push_back(DRE);
      return true;
    }
    global(VD);
    return true;
  }

private:
  unsigned InDefaultInit = 0;
  AddressTypes Types;

  void defaultsOf(InitListExpr *ILE) {
    if (!ILE)
      return;
    for (Expr *Init : ILE->inits()) {
      if (auto *DI = dyn_cast_or_null<CXXDefaultInitExpr>(Init))
        VisitCXXDefaultInitExpr(DI);
      else if (auto *Inner = dyn_cast_or_null<InitListExpr>(Init))
        defaultsOf(Inner);
    }
  }

  /// Whether RD, its bases or its members' classes have a 'mutable' member:
  /// a const object of it can still be changed.
  static bool hasMutableMember(const CXXRecordDecl *RD) {
    if (!RD || !RD->hasDefinition())
      return false;
    for (const FieldDecl *F : RD->fields())
      if (F->isMutable() || hasMutableMember(F->getType()->getBaseElementTypeUnsafe()->getAsCXXRecordDecl()))
        return true;
    for (const CXXBaseSpecifier &B : RD->bases())
      if (hasMutableMember(B.getType()->getAsCXXRecordDecl()))
        return true;
    return false;
  }

  /// VD, a variable with static storage, is read.
  void global(const VarDecl *VD) {
    Reached.insert(VD);
    // A static local is initialized where its function first reaches it:
    // the other ranks never run the function that holds the loop (adv60
    // F1: `static const long K = argc + 41;` in main read 0 there; a
    // vector read empty crashed). One initialized before the program
    // starts (a constant initializer) is the same everywhere.
    if (!Problem.empty())
      return;
    if (VD->isStaticLocal() && !VD->isConstexpr() && !VD->hasConstantInitialization()) {
      Problem = "it reads " + quoted(VD) +
                ", a static local initialized where its function first reaches it, which "
                "the other ranks never run";
      return;
    }
    // Every rank computes its own globals from the same binary: a constant
    // is the same everywhere, anything else may differ from rank 0's.
    QualType T = VD->getType();
    if (T->isReferenceType()) {
      Problem = "it reads " + quoted(VD) +
                ", a reference: what it refers to may be a variable of which every rank has "
                "its own copy";
      return;
    }
    if (!T.isConstQualified() && !VD->isConstexpr()) {
      Problem = "it reads " + quoted(VD) + ", a mutable variable of which every rank has its own copy";
      return;
    }
    // ... but not what a constant points to, nor its 'mutable' members
    // (adv61 F4: `long *const GP = &g_m;` read as '*GP').
    if (Types.mayHold(T))
      Problem = "it reads " + quoted(VD) +
                ", a constant that holds an address: what it points to may be a variable of "
                "which every rank has its own copy";
    else if (hasMutableMember(T->getBaseElementTypeUnsafe()->getAsCXXRecordDecl()))
      Problem = "it reads " + quoted(VD) +
                ", a constant with a 'mutable' member, of which every rank has its own copy";
  }
};

/// Why a task that reads or calls D (a variable with static storage, or a
/// function) may compute on another rank what rank 0 would not: D, or a
/// global D's code or initializer depends on (the fingerprint's Globals),
/// has an initializer that calls what is not pure (StartupCalls.h:
/// `const long K = std::getenv("K") ? ... : 3;`, `const unsigned SEED =
/// std::random_device{}();`, a value read from stdin, which only rank 0
/// gets). Each rank computes its own at start-up (adv60 F2), and a
/// persisted result keyed by the text would serve one run's value to the
/// next (F4). "" when there is none; Call is set to the call, or null
/// where a mutable global is the reason.
std::string startupReason(PlanContext &PC, const Decl *D, const StartupCall *&Call) {
  const Fingerprint &F = PC.fingerprintOf(D);
  std::vector<Fingerprint::Global> Globals;
  if (const auto *VD = dyn_cast<VarDecl>(D))
    Globals.push_back({VD, nullptr});
  Globals.insert(Globals.end(), F.Globals.begin(), F.Globals.end());
  const auto *FD = dyn_cast<FunctionDecl>(D);
  std::string Who = FD ? quoted(FD) + " reads " : std::string("it reads ");
  std::string Read = startupRead(PC.Facts, Globals, Call);
  if (!Read.empty())
    return Who + Read +
           ": each rank computes its own value at start-up, which may differ from rank 0's and "
           "between runs";
  for (const Fingerprint::Global &G : Globals) {
    if (G.Var->getType().isConstQualified() || G.Var->isConstexpr() ||
        G.Var->getType()->isReferenceType())
      continue;
    // A constant computed from a mutable global, which another initializer
    // may have set from what this rank alone sees (adv61 F5: `const long
    // K2 = g_seed;` after `int bump = (g_seed = envRank() + 1, 0);`). Its
    // address alone counts too: each rank has its own.
    if (G.ReachedFrom)
      return Who + quotedGlobal(G.ReachedFrom) + ", computed from " + quotedGlobal(G.Var) +
             ", a mutable variable which any initializer may set at start-up: each rank "
             "computes its own value";
    // A function the loop calls (a constructor, a member function) that
    // reads a mutable global reads each rank's own copy.
    return Who + quotedGlobal(G.Var) + ", a mutable variable of which every rank has its own copy";
  }
  return "";
}

/// A purecc-task-local remark for what startupReason found, with its note
/// at the call; true when there was something.
bool keptLocalByStartup(PlanContext &PC, const Decl *D, SourceLocation Loc, llvm::StringRef Kind) {
  const StartupCall *Call = nullptr;
  std::string Why = startupReason(PC, D, Call);
  if (Why.empty())
    return false;
  if (auto Remark = PC.remark(Loc, Diag::RemarkRangeTaskLocal)) {
    *Remark << Kind << Why;
    Remark.reset(); // emitted before its note
    if (Call)
      PC.R.report(Call->Loc, Diag::NoteStartupCall) << Call->Shown;
  }
  return true;
}

} // namespace

std::optional<RangeTask> planRangeTask(PlanContext &PC, const LoopShape &L,
                                       const shapes::Index &Idx,
                                       llvm::ArrayRef<const VarDecl *> Own, llvm::StringRef Kind,
                                       const Expr *Skip) {
  if (!distributedBuild(PC.Ctx))
    return std::nullopt;
  SourceLocation Loc = L.Loop->getBeginLoc();
  auto Local = [&](const std::string &Why) -> std::optional<RangeTask> {
    if (auto D = PC.remark(Loc, Diag::RemarkRangeTaskLocal))
      *D << Kind << Why;
    return std::nullopt;
  };
  const FunctionDecl *FD = enclosingFunction(PC.Ctx, L.Loop);
  if (!FD)
    return Local("it is not inside a function");
  // One text, several instantiations: the captured types differ per
  // instantiation, and one id must name one function.
  if (FD->isTemplated() || FD->isTemplateInstantiation() || FD->getTemplateInstantiationPattern())
    return Local("it is inside a template");
  std::string Symbol = taskSymbol(PC.Ctx, PC.SM, FD);
  if (Symbol.empty())
    return Local("its function has no linker name to identify it across ranks");

  // The leaf recreates the index from the loop's start and step (never
  // its condition: the end is computed by the caller) and runs the body:
  // what these read from outside travels.
  Reads R;
  R.Skip = Skip;
  // The leaf declares the loop's variable itself.
  for (const VarDecl *Own : {L.Induction, L.Element})
    if (Own)
      R.Inside.insert(Own);
  if (const auto *For = dyn_cast<ForStmt>(L.Loop)) {
    R.TraverseStmt(const_cast<Stmt *>(For->getInit()));
    R.TraverseStmt(const_cast<Expr *>(For->getInc()));
  } else if (const auto *RF = dyn_cast<CXXForRangeStmt>(L.Loop); RF && !L.IndexValue.empty()) {
    // An iota view numbered from 0: the leaf computes i from the view's start.
    if (std::optional<IotaBounds> Iota = iotaBounds(RF->getRangeInit()))
      R.TraverseStmt(const_cast<Expr *>(Iota->Begin));
  }
  // `for (long x : v)` of a member in a member function: the other ranks
  // have no '*this' to read it from.
  if (L.RangeExpr && !L.Range && !Idx.Param.empty())
    return Local("it uses 'this'");
  if (L.Range && !Idx.Param.empty()) {
    if (L.Range->hasLocalStorage())
      R.Locals[L.Range];
    else if (!L.Range->getType().isConstQualified() && R.Problem.empty())
      R.Problem = "it reads " + quoted(L.Range) +
                  ", a mutable variable of which every rank has its own copy";
  }
  R.TraverseStmt(const_cast<Stmt *>(L.Body));
  if (!R.Problem.empty())
    return Local(R.Problem);
  for (const Decl *D : R.Reached)
    if (keptLocalByStartup(PC, D, Loc, Kind))
      return std::nullopt;

  RangeTask T;
  // User aggregates read by the leaf get the generated codec memoization
  // uses (Memoize.h).
  std::vector<const CXXRecordDecl *> Hooks;
  for (auto &[VD, Uses] : R.Locals) {
    if (R.Inside.contains(VD) || llvm::is_contained(Own, VD))
      continue;
    // A constant read only as a value needs no parameter (a captureless
    // lambda may name it); one also bound to a reference needs one, which
    // then is no constant for the uses that need one.
    if (VD->isUsableInConstantExpressions(PC.Ctx)) {
      unsigned OdrUses = llvm::count_if(
          Uses, [](const DeclRefExpr *D) { return D->isNonOdrUse() == NOUR_None; });
      if (OdrUses == 0)
        continue;
      if (OdrUses != Uses.size())
        return Local("it uses the constant " + quoted(VD) + " both as a value and by reference");
    }
    QualType Ty = VD->getType().getNonReferenceType().getUnqualifiedType();
    std::string Why;
    if (!codable(PC.Ctx, Ty, Hooks, Why))
      return Local("it reads " + quoted(VD) + ": " + Why);
    if (const CXXRecordDecl *RD = Ty->getAsCXXRecordDecl();
        RD && !RD->hasDefaultConstructor())
      return Local("it reads " + quoted(VD) + ", whose type '" + Ty.getAsString() +
                   "' has no default constructor to decode it into");
    std::string Name = VD->getNameAsString();
    T.Params.push_back("[[__maybe_unused__]] const " + PC.typeText(Ty) + " &" + Name);
    T.Args.push_back(Name);
  }

  // The element of a range-for, bound by reference to the container that
  // is now a const parameter, is read through a const reference.
  if (L.Element && L.Range && !Idx.Param.empty() && L.Element->getType()->isReferenceType() &&
      !L.Element->getType().getNonReferenceType().isConstQualified())
    T.IndexDeclaration = "const auto &" + L.Element->getNameAsString() + " = " +
                         L.RangeName + "[" + Idx.Param + "]; ";

  if (std::string Why; !emitCodecHooks(PC, FD, Hooks, Why, HookLine::Own))
    return Local(Why);

  const SourceManager &SM = PC.SM;
  unsigned LoopAt = SM.getFileOffset(SM.getExpansionLoc(Loc));
  unsigned FnAt = SM.getFileOffset(SM.getExpansionLoc(FD->getBeginLoc()));
  T.Id = Symbol + "#" + Kind.substr(0, 1).str() + std::to_string(LoopAt - FnAt);
  // Several loops of one function share its fingerprint; the id tells
  // their persisted results apart.
  const Fingerprint &F = PC.fingerprintOf(FD);
  T.Hi = F.Hi ^ llvm::xxh3_64bits(T.Id);
  T.Lo = F.Lo ^ llvm::xxh3_64bits(llvm::StringRef(T.Id + "#lo"));
  T.Linked = llvm::join(F.External, " ");
  if (auto D = PC.remark(Loc, Diag::RemarkRangeTask))
    *D << Kind << T.Id;
  PC.note(Loc, "task", T.Id);
  return T;
}

std::optional<std::string> planCallTask(PlanContext &PC, const CallExpr *CE, bool ArgsMayThrow) {
  if (!distributedBuild(PC.Ctx))
    return std::nullopt;
  auto Local = [&](const std::string &Why) -> std::optional<std::string> {
    if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkRangeTaskLocal))
      *D << "parallel call" << Why;
    return std::nullopt;
  };
  const FunctionDecl *Callee = CE->getDirectCallee();
  // `fp(1)` with `fp` holding one function: the other ranks would need to
  // know which, by name, where the call names only the pointer.
  if (FixedCallee Through = Callee ? FixedCallee{} : fixedCallee(CE); Through.Function)
    return Local("it calls '" + Through.Function->getNameAsString() + "' through " +
                 quoted(Through.Through));
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Callee || isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE) || (Method && !Method->isStatic()))
    return Local("it calls a member function or an operator");
  if (Callee->isVariadic())
    return Local("'" + Callee->getNameAsString() + "' takes variadic arguments");
  const FunctionDecl *FD = enclosingFunction(PC.Ctx, CE);
  if (!FD)
    return Local("it is not inside a function");
  if (FD->isTemplated() || Callee->isTemplated() || Callee->isTemplateInstantiation() ||
      FD->isTemplateInstantiation())
    return Local("it is inside or calls a template");
  if (ArgsMayThrow)
    return Local("an argument of '" + Callee->getNameAsString() +
                 "' may throw, and a branch that travels has its arguments evaluated first");
  std::string Symbol = taskSymbol(PC.Ctx, PC.SM, Callee);
  if (Symbol.empty())
    return Local("'" + Callee->getNameAsString() + "' has no linker name to identify it across ranks");
  // The arguments are computed here; what the callee reads at start-up is
  // the other rank's.
  if (keptLocalByStartup(PC, Callee, CE->getExprLoc(), "parallel call"))
    return std::nullopt;
  // Written arguments only: default arguments are the callee's own.
  std::vector<const Expr *> Args;
  for (const Expr *A : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  std::vector<const CXXRecordDecl *> Hooks;
  auto Travels = [&](QualType Ty, const std::string &What) -> std::string {
    std::string Why;
    if (!codable(PC.Ctx, Ty, Hooks, Why))
      return What + ": " + Why;
    if (const CXXRecordDecl *RD = Ty->getAsCXXRecordDecl(); RD && !RD->hasDefaultConstructor())
      return What + ", whose type '" + Ty.getAsString() + "' has no default constructor to decode it into";
    return "";
  };
  QualType Result = Callee->getReturnType();
  if (Result->isReferenceType() || Result->isVoidType())
    return Local("'" + Callee->getNameAsString() + "' does not return an object");
  if (std::string Why = Travels(Result.getUnqualifiedType(), "its result"); !Why.empty())
    return Local(Why);
  std::string Stem = PC.unusedName("arg");
  std::vector<std::string> Params, Names, Texts;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (I >= Callee->getNumParams())
      return Local("it passes more arguments than '" + Callee->getNameAsString() + "' declares");
    QualType Ty = Callee->getParamDecl(I)->getType().getNonReferenceType().getUnqualifiedType();
    if (std::string Why = Travels(Ty, "argument " + std::to_string(I + 1)); !Why.empty())
      return Local(Why);
    auto O = PC.offsets(Args[I]->getSourceRange());
    if (!O)
      return Local("an argument is written in a macro");
    Names.push_back(Stem + "_" + std::to_string(I));
    Params.push_back("const " + PC.typeText(Ty) + " &" + Names.back());
    Texts.push_back(PC.textAt(O->first, O->second));
  }
  auto CalleeText = PC.offsets(CE->getCallee()->IgnoreImplicit()->getSourceRange());
  if (!CalleeText)
    return Local("the call is written in a macro");
  if (std::string Why; !emitCodecHooks(PC, FD, Hooks, Why, HookLine::Own))
    return Local(Why);
  std::string Id = Symbol + "#call";
  const Fingerprint &F = PC.fingerprintOf(Callee);
  std::uint64_t Hi = F.Hi ^ llvm::xxh3_64bits(Id);
  std::uint64_t Lo = F.Lo ^ llvm::xxh3_64bits(llvm::StringRef(Id + "#lo"));
  std::string Text = shapes::callAtBranch(Id, llvm::join(F.External, " "), Hi, Lo, Params, PC.typeText(Result.getUnqualifiedType()),
                                         PC.textAt(CalleeText->first, CalleeText->second),
                                         Names, Texts);
  if (auto D = PC.remark(CE->getExprLoc(), Diag::RemarkRangeTask))
    *D << "parallel call" << Id;
  PC.note(CE->getExprLoc(), "task", Id);
  return Text;
}

bool planMapTask(PlanContext &PC, const LoopShape &L, const Expr *Target,
                 const shapes::Index &Idx, llvm::StringRef Grain) {
  if (!distributedBuild(PC.Ctx))
    return false;
  auto Local = [&](const std::string &Why) {
    if (auto D = PC.remark(L.Loop->getBeginLoc(), Diag::RemarkRangeTaskLocal))
      *D << "map" << Why;
    return false;
  };
  // The leaf returns what the one assignment stores.
  const Stmt *S = L.Body;
  if (const auto *CS = dyn_cast<CompoundStmt>(S); CS && CS->size() == 1)
    S = CS->body_front();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
    S = EWC->getSubExpr();
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign) {
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    LHS = Op->getArg(0);
    RHS = Op->getArg(1);
  }
  if (!Target || LHS != Target || Idx.Param.empty())
    return Local("its body is not one assignment 'x[i] = e;' of the element");
  QualType Element = Target->getType().getNonReferenceType().getUnqualifiedType();
  QualType Value = RHS->IgnoreImpCasts()->getType().getNonReferenceType().getUnqualifiedType();
  // The remarks name the element type as the user wrote it.
  QualType Written = writtenElementType(PC.Ctx, Target, Element);
  std::string Known = Written.getAsString(PC.Ctx.getPrintingPolicy());
  // A returned value is converted by initialization, a stored one by
  // operator=: the same for arithmetic types only.
  if (!Element->isArithmeticType() && !PC.Ctx.hasSameType(Element, Value))
    return Local("the element's assignment converts '" +
                 Value.getAsString(PC.Ctx.getPrintingPolicy()) + "' to '" + Known + "'");
  std::vector<const CXXRecordDecl *> Hooks;
  std::string Why;
  if (!codable(PC.Ctx, Written, Hooks, Why) || !Hooks.empty())
    return Local("its elements cannot travel: " +
                 (Why.empty() ? "'" + Known + "' has no 'purecc::codec'" : Why));
  if (const CXXRecordDecl *RD = Element->getAsCXXRecordDecl(); RD && !RD->hasDefaultConstructor())
    return Local("its element type '" + Known + "' has no default constructor");
  auto Stored = PC.offsets(Target->getSourceRange());
  auto Value0 = PC.offsets(RHS->getSourceRange());
  if (!Stored || !Value0 || PC.isTaken(Stored->first, Value0->first))
    return Local("its assignment is written in a macro");
  std::optional<RangeTask> Task = planRangeTask(PC, L, Idx, {}, "map", Target);
  if (!Task)
    return false;
  bool Block = isa<CompoundStmt>(L.Body);
  std::string TargetText = PC.textAt(Stored->first, Stored->second);
  PC.replace(L.HeaderBegin, L.HeaderEnd,
             trimBeforeSpace(PC,
                             shapes::mapHead(L.Begin, L.End, Idx, PC.typeText(Element), *Task) +
                                 (Block ? "" : "{"),
                             L.HeaderEnd));
  PC.replace(Stored->first, Value0->first, "return ");
  PC.insert(L.BodyEnd, (Block ? std::string() : std::string(" }")) +
                           shapes::mapTail(Idx, TargetText, *Task, Grain));
  return true;
}

} // namespace purecc
