//===- RuntimeMacroShield.cpp - the runtime's #include, safe from user macros =//
//
// See RuntimeMacroShield.h.
//
//===----------------------------------------------------------------------===//
#include "RuntimeMacroShield.h"

namespace purecc {

namespace {

const char *const RuntimeNames[] = {
#include "RuntimeIdentifiers.inc"
};

} // namespace

llvm::ArrayRef<const char *> runtimeIdentifiers() { return RuntimeNames; }

void appendShieldedIncludes(std::string &Out, llvm::ArrayRef<std::string> Headers,
                            llvm::ArrayRef<std::string> Macros) {
  for (const std::string &M : Macros)
    Out += "#pragma push_macro(\"" + M + "\")\n#undef " + M + "\n";
  for (const std::string &H : Headers)
    Out += "#include <" + H + ">\n";
  for (const std::string &M : Macros)
    Out += "#pragma pop_macro(\"" + M + "\")\n";
}

} // namespace purecc
