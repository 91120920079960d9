//===- CompilerCommand.h - what a g++/clang++ command line asks for -------===//
//
// purecc sits in front of real compilers (launcher mode) and reads their
// command lines out of compile_commands.json (`purecc check -p`). Both need
// the same facts about a command: which sources it compiles and in which
// language, whether it stops after compiling (-c/-S), preprocesses only (-E,
// -M), or links, where the object and the dependency file go, and which
// directories it searches for headers. Clang's own driver option table does
// the parsing, so every option's arity and spelling (`-o x`, `-ox`, `-MF x`,
// `-Wp,-MD,x`, `@rsp`) is read exactly as a compiler reads it.
//
// The same command line then has to be turned into one that purecc's
// in-process Clang accepts: `analysisCommandLine` drops what only matters to
// code generation or to g++ (unknown options, LTO, plugins, profiles,
// outputs, dependency files) and never touches the command the real compiler
// runs.
//
//   auto C = purecc::parseCompilerCommand({"g++", "-O2", "-c", "a.cpp", "-o", "a.o"}, Err);
//   if (C && C->Mode == purecc::CompileMode::Compile) ... C->Inputs[0].Path ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include "CommandNames.h"

#include <optional>
#include <string>
#include <vector>

namespace purecc {

/// What the command does with its inputs.
enum class CompileMode {
  Compile,    // -c or -S: sources to objects (or assembly)
  Preprocess, // -E, -M, -MM, -fsyntax-only, ...: nothing purecc rewrites
  Link,       // neither: link, possibly compiling sources first
};

enum class SourceLanguage { Cxx, C, Other };

struct CommandInput {
  size_t Index;          // position in CompilerCommand::Args
  std::string Path;      // as written on the command line
  SourceLanguage Lang;
};

struct CompilerCommand {
  /// The full command (Args[0] is the compiler), response files expanded.
  std::vector<std::string> Args;
  CompileMode Mode = CompileMode::Link;
  std::vector<CommandInput> Inputs;
  std::string Output;                // -o, empty if none
  /// Compile mode: the file the compile writes (-o, or the default name).
  std::string ObjectFile;
  /// Set when the compile writes a Make-style dependency file (-MD, -MMD,
  /// -Wp,-MD,<f>): the file the compiler writes it to.
  std::optional<std::string> DepFile;
  /// -iquote, -I and -isystem/-idirafter directories, in order: where the
  /// pre-scan looks up headers named in quotes (-iquote, -I, -isystem) and
  /// in angle brackets (-I, -isystem).
  std::vector<std::string> QuoteDirs, AngleDirs, SystemDirs;
  /// The macros of g++'s value-changing flags that Clang ignores
  /// (codegen/Fingerprint.h, GccOnlyFlags) that the command turns on: the
  /// analysis is given them (analysisCommandLine), for the unit's
  /// fingerprints.
  std::vector<std::string> GccOnlyMacros;
  /// -include and -imacros files, in order: the pre-scan reads them too.
  std::vector<std::string> ForcedIncludes;
  /// -D values (`NAME=value`): a macro defined as purecc's attribute counts.
  std::vector<std::string> Defines;
  /// Set by -iprefix/-iwithprefix/-iwithprefixbefore or an include
  /// directory under a sysroot's '=': the pre-scan cannot follow them.
  bool UnfollowedIncludes = false;
  /// Indexes in Args that the analysis must not see (see the file comment).
  std::vector<size_t> AnalysisDrops;
};

/// Parses Argv (Argv[0] is the compiler). Returns nullopt with a reason in
/// Error for a command line that is malformed (an option missing its value,
/// an unreadable response file).
std::optional<CompilerCommand> parseCompilerCommand(llvm::ArrayRef<std::string> Argv,
                                                    std::string &Error);

/// The command line for purecc's in-process Clang that parses Input with the
/// same preprocessor and language settings as C, stopping after semantic
/// analysis; ExtraIncludeDirs are searched after the command's own.
std::vector<std::string>
analysisCommandLine(const CompilerCommand &C, const CommandInput &Input,
                    llvm::ArrayRef<std::string> ExtraIncludeDirs = {});

} // namespace purecc
