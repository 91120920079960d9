//===- Fingerprint.cpp - a memoized function's 128-bit identity -----------===//
#include "Fingerprint.h"
#include "AddressData.h"

#include "analysis/ImplementationHeaders.h"
#include "analysis/PurityChecker.h"
#include "AddressTypes.h"
#include "StdComparisons.h"
#include "UserCodecs.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/LangStandard.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

using namespace clang;

namespace purecc {
namespace {

/// Whether RD is a standard hash container (`std::unordered_set`, ...).
bool isHashContainer(const CXXRecordDecl *RD) {
  return RD && RD->getIdentifier() && RD->getName().starts_with("unordered_") && isImplementationDecl(RD);
}

/// Bumped whenever what goes into a fingerprint changes, so that old cache
/// entries stop matching.
constexpr const char *FormatVersion = "purecc-fingerprint-7";

/// Collects the user declarations a function's meaning depends on: every
/// declaration it names or implies, transitively (functions it calls,
/// globals and constants it reads, and every type named or implied anywhere
/// in its code: records with their bases, members' types and default member
/// initializers, destructors, enumerations, aliases, concepts). Records also
/// enter by their layout and every record or enumeration type by its full
/// spelling (`Tag<5>`), so that an edit the tokens do not show (a `#pragma
/// pack`, a constant that only sets a template argument) still changes the
/// key. Code instantiated from system-header templates (`std::sort` of a
/// user type) is followed for the user code it reaches, which enters like
/// any other callee; the library itself is covered by the namespace.
/// The members of standard containers whose value is not the elements a
/// memo key holds (serialize.h).
constexpr llvm::StringLiteral UnkeyedMembers[] = {
    "capacity",  "bucket_count", "bucket_size",   "bucket", "load_factor", "max_load_factor",
    "key_comp",  "value_comp",   "hash_function", "key_eq", "get_allocator"};

class Dependencies : public RecursiveASTVisitor<Dependencies> {
public:
  Dependencies(ASTContext &Ctx, MangleContext &MC)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), MC(MC), Policy(Ctx.getPrintingPolicy()) {
    Policy.AnonymousTagLocations = false; // no file names: a copy elsewhere hits
  }
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  /// D and everything it depends on. Found.front() is D.
  void collect(const Decl *D) {
    Root = D ? D->getCanonicalDecl() : nullptr;
    add(D);
    // A work list, not recursion: the code reached through library
    // templates can be deep.
    while (!Pending.empty()) {
      auto [Next, System] = Pending.back();
      Pending.pop_back();
      WalkingSystem = System;
      Walking = Next;
      walk(Next);
    }
  }

