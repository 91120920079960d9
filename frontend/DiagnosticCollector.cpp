//===- DiagnosticCollector.cpp - diagnostics kept for the whole run -------===//
#include "DiagnosticCollector.h"

#include "diagnostics/Diagnostics.h"

#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace clang;

namespace purecc {
namespace {

/// Every stable ID in Diagnostics.def. A custom diagnostic's bracketed suffix
/// is only taken for an ID when it is one of these, so a message that happens
/// to end in brackets is left alone.
const llvm::StringSet<> &pureccIds() {
  static const llvm::StringSet<> Ids = [] {
    llvm::StringSet<> S;
    const Diag All[] = {
#define PURECC_DIAG(Name, Level, Id, Message) Diag::Name,
#include "diagnostics/Diagnostics.def"
    };
    for (Diag D : All)
      if (!stableId(D).empty())
        S.insert(stableId(D));
    return S;
  }();
  return Ids;
}

/// Clang prints a path as it was opened, which after ClangTool has changed
/// into a compile command's directory may be relative to it; records hold
/// absolute paths so they mean the same thing after the run.
std::string absolutePath(const SourceManager &SM, StringRef Name) {
  if (Name.empty() || Name.starts_with("<"))
    return Name.str(); // <built-in>, <command line>, <stdin>
  llvm::SmallString<256> Path(Name);
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// The 1-based column of Offset in UTF-16 code units: one per character,
/// two for a character outside the Basic Multilingual Plane.
unsigned utf16Column(StringRef Buffer, unsigned Offset) {
  Offset = std::min<size_t>(Offset, Buffer.size());
  size_t Newline = Buffer.rfind('\n', Offset); // the last one before Offset
  size_t LineStart = Newline == StringRef::npos ? 0 : Newline + 1;
  unsigned Units = 0;
  for (size_t I = LineStart; I < Offset; ++I) {
    auto C = static_cast<unsigned char>(Buffer[I]);
    if ((C & 0xC0) != 0x80) // not a continuation byte: a new character
      Units += C >= 0xF0 ? 2 : 1;
  }
  return Units + 1;
}

/// Line and column as Clang's text printer shows them (`#line` honoured).
std::optional<SourcePosition> positionOf(const SourceManager &SM, SourceLocation Loc,
                                         std::string *File) {
  PresumedLoc P = SM.getPresumedLoc(Loc);
  if (P.isInvalid())
    return std::nullopt;
  if (File)
    *File = absolutePath(SM, P.getFilename());
  SourcePosition Pos;
  Pos.Line = P.getLine();
  Pos.Column = P.getColumn();
  auto [FID, Offset] = SM.getDecomposedExpansionLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(FID, &Invalid);
  Pos.Utf16Column = Invalid ? Pos.Column : utf16Column(Buffer, Offset);
  return Pos;
}

/// A highlighted range as characters in one file, macros expanded.
std::optional<SourceSpan> spanOf(const SourceManager &SM, const LangOptions &LO,
                                 CharSourceRange Range) {
  CharSourceRange R = Lexer::makeFileCharRange(Range, SM, LO);
  if (R.isInvalid()) {
    // Inside a macro argument list: show where the macro was expanded.
    R = SM.getExpansionRange(Range);
    if (R.isTokenRange())
      R = CharSourceRange::getCharRange(
          R.getBegin(), Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, LO));
  }
  if (R.isInvalid())
    return std::nullopt;
  SourceSpan S;
  std::string EndFile;
  auto Begin = positionOf(SM, R.getBegin(), &S.File);
  auto End = positionOf(SM, R.getEnd(), &EndFile);
  if (!Begin || !End || EndFile != S.File)
    return std::nullopt;
  S.Begin = *Begin;
  S.End = *End;
  return S;
}

} // namespace

llvm::StringRef levelName(DiagnosticsEngine::Level L) {
  switch (L) {
  case DiagnosticsEngine::Ignored: return "ignored";
  case DiagnosticsEngine::Note: return "note";
  case DiagnosticsEngine::Remark: return "remark";
  case DiagnosticsEngine::Warning: return "warning";
  case DiagnosticsEngine::Error: return "error";
  case DiagnosticsEngine::Fatal: return "fatal";
  }
  return "error";
}

void DiagnosticCollector::BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) {
  LangOpts = &LO;
  Fingerprints.clear();
  // Clang prints "N errors generated." per unit from these counters, as it
  // does with a consumer of its own for each unit; RunErrors keeps the total.
  clear();
  DiagnosticConsumer::BeginSourceFile(LO, PP);
}

void DiagnosticCollector::EndSourceFile() {
  // Diagnostics after the unit (e.g. -verify's summary) have no location.
  LangOpts = &DefaultLangOpts;
  DiagnosticConsumer::EndSourceFile();
}

FileFingerprint DiagnosticCollector::fingerprint(const SourceManager &SM, FileID FID) {
  auto [It, Inserted] = Fingerprints.try_emplace(FID);
  if (Inserted) {
    StringRef Buffer = SM.getBufferData(FID);
    It->second = {Buffer.size(), llvm::xxh3_64bits(Buffer)};
  }
  return It->second;
}

