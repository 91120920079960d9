// memo_test_config.h — the memo configuration the runtime's tests start
// from: one tier (MemoMode), an optional cache directory, and no persistence
// threshold, so that every result, however fast, reaches the disk store.
//
//   MemoRuntime rt(memo_test_config(MemoMode::Disk, scratch_dir("memo-disk")));
#pragma once

#include "purecc/memo.h"

#include <chrono>
#include <filesystem>

inline purecc::MemoConfig memo_test_config(purecc::MemoMode mode,
                                           const std::filesystem::path &dir = {}) {
  purecc::MemoConfig c;
  c.mode = mode;
  c.cache_dir = dir;
  c.min_persist_time = std::chrono::nanoseconds(0);
  return c;
}
