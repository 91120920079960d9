// Internal: the state behind purecc::SharedStore, shared by shared_store.cpp
// (lookups, queueing, the writer) and shared_admin.cpp (stats, clear, the
// counters kept on the server). Connections come from a small pool guarded
// by pool_mutex; the writer thread has its own.
#pragma once

#include "purecc/shared_store.h"

#include "batch_queue.h"

#include <hiredis/hiredis.h>

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <vector>

namespace purecc {

/// Helpers of the shared tier: the entry format, hiredis wrappers.
namespace shared_detail {
constexpr char kMagic[4] = {'P', 'C', 'S', '1'};
constexpr unsigned char kSigned = 1;
constexpr std::size_t kHeader = 4 + 1 + 8 + 8;
constexpr std::size_t kChecksum = 16;
constexpr std::size_t kBatchOps = 256;
constexpr std::size_t kBatchBytes = std::size_t{16} << 20;
/// Past this many queued bytes, callers wait for the writer.
constexpr std::size_t kMaxQueuedBytes = std::size_t{128} << 20;

inline void put_u64(std::string &out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
inline std::uint64_t get_u64(const char *p) noexcept {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
inline std::string key_bytes(const MemoKey &key) {
  std::string k;
  put_u64(k, key.hi);
  put_u64(k, key.lo);
  return k;
}
inline std::string checksum(const MemoKey &key, std::string_view value) {
  std::string buf = key_bytes(key);
  buf.append(value);
  const Hash128 h = xxh3_128(buf);
  std::string out;
  put_u64(out, h.hi);
  put_u64(out, h.lo);
  return out;
}

inline timeval to_timeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

/// hiredis writes with write(2): a peer that went away would raise SIGPIPE
/// and kill the program. While a guard lives, SIGPIPE is blocked on this
/// thread, and one raised meanwhile is consumed before unblocking.
class SigpipeGuard {
public:
  SigpipeGuard() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      sigset_t pending;
      sigemptyset(&pending);
      sigpending(&pending);
      if (sigismember(&pending, SIGPIPE) == 1) {
        const timespec zero{0, 0};
        while (sigtimedwait(&pipe_, nullptr, &zero) == -1 && errno == EINTR) {
        }
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard &) = delete;
  SigpipeGuard &operator=(const SigpipeGuard &) = delete;

private:
  sigset_t pipe_, old_;
  bool was_pending_ = false;
};

struct ReplyFree {
  void operator()(redisReply *r) const noexcept { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyFree>;
struct ContextFree {
  void operator()(redisContext *c) const noexcept { redisFree(c); }
};
using Context = std::unique_ptr<redisContext, ContextFree>;

/// redisGetReply bounded as a whole: the socket's receive timeout
/// (redisSetTimeout) bounds each read only, so a server that sends a byte
/// now and then held the caller for ever (adv95 F4). That timeout is the
/// limit on the whole reply here; past it the context is in error
/// (REDIS_ERR_IO), as after a read that timed out.
inline int get_reply(redisContext *c, void **reply) {
  *reply = nullptr;
  timeval tv{};
  socklen_t len = sizeof tv;
  if (c->fd < 0 || ::getsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, &len) != 0 ||
      (tv.tv_sec == 0 && tv.tv_usec == 0))
    return redisGetReply(c, reply);
  const long long limit_ms = static_cast<long long>(tv.tv_sec) * 1000 + tv.tv_usec / 1000;
  if (redisGetReplyFromReader(c, reply) == REDIS_ERR)
    return REDIS_ERR;
  if (*reply)
    return REDIS_OK;
  int done = 0;
  do {
    if (redisBufferWrite(c, &done) == REDIS_ERR)
      return REDIS_ERR;
  } while (!done);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limit_ms);
  for (;;) {
    if (redisGetReplyFromReader(c, reply) == REDIS_ERR)
      return REDIS_ERR;
    if (*reply)
      return REDIS_OK;
    const long long left = std::chrono::duration_cast<std::chrono::milliseconds>(
                               deadline - std::chrono::steady_clock::now())
                               .count();
    if (left <= 0) {
      c->err = REDIS_ERR_IO;
      std::snprintf(c->errstr, sizeof c->errstr,
                    "no whole reply within the timeout (PURECC_CACHE_REDIS_TIMEOUT_MS)");
      return REDIS_ERR;
    }
    pollfd p{c->fd, POLLIN, 0};
    const int n = ::poll(&p, 1, static_cast<int>(left));
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      c->err = REDIS_ERR_IO;
      std::snprintf(c->errstr, sizeof c->errstr, "%s", std::strerror(errno));
      return REDIS_ERR;
    }
    if (n > 0 && redisBufferRead(c) == REDIS_ERR)
      return REDIS_ERR;
  }
}

inline Reply command(redisContext *c, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  const int appended = redisvAppendCommand(c, format, ap);
  va_end(ap);
  void *r = nullptr;
  if (appended == REDIS_OK)
    get_reply(c, &r); // r stays null on failure; c->errstr says why
  return Reply(static_cast<redisReply *>(r));
}

inline std::string reply_text(const redisReply *r) { return std::string(r->str, r->len); }

/// A result waiting for the writer, which builds and signs its entry (the
/// HMAC is kept off the caller's thread too).
struct QueuedPut {
  MemoKey key;
  std::string value;
  std::uint64_t cost_ns;
};
} // namespace shared_detail

using namespace shared_detail;

class SharedStore::Impl {
public:
  explicit Impl(Options o) : options(std::move(o)) {
    writer = std::thread([this] { writer_loop(); });
  }

