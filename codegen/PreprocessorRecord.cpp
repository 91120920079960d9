//===- PreprocessorRecord.cpp - what the preprocessor saw and the AST lost ===//
//
// See PreprocessorRecord.h.
//
//===----------------------------------------------------------------------===//
#include "PreprocessorRecord.h"
#include "analysis/ImplementationHeaders.h"

#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringSet.h"
#include "RuntimeMacroShield.h"

#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace clang;

namespace purecc {

bool PreprocessorRecord::changesStateBetween(unsigned Begin, unsigned End) const {
  auto It = std::lower_bound(StateChanges.begin(), StateChanges.end(), Begin);
  return It != StateChanges.end() && *It < End;
}

namespace {

class Recorder : public PPCallbacks {
public:
  Recorder(Preprocessor &PP, PreprocessorRecord &R) : PP(PP), R(R) {}

  /// Whether Name is a macro the program defined (in its files or with
  /// -D), which may clash with a name the runtime's headers use. One a
  /// system header defines (`UINTPTR_MAX` of <cstdint>, `LDBL_MANT_DIG`,
  /// `FE_ALL_EXCEPT`, also when a forced include such as CMake's
  /// precompiled header brought it in before the main file) is the one the
  /// runtime's headers mean: undefined around them, they failed to compile
  /// and every unit fell back to its text as written (adv108 F1).
  bool definedByProgram(const char *Name) const {
    const IdentifierInfo *II = PP.getIdentifierInfo(Name);
    const MacroInfo *MI = II ? PP.getMacroInfo(II) : nullptr;
    if (!MI)
      return false;
    SourceLocation At = MI->getDefinitionLoc();
    const SourceManager &SM = PP.getSourceManager();
    if (At.isInvalid() || SM.isWrittenInBuiltinFile(At))
      return false;
    // Clang's resource headers (`float.h`: `LDBL_MANT_DIG`) are system
    // headers the implementation provides.
    return SM.isWrittenInCommandLineFile(At) ||
           !(isImplementationHeader(At, SM) || SM.isInSystemHeader(At));
  }

  /// The main file's first line is reached when the preprocessor leaves the
  /// predefines buffer (builtin macros, -D, -U, -include) for the main file.
  void FileChanged(SourceLocation Loc, FileChangeReason Reason, SrcMgr::CharacteristicKind,
                   FileID) override {
    if (AtStartRecorded || Reason != ExitFile)
      return;
    const SourceManager &SM = PP.getSourceManager();
    if (SM.getFileID(SM.getExpansionLoc(Loc)) != SM.getMainFileID())
      return;
    AtStartRecorded = true;
    for (const char *Name : runtimeIdentifiers())
      if (definedByProgram(Name))
        R.RuntimeNameMacros.push_back(Name);
  }

