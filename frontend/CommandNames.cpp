//===- CommandNames.cpp - compilers, wrappers and C++ sources by name -----===//
#include "CommandNames.h"

#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace purecc {
namespace {

std::string_view fileName(std::string_view Path) {
  size_t Slash = Path.rfind('/');
  return Slash == std::string_view::npos ? Path : Path.substr(Slash + 1);
}

/// The extension after the last dot of the file name, without the dot.
std::string_view extension(std::string_view Path) {
  std::string_view Name = fileName(Path);
  size_t Dot = Name.rfind('.');
  return Dot == std::string_view::npos || Dot == 0 ? std::string_view() : Name.substr(Dot + 1);
}

} // namespace

bool isCompilerName(std::string_view Name) {
  std::string_view Base = fileName(Name);
  // A version suffix: "-12", "-19", "-4.9".
  size_t Dash = Base.rfind('-');
  if (Dash != std::string_view::npos && Dash + 1 < Base.size() &&
      Base.substr(Dash + 1).find_first_not_of("0123456789.") == std::string_view::npos)
    Base = Base.substr(0, Dash);
  for (std::string_view Driver : {"clang++", "clang", "g++", "c++", "gcc", "cc"}) {
    if (Base == Driver)
      return true;
    // A target prefix: "x86_64-linux-gnu-g++".
    if (Base.size() > Driver.size() && Base.ends_with(Driver) &&
        Base[Base.size() - Driver.size() - 1] == '-')
      return true;
  }
  return false;
}

bool isWrapperName(std::string_view Name) {
  std::string_view Base = fileName(Name);
  return Base == "ccache" || Base == "sccache" || Base == "distcc";
}

bool isCxxSourceName(std::string_view Path) {
  std::string_view Ext = extension(Path);
  for (std::string_view Cxx : {"cpp", "cc", "cxx", "c++", "cp", "C", "CC", "CPP", "CXX"})
    if (Ext == Cxx)
      return true;
  return false;
}

bool isCSourceName(std::string_view Path) { return extension(Path) == "c"; }

bool isExecutableFile(const std::string &Path) {
  struct stat St;
  return ::stat(Path.c_str(), &St) == 0 && S_ISREG(St.st_mode) && ::access(Path.c_str(), X_OK) == 0;
}

bool isCompilerCommand(const std::vector<std::string> &Args) {
  if (Args.empty())
    return false;
  std::string_view First = Args[0];
  if (First.starts_with("-") || First == "check" || First == "rewrite" || First == "cache" ||
      First == "help" || First == "version")
    return false;
  size_t I = 0;
  while (I + 1 < Args.size() && isWrapperName(Args[I]))
    ++I;
  const std::string &Compiler = Args[I];
  if (isCompilerName(Compiler))
    return true;
  // A compiler with another name, given as a path (as CMake does).
  return Compiler.find('/') != std::string::npos && isExecutableFile(Compiler);
}

} // namespace purecc
