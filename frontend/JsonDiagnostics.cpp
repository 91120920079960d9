//===- JsonDiagnostics.cpp - `--diagnostics-format=json` ------------------===//
#include "JsonDiagnostics.h"

#include "llvm/Support/FormatVariadic.h"

namespace purecc {
namespace {

llvm::json::Value position(const SourcePosition &P) {
  return llvm::json::Object{{"line", P.Line}, {"column", P.Column}};
}

llvm::json::Value span(const SourceSpan &S) {
  return llvm::json::Object{
      {"file", S.File}, {"start", position(S.Begin)}, {"end", position(S.End)}};
}

llvm::json::Value orNull(const std::string &S) {
  return S.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(S);
}

} // namespace

llvm::json::Value toJson(const DiagnosticRecord &R) {
  llvm::json::Object O{{"level", levelName(R.Level)},
                       {"message", R.Message},
                       {"id", orNull(R.Id)}};
  if (R.Location) {
    O["file"] = R.Location->File;
    O["line"] = R.Location->Begin.Line;
    O["column"] = R.Location->Begin.Column;
  } else {
    O["file"] = nullptr;
    O["line"] = nullptr;
    O["column"] = nullptr;
  }
  llvm::json::Array Ranges;
  for (const SourceSpan &S : R.Ranges)
    Ranges.push_back(span(S));
  O["ranges"] = std::move(Ranges);
  llvm::json::Array Fixes;
  for (const FixIt &F : R.FixIts) {
    llvm::json::Value V = span(F.Span);
    V.getAsObject()->try_emplace("replacement", F.Replacement);
    Fixes.push_back(std::move(V));
  }
  O["fixits"] = std::move(Fixes);
  if (R.Level != clang::DiagnosticsEngine::Note) {
    llvm::json::Array Notes;
    for (const DiagnosticRecord &N : R.Notes)
      Notes.push_back(toJson(N));
    O["notes"] = std::move(Notes);
  }
  return O;
}

void JsonDiagnostics::endRun() {
  llvm::json::Array All;
  for (const DiagnosticRecord &R : records())
    All.push_back(toJson(R));
  llvm::json::Object Doc{{"tool", "purecc"},
                         {"version", PURECC_VERSION_STRING},
                         {"diagnostics", std::move(All)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
  OS.flush();
}

} // namespace purecc
