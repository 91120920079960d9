//===- Memoize.cpp - memo: [[purecc::memo]] functions through the cache ---===//
#include "Memoize.h"
#include "PlaceNames.h"
#include "StmtDeps.h"
#include "Fingerprint.h"
#include "KeyedAccess.h"
#include "LinkNote.h"
#include "AddressTypes.h"
#include "Shapes.h"
#include "UserCodecs.h"

#include "analysis/Attributes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace clang;

namespace purecc {
namespace {

/// `std::bit_cast<std::uintptr_t>(&a)` or `std::memcpy(&u, &p, 8)`: the
/// bytes of an address copied into a number (Fingerprint's AddressValues).
bool isBytesCopy(const clang::Expr *Use) {
  const auto *Call = llvm::dyn_cast<clang::CallExpr>(Use);
  const clang::FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() &&
         llvm::is_contained({"bit_cast", "memcpy", "memmove", "__builtin_memcpy", "__builtin_memmove"},
                            FD->getName());
}

/// The name of a namespace-scope record as code at global scope spells it
/// (anonymous namespaces need no qualifier there).
std::string globalName(const CXXRecordDecl *RD) {
  std::string Name = RD->getNameAsString();
  for (const DeclContext *DC = RD->getDeclContext(); !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && !NS->isAnonymousNamespace())
      Name = NS->getNameAsString() + "::" + Name;
  return Name;
}

/// Whether the program wrote `purecc::codec<T>`; Why says so when it is a
/// `purecc::fields<...>` list that leaves out a member (adv85 F2: two
/// points that differed only in 'y' shared one result).
bool hasUserCodec(ASTContext &Ctx, QualType T, std::string &Why, CodecUse Use) {
  const ClassTemplateSpecializationDecl *Codec = userCodec(Ctx, T);
  if (!Codec)
    return false;
  std::string Written =
      T.getNonReferenceType().getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  if (const FieldDecl *Missing = fieldLeftOut(Codec)) {
    Why = "'purecc::codec<" + Written + ">' lists the members of '" + Written + "' without '" +
          Missing->getNameAsString() + "': values that differ only there would share one key, "
          "and a result read back would lose it";
    return true;
  }
  // Each member listed goes through its own type's codec, which must be
  // whole too (adv88 F4: a nested fields list that left out a member). A
  // type that holds itself (`struct Node { std::vector<Node> kids; }`) is
  // judged once.
  static llvm::SmallPtrSet<const ClassTemplateSpecializationDecl *, 8> Judging;
  if (!Judging.insert(Codec).second)
    return true;
  std::vector<const CXXRecordDecl *> Hooks;
  for (const FieldDecl *F : listedFields(Codec))
    if (std::string Inner; !codable(Ctx, F->getType(), Hooks, Inner, Use)) {
      Why = "'" + Written + "' has a member '" + F->getNameAsString() + "': " + Inner;
      break;
    }
  Judging.erase(Codec);
  return true;
}

/// How runtime/include/purecc/serialize.h encodes a standard class, and
/// how many of its leading template arguments are its elements (the rest
/// are its allocator, comparison, hash or character traits).
struct StandardCodec {
  enum Kind { None, WriteOnly, ReadWrite } Codec = None;
  unsigned Elements = 0;
};

StandardCodec standardCodec(const CXXRecordDecl *RD) {
  StringRef Name = RD->getIdentifier() ? RD->getName() : StringRef();
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  auto OfChar = [&] {
    if (!Spec || Spec->getTemplateArgs().size() < 1 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    QualType C = Spec->getTemplateArgs()[0].getAsType();
    return C->isSpecificBuiltinType(BuiltinType::Char_S) ||
           C->isSpecificBuiltinType(BuiltinType::Char_U);
  };
  constexpr unsigned All = ~0u;
  if (Name == "basic_string")
    return {OfChar() ? StandardCodec::ReadWrite : StandardCodec::None, 0};
  if (Name == "basic_string_view")
    return {OfChar() ? StandardCodec::WriteOnly : StandardCodec::None, 0};
  static const std::pair<StringRef, unsigned> Known[] = {
      {"vector", 1},   {"array", 1},    {"pair", All},     {"tuple", All},
      {"optional", 1}, {"monostate", 0}, {"variant", All}, {"map", 2},
      {"set", 1}};
  for (const auto &[Known, Elements] : Known)
    if (Name == Known)
      return {StandardCodec::ReadWrite, Elements};
  // Written in iteration order, which a program can observe and a decoded
  // copy need not have (serialize.h): a key, never a value (adv32 t01).
  if (Name == "unordered_map" || Name == "unordered_set")
    return {StandardCodec::WriteOnly, Name == "unordered_map" ? 2u : 1u};
  return {};
}

/// Why a map's or set's comparison, or a hash container's hash or equality,
/// may be an object with state of its own, which the codec does not write:
/// "compares its keys with an object of type 'Cmp', whose state ..."; empty for
/// other classes and for empty (stateless) ones like `std::less<long>`.
std::string statefulPolicyReason(ASTContext &Ctx, const CXXRecordDecl *RD, unsigned Elements) {
  StringRef Name = RD->getIdentifier() ? RD->getName() : StringRef();
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  bool Ordered = Name == "map" || Name == "set";
  bool Hashed = Name == "unordered_map" || Name == "unordered_set";
  if (!Spec || (!Ordered && !Hashed))
    return "";
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  for (unsigned At = Elements; At < Elements + (Hashed ? 2 : 1) && At < Args.size(); ++At) {
    if (Args[At].getKind() != TemplateArgument::Type)
      continue;
    QualType P = Args[At].getAsType();
    const CXXRecordDecl *PRD = P->getAsCXXRecordDecl();
    if (PRD && PRD->hasDefinition() && PRD->getDefinition()->isEmpty())
      continue;
    const char *Role = Ordered ? "compares its keys with" : At == Elements ? "hashes its keys with"
                                                                          : "compares its keys with";
    return std::string(Role) + " an object of type '" + P.getAsString(Ctx.getPrintingPolicy()) +
           "', whose state a memo key does not hold";
  }
  return "";
}

} // namespace

namespace {

/// G as the code reads it: `K2 = K * 2` read, `K` from the environment, is
/// "'K2', computed from 'K'".
std::string namedByRead(llvm::ArrayRef<Fingerprint::Global> Globals, const Fingerprint::Global &G) {
  const VarDecl *Read = G.Var;
  for (const VarDecl *From = G.ReachedFrom; From;) {
    Read = From;
    auto It = llvm::find_if(Globals, [&](const Fingerprint::Global &H) { return H.Var == From; });
    From = It == Globals.end() ? nullptr : It->ReachedFrom;
  }
  return quotedGlobal(Read) + (Read != G.Var ? ", computed from " + quotedGlobal(G.Var) : "");
}

} // namespace

std::string startupRead(const PurityFacts &Facts, llvm::ArrayRef<Fingerprint::Global> Globals,
                        const StartupCall *&Call) {
  for (const Fingerprint::Global &G : Globals) {
    Call = Facts.startupCall(G.Var);
    if (Call)
      return namedByRead(Globals, G) + ", whose initializer calls " + Call->Shown;
  }
  return "";
}

std::string mutableStartupRead(llvm::ArrayRef<Fingerprint::Global> Globals) {
  AddressTypes Types;
  for (const Fingerprint::Global &G : Globals) {
    if (!G.ReachedFrom || G.Var->getType().isConstQualified() || G.Var->isConstexpr() ||
        G.Var->getType()->isReferenceType())
      continue;
    // An address kept in a constant may be read through (`const long
    // *const P = &g_seed; const long K = *P;`).
    if (G.Uses != Fingerprint::Use::Value && !Types.mayHold(G.ReachedFrom->getType()))
      continue;
    return namedByRead(Globals, G) + ", a mutable variable which any initializer may set at start-up";
  }
  return "";
}

std::string quotedGlobal(const VarDecl *VD) {
  PrintingPolicy Policy(VD->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (VD->isStaticDataMember())
    VD->printQualifiedName(OS, Policy);
  else
    VD->printName(OS, Policy);
  return "'" + S + "'";
}


bool codable(ASTContext &Ctx, QualType T, std::vector<const CXXRecordDecl *> &Hooks,
             std::string &Why, CodecUse Use) {
  T = T.getNonReferenceType().getUnqualifiedType();
  // As the user writes it: no 'class' before a template argument's type.
  std::string Written = T.getAsString(Ctx.getPrintingPolicy());
  std::string Spelled = "'" + Written + "'";
  // The runtime encodes bool, the integer types (also 128-bit), float,
  // double and long double (serialize.h); not '_Float16', '__bf16',
  // '__float128', '__ibm128', complex numbers or '_BitInt(N)', which have no
  // codec there (adv56 t06: the output did not compile).
  if (const auto *BT = T->getAs<BuiltinType>(); BT && BT->isFloatingPoint() &&
                                                 BT->getKind() != BuiltinType::Float &&
                                                 BT->getKind() != BuiltinType::Double &&
                                                 BT->getKind() != BuiltinType::LongDouble) {
    Why = Spelled + " has no encoding in purecc's runtime";
    return false;
  }
  if (T->isAnyComplexType() || T->isBitIntType()) {
    Why = Spelled + " has no encoding in purecc's runtime";
    return false;
  }
  if (T->isArithmeticType() || T->isEnumeralType())
    return true;
  if (T->isPointerType() || T->isMemberPointerType() || T->isFunctionType() || T->isArrayType()) {
    Why = Spelled + " is not a value type";
    return false;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition()) {
    Why = Spelled + " is not a complete value type";
    return false;
  }
  if (RD->isInStdNamespace()) {
    if (std::string LeftOut; hasUserCodec(Ctx, T, LeftOut, Use)) {
      Why = LeftOut;
      return LeftOut.empty();
    }
    // The standard types runtime/include/purecc/serialize.h has a codec
    // for, and nothing else: a memoized function of a 'std::span' or a
    // 'std::deque' would not compile.
    StandardCodec Standard = standardCodec(RD);
    switch (Standard.Codec) {
    case StandardCodec::None:
      Why = Spelled + " has no 'purecc::codec'; specialize 'purecc::codec<" + Written +
            ">' for it";
      return false;
    case StandardCodec::WriteOnly:
      if (Use == CodecUse::Value) {
        Why = Spelled + (Standard.Elements == 0
                             ? " refers to characters it does not own, which a cached copy could "
                               "not keep"
                             : " iterates in an order that depends on how it was built, which a "
                               "decoded copy would not keep");
        return false;
      }
      break;
    case StandardCodec::ReadWrite:
      break;
    }
    // Their element types need a codec too.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      // The codec writes the elements, not the comparison or the hash: an
      // object of them with state (`Cmp{reverse}`, a function pointer)
      // orders and finds elements in a way the key does not hold, and a
      // decoded copy would have a default one (adv33 t04).
      if (std::string Policy = statefulPolicyReason(Ctx, RD, Standard.Elements); !Policy.empty()) {
        Why = Spelled + " " + Policy;
        return false;
      }
      // A tuple's or variant's elements are one pack argument.
      llvm::SmallVector<TemplateArgument, 4> Args;
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
        if (A.getKind() == TemplateArgument::Pack)
          Args.append(A.pack_begin(), A.pack_end());
        else
          Args.push_back(A);
      for (const TemplateArgument &A : llvm::ArrayRef(Args).take_front(Standard.Elements))
        if (A.getKind() == TemplateArgument::Type && !codable(Ctx, A.getAsType(), Hooks, Why, Use))
          return false;
    }
    return true;
  }
  if (std::string LeftOut; hasUserCodec(Ctx, T, LeftOut, Use)) {
    Why = LeftOut;
    return LeftOut.empty();
  }
  if (llvm::is_contained(Hooks, RD))
    return true;
  bool Namespaced = true;
  for (const DeclContext *DC = RD->getDeclContext(); !DC->isTranslationUnit(); DC = DC->getParent())
    Namespaced &= isa<NamespaceDecl>(DC);
  bool Plain = RD->isAggregate() && RD->getNumBases() == 0 && !RD->field_empty() && Namespaced &&
               RD->getIdentifier() && !isa<ClassTemplateSpecializationDecl>(RD);
  for (const FieldDecl *F : RD->fields())
    Plain &= F->getAccess() == AS_public && !F->isBitField() && !F->isAnonymousStructOrUnion() &&
             !F->getType()->isReferenceType();
  if (!Plain) {
    Why = Spelled + " is not a simple aggregate; specialize 'purecc::codec<" + Written +
          ">' for it";
    return false;
  }
  // A type that holds itself (`struct Node { long v; std::vector<Node>
  // kids; }`) is judged once: its members' types were asked about it
  // again, without end (purecc stopped with an internal error).
  static llvm::SmallPtrSet<const CXXRecordDecl *, 8> Judging;
  if (!Judging.insert(RD).second)
    return true;
  // Name the member: the user knows the class, not which of its members'
  // types purecc means (adv31).
  for (const FieldDecl *F : RD->fields())
    if (!codable(Ctx, F->getType(), Hooks, Why)) {
      Why = Spelled + " has a member '" + F->getNameAsString() + "', whose type " + Why;
      Judging.erase(RD);
      return false;
    }
  Judging.erase(RD);
  if (!llvm::is_contained(Hooks, RD))
    Hooks.push_back(RD);
  return true;
}

bool emitCodecHooks(PlanContext &PC, const FunctionDecl *FD,
                    const std::vector<const CXXRecordDecl *> &Hooks, std::string &Why,
                    HookLine Line) {
  // Codec hooks go before the function, at global scope.
  std::string Close, Reopen;
  for (const DeclContext *DC = FD->getDeclContext(); !DC->isTranslationUnit(); DC = DC->getParent()) {
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS) {
      if (llvm::all_of(Hooks, [&](const CXXRecordDecl *RD) { return PC.EmittedCodecs.contains(RD); }))
        return true;
      Why = "the codec for its argument types must be declared at namespace scope";
      return false;
    }
    Close += "} ";
    Reopen = std::string(NS->isInline() ? "inline " : "") + "namespace " +
             (NS->isAnonymousNamespace() ? "" : NS->getNameAsString() + " ") + "{ " + Reopen;
  }
  std::string HookText;
  for (const CXXRecordDecl *RD : Hooks) {
    if (!PC.EmittedCodecs.insert(RD).second)
      continue;
    std::vector<std::string> Fields;
    for (const FieldDecl *Fld : RD->fields())
      Fields.push_back(Fld->getNameAsString());
    HookText += shapes::codecHook(globalName(RD), Fields) + " ";
  }
  if (!HookText.empty()) {
    // Before the function and every purecc attribute written on it.
    SourceLocation Start = FD->getBeginLoc();
    for (const auto *A : FD->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation().starts_with("purecc::") &&
          PC.SM.isBeforeInTranslationUnit(A->getLocation(), Start))
        Start = A->getLocation();
    unsigned At = PC.SM.getFileOffset(PC.SM.getExpansionLoc(Start));
    // Put the hook at the start of the line when only indentation precedes.
    unsigned LineStart = At - PC.indentationAt(At).size();
    StringRef Buffer = PC.SM.getBufferData(PC.SM.getMainFileID());
    if (LineStart == 0 || Buffer[LineStart - 1] == '\n') {
      if (PC.textAt(LineStart, At).find_first_not_of(" \t") == std::string::npos)
        At = LineStart;
    }
    // `[[` of the attribute starts before its name.
    while (At >= 2 && Buffer.substr(At - 2, 2) == "[[")
      At -= 2;
    PC.insert(At, Close + HookText + Reopen + (Line == HookLine::Own ? "\n" : ""));
  }
  return true;
}

void planMemo(PlanContext &PC, const FunctionDecl *FD) {
  const AnnotateAttr *Attr = findAttr(FD, PureccAttr::Memo);
  if (!Attr)
    return;
  SourceLocation AttrLoc = Attr->getLocation();
  // Only a function the checker verified is cached: one the user vouches
  // for with [[purecc::assume_pure]] is a pure call, but not a checked one.
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  bool Declared = isDeclaredPure(FD) || (Pattern && isDeclaredPure(Pattern));
  if (!Declared || !PC.Facts.isVerified(FD)) {
    // Not declared pure: the checker never looked at it (user41 t07 read
    // "is not pure" as a verdict, while 'purecc check' found nothing).
    // Declared but failing: the checker's errors say why.
    auto D = PC.R.report(AttrLoc, Diag::ErrMemoNotPure);
    D << quoted(FD) << Declared;
    if (!Declared && FD->getBeginLoc().isFileID())
      D << FixItHint::CreateInsertion(FD->getBeginLoc(), "[[pure]] ");
    return;
  }
  const FunctionTemplateDecl *Template = FD->getPrimaryTemplate();
  const FunctionDecl *Named = Template ? Template->getTemplatedDecl() : FD; // 'f', not 'f<long>'
  auto Unsupported = [&](const std::string &Why) {
    PC.R.report(AttrLoc, Diag::ErrMemoUnsupported) << Named << Why;
  };
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && !MD->isStatic())
    return Unsupported("it is a member function, and its object is not part of the key");
  // One text would serve every instantiation, with one fingerprint: calls
  // with equal argument bytes but different types would share results.
  if (Template && instantiationsOf(Template).size() > 1)
    return Unsupported("it is a template instantiated with several argument lists");
  if (FD->isVariadic())
    return Unsupported("it is variadic");
  QualType Result = FD->getReturnType();
  if (Result->isVoidType() || Result->isReferenceType())
    return Unsupported("it does not return a value");
  std::vector<const CXXRecordDecl *> Hooks;
  std::string Why;
  if (!codable(PC.Ctx, Result, Hooks, Why))
    return Unsupported("its result: " + Why);
  std::vector<std::string> Args;
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType();
    if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
      return Unsupported("parameter '" + P->getNameAsString() + "' is a non-const reference");
    if (!codable(PC.Ctx, T, Hooks, Why, CodecUse::KeyPart))
      return Unsupported("parameter '" + P->getNameAsString() + "': " + Why);
    // An unnamed parameter cannot influence the result.
    if (P->getIdentifier())
      Args.push_back(P->getNameAsString());
  }
  const auto *Body = dyn_cast<CompoundStmt>(FD->getBody());
  auto Open = Body ? PC.offsets(Body->getLBracLoc()) : std::nullopt;
  auto Close = Body ? PC.offsets(Body->getRBracLoc()) : std::nullopt;
  if (!Open || !Close)
    return Unsupported("its body is written in a macro or is a function-try-block");
  // The body runs in a lambda: `__func__` would be "operator()".
  if (std::string Why = placeNameReason(Body, PC.Ctx); !Why.empty())
    return Unsupported("its body uses " + Why);
  // ... and a class it declares would be named after that lambda (adv44 t05).
  if (std::string Why = localTypeReason(Body, PC.typeNameObserver()); !Why.empty())
    return Unsupported("its body uses " + Why);

  const Fingerprint &F = PC.fingerprintOf(FD);
  // The key holds the text of what it reads, not the value a dynamic
  // initializer computed at start-up from the environment, the clock or a
  // file: another run would be served this run's answers.
  const StartupCall *Call = nullptr;
  if (std::string Read = startupRead(PC.Facts, F.Globals, Call); !Read.empty()) {
    Unsupported("it reads " + Read + ": its value may differ between runs");
    PC.R.report(Call->Loc, Diag::NoteStartupCall) << Call->Shown;
    return;
  }
  if (std::string Read = mutableStartupRead(F.Globals); !Read.empty())
    return Unsupported("it reads " + Read + ": its value may differ between runs");
  // What the key does not hold must not change the result.
  if (!F.UnkeyedReads.empty()) {
    const Fingerprint::UnkeyedRead &Read = F.UnkeyedReads.front();
    CharSourceRange Range = CharSourceRange::getTokenRange(Read.At->getSourceRange());
    std::string Text = Lexer::getSourceText(PC.SM.getExpansionRange(Range), PC.SM,
                                            PC.Ctx.getLangOpts())
                           .str();
    std::string Shown = "'" + (Text.empty() ? Read.Member + "()" : Text) + "'";
    if (Read.Inserts)
      Unsupported("it inserts with " + Shown + " into a hash container its caller filled: the " +
                  "container's buckets, which its memo key does not hold, decide where the "
                  "element lands in its order");
    else
      Unsupported("it reads " + Shown + ", which its memo key does not hold (the key holds a " +
                  "container's elements, not its " +
                  (Read.Buckets ? "buckets" : "'" + Read.Member + "()'") + ")");
    PC.R.report(Read.At->getExprLoc(), Diag::NoteUnkeyedRead) << Shown;
    return;
  }
  // Nor may the result depend on where objects lie in memory, which
  // another build or another run lays out otherwise (adv42 t01).
  if (!F.AddressValues.empty()) {
    const Expr *Use = F.AddressValues.front();
    // A container is named by its type: 'std::set<const long *>', not 's'.
    std::string Text = isa<CXXConstructExpr>(Use)
                           ? Use->getType().getUnqualifiedType().getAsString(PC.Ctx.getPrintingPolicy())
                           : writtenText(PC, Use);
    std::string Shown = shownInParens(Text);
    const auto *Cast = dyn_cast<CastExpr>(Use);
    Unsupported(std::string("its code ") +
                (isa<MemberExpr>(Use) || (Cast && Cast->getCastKind() == CK_BitCast)
                     ? "reads the bytes of an address"
                 : isa<CastExpr, BuiltinBitCastExpr>(Use) || isBytesCopy(Use)
                     ? "converts an address to an integer"
                     : "orders or hashes addresses") +
                Shown + ", and where objects lie in memory may differ between builds and runs");
    PC.R.report(Use->getExprLoc(), Diag::NoteAddressValue);
    return;
  }
  // Nor see more of a view than its elements, or where a referenced
  // argument lies (adv52).
  if (auto Problem = keyedAccessProblem(F.Code, FD, PC.Ctx)) {
    std::string Text = writtenText(PC, Problem->At);
    bool Short = quotable(Text).has_value();
    // The comparison as written, for the remark; a range-for's own end
    // test is spelled by no text but its ':' (adv68 F24).
    std::string Quoted = Short ? " ('" + Text + "')" : std::string();
    if (Short && llvm::none_of(Text, llvm::isAlnum)) {
      Quoted.clear();
      for (DynTypedNodeList Ps = PC.Ctx.getParents(*Problem->At); !Ps.empty();
           Ps = PC.Ctx.getParents(Ps[0])) {
        if (const auto *For = Ps[0].get<CXXForRangeStmt>()) {
          if (std::optional<std::string> Range = quotable(writtenText(PC, For->getRangeInit())))
            Quoted = " (the end test of the range-for over '" + *Range + "')";
          break;
        }
        if (!Ps[0].get<Stmt>())
          break;
      }
    }
    if (Problem->What == KeyedAccessProblem::Kind::PastView) {
      std::string View = writtenText(PC, Problem->View);
      std::string Shown = "'" + (Short ? Text : View) + "'";
      Unsupported((Problem->View == Problem->At
                       ? "its code uses the address of '" + View + "', an element of a view"
                       : "its code uses the view '" + View + "' in " + Shown) +
                  ", which may reach past the view's elements, and its memo key holds only the "
                  "elements");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteUnkeyedRead) << Shown;
    } else if (Problem->What == KeyedAccessProblem::Kind::InPlace) {
      Unsupported("its code compares an address into a string with the string object's own "
                  "address" + Quoted +
                  ", which tells whether its characters are kept inside the object, as the "
                  "capacity its caller left decides, and its memo key does not hold the capacity");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteAddressValue);
    } else if (Problem->What == KeyedAccessProblem::Kind::MovedOut) {
      Unsupported("its code uses '" + Text + "', an address into a string's characters, after '" +
                  writtenText(PC, Problem->View) +
                  "' moves them out: they go along with a buffer its caller gave capacity, and a "
                  "short string's are copied out of the object, as the capacity its caller left "
                  "decides, and its memo key does not hold the capacity");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteUnkeyedRead) << "'" + Text + "'";
    } else if (Problem->What == KeyedAccessProblem::Kind::BufferIdentity) {
      Unsupported("its code compares an address into a vector its caller filled with one into "
                  "another object" + Quoted +
                  ", which for empty vectors tells whether their callers gave them capacity, "
                  "and its memo key holds only the elements");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteAddressValue);
    } else if (Problem->What == KeyedAccessProblem::Kind::NullBuffer) {
      Unsupported("its code tests whether '" + writtenText(PC, Problem->View) +
                  "' is null, which for an empty vector tells whether its caller gave it "
                  "capacity, and its memo key holds only the elements");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteAddressValue);
    } else if (Problem->What == KeyedAccessProblem::Kind::Reallocation) {
      std::string Grows = writtenText(PC, Problem->View);
      // A local that took a caller's storage (ContainerGrowth.h) is named.
      const auto *Local = dyn_cast_or_null<VarDecl>(Problem->Container);
      Unsupported((Local && !isa<ParmVarDecl>(Local) && Local->hasLocalStorage()
                       ? "its code compares addresses" + Quoted + " into " + quoted(Local) +
                             ", which may hold storage its caller gave,"
                       : "its code compares addresses into a container taken by value" + Quoted) +
                  " across '" + Grows +
                  "', which moves the elements only when the capacity its caller left is full, "
                  "and its memo key does not hold the capacity");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteAddressValue);
    } else {
      Unsupported(std::string("its code compares or subtracts addresses that may lie in different arguments") +
                  Quoted +
                  ", and its memo key holds the arguments' values, not where they lie");
      PC.R.report(Problem->At->getExprLoc(), Diag::NoteAddressValue);
    }
    return;
  }
  std::string Site = PC.freshName("site");
  std::string Name = FD->getQualifiedNameAsString();
  PC.insert(Open->second, " " + shapes::memoHead(Site, Name, F.Hi, F.Lo, llvm::join(F.External, " "),
                                                 PC.typeText(Result)));
  PC.insert(Close->first, shapes::memoTail(Args));

  if (std::string Why; !emitCodecHooks(PC, FD, Hooks, Why))
    return Unsupported(Why);
  if (auto D = PC.remark(FD->getLocation(), Diag::RemarkMemoized))
    *D << quoted(FD) << F.hex();
  std::string Detail = Name + " fingerprint " + F.hex();
  if (!F.External.empty())
    Detail += " linked " + llvm::join(F.External, " ");
  PC.note(FD->getLocation(), Transform::Memoize, Detail);
}

