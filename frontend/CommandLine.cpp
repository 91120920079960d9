//===- CommandLine.cpp - the purecc command line --------------------------===//
#include "CommandLine.h"

#include "llvm/ADT/StringRef.h"

namespace purecc {

const char *helpText() {
  return R"(OVERVIEW: purecc - check and parallelize pure C++ functions

USAGE:
  purecc check   [options] [--suggest] [--fix] <file>... [-- <compiler flags>]
  purecc rewrite [options] <file> -o <out> [-- <compiler flags>]
  purecc check   [options] -p <build-dir>   (every file in its compile_commands.json)
  purecc cache   stats|clear|prune|help [--cache-dir=<dir>]
  purecc <compiler> <compiler args>...     (as a compiler launcher: check, rewrite, compile)
  purecc --help | --version

COMMANDS:
  check      verify every [[pure]] function; report each violation
  rewrite    verify, then write the parallelized source to <out> ('-': stdout)
  cache      inspect or trim the memo cache of [[purecc::memo]] results
             (see 'purecc cache help')

OPTIONS:
  -p <build-dir>              read compile flags from <build-dir>/compile_commands.json
  -o <file>                   output of 'rewrite'
  --warn-only                 report purity violations as warnings (exit 0)
  --remarks                   explain what was parallelized and what was not
  --fp-reassoc=on|off         allow tree-order floating-point reductions (default on)
  --diagnostics-format=text|json|sarif
                              how diagnostics are printed (default text); json
                              and sarif print one document on stdout for the run
  --suggest                   check: report functions not declared [[pure]] that
                              could be, with a fix-it inserting the attribute
  --fix                       check: apply the diagnostics' fix-its to the files
                              in place (each file replaced atomically)
  --dump-after=<step>[,<step>...]|all
                              print the state after steps: parse, verify, plan, rewrite
  --help, --version

EXIT STATUS:
  0 success; 1 purity violations or compile errors in the input;
  2 usage or input errors (bad option, missing or unreadable file, unwritable output);
  3 internal error (a bug in purecc: please report it)
)";
}

namespace {

/// Splits "--name=value" into value; false if Arg is not that option.
bool valueOf(llvm::StringRef Arg, llvm::StringRef Name, llvm::StringRef &Value) {
  if (!Arg.consume_front(Name) || !Arg.consume_front("="))
    return false;
  Value = Arg;
  return true;
}

} // namespace