DiagnosticRecord DiagnosticCollector::makeRecord(DiagnosticsEngine::Level Level,
                                                 const Diagnostic &Info) {
  DiagnosticRecord R;
  R.Level = Level;
  llvm::SmallString<256> Message;
  Info.FormatDiagnostic(Message);
  R.Message = std::string(Message);

  if (Info.getID() >= diag::DIAG_UPPER_LIMIT) {
    // A custom diagnostic: purecc's own, "<message> [purecc-...]".
    StringRef M = R.Message;
    size_t Open = M.rfind(" [");
    if (Open != StringRef::npos && M.ends_with("]")) {
      StringRef Id = M.slice(Open + 2, M.size() - 1);
      if (pureccIds().contains(Id)) {
        R.Id = Id.str();
        R.Origin = IdOrigin::Purecc;
        R.Message = M.take_front(Open).str();
      }
    }
  } else if (Level != DiagnosticsEngine::Note) {
    StringRef Flag = DiagnosticIDs::getWarningOptionForDiag(Info.getID());
    if (!Flag.empty()) {
      R.Id = (Level == DiagnosticsEngine::Remark ? "-R" : "-W") + Flag.str();
      R.Origin = IdOrigin::ClangFlag;
    }
  }

  if (!Info.hasSourceManager())
    return R;
  const SourceManager &SM = Info.getSourceManager();
  if (Info.getLocation().isValid()) {
    SourceSpan Point;
    if (auto Pos = positionOf(SM, Info.getLocation(), &Point.File)) {
      Point.Begin = Point.End = *Pos;
      R.Location = std::move(Point);
    }
  }
  for (const CharSourceRange &Range : Info.getRanges())
    if (auto S = spanOf(SM, *LangOpts, Range))
      R.Ranges.push_back(std::move(*S));

  for (const FixItHint &Hint : Info.getFixItHints()) {
    if (Hint.isNull())
      continue;
    // A fix-it inside a macro expansion has no single place in the text to
    // change; like clang -fixit, purecc leaves it out.
    CharSourceRange Range = Lexer::makeFileCharRange(Hint.RemoveRange, SM, *LangOpts);
    if (Range.isInvalid())
      continue;
    auto [BeginFID, BeginOffset] = SM.getDecomposedLoc(Range.getBegin());
    auto [EndFID, EndOffset] = SM.getDecomposedLoc(Range.getEnd());
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(BeginFID);
    if (BeginFID != EndFID || EndOffset < BeginOffset || !Entry)
      continue;
    FixIt F;
    F.Offset = BeginOffset;
    F.Length = EndOffset - BeginOffset;
    F.Replacement = Hint.CodeToInsert;
    if (F.Replacement.empty() && Hint.InsertFromRange.isValid())
      F.Replacement = Lexer::getSourceText(Hint.InsertFromRange, SM, *LangOpts).str();
    F.BeforePreviousInsertions = Hint.BeforePreviousInsertions;
    F.Fingerprint = fingerprint(SM, BeginFID);
    F.Span.File = absolutePath(SM, Entry->getName());
    // Fix-its address the file's real text, so their lines ignore `#line`.
    auto Real = [&](unsigned Offset) {
      SourcePosition P;
      bool Invalid = false;
      P.Line = SM.getLineNumber(BeginFID, Offset, &Invalid);
      P.Column = SM.getColumnNumber(BeginFID, Offset, &Invalid);
      P.Utf16Column = utf16Column(SM.getBufferData(BeginFID), Offset);
      return P;
    };
    F.Span.Begin = Real(BeginOffset);
    F.Span.End = Real(EndOffset);
    R.FixIts.push_back(std::move(F));
  }
  return R;
}

void DiagnosticCollector::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                           const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level >= DiagnosticsEngine::Error)
    ++RunErrors;
  DiagnosticRecord R = makeRecord(Level, Info);
  if (Level == DiagnosticsEngine::Note && !Records.empty())
    Records.back().Notes.push_back(std::move(R));
  else
    Records.push_back(std::move(R));
  present(Level, Info);
}

void DiagnosticCollector::adopt(std::vector<DiagnosticRecord> Unit) {
  for (DiagnosticRecord &R : Unit) {
    RunErrors += R.Level >= DiagnosticsEngine::Error;
    Records.push_back(std::move(R));
  }
}

void TextDiagnostics::BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) {
  DiagnosticCollector::BeginSourceFile(LO, PP);
  // Each unit has its own diagnostic options (colour, carets, column
  // display), parsed from its compile command.
  if (PP) {
    Printer = std::make_unique<TextDiagnosticPrinter>(
        llvm::errs(), &PP->getDiagnostics().getDiagnosticOptions());
    Printer->BeginSourceFile(LO, PP);
    InFile = true;
  }
}

void TextDiagnostics::EndSourceFile() {
  if (Printer && InFile)
    Printer->EndSourceFile();
  InFile = false;
  DiagnosticCollector::EndSourceFile();
}

void TextDiagnostics::present(DiagnosticsEngine::Level Level, const Diagnostic &Info) {
  // Diagnostics outside a unit (from the compiler driver) come before any
  // printer exists; they carry no location, so the engine's options suffice.
  if (!Printer)
    Printer = std::make_unique<TextDiagnosticPrinter>(
        llvm::errs(), &Info.getDiags()->getDiagnosticOptions());
  // The printer renders source lines only between BeginSourceFile and
  // EndSourceFile; a located diagnostic outside them gets default options.
  static const LangOptions Outside;
  bool Bracket = !InFile && Info.getLocation().isValid();
  if (Bracket)
    Printer->BeginSourceFile(Outside, nullptr);
  Printer->HandleDiagnostic(Level, Info);
  if (Bracket)
    Printer->EndSourceFile();
}

} // namespace purecc