void planLinkNote(PlanContext &PC) {
  std::string Records = linkNote(PC.Ctx, PC.Facts, PC.Config.OptimizationLevel);
  if (Records.empty())
    return;
  // The note's descriptor is the records as a C string, padded to 4 bytes
  // as ELF notes are. Mangled names and hex digits need no escapes. Its
  // last line is the compiler that builds the unit, which only that
  // compiler can write (`__VERSION__`, defined by g++ and clang++ alike):
  // the same tokens built by another compiler may compute other bits
  // (adv95 F1: g++ -O2 folds `std::log1p(0.7L)` with MPFR, clang++ calls
  // libm). Its size is the compiler's to count.
  // After it, what the flags the unit is compiled with do to floating
  // point, as the compiler's macros say: `purecc rewrite` writes the
  // records once, and the output may be compiled with -ffast-math or at
  // another -O later (adv105 F3). The same macros as the runtime's
  // PURECC_FP_ID (purecc/fp_environment.h), spelled here because the note
  // needs no runtime header.
  std::string Literal;
  for (char C : Records)
    Literal += C == '\n' ? std::string("\\n") : std::string(1, C);
  Literal = "\"" + Literal + "@unit \" __VERSION__ purecc_note_fp \"\\n\"";
  static const char *const FpMacros =
      "\n#define purecc_note_str_(x) #x\n"
      "#define purecc_note_str(x) purecc_note_str_(x)\n"
      "#if defined(__FAST_MATH__)\n#define purecc_note_fast \" fast-math\"\n"
      "#else\n#define purecc_note_fast \"\"\n#endif\n"
      "#if defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__\n"
      "#define purecc_note_finite \" finite-math-only\"\n"
      "#else\n#define purecc_note_finite \"\"\n#endif\n"
      "#if defined(__FMA__) || defined(__FP_FAST_FMA) || defined(__ARM_FEATURE_FMA)\n"
      "#define purecc_note_fma \" fma\"\n#else\n#define purecc_note_fma \"\"\n#endif\n"
      "#if defined(__OPTIMIZE_SIZE__)\n#define purecc_note_opt \" optimize=size\"\n"
      "#elif defined(__OPTIMIZE__)\n#define purecc_note_opt \" optimize\"\n"
      "#else\n#define purecc_note_opt \" optimize=none\"\n#endif\n"
      "#define purecc_note_fp \"; fp eval=\" purecc_note_str(__FLT_EVAL_METHOD__) "
      "purecc_note_fast purecc_note_finite purecc_note_fma purecc_note_opt\n";
  std::string Size = "sizeof(" + Literal + ")";
  std::string Padded = "(" + Size + " + 3) / 4 * 4";
  std::string Name = PC.freshName("link_note");
  // Spelled with reserved names (`__gnu__::__used__`, `purecc_name`): the
  // note goes at the end of the file, where a macro the file defines
  // (`#define name "x"`) is in effect (adv67 F10).
  std::string Text = std::string(FpMacros) + "[[__gnu__::__used__, __gnu__::__retain__, __gnu__::__section__(\".note.purecc\"), "
                     "__gnu__::__aligned__(4)]] static const struct { unsigned purecc_namesz, "
                     "purecc_descsz, purecc_type; char purecc_name[8]; char purecc_desc[" +
                     Padded + "]; } " + Name + " = {7, " + Size + ", 1, \"purecc\", " + Literal +
                     "};\n";
  unsigned End = PC.SM.getBufferData(PC.SM.getMainFileID()).size();
  // The note is plain C++: a unit that needs nothing else of the runtime
  // does not include its headers, and links without it.
  bool UsesRuntime = PC.P.UsesRuntime;
  PC.insert(End, Text);
  PC.P.UsesRuntime = UsesRuntime;
  PC.note(PC.SM.getLocForEndOfFile(PC.SM.getMainFileID()), "link-note",
          std::to_string(std::count(Records.begin(), Records.end(), '\n')) + " records");
}

} // namespace purecc
