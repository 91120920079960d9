//===- Rewrite.cpp - the rewrite step -------------------------------------===//
//
// Applies a Plan to the main file's text. Only planned spans change; every
// other byte of the file is copied as it is. purecc's attributes become
// comments (compilers would warn about unknown attributes), the runtime's
// header is included only when an edit calls the runtime (shielded from the
// user's macros, RuntimeMacroShield.h), and `#line`
// directives (LineDirectives.h) keep every line of the output attributed to
// the user's file and line.
//
//===----------------------------------------------------------------------===//
#include "HiddenAttributes.h"
#include "LineDirectives.h"
#include "Plan.h"
#include "RuntimeMacroShield.h"

#include "clang/Basic/SourceManager.h"

#include <algorithm>

using namespace clang;

namespace purecc {

/// g++ counts code under a `#line` that names another file than the one it
/// compiles as a header's, and `-Wsubobject-linkage` then warns about a
/// class with a member of an anonymous namespace's type, which it accepts
/// in the main file (adv86 F7: a `-Werror` build of the rewritten file
/// failed, and the launcher fell back to the serial program). The output's
/// `#line`s name the user's file, which is the main file as written.
constexpr StringRef MainFileLinkageWarningOff =
    "#if defined(__GNUC__) && !defined(__clang__)\n"
    "#pragma GCC diagnostic ignored \"-Wsubobject-linkage\"\n"
    "#endif\n";

std::string applyPlan(ASTContext &Ctx, const Plan &P) {
  SourceManager &SM = Ctx.getSourceManager();
  FileID Main = SM.getMainFileID();
  StringRef Buffer = SM.getBufferData(Main);

  std::vector<Edit> Edits = P.Edits;
  for (Edit &E : attributeEdits(SM, Ctx.getLangOpts(), P.Attributes, 0, Buffer.size()))
    Edits.push_back(std::move(E));
  // Beside the runtime's standard headers, the program's calls name their
  // callee (LookupShield.h); an edit that replaces one copies it qualified.
  if (P.UsesRuntime)
    Edits.insert(Edits.end(), P.Qualifications.begin(), P.Qualifications.end());
  // In file order; at one offset, insertions (in planning order) come before
  // the replacement that starts there.
  std::stable_sort(Edits.begin(), Edits.end(), [](const Edit &L, const Edit &R) {
    if (L.Begin != R.Begin)
      return L.Begin < R.Begin;
    return (L.Begin == L.End) > (R.Begin == R.End);
  });

  std::string Out;
  unsigned Pos = 0;
  // A UTF-8 byte order mark stays the output's first bytes: compilers skip
  // one only at the start of a file, and the runtime's #include inserted
  // before it left it mid-file ("'\ufeff' does not name a type" from g++ on
  // a file of TheAlgorithms/C-Plus-Plus).
  constexpr StringRef ByteOrderMark = "\xEF\xBB\xBF";
  if (Buffer.starts_with(ByteOrderMark)) {
    Out += ByteOrderMark;
    Pos = ByteOrderMark.size();
  }
  LineDirectives Lines(SM, Ctx.getLangOpts());
  if (P.UsesRuntime) {
    std::vector<std::string> Headers{"purecc/purecc.h"};
    Headers.insert(Headers.end(), P.ExtraIncludes.begin(), P.ExtraIncludes.end());
    if (P.RuntimeIncludeAt && *P.RuntimeIncludeAt >= Pos && *P.RuntimeIncludeAt < Buffer.size()) {
      // Before the file's first #include, after the directives before it
      // (PreprocessorRecord::FirstInclude): no edit comes earlier.
      Edit Include;
      Include.Begin = Include.End = *P.RuntimeIncludeAt;
      Include.Text += MainFileLinkageWarningOff;
      appendShieldedIncludes(Include.Text, Headers, P.MacrosToShield);
      Include.Text += Lines.directive(
          SM.getLineNumber(SM.getMainFileID(), *P.RuntimeIncludeAt));
      Include.EndsWithLineDirective = true;
      Edits.insert(Edits.begin(), std::move(Include));
    } else {
      Out += MainFileLinkageWarningOff;
      appendShieldedIncludes(Out, Headers, P.MacrosToShield);
      Out += Lines.directive(1);
    }
  }
  for (const Edit &E : Edits) {
    // Planning never overlaps edits; an overlap would be a bug that must not
    // corrupt the output, so the later edit is dropped.
    if (E.Begin < Pos || E.End > Buffer.size())
      continue;
    Lines.copy(Out, Pos, E.Begin);
    Lines.replace(Out, E.Begin, E.End, E.Text);
    if (E.EndsWithLineDirective)
      Lines.resynchronized();
    Pos = E.End;
  }
  Lines.copy(Out, Pos, Buffer.size());
  return Out;
}

} // namespace purecc
