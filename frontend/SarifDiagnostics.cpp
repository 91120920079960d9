//===- SarifDiagnostics.cpp - `--diagnostics-format=sarif` ----------------===//
#include "SarifDiagnostics.h"

#include "diagnostics/Diagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace purecc {

std::string describeFormat(llvm::StringRef F) {
  std::string Out;
  while (!F.empty()) {
    size_t Pct = F.find('%');
    Out += F.take_front(Pct).str();
    if (Pct == llvm::StringRef::npos)
      break;
    F = F.drop_front(Pct + 1);
    if (F.consume_front("%")) { // "%%" is a literal percent sign
      Out += '%';
      continue;
    }
    llvm::StringRef Modifier = F.take_while([](char C) { return llvm::isAlpha(C); });
    F = F.drop_front(Modifier.size());
    llvm::StringRef Options;
    if (F.starts_with("{")) {
      // Nested braces appear in %select options; find the matching one.
      size_t Depth = 0, I = 0;
      for (; I < F.size(); ++I) {
        Depth += F[I] == '{';
        if (F[I] == '}' && --Depth == 0)
          break;
      }
      Options = F.slice(1, I);
      F = F.drop_front(std::min(I + 1, F.size()));
    }
    F = F.drop_while([](char C) { return llvm::isDigit(C); });
    bool Quoted = !Out.empty() && Out.back() == '\'';
    if (Modifier == "select" || Modifier == "plural") {
      Out += '{';
      Out += Options;
      Out += '}';
    }
    else if (Modifier == "s")
      Out += "(s)";
    else if (Modifier == "ordinal")
      Out += "n-th";
    else
      Out += Quoted ? "…" : "'…'";
  }
  return Out;
}

