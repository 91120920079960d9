//===- Attributes.cpp - [[pure]] and friends as Clang plugin attributes ---===//
//
// Why plugin attributes rather than parsing comments or macros: Clang then
// parses, checks and attaches them like its own, they survive template
// instantiation, and `-verify` sees their diagnostics.
//
//===----------------------------------------------------------------------===//
#include "Attributes.h"
#include "diagnostics/Diagnostics.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TinyPtrVector.h"

using namespace clang;

namespace purecc {
namespace {

/// Whether an argument list is written after the attribute's name, even one
/// that Clang dropped: the parser looks a scoped attribute up by the name
/// after '::' ("memo"), finds no plugin spelled so, and skips the arguments of
/// `[[purecc::memo(1)]]` unparsed. The range then ends at the name; parsed
/// arguments (`[[pure()]]` has none) end it at the ')'.
bool writesArguments(Sema &S, const ParsedAttr &Attr) {
  const SourceManager &SM = S.getSourceManager();
  SourceLocation Last = SM.getSpellingLoc(Attr.getRange().getEnd());
  // The usual spellings, read from the characters: every function of a unit
  // may carry the attribute, and lexing twice each time costs more than the
  // rest of this check (bench/check). A comment, a line continuation or the
  // end of the buffer goes to the lexer.
  bool Invalid = false;
  const char *At = SM.getCharacterData(Last, &Invalid);
  if (!Invalid && At) {
    if (*At == ')')
      return true;
    const char *P = At;
    while (isAsciiIdentifierContinue(*P))
      ++P;
    if (P != At) {
      while (*P == ' ' || *P == '\t')
        ++P;
      if (*P == '(')
        return true;
      if (*P == ']' || *P == ',' || *P == ':')
        return false;
    }
  }
  Token Tok;
  if (Lexer::getRawToken(Last, Tok, SM, S.getLangOpts(), /*IgnoreWhiteSpace=*/true))
    return false;
  if (Tok.is(tok::r_paren))
    return true;
  std::optional<Token> Next = Lexer::findNextToken(Last, SM, S.getLangOpts());
  return Next && Next->is(tok::l_paren);
}

/// The attribute's name as written, scope included: 'purecc::memo'.
std::string quotedName(const ParsedAttr &Attr) {
  std::string Out(1, '\'');
  Out.append(Attr.getNormalizedFullName());
  Out.push_back('\'');
  return Out;
}

/// The attributes of a unit whose declarations do not carry them
/// (keepAttributesAside), by the declaration they were written on.
///
/// Why: a declaration with any attribute costs Clang a hash-table look-up
/// on each of the many checks that ask it for one of its own (is it a
/// builtin, noreturn, enable_if, ...), every time it is named or called.
/// With [[pure]] on most functions of a unit that was 60 M instructions of
/// bench/check's generated file (7 % of a check), and a check needs the
/// attributes only for its own queries below. One unit at a time: the
/// table belongs to the ASTContext it was made for and is emptied when that
/// context goes away.
struct AsideTable {
  const ASTContext *Ctx = nullptr;
  llvm::DenseMap<const Decl *, llvm::TinyPtrVector<const AnnotateAttr *>> On;

