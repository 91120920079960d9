//===- ChildUnits.h - each unit of a check in a process of its own --------===//
//
// `purecc check` over several translation units (`check -p <dir>`, named
// files with or without `-p`) checks each unit in a child process of its
// own, so that nothing that goes wrong in one unit -- a stack overflow in
// Clang or in an analysis walk, a fault inside malloc holding its lock, heap
// corruption, a fatal signal, the kernel's OOM killer -- can stop or taint
// the others: the unit's child ends, the parent names the unit and goes on.
// fork() costs ~1 ms per unit against hundreds for the check itself
// (docs/build-integration.md). Children are forked, not exec'd: they have
// the parsed options and compile commands already; the parent must have no
// other threads (they could leave locks behind in the child).
//
// A child hands its findings to the parent as bytes (Wire below) through a
// pipe; a child that dies, or exits without a complete report, is a failed
// unit.
//
//   purecc::runInChildren(Units.size(), Jobs,
//       [&](size_t I) { return encode(checkOne(Units[I])); },   // in a child
//       [&](size_t I, std::optional<std::string> Bytes) { ... }); // in the parent
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace purecc {

/// Writes a report as fixed-width numbers and length-prefixed texts (both
/// ends are this executable, so no byte order or versioning is needed).
class WireWriter {
public:
  void number(uint64_t N);
  void text(llvm::StringRef S);
  std::string take() { return std::move(Bytes); }

private:
  std::string Bytes;
};

/// Reads what WireWriter wrote; each read is false once the bytes run out.
class WireReader {
public:
  explicit WireReader(llvm::StringRef Bytes) : Rest(Bytes) {}
  bool number(uint64_t &N);
  bool number(unsigned &N);
  bool text(std::string &S);
  bool done() const { return Rest.empty(); }

private:
  llvm::StringRef Rest;
};

/// Runs Work(I) for I in [0, Count), each in a child process, at most Jobs
/// at a time, and calls Done(I, the bytes Work returned) in the parent as
/// each child ends; Done gets no bytes when the child failed. With Jobs 1
/// the units run in order, and a child may write to standard output and
/// error itself. When no process can be started and none is running, Work
/// runs in this process.
void runInChildren(size_t Count, size_t Jobs, llvm::function_ref<std::string(size_t)> Work,
                   llvm::function_ref<void(size_t, std::optional<std::string>)> Done);

} // namespace purecc