namespace {

llvm::StringRef sarifLevel(clang::DiagnosticsEngine::Level L) {
  switch (L) {
  case clang::DiagnosticsEngine::Error:
  case clang::DiagnosticsEngine::Fatal: return "error";
  case clang::DiagnosticsEngine::Warning: return "warning";
  default: return "note";
  }
}

/// Clang's errors have no flag; they share one rule.
constexpr llvm::StringLiteral ClangRule = "clang-diagnostic";

/// Percent-encodes a path for a URI (RFC 3986: unreserved characters and
/// '/' stay as they are).
std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/')
      Out += static_cast<char>(C);
    else
      Out += llvm::formatv("%{0:X2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

class LogBuilder {
public:
  LogBuilder() {
    llvm::SmallString<256> Cwd;
    if (!llvm::sys::fs::current_path(Cwd)) {
      Root = std::string(Cwd);
      if (!llvm::StringRef(Root).ends_with("/"))
        Root += "/";
    }
    // Every purecc rule, in the order of Diagnostics.def, so that a rule's
    // index does not depend on what this run happened to find.
    const Diag All[] = {
#define PURECC_DIAG(Name, Level, Id, Message) Diag::Name,
#include "diagnostics/Diagnostics.def"
    };
    for (Diag D : All) {
      if (stableId(D).empty() || RuleIndex.count(stableId(D)))
        continue;
      llvm::StringRef Level = declaredLevel(D) == DiagLevel::Error     ? "error"
                              : declaredLevel(D) == DiagLevel::Warning ? "warning"
                                                                       : "note";
      addRule(stableId(D), describeFormat(messageFormat(D)), Level);
    }
  }

  Value result(const DiagnosticRecord &R) {
    std::string RuleId = R.Id.empty() ? ClangRule.str() : R.Id;
    if (!RuleIndex.count(RuleId))
      addRule(RuleId,
              R.Id.empty() ? "a compile error reported by Clang"
                           : "Clang diagnostic " + R.Id,
              sarifLevel(R.Level));
    Object Res{{"ruleId", RuleId},
               {"ruleIndex", RuleIndex[RuleId]},
               {"level", sarifLevel(R.Level)},
               {"message", Object{{"text", R.Message}}}};
    if (R.Location)
      Res["locations"] = Array{Object{{"physicalLocation", mainLocation(R)}}};
    Array Related;
    for (const DiagnosticRecord &N : R.Notes) {
      Object Loc{{"id", static_cast<int64_t>(Related.size())},
                 {"message", Object{{"text", N.Message}}}};
      if (N.Location)
        Loc["physicalLocation"] = mainLocation(N);
      Related.push_back(std::move(Loc));
    }
    if (!Related.empty())
      Res["relatedLocations"] = std::move(Related);
    if (!R.FixIts.empty())
      Res["fixes"] = Array{fix(R)};
    return Res;
  }

  Value log(Array Results) {
    Object Run{{"tool", Object{{"driver", Object{{"name", "purecc"},
                                                 {"version", PURECC_VERSION_STRING},
                                                 {"rules", std::move(Rules)}}}}},
               {"columnKind", "utf16CodeUnits"},
               {"results", std::move(Results)}};
    if (!Root.empty())
      Run["originalUriBaseIds"] =
          Object{{"%SRCROOT%", Object{{"uri", "file://" + encodeUriPath(Root)}}}};
    return Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                  {"version", "2.1.0"},
                  {"runs", Array{std::move(Run)}}};
  }

private:
  void addRule(llvm::StringRef Id, const std::string &Description, llvm::StringRef Level) {
    RuleIndex[Id] = Rules.size();
    // json::Value would only point at a StringRef's text; copy it.
    Rules.push_back(Object{{"id", Id.str()},
                           {"shortDescription", Object{{"text", Description}}},
                           {"defaultConfiguration", Object{{"level", Level}}}});
  }

  Value artifact(llvm::StringRef File) const {
    if (!Root.empty() && File.starts_with(Root))
      return Object{{"uri", encodeUriPath(File.drop_front(Root.size()))},
                    {"uriBaseId", "%SRCROOT%"}};
    return Object{{"uri", "file://" + encodeUriPath(File)}};
  }

  static Value region(const SourcePosition &B, const SourcePosition &E) {
    return Object{{"startLine", B.Line},
                  {"startColumn", B.Utf16Column},
                  {"endLine", E.Line},
                  {"endColumn", E.Utf16Column}};
  }

  /// The diagnostic's location; its region is the highlighted range that
  /// starts there, or else the one character at the location.
  Value mainLocation(const DiagnosticRecord &R) const {
    const SourceSpan &L = *R.Location;
    SourcePosition End = L.Begin;
    End.Utf16Column += 1;
    for (const SourceSpan &S : R.Ranges)
      if (S.File == L.File && S.Begin.Line == L.Begin.Line &&
          S.Begin.Column == L.Begin.Column &&
          (S.End.Line > L.Begin.Line || S.End.Column > L.Begin.Column)) {
        End = S.End;
        break;
      }
    return Object{{"artifactLocation", artifact(L.File)},
                  {"region", region(L.Begin, End)}};
  }

  /// All of a diagnostic's fix-its form one fix, grouped by file.
  Value fix(const DiagnosticRecord &R) const {
    llvm::StringMap<Array> ByFile;
    std::vector<std::string> Order;
    for (const FixIt &F : R.FixIts) {
      if (!ByFile.count(F.Span.File))
        Order.push_back(F.Span.File);
      ByFile[F.Span.File].push_back(
          Object{{"deletedRegion", region(F.Span.Begin, F.Span.End)},
                 {"insertedContent", Object{{"text", F.Replacement}}}});
    }
    Array Changes;
    for (const std::string &File : Order)
      Changes.push_back(Object{{"artifactLocation", artifact(File)},
                               {"replacements", std::move(ByFile[File])}});
    return Object{{"description", Object{{"text", R.Message}}},
                  {"artifactChanges", std::move(Changes)}};
  }

  std::string Root; // the current directory, with a trailing '/'
  Array Rules;
  llvm::StringMap<size_t> RuleIndex;
};

} // namespace

void SarifDiagnostics::endRun() {
  LogBuilder B;
  Array Results;
  for (const DiagnosticRecord &R : records())
    Results.push_back(B.result(R));
  OS << llvm::formatv("{0:2}", B.log(std::move(Results))) << "\n";
  OS.flush();
}

} // namespace purecc
