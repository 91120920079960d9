//===- PlanContext.cpp - source-text helpers shared by the transformations ===//
#include "PlanContext.h"
#include "HiddenAttributes.h"
#include "PlaceNames.h"
#include "PlainValues.h"
#include "PreprocessorRecord.h"
#include "analysis/Stdlib.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/OperatorPrecedence.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace clang;

namespace purecc {

PlanContext::PlanContext(ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
                         const PlanConfig &Config, Plan &P)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), Facts(Facts), R(R),
      Config(Config), P(P) {
  // Generated names must not capture or shadow anything the user wrote.
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  Lexer Lex(SM.getLocForStartOfFile(SM.getMainFileID()), LO, Buffer.begin(), Buffer.begin(),
            Buffer.end());
  Token Tok;
  while (!Lex.LexFromRawLexer(Tok))
    if (Tok.is(tok::raw_identifier))
      IdentifiersInFile.insert(Tok.getRawIdentifier());
}

bool PlanContext::changesPreprocessorState(unsigned Begin, unsigned End) const {
  return Config.Preprocessed && Config.Preprocessed->changesStateBetween(Begin, End);
}

std::vector<std::string> PlanContext::pragmasBetween(unsigned Begin, unsigned End) const {
  std::vector<std::string> Lines;
  if (!Config.Preprocessed)
    return Lines;
  const std::vector<unsigned> &Pragmas = Config.Preprocessed->Pragmas;
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  for (auto It = std::lower_bound(Pragmas.begin(), Pragmas.end(), Begin); It != Pragmas.end() && *It < End;
       ++It) {
    StringRef Line = Buffer.drop_front(*It).take_until([](char C) { return C == '\n'; }).trim();
    // `_Pragma("omp critical") u += work(i);`: the operator alone.
    if (size_t Close = Line.find("\")"); Line.starts_with("_Pragma") && Close != StringRef::npos)
      Line = Line.take_front(Close + 2);
    // A macro that expands to one: its name.
    else if (!Line.starts_with("#") && !Line.starts_with("_Pragma"))
      Line = Line.take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
    Lines.push_back(Line.str());
  }
  return Lines;
}

std::string PlanContext::pragmaRightBefore(unsigned Offset) const {
  if (!Config.Preprocessed)
    return "";
  const std::vector<unsigned> &Pragmas = Config.Preprocessed->Pragmas;
  auto It = std::lower_bound(Pragmas.begin(), Pragmas.end(), Offset);
  if (It == Pragmas.begin())
    return "";
  unsigned Last = *std::prev(It);
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  // What stands between that pragma's line and the statement.
  size_t LineEnd = Buffer.find('\n', Last);
  if (LineEnd == StringRef::npos || LineEnd >= Offset)
    return pragmasBetween(Last, Last + 1).front(); // on the statement's own line
  StringRef Between = Buffer.slice(LineEnd, Offset);
  while (!Between.empty()) {
    StringRef Line = Between.take_until([](char C) { return C == '\n'; });
    Between = Between.drop_front(std::min(Between.size(), Line.size() + 1));
    StringRef T = Line.trim();
    if (!T.empty() && !T.starts_with("//") && !(T.starts_with("/*") && T.ends_with("*/")) &&
        !T.starts_with("#pragma") && !T.starts_with("# pragma"))
      return "";
  }
  return pragmasBetween(Last, Last + 1).front();
}

bool PlanContext::changesPreprocessorState(SourceRange Range) const {
  SourceLocation First = SM.getExpansionLoc(Range.getBegin());
  SourceLocation Last = SM.getExpansionRange(Range.getEnd()).getEnd();
  if (First.isInvalid() || Last.isInvalid() || SM.getFileID(First) != SM.getMainFileID() ||
      SM.getFileID(Last) != SM.getMainFileID())
    return false;
  return changesPreprocessorState(SM.getFileOffset(First), SM.getFileOffset(Last) + 1);
}

