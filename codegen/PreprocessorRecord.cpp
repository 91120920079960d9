//===- PreprocessorRecord.cpp - what the preprocessor saw and the AST lost ===//
//
// See PreprocessorRecord.h.
//
//===----------------------------------------------------------------------===//
#include "PreprocessorRecord.h"
#include "analysis/ImplementationHeaders.h"

#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "RuntimeMacroShield.h"

#include "clang/Basic/SourceManager.h"

#include <algorithm>

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
    testsOpenMP(Name);
  }
  void Ifndef(SourceLocation Loc, const Token &Name, const MacroDefinition &) override {
    enter(Loc);
    testsOpenMP(Name);
  }
  void Elifdef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    testsOpenMP(Name);
  }
  void Elifndef(SourceLocation, const Token &Name, const MacroDefinition &) override {
    testsOpenMP(Name);
  }
  void Defined(const Token &Name, const MacroDefinition &, SourceRange) override {
    testsOpenMP(Name);
  }
  void Endif(SourceLocation Loc, SourceLocation) override {
    if (PP.getSourceManager().isInMainFile(Loc) && ConditionalDepth > 0)
      --ConditionalDepth;
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
  unsigned ConditionalDepth = 0; // the main file's open #if blocks
};

} // namespace

std::unique_ptr<PPCallbacks> recordPreprocessor(Preprocessor &PP, PreprocessorRecord &R) {
  return std::make_unique<Recorder>(PP, R);
}

} // namespace purecc
