// scratch_dir.h — where the runtime's tests keep files: a fresh, empty
// directory under the build's test scratch space (PURECC_TEST_TMPDIR), reset
// on each run so that no test sees what an earlier run left.
//
//   const fs::path dir = scratch_dir("disk_store-persist");   // fresh, empty
#pragma once

#include <filesystem>
#include <string>

/// A fresh, empty directory PURECC_TEST_TMPDIR/<name> (reset on each run).
inline std::filesystem::path scratch_dir(const std::string &name) {
  const std::filesystem::path dir = std::filesystem::path(PURECC_TEST_TMPDIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}