  Options options;

  // --- connections ---
  /// Whether calls may talk to the server now; after a failure only one
  /// caller per backoff period gets true (it tries to reconnect).
  bool may_try() {
    std::int64_t until = down_until.load(std::memory_order_acquire);
    if (until == 0)
      return true;
    const std::int64_t now = now_ns();
    if (now < until)
      return false;
    // One prober: push the deadline out; whoever wins the exchange probes.
    const std::int64_t next = now + backoff_ns.load(std::memory_order_relaxed);
    return down_until.compare_exchange_strong(until, next, std::memory_order_acq_rel);
  }
  void mark_up() {
    if (down_until.load(std::memory_order_relaxed) != 0) {
      down_until.store(0, std::memory_order_release);
      backoff_ns.store(ms_ns(options.first_backoff), std::memory_order_relaxed);
    }
  }
  void mark_down(const std::string &why) {
    {
      std::lock_guard lock(pool_mutex);
      idle.clear();
    }
    const std::int64_t backoff = backoff_ns.load(std::memory_order_relaxed);
    down_until.store(now_ns() + backoff, std::memory_order_release);
    backoff_ns.store(std::min(backoff * 2, ms_ns(options.max_backoff)), std::memory_order_relaxed);
    warn_once(warned_down, "cannot use the shared memo cache PURECC_CACHE_REDIS='" +
                               options.address.display() + "': " + why +
                               "; using the local tiers only, retrying now and then");
  }

  Context connect(std::string &error) {
    const RedisAddress &a = options.address;
    const timeval tv = to_timeval(options.connect_timeout);
    Context c(a.socket_path.empty() ? redisConnectWithTimeout(a.host.c_str(), a.port, tv)
                                    : redisConnectUnixWithTimeout(a.socket_path.c_str(), tv));
    if (!c) {
      error = "out of memory";
      return nullptr;
    }
    if (c->err) {
      error = c->errstr;
      return nullptr;
    }
    if (redisSetTimeout(c.get(), to_timeval(options.command_timeout)) != REDIS_OK) {
      error = "cannot set the command timeout";
      return nullptr;
    }
    SigpipeGuard guard;
    if (!a.password.empty()) {
      Reply r = a.user.empty() ? command(c.get(), "AUTH %s", a.password.c_str())
                               : command(c.get(), "AUTH %s %s", a.user.c_str(), a.password.c_str());
      if (!r || r->type == REDIS_REPLY_ERROR) {
        error = r ? "AUTH failed: " + reply_text(r.get()) : std::string(c->errstr);
        return nullptr;
      }
    }
    if (a.db != 0) {
      Reply r = command(c.get(), "SELECT %d", a.db);
      if (!r || r->type == REDIS_REPLY_ERROR) {
        error = r ? "SELECT failed: " + reply_text(r.get()) : std::string(c->errstr);
        return nullptr;
      }
    }
    return c;
  }
  /// An idle pooled connection or a new one; nullptr (server marked down)
  /// if none can be had.
  Context acquire() {
    {
      std::lock_guard lock(pool_mutex);
      if (!idle.empty()) {
        Context c = std::move(idle.back());
        idle.pop_back();
        return c;
      }
    }
    if (!may_try())
      return nullptr;
    std::string error;
    Context c = connect(error);
    if (!c)
      mark_down(error);
    else
      mark_up();
    return c;
  }
  void release(Context c) {
    std::lock_guard lock(pool_mutex);
    if (idle.size() < 16)
      idle.push_back(std::move(c));
  }