std::optional<std::pair<unsigned, unsigned>> PlanContext::offsets(SourceRange Range) const {
  SourceLocation B = Range.getBegin(), E = Range.getEnd();
  if (B.isInvalid() || E.isInvalid() || B.isMacroID() || E.isMacroID())
    return std::nullopt;
  FileID Main = SM.getMainFileID();
  if (SM.getFileID(B) != Main || SM.getFileID(E) != Main)
    return std::nullopt;
  unsigned BO = SM.getFileOffset(B), EO = endOfToken(E);
  // A token written right after a backslash-newline starts, for clang, at
  // the backslash (the line splice is part of its spelling): the text the
  // user sees as the token starts after the splices (adv29 C3).
  StringRef Buffer = SM.getBufferData(Main);
  BO = afterSplices(Buffer, BO, EO);
  if (EO < BO)
    return std::nullopt;
  // A splice inside the first or the last token (`fi\` then `b(n - 1)`):
  // no edit can start or end inside the token the user split (adv30 C5).
  auto SplitToken = [&](SourceLocation L) {
    unsigned Start = SM.getFileOffset(L), End = endOfToken(L);
    Start = afterSplices(Buffer, Start, End);
    StringRef Token = Buffer.slice(Start, End);
    return Token.contains("\\\n") || Token.contains("\\\r\n");
  };
  if (SplitToken(B) || SplitToken(E))
    return std::nullopt;
  return std::make_pair(BO, EO);
}

std::optional<std::pair<unsigned, unsigned>>
PlanContext::offsetsThroughMacros(SourceRange Range) const {
  SourceLocation B = Range.getBegin(), E = Range.getEnd();
  if (B.isMacroID() && !Lexer::isAtStartOfMacroExpansion(B, SM, LO, &B))
    return std::nullopt;
  if (E.isMacroID()) {
    SourceLocation Start = SM.getExpansionRange(E).getBegin();
    if (!Lexer::isAtEndOfMacroExpansion(E, SM, LO, &E))
      return std::nullopt;
    // A function-like macro ends at its ')'; a macro expanding inside
    // another's expansion is not the user's text.
    if (Start.isMacroID() || E.isMacroID() || B.isMacroID())
      return std::nullopt;
  }
  return offsets(SourceRange(B, E));
}

unsigned PlanContext::afterSplices(StringRef Buffer, unsigned Offset, unsigned Limit) {
  while (Offset < Limit && Buffer[Offset] == '\\') {
    size_t Next = Offset + 1;
    if (Next < Buffer.size() && Buffer[Next] == '\r')
      ++Next;
    if (Next >= Buffer.size() || Buffer[Next] != '\n')
      break;
    Offset = unsigned(Next + 1);
  }
  return Offset;
}

bool PlanContext::splicedToPrevious(StringRef Buffer, unsigned LineStart) {
  if (LineStart < 2 || Buffer[LineStart - 1] != '\n')
    return false;
  unsigned Before = LineStart - 2;
  if (Buffer[Before] == '\r' && Before > 0)
    --Before;
  return Buffer[Before] == '\\';
}

unsigned PlanContext::endOfToken(SourceLocation Loc) const {
  return SM.getFileOffset(Loc) + Lexer::MeasureTokenLength(Loc, SM, LO);
}