ParseResult parseCommandLine(const std::vector<std::string> &Args) {
  ParseResult Result;
  auto Error = [&](std::string Message) {
    Result.Opts.reset();
    Result.Error = std::move(Message);
    return Result;
  };
  Options O;
  bool DumpAll = false; // --dump-after=all: resolved once the command is known
  if (Args.empty())
    return Error("no command given; see 'purecc --help'");

  llvm::StringRef First = Args[0];
  if (First == "--help" || First == "-help" || First == "-h" || First == "help") {
    O.Cmd = Command::Help;
    Result.Opts = O;
    return Result;
  }
  if (First == "--version" || First == "-version" || First == "version") {
    O.Cmd = Command::Version;
    Result.Opts = O;
    return Result;
  }
  if (First == "check")
    O.Cmd = Command::Check;
  else if (First == "rewrite")
    O.Cmd = Command::Rewrite;
  else if (First.starts_with("-"))
    return Error("unknown option '" + First.str() + "'; see 'purecc --help'");
  else
    return Error("unknown command '" + First.str() + "'; see 'purecc --help'");

  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    llvm::StringRef V;
    if (A == "--") {
      O.CompilerFlags.emplace(Args.begin() + I + 1, Args.end());
      break;
    }
    if (A == "-p" || A == "-o") {
      if (I + 1 >= Args.size())
        return Error("option '" + A.str() + "' needs a value");
      if (A == "-p")
        O.BuildDir = Args[++I];
      else
        O.Output = Args[++I];
      continue;
    }
    if (A.starts_with("-p") && A.size() > 2) {
      O.BuildDir = A.drop_front(2).str();
      continue;
    }
    if (A == "--warn-only") {
      O.Warn = WarnOnly::On;
      continue;
    }
    if (A == "--suggest") {
      O.SuggestPure = Suggest::On;
      continue;
    }
    if (A == "--fix") {
      O.Fix = ApplyFixes::On;
      continue;
    }
    if (A == "--remarks") {
      O.ShowRemarks = Remarks::On;
      continue;
    }
    if (valueOf(A, "--fp-reassoc", V)) {
      if (V != "on" && V != "off")
        return Error("invalid value '" + V.str() + "' for '--fp-reassoc' (expected 'on' or 'off')");
      O.Reassociate = V == "on" ? FpReassoc::On : FpReassoc::Off;
      continue;
    }
    if (valueOf(A, "--diagnostics-format", V)) {
      if (V == "text")
        O.Format = DiagnosticsFormat::Text;
      else if (V == "json")
        O.Format = DiagnosticsFormat::Json;
      else if (V == "sarif")
        O.Format = DiagnosticsFormat::Sarif;
      else
        return Error("invalid value '" + V.str() +
                     "' for '--diagnostics-format' (expected 'text', 'json' or 'sarif')");
      continue;
    }
    if (valueOf(A, "--dump-after", V)) {
      if (V == "all") {
        DumpAll = true;
        continue;
      }
      llvm::SmallVector<llvm::StringRef, 4> Names;
      V.split(Names, ',');
      for (llvm::StringRef Name : Names) {
        std::optional<Step> S = parseStep(Name);
        if (!S || *S == Step::Emit)
          return Error("invalid value '" + Name.str() +
                       "' for '--dump-after' (expected parse, verify, plan, rewrite or all)");
        O.DumpAfter.insert(*S);
      }
      continue;
    }
    if (A.starts_with("-") && A != "-")
      return Error("unknown option '" + A.str() + "'; see 'purecc --help'");
    O.Files.push_back(A.str());
  }

  // `check -p <dir>` without files checks every unit of the compile database.
  if (O.Files.empty() && !(O.Cmd == Command::Check && O.BuildDir))
    return Error("no input files; see 'purecc --help'");
  if (O.Cmd == Command::Rewrite) {
    if (O.Files.size() != 1)
      return Error("'rewrite' takes exactly one input file");
    if (O.Output.empty())
      return Error("'rewrite' needs an output file: -o <out>");
    if (O.SuggestPure == Suggest::On)
      return Error("option '--suggest' is only valid with 'check'");
    if (O.Fix == ApplyFixes::On)
      return Error("option '--fix' is only valid with 'check'");
  } else if (!O.Output.empty()) {
    return Error("option '-o' is only valid with 'rewrite'");
  }
  if (O.Cmd == Command::Check &&
      (O.DumpAfter.contains(Step::Plan) || O.DumpAfter.contains(Step::Rewrite)))
    return Error("'check' stops after 'verify'; use 'rewrite' to dump later steps");
  // `all`: every step the command runs that has something to print.
  if (DumpAll)
    O.DumpAfter = StepSet::upTo(O.Cmd == Command::Check ? Step::Verify : Step::Rewrite);
  Result.Opts = O;
  return Result;
}

PipelineConfig pipelineConfig(const Options &O) {
  PipelineConfig Config;
  Config.LastStep = O.Cmd == Command::Rewrite      ? Step::Emit
                    : O.ShowRemarks == Remarks::On ? Step::Plan
                                                   : Step::Verify;
  Config.DumpAfter = O.DumpAfter;
  Config.Warn = O.Warn;
  Config.ShowRemarks = O.ShowRemarks;
  Config.Reassociate = O.Reassociate;
  Config.SuggestPure = O.SuggestPure;
  Config.CrossUnit = O.BuildDir ? LinkNames::On : LinkNames::Off;
  Config.OutputPath = O.Output;
  return Config;
}

} // namespace purecc
