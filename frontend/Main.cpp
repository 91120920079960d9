//===- Main.cpp - the purecc executable -----------------------------------===//
#include "Driver.h"

int main(int argc, char **argv) {
  return purecc::runDriver(argv[0], std::vector<std::string>(argv + 1, argv + argc));
}