  void clear() {
    Ctx = nullptr;
    On.clear();
  }
};

AsideTable &aside() {
  static AsideTable Table;
  return Table;
}

/// Called as the ASTContext Ctx is destroyed: its declarations go with it.
void release(void *Ctx) {
  AsideTable &T = aside();
  if (T.Ctx == Ctx)
    T.clear();
}

/// Records A for D when D's unit keeps its attributes aside.
bool keepAside(const ASTContext &Ctx, const Decl &D, const AnnotateAttr &A) {
  AsideTable &T = aside();
  if (T.Ctx != &Ctx)
    return false;
  T.On[&D].push_back(&A);
  return true;
}

/// Whether some declaration of FD has the annotation Name, kept aside or
/// attached.
bool carries(const ASTContext &Ctx, const FunctionDecl *FD, StringRef Name) {
  const AsideTable &T = aside();
  for (const FunctionDecl *R : FD->redecls()) {
    if (T.Ctx == &Ctx)
      if (auto It = T.On.find(R); It != T.On.end())
        for (const AnnotateAttr *A : It->second)
          if (A->getAnnotation() == Name)
            return true;
    if (R->hasAttrs())
      for (const auto *A : R->specific_attrs<AnnotateAttr>())
        if (A->getAnnotation() == Name)
          return true;
  }
  return false;
}

/// Whether the earlier declaration Prev and FD, being declared, declare the
/// same function: same type (and template parameters and constraints).
/// Not ASTContext::isSameEntity, which asks for FD's linkage, and a linkage
/// computed before Sema links FD to its earlier declarations would be cached
/// wrong (`static int f(int) {...}` then `int f(int);`).
bool sameSignature(const ASTContext &Ctx, const FunctionDecl *Prev, const FunctionDecl *FD) {
  // `auto f(int)` redeclares `auto f(int x) { ... }`, whose return type was
  // deduced by now: compare the rest.
  if (!FD->getReturnType()->getContainedDeducedType())
    return Ctx.hasSameFunctionTypeIgnoringExceptionSpec(Prev->getType(), FD->getType());
  const auto *PP = Prev->getType()->getAs<FunctionProtoType>();
  const auto *FP = FD->getType()->getAs<FunctionProtoType>();
  if (!PP || !FP || PP->getNumParams() != FP->getNumParams() ||
      PP->isVariadic() != FP->isVariadic() ||
      PP->getMethodQuals() != FP->getMethodQuals() ||
      PP->getRefQualifier() != FP->getRefQualifier())
    return false;
  for (unsigned I = 0; I != PP->getNumParams(); ++I)
    if (!Ctx.hasSameType(PP->getParamType(I), FP->getParamType(I)))
      return false;
  return true;
}

bool sameFunction(const ASTContext &Ctx, const FunctionDecl *Prev, const FunctionDecl *FD) {
  if (Prev->getKind() != FD->getKind() || !sameSignature(Ctx, Prev, FD) ||
      !Ctx.isSameConstraintExpr(Prev->getTrailingRequiresClause(),
                                FD->getTrailingRequiresClause()))
    return false;
  const FunctionTemplateDecl *PT = Prev->getDescribedFunctionTemplate();
  const FunctionTemplateDecl *FT = FD->getDescribedFunctionTemplate();
  if (!PT || !FT)
    return !PT && !FT && !Prev->getPrimaryTemplate();
  return Ctx.isSameTemplateParameterList(PT->getTemplateParameters(),
                                         FT->getTemplateParameters());
}

/// The definition of D, a function being declared, given by a declaration
/// before it, or null. Sema hands a declaration's attributes over before it
/// links the declaration to its earlier ones, so they are looked up here.
///
/// Why: Clang drops an attribute attached after the definition ("attribute
/// declaration must precede definition"), unless the definition has another
/// of its kind (any annotation), while a table entry (keepAttributesAside)
/// would be believed: `check` and `check --remarks` disagreed. Such an
/// attribute is reported and applied in neither.
const FunctionDecl *earlierDefinition(const ASTContext &Ctx, const Decl *D, StringRef Name) {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
    FD = FTD->getTemplatedDecl();
  if (!FD || FD->getFriendObjectKind() != Decl::FOK_None || !FD->getDeclName())
    return nullptr;
  // A lambda's call operator has no other declaration.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return nullptr;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  for (const NamedDecl *Found : DC->lookup(FD->getDeclName())) {
    const FunctionDecl *Prev = Found->getAsFunction();
    const FunctionDecl *Def = nullptr;
    if (Prev && Prev != FD && Prev->isDefined(Def) && Def != FD && sameFunction(Ctx, Prev, FD))
      // Repeating an attribute that an earlier declaration has (a
      // block-scope `[[pure]] long heavy(long);`) changes nothing.
      return carries(Ctx, Prev, Name) ? nullptr : Def;
  }
  return nullptr;
}

/// One attribute: a set of C++11 spellings that all mean the same thing.
template <PureccAttr Kind> struct PureccAttrInfo : public ParsedAttrInfo {
  PureccAttrInfo() {
    // None is accepted, but Clang's own count check would say so without
    // the stable ID: let every count through to handleDeclAttribute.
    OptArgs = 15;
    NumArgs = 0;
    Spellings = spellings();
  }

  static ArrayRef<Spelling> spellings() {
    static constexpr Spelling Pure[] = {
        {ParsedAttr::AS_CXX11, "pure"},
        {ParsedAttr::AS_CXX11, "purecc::pure"},
    };
    static constexpr Spelling Assume[] = {
        {ParsedAttr::AS_CXX11, "purecc::assume_pure"}};
    static constexpr Spelling Memo[] = {{ParsedAttr::AS_CXX11, "purecc::memo"}};
    static constexpr Spelling Associative[] = {
        {ParsedAttr::AS_CXX11, "purecc::associative"}};
    switch (Kind) {
    case PureccAttr::Pure: return Pure;
    case PureccAttr::AssumePure: return Assume;
    case PureccAttr::Memo: return Memo;
    case PureccAttr::Associative: return Associative;
    }
    return {};
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr,
                            const Decl *D) const override {
    if (isa<FunctionDecl>(D) || isa<FunctionTemplateDecl>(D))
      return true;
    report(S.getDiagnostics(), Attr.getLoc(), Diag::AttrWrongSubject)
        << Attr << Attr.getRange();
    return false;
  }

  bool diagAppertainsToStmt(Sema &S, const ParsedAttr &Attr,
                            const Stmt *) const override {
    report(S.getDiagnostics(), Attr.getLoc(), Diag::AttrOnStatement)
        << Attr << Attr.getRange();
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &Attr) const override {
    if (Attr.getNumArgs() != 0 || writesArguments(S, Attr)) {
      // The name as written, scope included ('purecc::memo').
      report(S.getDiagnostics(), Attr.getLoc(), Diag::AttrTakesNoArguments)
          << quotedName(Attr) << Attr.getRange();
      return AttributeNotApplied;
    }
    if (const FunctionDecl *Def = earlierDefinition(S.Context, D, annotationName(Kind))) {
      report(S.getDiagnostics(), Attr.getLoc(), Diag::AttrAfterDefinition)
          << quotedName(Attr) << Def << Attr.getRange();
      report(S.getDiagnostics(), Def->getLocation(), Diag::NoteDefinitionHere) << Def;
      return AttributeNotApplied;
    }
    if (auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    auto *A = AnnotateAttr::Create(S.Context, annotationName(Kind), nullptr, 0,
                                   Attr.getRange());
    if (!keepAside(S.Context, *D, *A))
      D->addAttr(A);
    return AttributeApplied;
  }
};

// Registration happens when this translation unit's static objects are
// initialized; registerAttributes() exists so the linker keeps this file.
ParsedAttrInfoRegistry::Add<PureccAttrInfo<PureccAttr::Pure>>
    RegisterPure("purecc-pure", "a function checked to be pure");
ParsedAttrInfoRegistry::Add<PureccAttrInfo<PureccAttr::AssumePure>>
    RegisterAssumePure("purecc-assume-pure", "a declaration trusted to be pure");
ParsedAttrInfoRegistry::Add<PureccAttrInfo<PureccAttr::Memo>>
    RegisterMemo("purecc-memo", "a pure function whose results are memoized");
ParsedAttrInfoRegistry::Add<PureccAttrInfo<PureccAttr::Associative>>
    RegisterAssociative("purecc-associative",
                        "a binary function the user promises is associative");

/// The attribute kept aside for some declaration of FD, or attached to it:
/// `__attribute__((annotate("purecc::pure")))` is Clang's own attribute,
/// which Sema attaches in every unit (docs/purity.md, Spellings).
const AnnotateAttr *findAside(const AsideTable &T, const FunctionDecl *FD, StringRef Name) {
  for (const FunctionDecl *R : FD->redecls()) {
    if (auto It = T.On.find(R); It != T.On.end())
      for (const AnnotateAttr *A : It->second)
        if (A->getAnnotation() == Name)
          return A;
    if (R->hasAttrs())
      for (const auto *A : R->specific_attrs<AnnotateAttr>())
        if (A->getAnnotation() == Name)
          return A;
  }
  return nullptr;
}

/// findAttr for a unit whose attributes are kept aside. Clang copies an
/// attached attribute onto every declaration instantiated from the one it
/// was written on, and an explicit specialization redeclares such a copy;
/// a table entry is not copied, so the chain of patterns is followed up to
/// where it was written instead: an explicit specialization's primary
/// template, and, for a generic lambda in an instantiated function, the
/// instantiated closure's call operator and then the one written.
const AnnotateAttr *findAlongPatterns(const AsideTable &T, const FunctionDecl *FD,
                                      StringRef Name) {
  // Two ways up from an instantiation, both followed: the pattern its
  // definition comes from (ForDefinition: stops at a member specialization,
  // `template <> template <class U> [[pure]] U A<int>::f(U)`, where the
  // attribute is written) and the declaration's own pattern (climbs to the
  // primary template, past such specializations).
  llvm::SmallVector<const FunctionDecl *, 8> Work{FD};
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  while (!Work.empty() && Seen.size() < 32) {
    const FunctionDecl *D = Work.pop_back_val();
    if (!D || !Seen.insert(D).second)
      continue;
    if (const AnnotateAttr *A = findAside(T, D, Name))
      return A;
    const FunctionDecl *Up[] = {D->getTemplateInstantiationPattern(/*ForDefinition=*/false),
                                D->getTemplateInstantiationPattern(/*ForDefinition=*/true),
                                nullptr};
    // The call operator template of a generic lambda in an instantiated
    // function remembers only as a template what it was made from.
    if (const FunctionTemplateDecl *FT = D->getDescribedFunctionTemplate())
      if (const FunctionTemplateDecl *From = FT->getInstantiatedFromMemberTemplate())
        Up[2] = From->getTemplatedDecl();
    for (const FunctionDecl *Next : Up)
      if (Next && Next != D)
        Work.push_back(Next);
  }
  return nullptr;
}

const AnnotateAttr *findOn(const FunctionDecl *FD, StringRef Name) {
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Name)
        return A;
  return nullptr;
}

} // namespace