  void MacroExpands(const Token &Name, const MacroDefinition &, SourceRange,
                    const MacroArgs *) override {
    named(Name);
    if (const IdentifierInfo *II = Name.getIdentifierInfo(); II && II->getName() == "__COUNTER__")
      changesState(Name.getLocation());
  }
  void MacroDefined(const Token &Name, const MacroDirective *MD) override {
    changesState(Name.getLocation());
    // `#define M _OPENMP` ... `#if M`: a test through a macro (adv83 F5).
    if (const MacroInfo *MI = MD ? MD->getMacroInfo() : nullptr)
      for (const Token &T : MI->tokens())
        if (const IdentifierInfo *II = T.getIdentifierInfo(); II && II->getName() == "_OPENMP")
          testedAt(Name.getLocation());
  }
  void MacroUndefined(const Token &Name, const MacroDefinition &,
                      const MacroDirective *) override {
    changesState(Name.getLocation());
  }
  void InclusionDirective(SourceLocation Hash, const Token &, StringRef, bool, CharSourceRange,
                          OptionalFileEntryRef, StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    changesState(Hash);
    const SourceManager &SM = PP.getSourceManager();
    if (R.FirstInclude || ConditionalDepth != 0 || Hash.isMacroID() || !SM.isInMainFile(Hash))
      return;
    // The start of the directive's line (a '#' may follow blanks).
    unsigned Offset = SM.getFileOffset(Hash);
    unsigned Column = SM.getColumnNumber(SM.getFileID(Hash), Offset);
    R.FirstInclude = Offset - (Column - 1);
    for (const char *Name : runtimeIdentifiers())
      if (definedByProgram(Name))
        R.RuntimeNameMacrosAtFirstInclude.push_back(Name);
  }
  // The main file's conditional blocks: an #include inside one may be
  // skipped in another configuration.
  void If(SourceLocation Loc, SourceRange Condition, ConditionValueKind) override {
    enter(Loc);
    testsOpenMP(Loc, Condition);
  }
  void Elif(SourceLocation Loc, SourceRange Condition, ConditionValueKind, SourceLocation) override {
    testsOpenMP(Loc, Condition);
  }
  void Ifdef(SourceLocation Loc, const Token &Name, const MacroDefinition &) override {
    enter(Loc);
    // `#ifdef _OPENMP` is judged once its block is known (SourceRangeSkipped).
    if (const IdentifierInfo *II = Name.getIdentifierInfo();
        II && II->getName() == "_OPENMP" && !PP.isMacroDefined("_OPENMP")) {
      PendingIfdef = Name.getLocation();
      PendingDirective = Loc;
      return;
    }
    named(Name);
    testsOpenMP(Name);
  }
  /// The block of a false `#ifdef _OPENMP` is the first range skipped after
  /// it: harmless when it only defines macros the unit never names
  /// (glm's `GLM_HAS_OPENMP`, adv118 F2), judged at the end of the unit.
  void SourceRangeSkipped(SourceRange Range, SourceLocation EndifLoc) override {
    if (PendingIfdef.isInvalid())
      return;
    SourceLocation At = PendingIfdef;
    PendingIfdef = SourceLocation();
    const SourceManager &SM = PP.getSourceManager();
    bool Invalid = false;
    StringRef Ender(SM.getCharacterData(EndifLoc, &Invalid));
    std::optional<std::vector<std::string>> Names;
    if (!Invalid && (Ender.starts_with("endif") || Ender.starts_with("else")))
      Names = definesOnly(Range.getBegin(), EndifLoc, /*SkipFirstLine=*/true);
    if (!Names) {
      testedAt(At);
      return;
    }
    DefineOnlyTests.push_back({At, std::move(*Names), {}});
    // An `#else` branch, which the serial build runs and the parallel one
    // skips, must only define macros too: judged at its `#endif`.
    if (Ender.starts_with("else")) {
      OpenElse = PendingDirective;
      ElseStart = EndifLoc;
    }
  }
  void Endif(SourceLocation Loc, SourceLocation IfLoc) override {
    if (PP.getSourceManager().isInMainFile(Loc) && ConditionalDepth > 0)
      --ConditionalDepth;
    if (OpenElse.isInvalid() || IfLoc != OpenElse)
      return;
    OpenElse = SourceLocation();
    std::optional<std::vector<std::string>> Names =
        definesOnly(ElseStart, Loc, /*SkipFirstLine=*/true);
    if (!Names) {
      testedAt(DefineOnlyTests.back().At);
      DefineOnlyTests.pop_back();
      return;
    }
    DefineOnlyTests.back().ElseNames = std::move(*Names);
  }
  void EndOfMainFile() override { finish(); }
  /// Judges the define-only `#ifdef _OPENMP` tests, once the unit's tokens
  /// are all lexed (the pipeline plans before EndOfMainFile is called).
  void finish() {
    if (Finished)
      return;
    Finished = true;
    // Unused: never expanded or tested, and a name only the skipped block
    // defines is nowhere lexed outside a skipped block (the identifier
    // table has every name the unit lexed).
    for (const DefineOnlyTest &T : DefineOnlyTests) {
      auto Used = [&](const std::string &N) {
        if (Named.contains(N))
          return true;
        return !llvm::is_contained(T.ElseNames, N) &&
               PP.getIdentifierTable().find(N) != PP.getIdentifierTable().end();
      };
      if (llvm::any_of(T.Names, Used) || llvm::any_of(T.ElseNames, Used))
        testedAt(T.At);
    }
  }

