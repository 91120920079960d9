//===- Emit.h - the emit step: write a file atomically --------------------===//
//
// The output appears whole or not at all: the text goes to a temporary file
// in the destination's directory, which is then renamed over the destination.
// A failure leaves no partial file and reports one line on stderr. A path
// that names a device, FIFO or socket (`-o /dev/null`) is written in place.
//
//   if (!purecc::emitFile("out.cpp", Text)) return 2;
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

namespace purecc {

/// Writes Text to Path ("-" is standard output). Returns false, after
/// printing a one-line error, if it could not.
bool emitFile(llvm::StringRef Path, llvm::StringRef Text);

} // namespace purecc
