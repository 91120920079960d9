//===- CommandLine.h - the purecc command line ----------------------------===//
//
//   purecc check   [options] [--suggest] [--fix] <file>... [-- <compiler flags>]
//   purecc rewrite [options] <file> -o <out> [-- <compiler flags>]
//   purecc --help | --version
//
// Parsing never exits: a malformed command line comes back as a one-line
// message, which the caller prints before exiting with status 2.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Pipeline.h"

#include <optional>
#include <string>
#include <vector>

namespace purecc {

enum class Command { Help, Version, Check, Rewrite };

enum class DiagnosticsFormat { Text, Json, Sarif };

/// `--fix`: apply the fix-its of the run's diagnostics to the files.
enum class ApplyFixes : bool { Off, On };

struct Options {
  Command Cmd = Command::Help;
  std::vector<std::string> Files;
  std::string Output;                        // rewrite: -o
  std::optional<std::string> BuildDir;       // -p
  std::optional<std::vector<std::string>> CompilerFlags; // after --
  StepSet DumpAfter;                         // --dump-after=
  WarnOnly Warn = WarnOnly::Off;             // --warn-only
  Remarks ShowRemarks = Remarks::Off;        // --remarks
  DiagnosticsFormat Format = DiagnosticsFormat::Text;
  Suggest SuggestPure = Suggest::Off;        // --suggest (check only)
  ApplyFixes Fix = ApplyFixes::Off;          // --fix (check only)
  FpReassoc Reassociate = FpReassoc::On;     // --fp-reassoc=on|off
};

/// The result of parsing: options, or the one-line reason they are invalid.
struct ParseResult {
  std::optional<Options> Opts;
  std::string Error;
};

ParseResult parseCommandLine(const std::vector<std::string> &Args);

/// The one place a run's PipelineConfig is built from its options (the
/// command line, `check -p`, and the launcher, which fills in Options as a
/// `rewrite` would). `rewrite` runs every step; `check` stops after verify,
/// or after plan with --remarks (it plans, writing nothing, to say what
/// would run in parallel and what would stay serial).
PipelineConfig pipelineConfig(const Options &O);

/// The text `purecc --help` prints.
const char *helpText();

} // namespace purecc