  void add(const Decl *D) {
    if (!D || D->getLocation().isInvalid())
      return;
    const bool System = isLibrary(D);
    // A member of a class template specialization means what the class's
    // arguments say, defaults included: `DK<>::v` is `DK<3>::v` until the
    // default becomes 4.
    if (!System)
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D->getDeclContext()))
        addType(Ctx.getRecordType(Spec));
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      return addFunction(FD, System);
    if (const auto *VD = dyn_cast<VarDecl>(D))
      return addVariable(VD, System);
    if (System) {
      // A library class template holding user types destroys them in its
      // instantiated destructor.
      if (const auto *RD = dyn_cast<ClassTemplateSpecializationDecl>(D); RD && RD->hasDefinition())
        add(RD->getDestructor());
      return;
    }
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      schedule(RD, System);
      // A lambda's text is inside the declaration that holds it, already
      // hashed; its own entry would only add its position in the file.
      if (RD->isLambda())
        return;
      if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
        RD = Pattern;
      return record(RD->getDefinition() ? RD->getDefinition() : RD);
    }
    if (const auto *ED = dyn_cast<EnumDecl>(D)) {
      schedule(ED, System);
      if (const EnumDecl *Pattern = ED->getTemplateInstantiationPattern())
        ED = Pattern;
      return record(ED->getDefinition() ? ED->getDefinition() : ED);
    }
    schedule(D, System);
    record(D);
  }

  void addType(QualType T) {
    if (T.isNull() || !SeenTypes.insert(T.getAsOpaquePtr()).second)
      return;
    // What a name stands for is not in the text that uses it: `real s` is
    // another computation after `using real = float;` becomes `double`.
    // Every alias on the way from the type as written to what it is.
    for (QualType Cur = T;;) {
      if (const auto *TT = dyn_cast<TypedefType>(Cur.getTypePtr())) {
        add(TT->getDecl());
      } else if (const auto *TST = dyn_cast<TemplateSpecializationType>(Cur.getTypePtr())) {
        if (TST->isTypeAlias())
          add(TST->getTemplateName().getAsTemplateDecl());
        for (const TemplateArgument &A : TST->template_arguments())
          addArgument(A);
      }
      QualType Next = Cur.getSingleStepDesugaredType(Ctx);
      if (Next == Cur)
        break;
      Cur = Next;
    }
    if (const auto *PT = T->getAs<PointerType>()) {
      addType(PT->getPointeeType());
    } else if (const auto *RT = T->getAs<ReferenceType>()) {
      addType(RT->getPointeeType());
    } else if (const auto *MPT = T->getAs<MemberPointerType>()) {
      addType(MPT->getPointeeType());
      addType(QualType(MPT->getClass(), 0));
    } else if (const ArrayType *AT = T->getAsArrayTypeUnsafe()) {
      addType(AT->getElementType());
    } else if (const auto *FT = T->getAs<FunctionType>()) {
      addType(FT->getReturnType());
      if (const auto *FPT = dyn_cast<FunctionProtoType>(FT))
        for (QualType P : FPT->param_types())
          addType(P);
    } else if (const auto *AtT = T->getAs<AtomicType>()) {
      addType(AtT->getValueType());
    } else if (const auto *CT = T->getAs<ComplexType>()) {
      addType(CT->getElementType());
    } else if (const auto *VT = T->getAs<VectorType>()) {
      addType(VT->getElementType());
    } else if (const auto *ET = T->getAs<EnumType>()) {
      add(ET->getDecl());
      addSpelling(T);
    } else if (const auto *RD = T->getAsCXXRecordDecl()) {
      add(RD);
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
          addArgument(A);
      addSpelling(T);
      addCodecs(T);
    }
  }

  /// The program's own `purecc::codec` for a class the function uses: a
  /// memo key and a stored result are the bytes it writes, so a new byte
  /// format is a new key (adv85 F1: the old bytes were read back as another
  /// value). Which partial specialization matches is the compiler's to
  /// say: each the program wrote counts for every class (only a miss).
  void addCodecs(QualType T) {
    if (const ClassTemplateSpecializationDecl *Codec = userCodec(Ctx, T);
        Codec && isProgramCodec(Ctx, Codec)) {
      add(Codec);
      // What its write and read call (adv88 F5: helpers that encoded the
      // cents were edited and an old entry hit).
      for (const CXXMethodDecl *M : Codec->methods())
        if (!M->isImplicit())
          add(M);
    }
    if (!PartialCodecsAdded) {
      PartialCodecsAdded = true;
      for (const ClassTemplatePartialSpecializationDecl *P : userPartialCodecs(Ctx))
        add(P);
    }
  }

  // `__builtin_LINE()`, `__builtin_FILE()`, `std::source_location::current()`
  // ...: their value is where they are used (for a default argument, the
  // call), which no token shows: moving the function down a line must
  // change its key (adv27 F1). Library code's own are its version's.
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E, DataRecursionQueue * = nullptr) {
    DefaultArgs.push_back(E);
    bool Continue = RecursiveASTVisitor::TraverseCXXDefaultArgExpr(E, nullptr);
    DefaultArgs.pop_back();
    return Continue;
  }
  bool VisitSourceLocExpr(SourceLocExpr *E) {
    SourceLocation Used = DefaultArgs.empty() ? E->getLocation() : DefaultArgs.front()->getUsedLocation();
    if (WalkingSystem && DefaultArgs.empty())
      return true;
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Used));
    if (P.isInvalid())
      return true;
    // Only what the value shows: a file moved elsewhere keeps the line.
    SourceLocIdentKind K = E->getIdentKind();
    bool All = K == SourceLocIdentKind::SourceLocStruct;
    std::string Value = E->getBuiltinStr().str();
    if (All || K == SourceLocIdentKind::File || K == SourceLocIdentKind::FileName)
      Value += std::string(" file ") + P.getFilename();
    if (All || K == SourceLocIdentKind::Line)
      Value += " line " + std::to_string(P.getLine());
    if (All || K == SourceLocIdentKind::Column)
      Value += " column " + std::to_string(P.getColumn());
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Walking);
        ND && (All || K == SourceLocIdentKind::Function || K == SourceLocIdentKind::FuncSig))
      Value += " function " + ND->getQualifiedNameAsString();
    Facts.insert("source-location " + Value);
    return true;
  }
  // Every expression's type: an aggregate `S{}`, a temporary, a member
  // reached through another (`o.in.q`), a cast, a conversion.
  bool VisitExpr(Expr *E) {
    addType(E->getType());
    return true;
  }
  // Every type written: sizeof, alignof, casts, `new`, template and trait
  // arguments, decltype.
  bool VisitTypeLoc(TypeLoc TL) {
    addType(TL.getType());
    return true;
  }
  bool VisitDeclaratorDecl(DeclaratorDecl *DD) {
    addType(DD->getType());
    return true;
  }
  // `&g`, `&g.m`, `&g[0]`: where g lies, not its value.
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() != UO_AddrOf)
      return true;
    const Expr *E = UO->getSubExpr();
    while (true) {
      E = E->IgnoreParens();
      if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow() &&
                                                     isa<FieldDecl>(ME->getMemberDecl()))
        E = ME->getBase();
      else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
        const auto *Decay = dyn_cast<ImplicitCastExpr>(AS->getBase()->IgnoreParens());
        if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
          break;
        E = Decay->getSubExpr();
      } else
        break;
    }
    if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
      AddressOnly.insert(E);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && VD->hasGlobalStorage()) {
      add(VD);
      if (!AddressOnly.contains(DRE))
        ValueRead.insert(actual(VD));
    }
    // A structured binding at namespace scope reads its hidden variable,
    // which holds the initializer (and a tuple-like one its own reference).
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
      if (const auto *VD = dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
          VD && VD->hasGlobalStorage())
        add(VD);
      if (const VarDecl *Holding = BD->getHoldingVar(); Holding && Holding->hasGlobalStorage())
        add(Holding);
    }
    if (const auto *ECD = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      add(cast<EnumDecl>(ECD->getDeclContext()));
    if (isa<FunctionDecl>(DRE->getDecl()))
      add(DRE->getDecl());
    // `std::invoke(&std::vector<long>::capacity, v)`, `std::mem_fn(...)`:
    // the member is called where no member call shows (adv64 F4).
    if (const auto *MD = dyn_cast<CXXMethodDecl>(DRE->getDecl());
        !WalkingSystem && MD && MD->getIdentifier() && isLibrary(MD) &&
        llvm::is_contained(UnkeyedMembers, MD->getName()))
      UnkeyedReads.push_back({DRE, MD->getNameAsString(), false});
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    add(CE->getDirectCallee());
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      addMathBuiltin(Callee); // declared nowhere: add() does not see it
    checkOrder(CE);
    // `std::swap(t, s)`.
    if (const FunctionDecl *Callee = CE->getDirectCallee();
        !WalkingSystem && Callee && !isa<CXXMethodDecl>(Callee) && Callee->getIdentifier() &&
        Callee->getName() == "swap" && CE->getNumArgs() == 2)
      for (const Expr *Arg : CE->arguments())
        takesLayout(Arg, Taking::Storage);
    // `std::move(v)`, `std::forward<V>(v)`, `std::exchange(v, {})`,
    // `std::swap(w, v)`, `v.swap(w)`: v's storage goes elsewhere.
    if (const FunctionDecl *Callee = CE->getDirectCallee();
        !WalkingSystem && Callee && Callee->getIdentifier() && isLibrary(Callee) &&
        llvm::is_contained({"move", "forward", "exchange", "swap", "move_if_noexcept"},
                           Callee->getName())) {
      for (const Expr *Arg : CE->arguments())
        noteMovedParameter(Arg);
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        noteMovedParameter(MC->getImplicitObjectArgument());
    }
    return true;
  }
  // `v.capacity()` of a parameter: two arguments with equal elements would
  // share one entry, which the function tells apart (adv33 t04).
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *CE) {
    if (WalkingSystem)
      return true;
    const CXXMethodDecl *MD = CE->getMethodDecl();
    if (!MD || !MD->getIdentifier() || !isLibrary(MD))
      return true;
    // `t.swap(s)`: t now has s's buckets.
    if (MD->getName() == "swap" && CE->getNumArgs() == 1) {
      takesLayout(CE->getImplicitObjectArgument(), Taking::Storage);
      takesLayout(CE->getArg(0), Taking::Storage);
    }
    // (What a view's members reach is KeyedAccess.h's: past-view.) A hash
    // container's bucket interface (`s.begin(0)`, `s.cend(3)`) depends on
    // its bucket count (adv54 t21), and so does where an element inserted
    // into one the caller filled lands in its order (adv65 G7).
    bool Inserts = insertsByBuckets(MD);
    if (!readsBuckets(CE) && !Inserts && !llvm::is_contained(UnkeyedMembers, MD->getName()))
      return true;
    noteUnkeyed(CE->getImplicitObjectArgument(),
                {CE, MD->getNameAsString(), readsBuckets(CE) || Inserts, Inserts});
    return true;
  }
  /// A member that puts an element where a hash container's bucket count
  /// says: its later iteration order depends on it.
  static bool insertsByBuckets(const CXXMethodDecl *MD) {
    return MD->getIdentifier() && isHashContainer(MD->getParent()) &&
           llvm::is_contained({"insert", "emplace", "emplace_hint", "try_emplace", "insert_or_assign",
                               "merge", "insert_range"},
                              MD->getName());
  }
  /// Read, a member call on Object that depends on what the key does not
  /// hold: unkeyed unless Object is a local the function built itself.
  void noteUnkeyed(const Expr *Object, Fingerprint::UnkeyedRead Read) {
    while (Object) {
      Object = Object->IgnoreParenImpCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(Object); ME && !ME->isArrow())
        Object = ME->getBase();
      else
        break;
    }
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Object);
    const auto *Owned = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    // `pv->capacity()` of `const V *pv = &v` reads the object pv points
    // to, which may be a parameter (adv64 F4).
    if (!Owned || !Owned->hasLocalStorage() || isa<ParmVarDecl>(Owned) ||
        Owned->getType()->isReferenceType() || Owned->getType()->isPointerType())
      UnkeyedReads.push_back(Read);
    else
      LocalLayoutReads.push_back({Read, Owned});
  }
  // A local hash container copied, moved or assigned from another object
  // takes its bucket count along (libstdc++ copies it: adv54 t22, `auto t
  // = s; t.bucket_count()`): what it then reads of its buckets is the
  // other object's, not something the function built. Any container moved
  // from another takes its capacity along (`auto w = std::move(v);
  // w.capacity()`, adv64 F4); a copy's is made from its size.
  bool VisitVarDecl(VarDecl *VD) {
    if (WalkingSystem || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
      return true;
    const Expr *Init = VD->getInit();
    while (true) {
      Init = Init->IgnoreImplicit()->IgnoreParens();
      if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Init))
        Init = FC->getSubExpr();
      else
        break;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
        CE && CE->getConstructor()->isCopyOrMoveConstructor())
      if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
          RD && (isHashContainer(RD) || CE->getConstructor()->isMoveConstructor()))
        LayoutTaken.insert(VD);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (!WalkingSystem && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      takesLayout(Op->getArg(0), Op->getArg(1)->isXValue() ? Taking::Storage : Taking::Copy);
    // `m[k]` of an unordered map inserts a missing key.
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
        !WalkingSystem && MD && Op->getOperator() == OO_Subscript && isLibrary(MD) &&
        isHashContainer(MD->getParent()))
      noteUnkeyed(Op->getArg(0), {Op, "operator[]", true, true});
    return true;
  }
  // A container parameter's storage moved anywhere (`std::exchange(v, {})`,
  // `H h{std::move(v)}`, a pair made of it) takes its capacity and buckets
  // along where this walk does not follow: any local's then count (adv65 G5).
  void noteMovedParameter(const Expr *E) {
    const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (P && P->getType().getNonReferenceType()->isRecordType() &&
        !P->getType().getNonReferenceType().isConstQualified())
      ParameterStorageMoved = true;
  }
  // `reinterpret_cast<std::uintptr_t>(&a)`, `reinterpret_cast<const char
  // *>(&p)`, `__builtin_bit_cast`: an address as data (AddressData.h;
  // adv54 t06, t29).
  bool VisitCastExpr(CastExpr *CE) {
    if (!WalkingSystem && addressAsData(CE, AddressBytes, Ctx) != AddressAsData::None)
      AddressValues.push_back(CE);
    // `static_cast<std::vector<long> &&>(v)`.
    if (!WalkingSystem && isa<ExplicitCastExpr>(CE) && CE->isXValue())
      noteMovedParameter(CE->getSubExpr());
    return true;
  }
  // `std::less<T *>{}(p, q)`, `std::hash<T *>{}(p)`, `std::sort` of
  // pointers, `std::max(&a, &b)`: the library's total order and hash of
  // addresses are where the objects lie (StdComparisons.h).
  void checkOrder(const CallExpr *Call) {
    if (WalkingSystem)
      return;
    // `std::bit_cast<std::uintptr_t>(&a)`, `std::memcpy(&u, &p, 8)`: an
    // address's bytes as a value (adv54 t06, t09). A copy into another
    // pointer (`std::memcpy(&q, &p, 8)`) stays an address.
    if (AddressAsData How = addressAsData(Call, AddressBytes, Ctx);
        How != AddressAsData::None && How != AddressAsData::BytesToAddress)
      return AddressValues.push_back(Call);
    if (auto C = stdComparison(Call, Ctx);
        C && C->How == StdComparison::Kind::Order && holdsAddressValues(C->Values))
      AddressValues.push_back(Call);
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    add(CE->getConstructor());
    // A `std::set<T *>` or `std::unordered_map<T *, V>` ranks its keys.
    if (auto C = containerComparison(CE->getType());
        !WalkingSystem && C && holdsAddressValues(C->Values))
      AddressValues.push_back(CE);
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *NE) {
    add(NE->getOperatorNew());
    add(NE->getOperatorDelete());
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *DE) {
    add(DE->getOperatorDelete());
    addType(DE->getDestroyedType());
    return true;
  }
  // A tuple-like structured binding calls `get<I>` (a free one is not in
  // the class's tokens) in hidden variables no statement names.
  bool VisitDecompositionDecl(DecompositionDecl *DD) {
    for (BindingDecl *BD : DD->bindings())
      if (VarDecl *Holding = BD->getHoldingVar())
        TraverseDecl(Holding);
    return true;
  }
  bool VisitConceptSpecializationExpr(ConceptSpecializationExpr *CSE) {
    add(CSE->getNamedConcept());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    const ValueDecl *Member = ME->getMemberDecl();
    // `x.u` of `union { const long *p; std::uintptr_t u; }`: an address's
    // bytes read as a number (adv54 t29).
    if (const auto *Field = dyn_cast<FieldDecl>(Member);
        !WalkingSystem && Field && Field->getParent()->isUnion() &&
        !AddressBytes.mayHold(Field->getType()) &&
        AddressBytes.mayHold(Ctx.getRecordType(Field->getParent())))
      AddressValues.push_back(ME);
    // `s.v` of a static data member is a global read like `S::v`.
    if (isa<FunctionDecl>(Member) || isa<VarDecl>(Member))
      add(Member);
    if (const auto *VD = dyn_cast<VarDecl>(Member); VD && !AddressOnly.contains(ME))
      ValueRead.insert(actual(VD));
    // The class that holds the member: `Der{}.b` reads Base's initializer.
    if (isa<FieldDecl>(Member) || isa<IndirectFieldDecl>(Member))
      add(dyn_cast<CXXRecordDecl>(Member->getDeclContext()));
    // A virtual call runs an override that may be defined anywhere (a
    // library's own virtual calls are the library's: its version is in the
    // namespace).
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Member); MD && MD->isVirtual() &&
        !ME->hasQualifier() && !(WalkingSystem && isLibrary(MD)))
      External.insert(ExternalProgram);
    return true;
  }

  std::vector<const Decl *> Found;
  std::vector<Fingerprint::UnkeyedRead> UnkeyedReads;
  /// The functions of the program whose code it reaches, its own first.
  std::vector<const FunctionDecl *> Code;
  std::vector<const Expr *> AddressValues;
  AddressTypes AddressBytes;
  /// Reads of a local hash container's buckets, decided once every local
  /// that took another's layout is known (LayoutTaken).
  std::vector<std::pair<Fingerprint::UnkeyedRead, const VarDecl *>> LocalLayoutReads;
  bool ParameterStorageMoved = false;
  llvm::DenseSet<const VarDecl *> LayoutTaken;
  /// The variables with static storage reached, in the order found.
  std::vector<const VarDecl *> Variables;
  /// Those whose value some code collected uses (not only `&v`).
  llvm::DenseSet<const VarDecl *> ValueRead;
  /// The variable whose initializer led to V (null: the code collected).
  const VarDecl *reachedFrom(const VarDecl *V) const {
    for (const Decl *D = Parent.lookup(V); D; D = Parent.lookup(D))
      if (const auto *Holder = dyn_cast<VarDecl>(D))
        return Holder;
    return nullptr;
  }
  /// What the tokens do not show: record layouts, enumerator values, the
  /// spelling of every record and enumeration type reached.
  std::set<std::string> Facts;
  std::set<std::string> External;

