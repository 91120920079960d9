//===- CommandNames.h - compilers, wrappers and C++ sources by name -------===//
//
// Facts about a compile command that its words alone tell, with no option
// table: is this program a C/C++ compiler driver, a compiler wrapper, is
// this file a C++ source? Shared by the full tool (CompilerCommand.cpp) and
// the launcher front (front/), which must decide without loading LLVM
// whether a compile can pass straight through. Plain C++ only, on purpose.
//
//   purecc::isCompilerName("x86_64-linux-gnu-g++-12")  // true
//   purecc::isCxxSourceName("src/a.cc")                // true
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace purecc {

/// Whether Name (a path or a program name) names a C or C++ compiler driver:
/// g++, c++, gcc, cc, clang++, clang, with an optional target prefix and
/// version suffix ("x86_64-linux-gnu-g++-12", "clang++-19").
bool isCompilerName(std::string_view Name);

/// Whether Name is a compiler wrapper that takes the compiler as its first
/// argument: ccache, sccache, distcc.
bool isWrapperName(std::string_view Name);

/// Whether Path's extension makes g++ and clang++ compile it as C++: .cpp,
/// .cc, .cxx, .c++, .cp, .C, .CC, .CPP, .CXX (case matters to both drivers).
bool isCxxSourceName(std::string_view Path);

/// Whether Path's extension is .c (compiled as C).
bool isCSourceName(std::string_view Path);

/// Whether Path is a regular file the caller may execute.
bool isExecutableFile(const std::string &Path);

/// Whether purecc's arguments (without argv[0]) are a compiler command,
/// maybe behind wrappers such as ccache, rather than a purecc command
/// (`check`, `rewrite`, `cache`, an option): the launcher's entry test.
bool isCompilerCommand(const std::vector<std::string> &Args);

} // namespace purecc
