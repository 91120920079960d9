// purecc/memo_config.h — memoization settings and how the environment sets them.
//
//   PURECC_MEMO            off | mem | disk   (default disk = memory + disk)
//   PURECC_CACHE_DIR       disk cache directory (default $XDG_CACHE_HOME/purecc,
//                          else $HOME/.cache/purecc)
//   PURECC_CACHE_MAX_SIZE  disk size limit, e.g. 100M, 5G, 512KiB, 0 = none (default 5G)
//   PURECC_MEMO_MEM_SIZE   in-process budget, same syntax (default 256M)
//   PURECC_MEMO_MIN_MS     persist only results that took >= this many ms (default 1)
//   PURECC_STATS           1 = print per-function statistics at exit (default 0)
//
// The shared tier (purecc/shared_store.h), off unless PURECC_CACHE_REDIS is set:
//   PURECC_CACHE_REDIS              redis://[user:password@]host[:port][/db] or unix:///path
//   PURECC_CACHE_SECRET_FILE        file (mode 0600) with the HMAC secret
//   PURECC_CACHE_TRUST_UNSIGNED     1 = accept and write entries without a tag (default 0)
//   PURECC_CACHE_REDIS_PREFIX       key prefix (default "purecc:1:")
//   PURECC_CACHE_REDIS_CONNECT_MS   connect timeout in ms (default 250)
//   PURECC_CACHE_REDIS_TIMEOUT_MS   command timeout in ms (default 1000)
//
// Why a fallback instead of an error: a cache must never stop a program. A
// bad value is ignored (its default is used), the disk tier is switched off
// and `problems` holds one line saying why; the runtime prints it once. A bad
// shared-tier setting goes to `shared_problems` instead and turns only the
// shared tier off.
//
// Usage:
//   purecc::MemoConfig c = purecc::MemoConfig::from_environment();
//   if (!c.problems.empty()) std::fprintf(stderr, "%s\n", c.problems.c_str());
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace purecc {

enum class MemoMode { off, mem, disk };
std::string_view to_string(MemoMode mode) noexcept;

struct MemoConfig {
  MemoMode mode = MemoMode::disk;
  std::filesystem::path cache_dir;
  std::uint64_t memory_budget = std::uint64_t{256} << 20;
  std::uint64_t disk_max_bytes = std::uint64_t{5} << 30; // 0 = unlimited
  std::chrono::nanoseconds min_persist_time = std::chrono::milliseconds(1);
  bool print_stats = false;
  /// The shared tier: empty url = off. The secret file is read when the
  /// runtime opens the tier (its problems are reported then).
  std::string shared_url;
  std::filesystem::path secret_file;
  bool trust_unsigned = false;
  std::string shared_prefix = "purecc:1:";
  std::chrono::milliseconds shared_connect_timeout{250};
  std::chrono::milliseconds shared_command_timeout{1000};
  /// Empty, or what was wrong with the shared tier's variables.
  std::string shared_problems;
  /// Empty, or "PURECC_X='v' is ...; PURECC_Y=..." — what was ignored.
  std::string problems;

  /// Reads the variables above through `getenv` (tests pass a fake).
  static MemoConfig from_environment(const std::function<const char *(const char *)> &getenv);
  static MemoConfig from_environment();
};

/// Parses "1234", "100K", "100M", "5G", "1T", "1.5G", "512KiB", "64MB"
/// (binary units, case-insensitive); nullopt if malformed or overflowing.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
/// "0 B", "1023 B", "1.5 KiB", "5.0 GiB".
std::string format_byte_size(std::uint64_t bytes);
/// "0 ns", "850 ns", "12.3 us", "4.0 ms", "2.35 s".
std::string format_duration(std::chrono::nanoseconds d);

} // namespace purecc