private:
  /// Whether D belongs to the compiler's own library, which the memo
  /// namespace covers by the compiler's version: declared in a header of the
  /// implementation (libstdc++/libc++, the C library, clang's resource
  /// headers: ImplementationHeaders.h), decided by the header's directory.
  /// Everything else is the user's as far as keys go, reserved spellings
  /// (`mylib::__impl`, `_Scale`) and system headers included: CMake passes
  /// every imported target's include directory as `-isystem`, and a header
  /// may say `#pragma GCC system_header`, so upgrading such a library must
  /// change the key.
  bool isLibrary(const Decl *D) const { return isImplementationDecl(D); }
  /// The declaration fingerprinted (canonical): its own copy is the one
  /// its tokens describe, and its unit's record says so.
  const Decl *Root = nullptr;

  /// E, a local hash container, receives another object's buckets.
  /// A copy takes a hash container's buckets; a move or a swap takes any
  /// container's storage, and its capacity with it.
  enum class Taking { Copy, Storage };
  void takesLayout(const Expr *E, Taking How) {
    const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage())
      return;
    if (const CXXRecordDecl *RD = VD->getType().getNonReferenceType()->getAsCXXRecordDecl();
        RD && (isHashContainer(RD) || How == Taking::Storage))
      LayoutTaken.insert(VD);
  }

  /// A declaration whose tokens enter the fingerprint.
  void record(const Decl *D) {
    if (Seen.insert(D).second)
      Found.push_back(D);
  }
  /// A declaration whose dependencies are to be collected.
  void schedule(const Decl *D, bool System) {
    if (Walked.insert(D).second) {
      Pending.push_back({D, System});
      Parent.try_emplace(D, Walking);
    }
  }

  void addFunction(const FunctionDecl *FD, bool System) {
    const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
    const FunctionDecl *Written = Pattern ? Pattern : FD;
    const FunctionDecl *Def = Written->getDefinition();
    // Defined in another unit or a library: the linked program says what
    // runs (purecc/memo_link.h). What library templates call of the
    // library is the library's.
    if (!Def && !FD->isDefined() &&
        !(WalkingSystem && isLibrary(FD)))
      addExternal(FD);
    // A copy another unit may provide: an `inline` function or an implicit
    // instantiation, of which the linker keeps one unit's copy (compiled
    // with that unit's flags: adv102 F2), and an instantiation declared
    // `extern template`, which another unit defines (F1). Its tokens count
    // here, and every unit's record of it at run time (linkNote).
    else if (!System && !isLibrary(FD) && FD->getCanonicalDecl() != Root &&
             mayRunAnotherUnitsCopy(FD))
      addExternal(FD);
    // The arguments a call chose, defaults and deductions included: `dt(x)`
    // of `template <class T, long K = 3>` is `dt<long, 3>`.
    if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs(); Args && !System) {
      std::string Fact;
      llvm::raw_string_ostream OS(Fact);
      OS << "function ";
      FD->printQualifiedName(OS, Policy);
      printTemplateArgumentList(OS, Args->asArray(), Policy);
      Facts.insert(Fact);
    }
    // What runs: the instantiation, where the calls are resolved (a call
    // in a template is to a name until it is instantiated).
    const FunctionDecl *Runs = nullptr;
    if (!FD->hasBody(Runs))
      Runs = Def ? Def : FD;
    if (System) {
      if (Pattern && FD->hasBody())
        schedule(Runs, System);
      else if (FD->hasBody())
        addMathBuiltinsIn(Runs->getBody()); // `std::sin(float)`: `__builtin_sinf`
      return;
    }
    schedule(Runs, System);
    // Implicit members are the compiler's, made from the class (hashed);
    // what they run is collected all the same.
    if (FD->isImplicit())
      return;
    record(Def ? Def : Written);
    // Every declaration: a default argument may be written on any of them.
    for (const FunctionDecl *Redecl : Written->redecls())
      if (Redecl != Def && !Redecl->isImplicit()) {
        record(Redecl);
        schedule(Redecl, System);
      }
  }

  /// The declaration with the initializer: `static const long v;` in the
  /// class and `const long S::v = 3;` after it read the same in the use.
  static const VarDecl *actual(const VarDecl *VD) {
    const VarDecl *Actual = VD->getInitializingDeclaration();
    if (!Actual)
      Actual = VD->getDefinition() ? VD->getDefinition() : VD;
    return Actual;
  }

  void addVariable(const VarDecl *VD, bool System) {
    const VarDecl *Actual = actual(VD);
    if (System) {
      // `std::is_trivially_copyable_v<Tr>`: the instantiated initializer
      // holds the user types.
      if (VD->getTemplateInstantiationPattern())
        schedule(Actual, System);
      return;
    }
    // A constant defined in another unit: its value is there.
    if (!VD->getDefinition() && !VD->getAnyInitializer() && VD->isExternallyVisible())
      External.insert(linkerSymbol(VD, MC));
    if (!Walked.contains(Actual) && Actual->hasGlobalStorage())
      Variables.push_back(Actual);
    schedule(Actual, System);
    const VarDecl *Written = Actual->getTemplateInstantiationPattern();
    if (!Written)
      Written = Actual;
    else if (const VarDecl *Init = Written->getInitializingDeclaration())
      Written = Init;
    record(Written);
  }

  void addArgument(const TemplateArgument &A) {
    switch (A.getKind()) {
    case TemplateArgument::Type:
      addType(A.getAsType());
      break;
    case TemplateArgument::Declaration:
      add(A.getAsDecl());
      break;
    case TemplateArgument::Expression:
      TraverseStmt(A.getAsExpr());
      break;
    case TemplateArgument::Pack:
      for (const TemplateArgument &P : A.pack_elements())
        addArgument(P);
      break;
    default:
      break;
    }
  }

  /// The type as the compiler knows it, template arguments' values
  /// included: `Tag<K>` is `Tag<5>` or `Tag<6>`.
  void addSpelling(QualType T) {
    Facts.insert("type " + T.getCanonicalType().getUnqualifiedType().getAsString(Policy));
  }

  /// Collects what D depends on beyond its tokens.
  void walk(const Decl *D) {
    auto *Mutable = const_cast<Decl *>(D);
    if (const auto *FD = dyn_cast<FunctionDecl>(D);
        FD && !WalkingSystem && FD->doesThisDeclarationHaveABody())
      Code.push_back(FD);
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
      return walkRecord(RD);
    if (const auto *ED = dyn_cast<EnumDecl>(D)) {
      if (const EnumDecl *Def = ED->getDefinition()) {
        std::string Fact;
        llvm::raw_string_ostream OS(Fact);
        OS << "enum " << Ctx.getEnumType(Def).getAsString(Policy) << " "
           << Def->getIntegerType().getAsString(Policy);
        for (const EnumConstantDecl *E : Def->enumerators())
          OS << " " << E->getName() << "=" << llvm::toString(E->getInitVal(), 10);
        Facts.insert(Fact);
      }
      TraverseDecl(Mutable);
      return;
    }
    if (const auto *TND = dyn_cast<TypedefNameDecl>(D))
      addType(TND->getUnderlyingType());
    if (const auto *TATD = dyn_cast<TypeAliasTemplateDecl>(D))
      Mutable = TATD->getTemplatedDecl();
    TraverseDecl(Mutable);
  }

  void walkRecord(const CXXRecordDecl *RD) {
    RD = RD->getDefinition();
    if (!RD)
      return;
    auto *Mutable = const_cast<CXXRecordDecl *>(RD);
    for (CXXBaseSpecifier &B : Mutable->bases()) {
      addType(B.getType());
      if (TypeSourceInfo *TSI = B.getTypeSourceInfo())
        TraverseTypeLoc(TSI->getTypeLoc());
    }
    for (CXXBaseSpecifier &B : Mutable->vbases())
      addType(B.getType());
    // Members' types and default member initializers.
    for (FieldDecl *F : RD->fields())
      TraverseDecl(F);
    // Destroying an object runs its destructor, which no expression names.
    add(RD->getDestructor());
    // Where the members lie: a `#pragma pack` or `alignas` through a macro
    // changes `sizeof` without changing the record's tokens.
    if (RD->isCompleteDefinition() && !RD->isInvalidDecl() && !RD->isDependentType()) {
      const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD);
      std::string Fact;
      llvm::raw_string_ostream OS(Fact);
      OS << "layout " << Ctx.getRecordType(RD).getAsString(Policy) << " "
         << L.getSize().getQuantity() << " " << L.getAlignment().getQuantity();
      for (unsigned I = 0; I < L.getFieldCount(); ++I)
        OS << " " << L.getFieldOffset(I);
      Facts.insert(Fact);
    }
  }

  /// `__builtin_sinf`, which `std::sin(float)` calls in libstdc++, and
  /// `sinf` itself: a call of the math library's function unless the
  /// compiler folds it; the library that defines it then counts, as for
  /// `sin` (adv95 F2: `std::sin(float)` was keyed by no library, and a
  /// different libm served the old value).
  void addMathBuiltin(const FunctionDecl *FD) {
    unsigned ID = FD->getBuiltinID();
    if (!ID || !FD->getIdentifier())
      return;
    const Builtin::Context &B = Ctx.BuiltinInfo;
    // The math library's functions, by either name: those whose value is
    // known only when the library computes it ('e', 'g': const but for
    // errno or floating-point exceptions); not `fabs` and the like, which
    // no library computes.
    if (!B.isLibFunction(ID) ||
        !(B.isConstWithoutErrnoAndExceptions(ID) || B.isConstWithoutExceptions(ID)))
      return;
    llvm::StringRef Name = FD->getName();
    Name.consume_front("__builtin_");
    External.insert(Name.str());
  }

  /// The math builtins a library function's own body calls (not what the
  /// functions it calls do: the library's inline overloads of <cmath> are
  /// one call deep).
  void addMathBuiltinsIn(const Stmt *Body) {
    llvm::SmallVector<const Stmt *, 16> Stack{Body};
    while (!Stack.empty()) {
      const Stmt *S = Stack.pop_back_val();
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = CE->getDirectCallee())
          addMathBuiltin(Callee);
      for (const Stmt *C : S->children())
        if (C)
          Stack.push_back(C);
    }
  }

  bool mayRunAnotherUnitsCopy(const FunctionDecl *FD) const {
    if (FD->getParentFunctionOrMethod())
      return false;
    if (FD->getTemplateSpecializationKind() == TSK_ExplicitInstantiationDeclaration)
      return true;
    if (!FD->isDefined())
      return false;
    // Defined here, emitted only by the unit that instantiates it.
    const FunctionDecl *Def = FD->getDefinition();
    return Ctx.GetGVALinkageForFunction(Def) == GVA_AvailableExternally ||
           linkerKeepsOneCopy(Ctx, Def);
  }

  void addExternal(const FunctionDecl *FD) {
    // Implicit declarations are the compiler's (builtins, special members
    // made from a class whose definition is hashed); internal linkage means
    // the definition must be in this unit.
    if (FD->isImplicit() || FD->isDefaulted() || FD->isDeleted() || FD->isPureVirtual() ||
        !FD->isExternallyVisible())
      return;
    External.insert(linkerSymbol(FD, MC));
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  MangleContext &MC;
  PrintingPolicy Policy;
  bool WalkingSystem = false;
  /// The declaration being walked, and, for each scheduled one, the one
  /// that was being walked when it was found.
  const Decl *Walking = nullptr;
  llvm::DenseMap<const Decl *, const Decl *> Parent;
  /// The references under an `&` (VisitUnaryOperator), met before them.
  llvm::DenseSet<const Expr *> AddressOnly;
  std::vector<std::pair<const Decl *, bool>> Pending;
  llvm::DenseSet<const Decl *> Seen;
  llvm::DenseSet<const Decl *> Walked;
  llvm::DenseSet<const void *> SeenTypes;
  bool PartialCodecsAdded = false;
  /// The default arguments being walked, outermost first.
  llvm::SmallVector<const CXXDefaultArgExpr *, 2> DefaultArgs;
};

