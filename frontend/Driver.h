//===- Driver.h - purecc's main entry point -------------------------------===//
//
// Turns a command line into runs of the pipeline over translation units and
// an exit status:
//   0 success, 1 purity violations or compile errors in the input,
//   2 usage or input errors (one line on stderr), 3 internal error.
//
//   int main(int argc, char **argv) {
//     return purecc::runDriver(argv[0], {argv + 1, argv + argc});
//   }
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace purecc {

enum ExitStatus : int {
  ExitSuccess = 0,
  ExitViolations = 1,
  ExitUsage = 2,
  ExitInternal = 3,
};

int runDriver(const char *Argv0, const std::vector<std::string> &Args);

} // namespace purecc
