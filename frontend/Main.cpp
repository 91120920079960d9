//===- Main.cpp - the purecc executable -----------------------------------===//
#include "CommandNames.h"
#include "CrashGuard.h"
#include "Driver.h"

int main(int argc, char **argv) {
  std::vector<std::string> Args(argv + 1, argv + argc);
  // A launcher compile that faults is taken over by the `purecc` front,
  // which compiles the user's original source instead (CrashGuard.h).
  purecc::installCrashGuard(purecc::isCompilerCommand(Args) ? purecc::CrashMode::DieBySignal
                                                           : purecc::CrashMode::ExitInternal);
  return purecc::runDriver(argv[0], Args);
}