std::optional<unsigned> PlanContext::endOfStatement(const Stmt *S) const {
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return offsets(CS->getRBracLoc()) ? std::optional(endOfToken(CS->getRBracLoc()))
                                      : std::nullopt;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return offsets(DS->getEndLoc()) ? std::optional(endOfToken(DS->getEndLoc())) : std::nullopt;
  if (const auto *If = dyn_cast<IfStmt>(S))
    return endOfStatement(If->getElse() ? If->getElse() : If->getThen());
  if (const auto *For = dyn_cast<ForStmt>(S))
    return endOfStatement(For->getBody());
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
    return endOfStatement(RF->getBody());
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return endOfStatement(W->getBody());
  if (const auto *Sw = dyn_cast<SwitchStmt>(S))
    return endOfStatement(Sw->getBody());
  // `try { ... } catch (...) { ... }` ends with its last handler's '}'.
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    return endOfStatement(Try->getHandler(Try->getNumHandlers() - 1)->getHandlerBlock());
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return endOfStatement(Label->getSubStmt());
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return endOfStatement(Attributed->getSubStmt());
  // Expression statements, return, break, do-while...: the ';' after the end.
  SourceLocation End = S->getEndLoc();
  if (End.isInvalid() || End.isMacroID() || SM.getFileID(End) != SM.getMainFileID())
    return std::nullopt;
  SourceLocation After = Lexer::findLocationAfterToken(End, tok::semi, SM, LO,
                                                       /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (After.isValid())
    return SM.getFileOffset(After);
  return endPastFoldTail(End);
}

// An instantiated fold expression `(work(xs) + ...)` is the expanded
// operators alone: its range ends at the last operand's pattern, and the
// text `+ ...)` after it belongs to no node (adv63 R13).
std::optional<unsigned> PlanContext::endPastFoldTail(SourceLocation End) const {
  std::optional<Token> Tok = Lexer::findNextToken(End, SM, LO);
  bool SawFoldToken = false;
  for (unsigned Steps = 0; Tok && Steps < 8; ++Steps) {
    if (Tok->is(tok::semi))
      return SawFoldToken ? std::optional(endOfToken(Tok->getLocation())) : std::nullopt;
    if (Tok->getLocation().isMacroID())
      return std::nullopt;
    if (Tok->isOneOf(tok::ellipsis, tok::r_paren))
      SawFoldToken = true;
    else if (!isFoldOperator(Tok->getKind()))
      return std::nullopt;
    Tok = Lexer::findNextToken(Tok->getLocation(), SM, LO);
  }
  return std::nullopt;
}

// The fold operators ([expr.prim.fold]) are the binary operators but '?:'
// and '<=>'.
bool PlanContext::isFoldOperator(tok::TokenKind K) {
  return getBinOpPrecedence(K, /*GreaterThanIsOperator=*/true, /*CPlusPlus11=*/true) != prec::Unknown &&
         K != tok::question && K != tok::spaceship;
}

std::optional<std::string> PlanContext::text(SourceRange Range) const {
  auto O = offsets(Range);
  if (!O)
    return std::nullopt;
  return textAt(O->first, O->second);
}

std::optional<std::string> PlanContext::shownText(SourceRange Range) const {
  auto O = offsets(Range);
  if (!O)
    return std::nullopt;
  return textAt(O->first, O->second, Copy::AsWritten);
}

std::string PlanContext::textAt(unsigned Begin, unsigned End, Copy How) const {
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  // Code a transformation copies (a call moved into a task, a lambda
  // argument with it) shows purecc's attributes as the output shows them
  // everywhere else, as comments: the copy replaces the text whose
  // attribute edit would have hidden them (adv75 F4: `[] [[pure]] (double
  // x)` moved into parallel_invoke broke a -Werror build).
  // Every attribute is collected before planning; the spans are worked out
  // once (each is lexed) and looked up by offset for each copy.
  std::pair<size_t, size_t> Counts{P.Attributes.size(), P.Qualifications.size()};
  if (SubstitutionsFor != Counts) {
    Substitutions.clear();
    for (auto [B, E] : attributeSpans(SM, LO, P.Attributes)) {
      Edit Hide;
      Hide.Begin = B;
      Hide.End = E;
      Hide.Text = "/*" + Buffer.slice(B, E).str() + "*/";
      Substitutions.push_back(std::move(Hide));
    }
    // The program's calls, qualified as the output writes them (a call in
    // a loop body copied into a task: LookupShield.h).
    Substitutions.insert(Substitutions.end(), P.Qualifications.begin(), P.Qualifications.end());
    std::stable_sort(Substitutions.begin(), Substitutions.end(),
                     [](const Edit &A, const Edit &B) { return A.Begin < B.Begin; });
    SubstitutionsFor = Counts;
  }
  auto It = std::lower_bound(Substitutions.begin(), Substitutions.end(), Begin,
                             [](const Edit &S, unsigned Off) { return S.Begin < Off; });
  std::string Out;
  unsigned Pos = Begin;
  for (; It != Substitutions.end() && It->Begin < End; ++It) {
    if (It->End > End || It->Begin < Pos)
      continue;
    // A remark quotes the call as the user wrote it.
    if (How == Copy::AsWritten && !llvm::StringRef(It->Text).starts_with("/*"))
      continue;
    Out += Buffer.slice(Pos, It->Begin);
    Out += It->Text;
    Pos = It->End;
  }
  return Out + Buffer.slice(Pos, End).str();
}

std::string PlanContext::indentationAt(unsigned Off) const {
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  size_t LineStart = Buffer.rfind('\n', Off == 0 ? 0 : Off - 1);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  size_t I = LineStart;
  while (I < Buffer.size() && (Buffer[I] == ' ' || Buffer[I] == '\t'))
    ++I;
  return Buffer.slice(LineStart, I).str();
}

bool PlanContext::isTaken(unsigned Begin, unsigned End) const {
  auto Overlaps = [&](unsigned B, unsigned E) {
    if (B == E) // an insertion point strictly inside the range
      return Begin < B && B < End;
    if (Begin == End)
      return B < Begin && Begin < E;
    return B < End && Begin < E;
  };
  for (const Edit &Ed : P.Edits)
    if (Overlaps(Ed.Begin, Ed.End))
      return true;
  for (auto [B, E] : Taken)
    if (Overlaps(B, E))
      return true;
  return false;
}

void PlanContext::take(unsigned Begin, unsigned End) { Taken.push_back({Begin, End}); }

bool PlanContext::repeatsInSerialClone(unsigned Begin, unsigned End) const {
  return llvm::any_of(P.Edits, [&](const Edit &E) {
    return E.RepeatInSerialClone && E.Begin >= Begin && E.End <= End;
  });
}

void PlanContext::replace(unsigned Begin, unsigned End, std::string Text) {
  P.Edits.push_back({Begin, End, std::move(Text)});
  P.UsesRuntime = true;
}

std::string PlanContext::freshName(StringRef Stem) {
  while (true) {
    std::string Name = ("purecc_" + Stem + Twine(NameCounter++)).str();
    if (!IdentifiersInFile.contains(Name))
      return Name;
  }
}

std::string PlanContext::freshNumbered(StringRef Stem) {
  unsigned &Counter = NumberedCounters[Stem];
  while (true) {
    std::string Name = ("purecc_" + Stem + "_" + Twine(Counter++)).str();
    if (!IdentifiersInFile.contains(Name))
      return Name;
  }
}

std::string PlanContext::unusedName(StringRef Stem) {
  std::string Name = ("purecc_" + Stem).str();
  return IdentifiersInFile.contains(Name) ? freshName(Stem) : Name;
}

std::optional<DiagnosticBuilder> PlanContext::remark(SourceLocation Loc, Diag D) {
  if (!Config.ShowRemarks)
    return std::nullopt;
  return R.report(Loc, D);
}

void PlanContext::note(SourceLocation Loc, Transform T, std::string Detail) {
  note(Loc, transformName(T).str(), std::move(Detail));
}

void PlanContext::note(SourceLocation Loc, std::string Kind, std::string Detail) {
  P.Entries.push_back({Loc, std::move(Kind), std::move(Detail)});
}

// A type as the loop names it may be a typedef declared inside a class or
// a function: `ms[1]` of a `std::array<M, 3>` has the type 'value_type' (the
// element type, as std::array declares it), which names nothing where the
// generated code stands. Such names are replaced by what they stand for;
// typedefs declared at namespace scope (the user's `using Mat = ...`) are
// kept, since they name the same type anywhere. The type 'auto' or
// 'decltype' deduced is looked through: `const auto &w = words[i]` has
// the element type as the vector names it ('value_type', user44 t04).
static QualType withoutScopedTypedefs(QualType U) {
  QualType Peeled = U;
  bool Scoped = false;
  for (;;) {
    const Type *Ty = Peeled.getTypePtr();
    if (const auto *E = dyn_cast<ElaboratedType>(Ty)) {
      Peeled = E->getNamedType();
      continue;
    }
    if (const auto *A = dyn_cast<AutoType>(Ty); A && A->isDeduced() && !A->isDependentType()) {
      Peeled = A->getDeducedType();
      continue;
    }
    if (const auto *D = dyn_cast<DecltypeType>(Ty); D && D->isSugared()) {
      Peeled = D->desugar();
      continue;
    }
    if (const auto *S = dyn_cast<SubstTemplateTypeParmType>(Ty)) {
      Peeled = S->getReplacementType();
      continue;
    }
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      if (!TT->getDecl()->getDeclContext()->getRedeclContext()->isFileContext()) {
        Scoped = true;
        Peeled = TT->desugar();
        continue;
      }
    }
    break;
  }
  return Scoped ? Peeled.getUnqualifiedType() : U;
}

