//===- Diagnostics.cpp - purecc's diagnostics as Clang custom diagnostics -===//
#include "Diagnostics.h"

#include <string>

namespace purecc {
namespace {

struct DiagInfo {
  DiagLevel Level;
  const char *Id;
  const char *Message;
};

constexpr DiagInfo Table[] = {
#define PURECC_DIAG(Name, Level, Id, Message) {DiagLevel::Level, Id, Message},
#include "Diagnostics.def"
};

const DiagInfo &info(Diag D) { return Table[static_cast<unsigned>(D)]; }

clang::DiagnosticIDs::Level toClang(DiagLevel L) {
  switch (L) {
  case DiagLevel::Error: return clang::DiagnosticIDs::Error;
  case DiagLevel::Warning: return clang::DiagnosticIDs::Warning;
  case DiagLevel::Remark: return clang::DiagnosticIDs::Remark;
  case DiagLevel::Note: return clang::DiagnosticIDs::Note;
  }
  return clang::DiagnosticIDs::Error;
}

unsigned customId(clang::DiagnosticsEngine &Engine, Diag D, WarnOnly Mode) {
  const DiagInfo &I = info(D);
  DiagLevel Level = I.Level;
  if (Level == DiagLevel::Error && Mode == WarnOnly::On)
    Level = DiagLevel::Warning;
  std::string Format = I.Message;
  if (*I.Id)
    Format += std::string(" [") + I.Id + "]";
  // getCustomDiagID returns the same ID for the same (level, text) pair, so
  // asking again is cheap and never creates duplicates.
  return Engine.getDiagnosticIDs()->getCustomDiagID(toClang(Level), Format);
}

} // namespace

llvm::StringRef stableId(Diag D) { return info(D).Id; }
DiagLevel declaredLevel(Diag D) { return info(D).Level; }
llvm::StringRef messageFormat(Diag D) { return info(D).Message; }

unsigned Reporter::clangId(Diag D) { return customId(Engine, D, Mode); }

clang::DiagnosticBuilder Reporter::report(clang::SourceLocation Loc, Diag D) {
  return Engine.Report(Loc, clangId(D));
}

clang::DiagnosticBuilder report(clang::DiagnosticsEngine &Engine,
                                clang::SourceLocation Loc, Diag D) {
  return Engine.Report(Loc, customId(Engine, D, WarnOnly::Off));
}

} // namespace purecc