/// The declaration's tokens as written, one per line (so that `a b` and
/// `ab` differ), without comments or layout. Where the text goes through the
/// preprocessor (a directive, or a name that is or was a macro), the tokens
/// do not say what it compiles to: `return x * SCALE;` reads the same under
/// `-DSCALE=5` and `-DSCALE=7`, and an `#ifdef FAST` in the body the same
/// with and without `-DFAST`. Such a declaration adds the AST as printed
/// after preprocessing, so the two builds have different keys.
std::string tokens(const Decl *D, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  // A template's text starts at `template <...>`, where its parameters'
  // defaults and constraints are written.
  if (const auto *FD = dyn_cast<FunctionDecl>(D); FD && FD->getDescribedFunctionTemplate())
    D = FD->getDescribedFunctionTemplate();
  else if (const auto *RD = dyn_cast<CXXRecordDecl>(D); RD && RD->getDescribedClassTemplate())
    D = RD->getDescribedClassTemplate();
  else if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getDescribedVarTemplate())
    D = VD->getDescribedVarTemplate();
  CharSourceRange R = SM.getExpansionRange(D->getSourceRange());
  FileID File = SM.getFileID(R.getBegin());
  if (File.isInvalid() || SM.getFileID(R.getEnd()) != File)
    return "";
  StringRef Buffer = SM.getBufferData(File);
  unsigned Begin = SM.getFileOffset(R.getBegin());
  unsigned End = SM.getFileOffset(R.getEnd()) + Lexer::MeasureTokenLength(R.getEnd(), SM, LO);
  Lexer Lex(SM.getLocForStartOfFile(File), LO, Buffer.begin(), Buffer.begin() + Begin,
            Buffer.end());
  std::string Out;
  Token Tok;
  bool Preprocessed = false;
  while (true) {
    bool Last = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine())
      Preprocessed = true;
    else if (Tok.is(tok::raw_identifier))
      if (auto It = Ctx.Idents.find(Tok.getRawIdentifier());
          It != Ctx.Idents.end() && It->getValue()->hadMacroDefinition())
        Preprocessed = true;
    Out += Lexer::getSpelling(Tok, SM, LO);
    Out += '\n';
    if (Last)
      break;
  }
  if (Preprocessed) {
    PrintingPolicy Policy = Ctx.getPrintingPolicy();
    Policy.AnonymousTagLocations = false; // no file names: a copy elsewhere hits
    llvm::raw_string_ostream OS(Out);
    OS << "\x1c";
    D->print(OS, Policy);
  }
  return Out;
}