  // --- entries ---
  std::string redis_key(const MemoKey &key) const { return options.prefix + key.hex(); }

  std::string encode(const std::string &rkey, const MemoKey &key, std::string_view value,
                     std::uint64_t cost_ns) const {
    std::string e;
    e.reserve(kHeader + value.size() + kChecksum + SharedSecret::kTagBytes);
    e.append(kMagic, 4);
    e.push_back(static_cast<char>(options.secret ? kSigned : 0));
    put_u64(e, cost_ns);
    put_u64(e, value.size());
    e.append(value);
    e += checksum(key, value);
    if (options.secret) {
      const SharedSecret::Tag tag = options.secret->sign({rkey, e});
      e.append(reinterpret_cast<const char *>(tag.data()), tag.size());
    }
    return e;
  }

  /// The record in `e`, or nullopt with `why` set.
  std::optional<Record> decode(const std::string &rkey, const MemoKey &key, std::string_view e,
                               std::string &why) const {
    if (e.size() < kHeader + kChecksum || std::memcmp(e.data(), kMagic, 4) != 0) {
      why = "is not a purecc entry";
      return std::nullopt;
    }
    const bool is_signed = (static_cast<unsigned char>(e[4]) & kSigned) != 0;
    const std::uint64_t cost = get_u64(e.data() + 5);
    const std::uint64_t len = get_u64(e.data() + 13);
    const std::size_t tag_len = is_signed ? SharedSecret::kTagBytes : 0;
    if (len != e.size() - kHeader - kChecksum - tag_len || e.size() < kHeader + kChecksum + tag_len) {
      why = "has a wrong length";
      return std::nullopt;
    }
    const std::string_view value = e.substr(kHeader, len);
    if (checksum(key, value) != e.substr(kHeader + len, kChecksum)) {
      why = "has a wrong checksum";
      return std::nullopt;
    }
    if (is_signed && options.secret) {
      const std::size_t body = e.size() - tag_len;
      if (!options.secret->verify({rkey, e.substr(0, body)}, e.substr(body))) {
        why = "has a tag that does not verify under PURECC_CACHE_SECRET_FILE";
        return std::nullopt;
      }
    } else if (!options.trust_unsigned) {
      why = is_signed ? "is signed, but no PURECC_CACHE_SECRET_FILE is set to verify it"
                      : "is unsigned (accepted only with PURECC_CACHE_TRUST_UNSIGNED=1)";
      return std::nullopt;
    }
    return Record{std::string(value), cost};
  }

  // --- warnings ---
  void warn_once(std::atomic<bool> &flag, const std::string &what) {
    if (flag.exchange(true))
      return;
    const std::string line = "purecc: warning: " + what + " [purecc-memo-shared]";
    if (options.warn)
      options.warn(line);
    else
      std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::atomic<bool> warned_down{false}, warned_rejected{false}, warned_large{false},
      warned_server{false};

  // --- writer (shared_writer.cpp) ---
  /// Queues a put; waits for the writer past kMaxQueuedBytes. False once stopping.
  bool enqueue(QueuedPut put);
  /// Blocks until every put queued before the call was sent or dropped.
  void flush();
  /// Sends what is queued and joins the writer thread.
  void stop();
  void writer_loop();
  /// Pipelines SET NX for `batch`, in slices of kBatchOps / kBatchBytes.
  void send(const std::vector<QueuedPut> &batch);

  static std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  static std::int64_t ms_ns(std::chrono::milliseconds ms) { return ms.count() * 1000000; }

  std::mutex pool_mutex;
  std::vector<Context> idle;
  std::atomic<std::int64_t> down_until{0};
  std::atomic<std::int64_t> backoff_ns{ms_ns(options.first_backoff)};

  std::atomic<std::uint64_t> hits{0}, misses{0}, rejected{0}, unavailable{0}, writes{0},
      existing{0}, dropped{0}, too_large{0};
  Counters published;

  using PutQueue = batch_queue<QueuedPut>;
  PutQueue queue{{kBatchOps, kBatchBytes, kMaxQueuedBytes}};
  Context wconn; // the writer thread's own connection
  std::thread writer;
};

} // namespace purecc
