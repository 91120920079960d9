//===- CompilerCommand.cpp - what a g++/clang++ command line asks for -----===//
#include "CompilerCommand.h"
#include "CommandNames.h"
#include "codegen/Fingerprint.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/Option.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace llvm::opt;
namespace opts = clang::driver::options;

namespace purecc {
namespace {

SourceLanguage languageOfExtension(StringRef Path) {
  if (isCxxSourceName(Path))
    return SourceLanguage::Cxx;
  return isCSourceName(Path) ? SourceLanguage::C : SourceLanguage::Other;
}

/// `-x <lang>`: the language of the inputs that follow, or nullopt for
/// `-x none` (back to the file extension).
std::optional<SourceLanguage> languageOfX(StringRef Lang) {
  if (Lang == "none")
    return std::nullopt;
  if (Lang == "c++")
    return SourceLanguage::Cxx;
  if (Lang == "c")
    return SourceLanguage::C;
  return SourceLanguage::Other;
}

/// Options that change what the analysis parses are kept; these only steer
/// code generation, the linker or g++ itself, and some make Clang fail
/// outright (a GCC plugin, GCC's profile format) or turn Clang-only warnings
/// into errors, so the in-process Clang never sees them.
bool isCodegenOnlyToken(StringRef Tok) {
  for (StringRef Prefix : {"-flto", "-fno-lto", "-fplugin", "-fprofile-use", "-fprofile-instr-use",
                           "-fauto-profile", "-fprofile-sample-use", "-Werror="})
    if (Tok.starts_with(Prefix))
      return true;
  return Tok == "-pedantic-errors";
}

} // namespace

std::optional<CompilerCommand> parseCompilerCommand(ArrayRef<std::string> Argv,
                                                    std::string &Error) {
  if (Argv.empty()) {
    Error = "no compiler given";
    return std::nullopt;
  }
  // Expand @response files the way GCC reads them.
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  SmallVector<const char *, 64> Raw;
  for (const std::string &A : Argv)
    Raw.push_back(Saver.save(A).data());
  cl::ExpansionContext ECtx(Alloc, cl::TokenizeGNUCommandLine);
  if (llvm::Error E = ECtx.expandResponseFiles(Raw)) {
    Error = toString(std::move(E));
    return std::nullopt;
  }

  CompilerCommand C;
  C.Args.assign(Raw.begin(), Raw.end());
  unsigned MissingIndex = 0, MissingCount = 0;
  ArrayRef<const char *> Options = ArrayRef(Raw).drop_front();
  InputArgList List = clang::driver::getDriverOptTable().ParseArgs(
      Options, MissingIndex, MissingCount, Visibility(opts::ClangOption));
  if (MissingCount) {
    Error = "option '" + std::string(Options[MissingIndex]) + "' needs a value";
    return std::nullopt;
  }

  bool CompileOnly = false, AssemblyOnly = false, PreprocessOnly = false, WritesDeps = false;
  std::optional<std::string> ExplicitDepFile;
  std::optional<SourceLanguage> XLang;
  // Each parsed option covers the tokens from its index up to the next one's.
  SmallVector<const Arg *, 64> Parsed(List.begin(), List.end());
  for (size_t K = 0; K < Parsed.size(); ++K) {
    const Arg *A = Parsed[K];
    const Option &O = A->getOption();
    size_t Begin = A->getIndex() + 1; // +1: Args[0] is the compiler
    size_t End = K + 1 < Parsed.size() ? Parsed[K + 1]->getIndex() + 1 : C.Args.size();
    bool Drop = false;

    if (O.getKind() == Option::InputClass) {
      std::string Path = A->getValue();
      SourceLanguage L = XLang ? *XLang : languageOfExtension(Path);
      C.Inputs.push_back({Begin, Path, L});
      Drop = true;
    } else if (O.getKind() == Option::UnknownClass) {
      Drop = true;
    } else if (O.matches(opts::OPT_c) || O.matches(opts::OPT_S)) {
      CompileOnly = true;
      AssemblyOnly |= O.matches(opts::OPT_S);
      Drop = true;
    } else if (O.matches(opts::OPT_E) || O.matches(opts::OPT_M) || O.matches(opts::OPT_MM) ||
               O.matches(opts::OPT_fsyntax_only)) {
      PreprocessOnly = true;
      Drop = true;
    } else if (O.matches(opts::OPT_o)) {
      C.Output = A->getValue();
      Drop = true;
    } else if (O.matches(opts::OPT_MD) || O.matches(opts::OPT_MMD)) {
      WritesDeps = true;
      Drop = true;
    } else if (O.matches(opts::OPT_MF)) {
      ExplicitDepFile = A->getValue();
      Drop = true;
    } else if (O.matches(opts::OPT_M_Group)) {
      Drop = true;
    } else if (O.matches(opts::OPT_Wp_COMMA)) {
      // GCC's older spelling: -Wp,-MD,<file> or -Wp,-MMD,<file>.
      const auto &V = A->getValues();
      if (!V.empty() && StringRef(V[0]).starts_with("-M")) {
        if ((StringRef(V[0]) == "-MD" || StringRef(V[0]) == "-MMD") && V.size() >= 2) {
          WritesDeps = true;
          ExplicitDepFile = V[1];
        }
        Drop = true;
      }
    } else if (O.matches(opts::OPT_x)) {
      XLang = languageOfX(A->getValue());
    } else if (O.matches(opts::OPT_iquote)) {
      C.QuoteDirs.push_back(A->getValue());
      C.UnfollowedIncludes |= StringRef(A->getValue()).starts_with("=");
    } else if (O.matches(opts::OPT_I)) {
      C.AngleDirs.push_back(A->getValue());
      C.UnfollowedIncludes |= StringRef(A->getValue()).starts_with("=");
    } else if (O.matches(opts::OPT_isystem) || O.matches(opts::OPT_idirafter)) {
      C.SystemDirs.push_back(A->getValue());
      C.UnfollowedIncludes |= StringRef(A->getValue()).starts_with("=");
    } else if (O.matches(opts::OPT_iprefix) || O.matches(opts::OPT_iwithprefix) ||
               O.matches(opts::OPT_iwithprefixbefore)) {
      C.UnfollowedIncludes = true;
    } else if (O.matches(opts::OPT_D)) {
      C.Defines.push_back(A->getValue());
    } else if (O.matches(opts::OPT_include) || O.matches(opts::OPT_imacros)) {
      C.ForcedIncludes.push_back(A->getValue());
    }
    for (const GccOnlyFlag &Flag : GccOnlyFlags) {
      // The last of the flag and its negation decides, as in g++.
      bool On = C.Args[Begin] == Flag.On, Off = Flag.Off && C.Args[Begin] == Flag.Off;
      if (!On && !Off)
        continue;
      llvm::erase(C.GccOnlyMacros, std::string(Flag.Macro));
      if (On)
        C.GccOnlyMacros.push_back(Flag.Macro);
      Drop = true; // Clang ignores it (and may say so)
    }
    if (!Drop && isCodegenOnlyToken(C.Args[Begin]))
      Drop = true;
    if (Drop)
      for (size_t I = Begin; I < End; ++I)
        C.AnalysisDrops.push_back(I);
  }

  C.Mode = PreprocessOnly ? CompileMode::Preprocess
           : CompileOnly  ? CompileMode::Compile
                          : CompileMode::Link;
  if (C.Mode == CompileMode::Compile) {
    C.ObjectFile = C.Output;
    if (C.ObjectFile.empty() && !C.Inputs.empty())
      C.ObjectFile = (sys::path::stem(C.Inputs.front().Path) + (AssemblyOnly ? ".s" : ".o")).str();
  }
  if (WritesDeps) {
    // Where GCC and Clang put the file when -MF does not say: the object's
    // name with a .d suffix, or the source's base name in the current
    // directory when there is no -o.
    if (ExplicitDepFile) {
      C.DepFile = *ExplicitDepFile;
    } else if (!C.Output.empty()) {
      SmallString<256> D(C.Output);
      sys::path::replace_extension(D, "d");
      C.DepFile = std::string(D);
    } else if (!C.Inputs.empty()) {
      C.DepFile = (sys::path::stem(C.Inputs.front().Path) + ".d").str();
    }
  }
  return C;
}

std::vector<std::string> analysisCommandLine(const CompilerCommand &C,
                                             const CommandInput &Input,
                                             ArrayRef<std::string> ExtraIncludeDirs) {
  std::vector<std::string> Out{"clang++"};
  size_t NextDrop = 0;
  for (size_t I = 1; I < C.Args.size(); ++I) {
    while (NextDrop < C.AnalysisDrops.size() && C.AnalysisDrops[NextDrop] < I)
      ++NextDrop;
    if (NextDrop < C.AnalysisDrops.size() && C.AnalysisDrops[NextDrop] == I)
      continue;
    Out.push_back(C.Args[I]);
  }
  // Clang's own builtin headers (the tool does not live next to them), only
  // parse and check, and keep Clang's opinion of code g++ accepts (warnings
  // g++ lacks, options it ignores) out of the way: purecc's diagnostics are
  // errors on their own.
  Out.push_back("-fsyntax-only");
  Out.push_back("-resource-dir=" PURECC_CLANG_RESOURCE_DIR);
  Out.push_back("-Qunused-arguments");
  Out.push_back("-Wno-unknown-warning-option");
  Out.push_back("-Wno-error");
  // `[] [[pure]] (int x) {...}` names a lambda's call operator; purecc
  // accepts it in C++20 too, without Clang's C++23 warning.
  Out.push_back("-Wno-c++23-lambda-attributes");
  for (const std::string &Macro : C.GccOnlyMacros)
    Out.push_back("-D" + Macro);
  for (const std::string &Dir : ExtraIncludeDirs) {
    Out.push_back("-I");
    Out.push_back(Dir);
  }
  Out.push_back("-x");
  Out.push_back("c++");
  Out.push_back(Input.Path);
  return Out;
}

} // namespace purecc
