//===- Diagnostics.h - purecc's diagnostics, reported through Clang -------===//
//
// Every purecc diagnostic is a Clang custom diagnostic reported through the
// compiler's own DiagnosticsEngine. That is what makes `-Xclang -verify`,
// colours, carets, source ranges, fix-its and `-ferror-limit` work exactly as
// they do for Clang's own diagnostics. The list lives in Diagnostics.def.
//
//   purecc::Reporter R(Ctx.getDiagnostics(), purecc::WarnOnly::Off);
//   R.report(E->getExprLoc(), purecc::Diag::GlobalWrite) << VD << E->getSourceRange();
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringRef.h"

namespace purecc {

enum class Diag : unsigned {
#define PURECC_DIAG(Name, Level, Id, Message) Name,
#include "Diagnostics.def"
};

enum class DiagLevel { Error, Warning, Remark, Note };

/// `--warn-only`: report purity errors as warnings (exit status 0).
enum class WarnOnly : bool { Off, On };

/// The stable ID printed in brackets, e.g. "purecc-global-write"; empty for notes.
llvm::StringRef stableId(Diag D);
/// The level a diagnostic has in the .def file.
DiagLevel declaredLevel(Diag D);
/// The message format string (without the bracketed ID).
llvm::StringRef messageFormat(Diag D);

/// Reports purecc diagnostics through a Clang DiagnosticsEngine.
class Reporter {
public:
  Reporter(clang::DiagnosticsEngine &Engine, WarnOnly Mode)
      : Engine(Engine), Mode(Mode) {}

  /// Starts a diagnostic at Loc; stream arguments and ranges into the result.
  clang::DiagnosticBuilder report(clang::SourceLocation Loc, Diag D);

  clang::DiagnosticsEngine &engine() const { return Engine; }
  WarnOnly mode() const { return Mode; }

  /// The Clang custom diagnostic ID for D in this engine (created on first use).
  unsigned clangId(Diag D);

private:
  clang::DiagnosticsEngine &Engine;
  WarnOnly Mode;
};

/// Reports through an engine without a Reporter (used where no pipeline
/// state exists yet, e.g. while Sema handles an attribute).
clang::DiagnosticBuilder report(clang::DiagnosticsEngine &Engine,
                                clang::SourceLocation Loc, Diag D);

} // namespace purecc