std::string PlanContext::typeText(QualType T) const {
  PrintingPolicy Policy(LO);
  Policy.SuppressTagKeyword = true;
  Policy.FullyQualifiedName = true;
  QualType U = withoutScopedTypedefs(T.getUnqualifiedType());
  if (U->isBuiltinType() || U.getCanonicalType()->isBuiltinType())
    return U.getCanonicalType().getAsString(Policy);
  return U.getAsString(Policy);
}

const std::string &PlanContext::typeNameObserver() const {
  if (!TypeNameObserver)
    TypeNameObserver = findTypeNameObserver(Ctx);
  return *TypeNameObserver;
}

const Fingerprint &PlanContext::fingerprintOf(const Decl *D) const {
  std::unique_ptr<Fingerprint> &F = Fingerprints[D];
  if (!F)
    F = std::make_unique<Fingerprint>(fingerprint(D, Ctx, Config.OptimizationLevel));
  return *F;
}

LibraryRuns &PlanContext::libraryRuns() const {
  if (!Runs)
    Runs = std::make_unique<LibraryRuns>(SM, Ctx.getPrintingPolicy());
  return *Runs;
}

std::string writtenText(const PlanContext &PC, const Expr *E) {
  if (auto Plain = PC.shownText(E->getSourceRange()))
    return *Plain;
  CharSourceRange R = PC.SM.getExpansionRange(E->getSourceRange());
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(R, PC.SM, PC.LO, &Invalid);
  return Invalid ? std::string() : Text.str();
}