/// The unit's floating-point options that define no macro, so that the
/// runtime's memo namespace (PURECC_FP_ID in purecc/fp_environment.h) cannot
/// see them: `-fassociative-math`, `-freciprocal-math`, `-fno-signed-zeros`,
/// `-ffp-contract=`, and the GNU dialect, where g++ contracts `a * b + c`
/// into an FMA (adv24 F2). purecc parses with the build's own flags.
/// The optimization level counts always: where the target has FMA
/// instructions, whether `a * b + c` becomes one depends on it (g++
/// contracts at -O2, not at -O1: adv44 t01; the callee's unit's own in its
/// link note, t02), and so do a `#pragma omp simd` reduction's order and
/// g++'s folding of libm calls with MPFR (adv95 F1: a -O0 build and a -O2
/// build shared entries of different bits).
std::string floatingPointOptions(const ASTContext &Ctx, unsigned OptimizationLevel) {
  const LangOptions &LO = Ctx.getLangOpts();
  std::string S = "fp-options";
  auto Add = [&](bool On, const char *Name) {
    if (On)
      S += std::string(" ") + Name;
  };
  Add(LO.AllowFPReassoc, "reassoc");
  Add(LO.AllowRecip, "recip");
  Add(LO.NoSignedZero, "nsz");
  Add(LO.NoHonorNaNs, "nnan");
  Add(LO.NoHonorInfs, "ninf");
  Add(LO.ApproxFunc, "afn");
  Add(LO.GNUMode, "gnu");
  S += " contract=" + std::to_string(unsigned(LO.getDefaultFPContractMode()));
  S += " rounding=" + std::to_string(int(LO.getDefaultRoundingMode()));
  S += " exceptions=" + std::to_string(unsigned(LO.getDefaultExceptionMode()));
  const TargetInfo &TI = Ctx.getTargetInfo();
  bool FMA = TI.hasFeature("fma") || TI.getTriple().isAArch64();
  if (FMA && LO.getDefaultFPContractMode() != LangOptions::FPM_Off)
    S += " fma";
  S += " opt=" + std::to_string(OptimizationLevel) + (LO.OptimizeSize ? "s" : "");
  // Which unit does the arithmetic, and in what precision: `-mfpmath=387`
  // computes `a * 1e10 / 1e10` in x87 registers (1e300, where SSE gives
  // inf: adv102 F3). The calling unit's namespace sees it in
  // `__FLT_EVAL_METHOD__`; a callee's unit says it here.
  if (const std::string &FPMath = TI.getTargetOpts().FPMath; !FPMath.empty())
    S += " fpmath=" + FPMath;
  S += " eval=" + std::to_string(int(LO.getFPEvalMethod()));
  return S;
}