void registerAttributes() {
  // Nothing to do at run time: referencing this function keeps the
  // registrations above in the link.
}

void keepAttributesAside(ASTContext &Ctx) {
  AsideTable &T = aside();
  if (T.Ctx == &Ctx)
    return;
  T.clear();
  T.Ctx = &Ctx;
  Ctx.AddDeallocation(&release, &Ctx);
}

StringRef annotationName(PureccAttr A) {
  switch (A) {
  case PureccAttr::Pure: return "purecc::pure";
  case PureccAttr::AssumePure: return "purecc::assume_pure";
  case PureccAttr::Memo: return "purecc::memo";
  case PureccAttr::Associative: return "purecc::associative";
  }
  return "";
}

const AnnotateAttr *findAttr(const FunctionDecl *FD, PureccAttr A) {
  if (!FD)
    return nullptr;
  StringRef Name = annotationName(A);
  const AsideTable &T = aside();
  if (T.Ctx && T.Ctx == &FD->getASTContext())
    return findAlongPatterns(T, FD, Name);
  if (const AnnotateAttr *Found = findOn(FD, Name))
    return Found;
  // An instantiation carries what its pattern was declared with.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    if (Pattern != FD)
      return findOn(Pattern, Name);
  return nullptr;
}

} // namespace purecc
