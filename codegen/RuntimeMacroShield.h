//===- RuntimeMacroShield.h - the runtime's #include, safe from user macros ===//
//
// A build may define ordinary lower-case words as macros (`-Dchunk=64`,
// `-Dgrain=100`, `-Dtask=1`). The runtime's headers spell such words as
// parameter, member and function names, so the rewritten file, which
// includes them first, would not compile: through the launcher the file
// then falls back to its serial build with a warning.
//
// The fix is the one libraries without reserved names use: every runtime
// identifier (cmake/RuntimeIdentifiers.cmake lists them at build time) that
// is a macro where the runtime's #include goes (the top of the main file,
// or before its first #include, after the file's own #defines) is saved and
// undefined around it, and restored after it, so the user's code sees its
// macros unchanged:
//
//   #pragma push_macro("chunk")
//   #undef chunk
//   #include <purecc/purecc.h>
//   #pragma pop_macro("chunk")
//
// Which of them are macros there is recorded while the unit is parsed
// (PreprocessorRecord::RuntimeNameMacros):
//
//   appendShieldedIncludes(Out, {"purecc/purecc.h"}, Record.RuntimeNameMacros);
//
// What this does not cover: a macro named like what the generated code
// itself spells after the #include (`parallel_for`, `leaf_size`,
// `std::optional`); the pipeline then compiles the unit as written, with
// purecc-runtime-name-macro (RuntimeInclude.h, generatedNameMacro).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace purecc {

/// The identifiers the runtime's public headers spell, sorted (generated
/// from runtime/include/purecc/*.h when purecc is built).
llvm::ArrayRef<const char *> runtimeIdentifiers();

/// Appends `#include <Header>` for each of Headers to Out, saved from and
/// restored to each of Macros.
void appendShieldedIncludes(std::string &Out, llvm::ArrayRef<std::string> Headers,
                            llvm::ArrayRef<std::string> Macros);

} // namespace purecc