/// The unit's data model where a flag changes it and the code reads no
/// macro for it: `char`'s signedness (-funsigned-char), `wchar_t`'s size
/// and signedness (-fshort-wchar), `long double`'s size and format
/// (-mlong-double-64, -mlong-double-128), whether `u8"..."` is `char8_t`
/// (-fno-char8_t), how complex numbers multiply and divide
/// (-fcx-limited-range, -fcx-fortran-rules), whether signed overflow wraps
/// (-fwrapv, adv73 F2), and g++'s flags that Clang ignores (GccOnlyFlags:
/// -funsigned-bitfields, -fsingle-precision-constant, -ffloat-store). The
/// runtime's memo namespace holds the calling unit's (PURECC_ABI_ID,
/// purecc/memo_key.h); this puts each unit's own into its fingerprints, and
/// so into its link note: rebuilding only a callee's file with
/// -funsigned-char is a miss (adv72 F2).
std::string dataModel(ASTContext &Ctx) {
  const LangOptions &LO = Ctx.getLangOpts();
  const llvm::fltSemantics &LongDouble = Ctx.getFloatTypeSemantics(Ctx.LongDoubleTy);
  std::string S = "data-model char=";
  S += LO.CharIsSigned ? "signed" : "unsigned";
  S += " wchar=" + std::to_string(Ctx.getTypeSize(Ctx.WCharTy)) +
       (Ctx.WCharTy->isSignedIntegerType() ? "s" : "u");
  S += " ldbl=" + std::to_string(Ctx.getTypeSize(Ctx.LongDoubleTy)) + "/" +
       std::to_string(llvm::APFloat::semanticsPrecision(LongDouble)) + "/" +
       std::to_string(llvm::APFloat::semanticsMaxExponent(LongDouble));
  S += LO.Char8 ? " char8_t" : " no-char8_t";
  S += " complex=" + std::to_string(unsigned(LO.getComplexRange()));
  if (LO.isSignedOverflowDefined())
    S += " wrapv";
  for (const GccOnlyFlag &Flag : GccOnlyFlags)
    if (auto It = Ctx.Idents.find(Flag.Macro);
        It != Ctx.Idents.end() && It->getValue()->hasMacroDefinition())
      S += std::string(" ") + Flag.On;
  return S;
}