std::optional<std::string> quotable(std::optional<std::string> Text) {
  if (!Text || Text->empty() || Text->size() > 60 || Text->find('\n') != std::string::npos)
    return std::nullopt;
  return Text;
}

std::string shownInParens(std::optional<std::string> Text) {
  std::optional<std::string> Q = quotable(std::move(Text));
  return Q ? " ('" + *Q + "')" : std::string();
}

const Expr *written(const Expr *E) {
  while (true) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      if (CE->getNumArgs() == 1 && (CE->isElidable() || CE->getConstructor()->isCopyOrMoveConstructor()) &&
          !isa<CXXTemporaryObjectExpr>(CE))
        E = CE->getArg(0);
    if (E == Prev)
      return E;
  }
}

const Expr *unmoved(const Expr *E) {
  while (true) {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!FD || Call->getNumArgs() != 1 || !FD->isInStdNamespace() || !FD->getIdentifier() ||
        (FD->getName() != "move" && FD->getName() != "forward"))
      return E;
    E = Call->getArg(0);
  }
}

const TagDecl *unnamedType(QualType T) {
  T = T.getCanonicalType();
  while (true) {
    if (T->isReferenceType() || T->isPointerType())
      T = T->getPointeeType().getCanonicalType();
    else if (const auto *A = dyn_cast<ArrayType>(T.getTypePtr()))
      T = A->getElementType().getCanonicalType();
    else
      break;
  }
  const TagDecl *Tag = T->getAsTagDecl();
  if (!Tag)
    return nullptr;
  if (const auto *RD = dyn_cast<CXXRecordDecl>(Tag); RD && RD->isLambda())
    return Tag;
  if (!Tag->getIdentifier() && !Tag->getTypedefNameForAnonDecl())
    return Tag;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Tag))
    for (QualType H : heldTypes(Spec))
      if (const TagDecl *Inner = unnamedType(H))
        return Inner;
  return nullptr;
}

