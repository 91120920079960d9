//===- Emit.cpp - the emit step: write a file atomically ------------------===//
#include "Emit.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace purecc {

bool emitFile(llvm::StringRef Path, llvm::StringRef Text) {
  if (Path == "-") {
    llvm::outs() << Text;
    llvm::outs().flush();
    return true;
  }
  auto Fail = [&](const std::string &Why) {
    llvm::WithColor::error(llvm::errs(), "purecc")
        << "cannot write '" << Path << "': " << Why << "\n";
    return false;
  };
  // A device, FIFO or socket (`-o /dev/null`, `-o >(cmd)`) is written in
  // place: renaming a temporary file over it would replace the node itself
  // (as root, /dev/null became a regular file), and "half-written" has no
  // meaning for a stream.
  llvm::sys::fs::file_status Existing;
  if (!llvm::sys::fs::status(Path, Existing) && llvm::sys::fs::exists(Existing) &&
      Existing.type() != llvm::sys::fs::file_type::regular_file &&
      Existing.type() != llvm::sys::fs::file_type::directory_file) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
    if (EC)
      return Fail(EC.message());
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::string Why = OS.error().message();
      OS.clear_error();
      return Fail(Why);
    }
    return true;
  }
  llvm::SmallString<256> Model(Path);
  Model += ".purecc-tmp-%%%%%%";
  int FD = -1;
  llvm::SmallString<256> TempPath;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, TempPath))
    return Fail(EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::string Why = OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(TempPath);
      return Fail(Why);
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(TempPath, Path)) {
    llvm::sys::fs::remove(TempPath);
    return Fail(EC.message());
  }
  return true;
}

} // namespace purecc