/// The unit's language options that change what the same text computes
/// and define no macro the code reads (adv85 F3, F4): the standard
/// (`-std=c++20` and `-std=c++23` both say `__cplusplus` only to code that
/// asks, and the library's headers differ under it: a trait that holds in
/// one is false in the other), copy elision (`-fno-elide-constructors`: a
/// counting copy constructor runs), access checking (`-fno-access-control`
/// changes what a `requires` probe finds), trapping overflow (`-ftrapv`),
/// exceptions and RTTI, Microsoft extensions, and the GNU keywords.
std::string languageOptions(const ASTContext &Ctx) {
  const LangOptions &LO = Ctx.getLangOpts();
  std::string S = "language std=";
  S += LangStandard::getLangStandardForKind(LO.LangStd).getName();
  auto Add = [&](bool On, const char *Name) {
    if (On)
      S += std::string(" ") + Name;
  };
  Add(!LO.ElideConstructors, "no-elide-constructors");
  Add(!LO.AccessControl, "no-access-control");
  Add(LO.getSignedOverflowBehavior() == LangOptions::SOB_Trapping, "trapv");
  Add(!LO.CXXExceptions, "no-exceptions");
  Add(!LO.RTTI, "no-rtti");
  Add(LO.MicrosoftExt, "ms-extensions");
  Add(!LO.GNUKeywords, "no-gnu-keywords");
  Add(!LO.SizedDeallocation, "no-sized-deallocation");
  Add(!LO.AlignedAllocation, "no-aligned-new");
  return S;
}