  void Ifndef(SourceLocation Loc, const Token &Name, const MacroDefinition &) override {
    enter(Loc);
    named(Name);
    testsOpenMP(Name);
  }
  void Elifdef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    named(Name);
    testsOpenMP(Name);
  }
  void Elifndef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    named(Name);
    testsOpenMP(Name);
  }
  void Defined(const Token &Name, const MacroDefinition &, SourceRange) override {
    named(Name);
    testsOpenMP(Name);
  }
  void PragmaDirective(SourceLocation Loc, PragmaIntroducerKind) override {
    // `#pragma push_macro("K")` and `pop_macro`; other pragmas keep no
    // state a second copy would change.
    const SourceManager &SM = PP.getSourceManager();
    if (SourceLocation Where = SM.getExpansionLoc(Loc); SM.getFileID(Where) == SM.getMainFileID()) {
      unsigned Offset = SM.getFileOffset(Where);
      R.Pragmas.insert(std::upper_bound(R.Pragmas.begin(), R.Pragmas.end(), Offset), Offset);
    }
    bool Invalid = false;
    const char *Text = SM.getCharacterData(Loc, &Invalid);
    if (Invalid)
      return;
    StringRef Line = StringRef(Text).take_until([](char C) { return C == '\n'; });
    if (Line.contains("push_macro") || Line.contains("pop_macro"))
      changesState(Loc);
  }

private:
  /// `_OPENMP` tested where OpenMP is off, in the program's own code.
  void testsOpenMP(const Token &Name) {
    if (const IdentifierInfo *II = Name.getIdentifierInfo(); II && II->getName() == "_OPENMP")
      testedAt(Name.getLocation());
  }
  /// `#if _OPENMP >= 201511`: an undefined name in a condition reaches no
  /// callback of its own.
  void testsOpenMP(SourceLocation Loc, SourceRange Condition) {
    if (R.OpenMPMacroTest.isValid() || PP.isMacroDefined("_OPENMP"))
      return;
    bool Invalid = false;
    const SourceManager &SM = PP.getSourceManager();
    CharSourceRange Range = CharSourceRange::getTokenRange(Condition);
    StringRef Text = Lexer::getSourceText(Range, SM, PP.getLangOpts(), &Invalid);
    if (!Invalid && Text.contains("_OPENMP"))
      testedAt(Loc);
  }
  void testedAt(SourceLocation Loc) {
    const SourceManager &SM = PP.getSourceManager();
    // Defined or not by this build: -fopenmp defines it, -fopenmp-simd does
    // not (adv83 F5).
    if (R.OpenMPMacroTest.isValid() || PP.isMacroDefined("_OPENMP") || Loc.isInvalid() ||
        SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      return;
    R.OpenMPMacroTest = SM.getExpansionLoc(Loc);
  }
  /// The macros the lines after From's and before To's directive define,
  /// when they hold nothing but conditionals and `#define`s; nullopt
  /// otherwise.
  std::optional<std::vector<std::string>> definesOnly(SourceLocation From, SourceLocation To,
                                                      bool SkipFirstLine) const {
    const SourceManager &SM = PP.getSourceManager();
    bool Invalid = false;
    const char *End = SM.getCharacterData(To, &Invalid);
    if (Invalid)
      return std::nullopt;
    const char *Begin = SM.getCharacterData(From, &Invalid);
    if (Invalid || Begin > End || SM.getFileID(From) != SM.getFileID(To))
      return std::nullopt;
    StringRef Text(Begin, End - Begin);
    // The lines after the opening directive, up to the closing one's '#'.
    if (SkipFirstLine)
      Text = Text.drop_until([](char C) { return C == '\n'; });
    Text = Text.drop_back(Text.size() - Text.rfind('#'));
    std::vector<std::string> Names;
    std::string Logical;
    llvm::SmallVector<StringRef, 32> Lines;
    Text.split(Lines, '\n');
    for (StringRef Line : Lines) {
      Line = Line.rtrim();
      if (Line.ends_with("\\")) {
        Logical += Line.drop_back().str() + " ";
        continue;
      }
      Logical += Line.str();
      StringRef L = StringRef(Logical).trim();
      if (!L.empty() && !L.starts_with("//")) {
        if (!L.consume_front("#"))
          return std::nullopt;
        L = L.ltrim();
        StringRef Directive = L.take_while([](char C) { return isAsciiIdentifierContinue(C); });
        if (Directive == "define") {
          StringRef Name = L.drop_front(Directive.size()).ltrim().take_while(
              [](char C) { return isAsciiIdentifierContinue(C); });
          if (Name.empty())
            return std::nullopt;
          Names.push_back(Name.str());
        } else if (!llvm::is_contained({"if", "ifdef", "ifndef", "elif", "elifdef",
                                        "elifndef", "else", "endif"},
                                       Directive)) {
          return std::nullopt;
        }
      }
      Logical.clear();
    }
    if (Text.contains("/*"))
      return std::nullopt; // a comment may hide a line break: judge it as code
    return Names;
  }
  void enter(SourceLocation Loc) {
    if (PP.getSourceManager().isInMainFile(Loc))
      ++ConditionalDepth;
  }
  void changesState(SourceLocation Loc) {
    const SourceManager &SM = PP.getSourceManager();
    SourceLocation Where = SM.getExpansionLoc(Loc);
    if (SM.getFileID(Where) != SM.getMainFileID())
      return;
    unsigned Offset = SM.getFileOffset(Where);
    // They come in file order, but insert sorted all the same.
    R.StateChanges.insert(
        std::upper_bound(R.StateChanges.begin(), R.StateChanges.end(), Offset), Offset);
  }

  Preprocessor &PP;
  PreprocessorRecord &R;
  bool AtStartRecorded = false;
  bool Finished = false;
  /// A false `#ifdef _OPENMP` whose block is not yet skipped: its name and
  /// its directive.
  SourceLocation PendingIfdef, PendingDirective;
  /// The directive of a define-only `#ifdef _OPENMP` whose `#else` branch
  /// runs, and where that branch starts.
  SourceLocation OpenElse, ElseStart;
  /// A false `#ifdef _OPENMP` whose branches only define macros.
  struct DefineOnlyTest {
    SourceLocation At;
    std::vector<std::string> Names;     // defined in the skipped block
    std::vector<std::string> ElseNames; // defined in the `#else` branch
  };
  std::vector<DefineOnlyTest> DefineOnlyTests;
  /// Every macro name expanded or tested (`defined`, `#ifdef`).
  llvm::StringSet<> Named;
  void named(const Token &Name) {
    if (const IdentifierInfo *II = Name.getIdentifierInfo())
      Named.insert(II->getName());
  }
  unsigned ConditionalDepth = 0; // the main file's open #if blocks
};

} // namespace

std::unique_ptr<PPCallbacks> recordPreprocessor(Preprocessor &PP, PreprocessorRecord &R) {
  auto Callbacks = std::make_unique<Recorder>(PP, R);
  // The preprocessor owns the callbacks and outlives the record's readers.
  R.Finish = [Rec = Callbacks.get()] { Rec->finish(); };
  return Callbacks;
}

void PreprocessorRecord::finish() {
  if (Finish)
    Finish();
}

} // namespace purecc