const FunctionDecl *calleeOf(const Expr *E) {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E))
    return CE->getDirectCallee();
  return nullptr;
}

namespace {
/// Whether D is declared inside a library-internal namespace or class, one
/// whose name is reserved to the implementation (`__gnu_cxx`,
/// `__normal_iterator`, `std::__detail`).
bool inInternalScope(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *ND = dyn_cast<NamedDecl>(DC))
      if (const IdentifierInfo *II = ND->getIdentifier(); II && II->getName().starts_with("__"))
        return true;
  return false;
}
} // namespace

std::string displayName(const NamedDecl *D) {
  // Two functions named `size` in two classes must not read alike: a
  // function is named as the user would qualify it (`ns::S::size`), without
  // unwritten scopes (anonymous and inline namespaces). The standard
  // library's are named as written (`sort`, `operator==`), never by the
  // internal scopes the user did not write (`__gnu_cxx::operator==` for an
  // iterator comparison, `__normal_iterator<...>::operator*`), and a
  // lambda's call operator has no name to qualify.
  const auto *FD = dyn_cast<FunctionDecl>(D);
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!FD || FD->isInStdNamespace() || (MD && MD->getParent()->isLambda()) ||
      (isLibraryFunction(FD, D->getASTContext().getSourceManager()) && inInternalScope(FD)))
    return D->getNameAsString();
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  std::string S;
  llvm::raw_string_ostream OS(S);
  D->printQualifiedName(OS, Policy);
  return S;
}

std::string quoted(const NamedDecl *D) {
  // Names the user did not write: `auto [x, y] = ...` is '[x, y]', and the
  // variable of `static union { long a; double b; };` is an anonymous
  // union (adv63 t11, t115: remarks quoted '').
  if (const auto *DD = dyn_cast<DecompositionDecl>(D)) {
    std::string Names;
    for (const BindingDecl *B : DD->bindings())
      Names += (Names.empty() ? "" : ", ") + B->getNameAsString();
    return "'[" + Names + "]'";
  }
  if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getDeclName().isEmpty())
    if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl(); RD && RD->isAnonymousStructOrUnion())
      return RD->isUnion() ? "an anonymous union" : "an anonymous struct";
  return "'" + displayName(D) + "'";
}

std::string typeName(QualType T, const ASTContext &Ctx) {
  const PrintingPolicy &Policy = Ctx.getPrintingPolicy();
  std::string Sugared = T.getAsString(Policy);
  if (!StringRef(Sugared).contains("__"))
    return Sugared;
  return QualType(T.getCanonicalType()).getAsString(Policy);
}

std::string quotedList(const std::vector<std::string> &Names) {
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I > 0)
      Out += I + 1 == Names.size() ? " and " : ", ";
    Out += "'" + Names[I] + "'";
  }
  return Out;
}

std::vector<const FunctionDecl *> instantiationsOf(const FunctionTemplateDecl *FT) {
  std::vector<const FunctionDecl *> Out;
  for (const FunctionDecl *Spec : FT->specializations())
    if (Spec->isTemplateInstantiation() && Spec->hasBody())
      Out.push_back(Spec);
  return Out;
}

} // namespace purecc