/// The pragmas of File that change how floating-point code compiles
/// (`#pragma GCC optimize("fast-math")`, which g++ applies and Clang
/// ignores, `GCC target("fma")`, `float_control`, `STDC FP_CONTRACT`,
/// `clang fp`), one per line with its blanks squeezed. They may sit far
/// from the function, above it; one anywhere in the file counts, which can
/// only cause a miss.
std::string floatingPointPragmas(const SourceManager &SM, FileID File) {
  static const llvm::StringRef Kinds[] = {
      "GCC optimize", "GCC target",    "GCC push_options", "GCC pop_options",
      "GCC reset_options", "float_control", "fp_contract", "STDC", "clang fp"};
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  SM.getBufferData(File).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Rest = Line.ltrim();
    if (!Rest.consume_front("#"))
      continue;
    Rest = Rest.ltrim();
    if (!Rest.consume_front("pragma"))
      continue;
    std::string Squeezed;
    for (char C : Rest.trim()) {
      if (C == ' ' || C == '\t' || C == '\r') {
        if (!Squeezed.empty() && Squeezed.back() != ' ')
          Squeezed += ' ';
      } else {
        Squeezed += C;
      }
    }
    if (llvm::any_of(Kinds, [&](llvm::StringRef K) { return llvm::StringRef(Squeezed).starts_with(K); }))
      Out += "fp-pragma " + Squeezed + "\n";
  }
  return Out;
}

std::string keyOf(const Decl *D, ASTContext &Ctx) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.AnonymousTagLocations = false; // a lambda's position is not its meaning
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    ND->printQualifiedName(OS, Policy);
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    OS << FD->getType().getAsString(Policy);
  OS << "@" << D->getDeclKindName();
  return Key;
}

} // namespace

bool readsBuckets(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  return MD && MD->getIdentifier() && Call->getNumArgs() == 1 && isHashContainer(MD->getParent()) &&
         llvm::is_contained({"begin", "end", "cbegin", "cend"}, MD->getName());
}

std::string Fingerprint::hex() const {
  std::string S;
  llvm::raw_string_ostream(S) << llvm::format_hex(Hi, 18) << ":" << llvm::format_hex(Lo, 18);
  return S;
}

Fingerprint fingerprint(const Decl *D, ASTContext &Ctx, unsigned OptimizationLevel) {
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  Dependencies Deps(Ctx, *MC);
  Deps.collect(D);
  Fingerprint F;
  F.External.assign(Deps.External.begin(), Deps.External.end());
  for (const VarDecl *V : Deps.Variables)
    F.Globals.push_back({V, Deps.reachedFrom(V),
                         Deps.ValueRead.contains(V) ? Fingerprint::Use::Value
                                                    : Fingerprint::Use::Address});
  F.UnkeyedReads = Deps.UnkeyedReads;
  for (const auto &[Read, Local] : Deps.LocalLayoutReads)
    if (Deps.ParameterStorageMoved || Deps.LayoutTaken.contains(Local))
      F.UnkeyedReads.push_back(Read);
  F.AddressValues = Deps.AddressValues;
  F.Code = Deps.Code;
  if (Deps.Found.empty())
    return F;
  // The declaration itself first, then its dependencies in name order, so
  // that moving a callee in the file does not change anything.
  std::string Input = FormatVersion;
  Input += '\n';
  // Its qualified name too: it names the classes and lambdas its body
  // declares ('alpha::h(int)::Loc', seen by 'typeid'), so two functions
  // with the same tokens in two namespaces may compute different values
  // (adv44 t06).
  Input += keyOf(Deps.Found.front(), Ctx) + "\x1e";
  Input += tokens(Deps.Found.front(), Ctx);
  std::vector<std::pair<std::string, std::string>> Rest;
  for (size_t I = 1; I < Deps.Found.size(); ++I)
    Rest.emplace_back(keyOf(Deps.Found[I], Ctx), tokens(Deps.Found[I], Ctx));
  std::sort(Rest.begin(), Rest.end());
  for (auto &[Key, Text] : Rest)
    Input += "\x1f" + Key + "\x1e" + Text;
  // What the unit's flags and pragmas do to floating-point code, which
  // neither the tokens nor the runtime's macros show.
  Deps.Facts.insert(floatingPointOptions(Ctx, OptimizationLevel));
  Deps.Facts.insert(dataModel(Ctx));
  Deps.Facts.insert(languageOptions(Ctx));
  if (std::string Pragmas = floatingPointPragmas(Ctx.getSourceManager(),
                                                 Ctx.getSourceManager().getMainFileID());
      !Pragmas.empty())
    Deps.Facts.insert(Pragmas);
  for (const std::string &Fact : Deps.Facts)
    Input += "\x1b" + Fact;
  // What is defined elsewhere enters by name here, by content at run time.
  for (const std::string &Symbol : F.External)
    Input += "\x1d" + Symbol;
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(
      llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(Input.data()), Input.size()));
  F.Hi = H.high64;
  F.Lo = H.low64;
  return F;
}

std::string linkerSymbol(const NamedDecl *ND, MangleContext &MC) {
  GlobalDecl GD;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(ND))
    GD = GlobalDecl(CD, Ctor_Complete);
  else if (const auto *DD = dyn_cast<CXXDestructorDecl>(ND))
    GD = GlobalDecl(DD, Dtor_Complete);
  else if (const auto *FD = dyn_cast<FunctionDecl>(ND))
    GD = GlobalDecl(FD);
  else
    GD = GlobalDecl(cast<VarDecl>(ND));
  std::string Name;
  if (!MC.shouldMangleDeclName(ND)) {
    if (const auto *Label = ND->getAttr<AsmLabelAttr>())
      Name = Label->getLabel().str();
    else if (ND->getIdentifier())
      Name = ND->getName().str();
  } else {
    llvm::raw_string_ostream OS(Name);
    MC.mangleName(GD, OS);
  }
  if (!Name.empty() && Name.front() == '\01') // an asm label: the name as is
    Name.erase(0, 1);
  // The note is a list of words: a symbol that cannot be written as one is
  // left out, and the function stands for the whole program instead.
  if (Name.empty() || Name.find_first_of(" \n\"\\") != std::string::npos)
    return ExternalProgram;
  return Name;
}

bool linkerKeepsOneCopy(ASTContext &Ctx, const FunctionDecl *Def) {
  // A lambda's call operator or a local class's member is part of the
  // function around it, whose copy (and record) it shares: listed, no unit
  // would record it, and every relink would miss (adv107 F1). Implicit and
  // defaulted members are the compiler's, made from the class, whose
  // definition the caller's fingerprint hashes.
  if (Def->getParentFunctionOrMethod() || Def->isImplicit() || Def->isDefaulted())
    return false;
  return Ctx.GetGVALinkageForFunction(Def) == GVA_DiscardableODR;
}

} // namespace purecc
