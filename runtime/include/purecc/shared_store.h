// purecc/shared_store.h — the shared memo tier: results in a Redis server, authenticated.
//
// Why: the memory and disk tiers stop at one machine. With
// PURECC_CACHE_REDIS set, a result computed by any process that shares the
// server is a hit for every other one. It is consulted after the memory and
// disk tiers miss (a hit is copied into both) and written through.
//
// Rules it keeps:
// - Redis keys are `<prefix><32 hex digits of the memo key>` (prefix
//   "purecc:1:" unless PURECC_CACHE_REDIS_PREFIX says otherwise), so
//   `purecc cache clear --shared` deletes only purecc's keys (SCAN + UNLINK,
//   never FLUSHDB). The memo key already holds the function fingerprint and
//   the namespace (runtime, compiler, floating-point flags).
// - An entry is  "PCS1" · flags · cost_ns · value length · value ·
//   XXH3-128(key · value) [· HMAC-SHA-256 tag]. The tag covers the Redis key
//   and every byte before it, so a tag cannot be moved to another key.
//   A bad magic, length, checksum or tag is a miss (counted), never a value.
// - Writes are write-once (SET NX: the first result stays). The caller only
//   queues the value; a background thread builds, signs and sends entries
//   in pipelined batches, at the latest `flush_interval` after the oldest
//   was queued. No network I/O or HMAC on the caller's thread for a write.
// - Values above kMaxValueBytes are not stored (one warning per process):
//   Redis keeps a value in one allocation and copies it on every read, and
//   a bulk reply that large would not fit the command timeout anyway.
// - Every connection has a connect timeout and a command timeout. A failed
//   connect or command marks the server down: one warning, then every call
//   is a miss until the backoff (1 s, doubling to 30 s) has passed, when the
//   next call tries once to reconnect. Writes made while the server is down
//   are dropped (the local tiers keep the results).
//
// Usage:
//   purecc::SharedStore::Options o;
//   std::string error;
//   o.address = *purecc::parse_redis_url("unix:///run/redis.sock", error);
//   o.secret = purecc::SharedSecret::from_file("/home/me/.purecc-secret", error);
//   purecc::SharedStore store(std::move(o));
//   store.put(key, purecc::to_bytes(42), cost_ns);
//   store.flush();
//   if (auto rec = store.get(key)) use(*purecc::from_bytes<int>(rec->value));
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"
#include "purecc/redis_address.h"
#include "purecc/shared_secret.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace purecc {

class SharedStore {
public:
  static constexpr std::uint64_t kMaxValueBytes = std::uint64_t{64} << 20;
  static constexpr const char *kDefaultPrefix = "purecc:1:";

  struct Options {
    RedisAddress address;
    /// nullopt: entries are written unsigned and read only if trust_unsigned.
    std::optional<SharedSecret> secret;
    /// Accept entries without a tag (PURECC_CACHE_TRUST_UNSIGNED=1).
    bool trust_unsigned = false;
    std::string prefix = kDefaultPrefix;
    std::chrono::milliseconds connect_timeout{250};
    std::chrono::milliseconds command_timeout{1000};
    std::chrono::milliseconds flush_interval{50};
    std::chrono::milliseconds first_backoff{1000};
    std::chrono::milliseconds max_backoff{30000};
    /// Receives each warning line (stderr if empty); at most one per kind.
    std::function<void(const std::string &)> warn = {};
  };

  /// Connects lazily: an unreachable server is a warning at the first call,
  /// not an error here.
  explicit SharedStore(Options options);
  ~SharedStore(); // sends what is queued (bounded by the timeouts)
  SharedStore(const SharedStore &) = delete;
  SharedStore &operator=(const SharedStore &) = delete;

  struct Record {
    std::string value;
    std::uint64_t cost_ns = 0;
  };
  enum class Lookup { hit, miss, rejected, unavailable };
  /// The verified value of `key`. `outcome` (if given) says why there is none:
  /// absent, rejected (bad checksum, tag or format), or server unavailable.
  std::optional<Record> get(const MemoKey &key, Lookup *outcome = nullptr);
  /// Queues storing a value unless the key exists. False if not queued
  /// (too large, the server is down, or the store is shut down).
  bool put(const MemoKey &key, std::string value, std::uint64_t cost_ns);
  /// Blocks until every put queued before the call was sent (or dropped).
  void flush();
  /// Sends what is queued, stops the writer thread and closes connections.
  void shutdown();

  /// The Redis key of a memo key.
  std::string redis_key(const MemoKey &key) const;
  /// The entry bytes stored for a value (exposed for tests that tamper).
  std::string encode(const MemoKey &key, std::string_view value, std::uint64_t cost_ns) const;

  struct Counters {
    std::uint64_t hits = 0, misses = 0, rejected = 0, unavailable = 0;
    std::uint64_t writes = 0;    ///< stored by SET NX
    std::uint64_t existing = 0;  ///< SET NX found the key already there
    std::uint64_t dropped = 0;   ///< not sent: server down or a failed batch
    std::uint64_t too_large = 0; ///< refused: above kMaxValueBytes
  };
  Counters counters() const noexcept;

  // --- administration (synchronous; purecc::cache_command) -----------------
  struct Summary {
    bool reachable = false;
    std::string error;           ///< why not reachable
    std::uint64_t entries = 0;   ///< keys under the prefix
    std::uint64_t bytes = 0;     ///< their value bytes (STRLEN)
    Counters totals;             ///< counts added by every run (the stats hash)
  };
  Summary summary();
  /// Deletes every key under the prefix; nullopt (and `error`) on failure.
  std::optional<std::uint64_t> clear(std::string &error);
  /// Adds this process's counts to the server's stats hash (at exit).
  void publish_counters();

  class Impl;

private:
  std::unique_ptr<Impl> impl_;
};

} // namespace purecc
