// The shared memo tier on Redis (purecc/shared_store.h): connections with
// timeouts and backoff, the authenticated entry format, the background
// writer, and the administration commands.
#include "purecc/shared_store.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <cerrno>
#include <ctime>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <vector>

namespace purecc {

// ---- addresses ---------------------------------------------------------------

std::string RedisAddress::display() const {
  if (!socket_path.empty())
    return "unix://" + socket_path + (db != 0 ? "?db=" + std::to_string(db) : "");
  std::string s = "redis://";
  if (!user.empty() || !password.empty())
    s += user + (password.empty() ? "" : ":***") + "@";
  s += host + ":" + std::to_string(port);
  if (db != 0)
    s += "/" + std::to_string(db);
  return s;
}

namespace {
std::optional<int> parse_int(std::string_view s, int max) {
  if (s.empty() || s.size() > 9)
    return std::nullopt;
  int v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9')
      return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  if (v > max)
    return std::nullopt;
  return v;
}
} // namespace

std::optional<RedisAddress> parse_redis_url(std::string_view url, std::string &error) {
  RedisAddress a;
  if (url.starts_with("unix://")) {
    std::string_view rest = url.substr(7);
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
      const std::string_view query = rest.substr(q + 1);
      rest = rest.substr(0, q);
      const auto db = query.starts_with("db=") ? parse_int(query.substr(3), 1 << 20) : std::nullopt;
      if (!db) {
        error = "has a query other than '?db=N'";
        return std::nullopt;
      }
      a.db = *db;
    }
    if (rest.empty() || rest[0] != '/') {
      error = "needs an absolute socket path (unix:///path/to/redis.sock)";
      return std::nullopt;
    }
    a.socket_path = rest;
    return a;
  }
  if (!url.starts_with("redis://")) {
    error = "is not a redis:// or unix:// URL";
    return std::nullopt;
  }
  std::string_view rest = url.substr(8);
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = cred.find(':');
    if (colon == std::string_view::npos) {
      a.password = cred; // redis://password@host, as redis-cli reads it
    } else {
      a.user = cred.substr(0, colon);
      a.password = cred.substr(colon + 1);
    }
  }
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    const std::string_view db = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
    if (!db.empty()) {
      const auto n = parse_int(db, 1 << 20);
      if (!n) {
        error = "has a database that is not a number";
        return std::nullopt;
      }
      a.db = *n;
    }
  }
  if (const auto colon = rest.rfind(':'); colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
    const auto port = parse_int(rest.substr(colon + 1), 65535);
    if (!port || *port == 0) {
      error = "has a port that is not a number from 1 to 65535";
      return std::nullopt;
    }
    a.port = *port;
    rest = rest.substr(0, colon);
  }
  if (rest.size() > 2 && rest.front() == '[' && rest.back() == ']')
    rest = rest.substr(1, rest.size() - 2);
  if (rest.empty()) {
    error = "has no host";
    return std::nullopt;
  }
  a.host = rest;
  return a;
}

// ---- the store -----------------------------------------------------------------

namespace {
constexpr char kMagic[4] = {'P', 'C', 'S', '1'};
constexpr unsigned char kSigned = 1;
constexpr std::size_t kHeader = 4 + 1 + 8 + 8;
constexpr std::size_t kChecksum = 16;
constexpr std::size_t kBatchOps = 256;
constexpr std::size_t kBatchBytes = std::size_t{16} << 20;
/// Past this many queued bytes, callers wait for the writer.
constexpr std::size_t kMaxQueuedBytes = std::size_t{128} << 20;

void put_u64(std::string &out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
std::uint64_t get_u64(const char *p) noexcept {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
std::string key_bytes(const MemoKey &key) {
  std::string k;
  put_u64(k, key.hi);
  put_u64(k, key.lo);
  return k;
}
std::string checksum(const MemoKey &key, std::string_view value) {
  std::string buf = key_bytes(key);
  buf.append(value);
  const Hash128 h = xxh3_128(buf);
  std::string out;
  put_u64(out, h.hi);
  put_u64(out, h.lo);
  return out;
}

timeval to_timeval(std::chrono::milliseconds ms) {
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

Reply command(redisContext *c, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  void *r = redisvCommand(c, format, ap);
  va_end(ap);
  return Reply(static_cast<redisReply *>(r));
}

std::string reply_text(const redisReply *r) { return std::string(r->str, r->len); }

/// A result waiting for the writer, which builds and signs its entry (the
/// HMAC is kept off the caller's thread too).
struct QueuedPut {
  MemoKey key;
  std::string value;
  std::uint64_t cost_ns;
};
} // namespace

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

  // --- writer ---
  bool enqueue(QueuedPut put) {
    std::unique_lock lock(queue_mutex);
    if (stopping)
      return false;
    queued_bytes += put.value.size();
    const bool first = queue.empty();
    if (first)
      oldest_queued = std::chrono::steady_clock::now();
    queue.push_back(std::move(put));
    ++enqueued;
    // The first put starts the writer's clock; a full batch sends at once.
    if (first || queue.size() >= kBatchOps || queued_bytes >= kBatchBytes)
      queue_cv.notify_all();
    if (queued_bytes >= kMaxQueuedBytes) {
      const std::uint64_t target = enqueued;
      written_cv.wait(lock, [&] { return written >= target || stopped; });
    }
    return true;
  }
  void flush() {
    std::unique_lock lock(queue_mutex);
    if (stopped)
      return;
    const std::uint64_t target = enqueued;
    flush_now = true;
    queue_cv.notify_all();
    written_cv.wait(lock, [&] { return written >= target || stopped; });
  }
  void stop() {
    {
      std::lock_guard lock(queue_mutex);
      if (stopping && !writer.joinable())
        return;
      stopping = true;
    }
    queue_cv.notify_all();
    if (writer.joinable())
      writer.join();
  }

  void writer_loop() {
    for (;;) {
      std::vector<QueuedPut> batch;
      std::uint64_t upto = 0;
      bool last = false;
      {
        std::unique_lock lock(queue_mutex);
        auto urgent = [&] {
          return stopping || flush_now || queue.size() >= kBatchOps || queued_bytes >= kBatchBytes;
        };
        queue_cv.wait(lock, [&] { return urgent() || !queue.empty(); });
        queue_cv.wait_until(lock, oldest_queued + options.flush_interval, urgent);
        batch.swap(queue);
        queued_bytes = 0;
        upto = enqueued;
        flush_now = false;
        last = stopping;
      }
      send(batch);
      {
        std::lock_guard lock(queue_mutex);
        written = upto;
        if (last)
          stopped = true;
      }
      written_cv.notify_all();
      if (last)
        return;
    }
  }

  /// Pipelines SET NX for every queued put, in slices of kBatchOps / kBatchBytes.
  void send(const std::vector<QueuedPut> &batch) {
    std::size_t i = 0;
    while (i < batch.size()) {
      if (!wconn && may_try()) {
        std::string error;
        wconn = connect(error);
        if (!wconn)
          mark_down(error);
        else
          mark_up();
      }
      if (!wconn) {
        dropped.fetch_add(batch.size() - i, std::memory_order_relaxed);
        return;
      }
      SigpipeGuard guard;
      std::size_t end = i, bytes = 0;
      for (; end < batch.size() && end - i < kBatchOps && (end == i || bytes < kBatchBytes); ++end) {
        const QueuedPut &p = batch[end];
        const std::string rkey = redis_key(p.key);
        const std::string entry = encode(rkey, p.key, p.value, p.cost_ns);
        bytes += entry.size();
        redisAppendCommand(wconn.get(), "SET %b %b NX", rkey.data(), rkey.size(), entry.data(),
                           entry.size());
      }
      for (std::size_t k = i; k < end; ++k) {
        void *raw = nullptr;
        if (redisGetReply(wconn.get(), &raw) != REDIS_OK || !raw) {
          mark_down(wconn->errstr[0] ? wconn->errstr : "no reply");
          wconn.reset();
          dropped.fetch_add(batch.size() - k, std::memory_order_relaxed);
          return;
        }
        Reply r(static_cast<redisReply *>(raw));
        if (r->type == REDIS_REPLY_STATUS)
          writes.fetch_add(1, std::memory_order_relaxed);
        else if (r->type == REDIS_REPLY_NIL)
          existing.fetch_add(1, std::memory_order_relaxed);
        else {
          dropped.fetch_add(1, std::memory_order_relaxed);
          if (r->type == REDIS_REPLY_ERROR)
            warn_once(warned_server, "the shared memo cache PURECC_CACHE_REDIS='" +
                                         options.address.display() + "' refused a write: " +
                                         reply_text(r.get()));
        }
      }
      i = end;
    }
  }

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

  std::mutex queue_mutex;
  std::condition_variable queue_cv, written_cv;
  std::vector<QueuedPut> queue;
  std::size_t queued_bytes = 0;
  std::chrono::steady_clock::time_point oldest_queued{};
  std::uint64_t enqueued = 0, written = 0;
  bool flush_now = false, stopping = false, stopped = false;
  Context wconn; // the writer thread's own connection
  std::thread writer;
};

SharedStore::SharedStore(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

SharedStore::~SharedStore() { shutdown(); }

std::string SharedStore::redis_key(const MemoKey &key) const { return impl_->redis_key(key); }

std::string SharedStore::encode(const MemoKey &key, std::string_view value, std::uint64_t cost_ns) const {
  return impl_->encode(impl_->redis_key(key), key, value, cost_ns);
}

std::optional<SharedStore::Record> SharedStore::get(const MemoKey &key, Lookup *outcome) {
  Lookup dummy;
  Lookup &out = outcome ? *outcome : dummy;
  Impl &m = *impl_;
  Context c = m.acquire();
  if (!c) {
    out = Lookup::unavailable;
    m.unavailable.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  const std::string rkey = m.redis_key(key);
  Reply r;
  {
    SigpipeGuard guard;
    r = command(c.get(), "GET %b", rkey.data(), rkey.size());
  }
  if (!r) {
    m.mark_down(c->errstr[0] ? c->errstr : "no reply");
    out = Lookup::unavailable;
    m.unavailable.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  m.release(std::move(c));
  if (r->type == REDIS_REPLY_NIL) {
    out = Lookup::miss;
    m.misses.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  std::string why = "is not a string";
  std::optional<Record> rec;
  if (r->type == REDIS_REPLY_STRING)
    rec = m.decode(rkey, key, std::string_view(r->str, r->len), why);
  else if (r->type == REDIS_REPLY_ERROR)
    why = "could not be read: " + reply_text(r.get());
  if (rec) {
    out = Lookup::hit;
    m.hits.fetch_add(1, std::memory_order_relaxed);
    return rec;
  }
  out = Lookup::rejected;
  m.rejected.fetch_add(1, std::memory_order_relaxed);
  m.warn_once(m.warned_rejected, "the shared memo cache entry '" + rkey + "' " + why +
                                     "; treated as a miss (further rejections are only counted)");
  return std::nullopt;
}

bool SharedStore::put(const MemoKey &key, std::string value, std::uint64_t cost_ns) {
  Impl &m = *impl_;
  if (value.size() > kMaxValueBytes) {
    m.too_large.fetch_add(1, std::memory_order_relaxed);
    m.warn_once(m.warned_large, "a memoized result of " + std::to_string(value.size()) +
                                    " bytes is larger than the shared memo cache's limit of " +
                                    std::to_string(kMaxValueBytes) +
                                    " bytes; such results stay in the local tiers");
    return false;
  }
  if (const std::int64_t until = m.down_until.load(std::memory_order_acquire);
      until != 0 && Impl::now_ns() < until) {
    // Down: the writer would drop it; do not even copy it.
    m.dropped.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  return m.enqueue(QueuedPut{key, std::move(value), cost_ns});
}

void SharedStore::flush() { impl_->flush(); }

void SharedStore::shutdown() { impl_->stop(); }

SharedStore::Counters SharedStore::counters() const noexcept {
  const Impl &m = *impl_;
  auto ld = [](const std::atomic<std::uint64_t> &a) { return a.load(std::memory_order_relaxed); };
  return Counters{ld(m.hits),   ld(m.misses),  ld(m.rejected), ld(m.unavailable),
                  ld(m.writes), ld(m.existing), ld(m.dropped), ld(m.too_large)};
}

// ---- administration --------------------------------------------------------------

namespace {
/// The SCAN pattern of entry keys: the prefix (glob characters escaped) and
/// 32 hex digits.
std::string entry_pattern(const std::string &prefix) {
  std::string p;
  for (char ch : prefix) {
    if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\')
      p.push_back('\\');
    p.push_back(ch);
  }
  for (int i = 0; i < 32; ++i)
    p += "[0-9a-f]";
  return p;
}

constexpr const char *kCounterFields[] = {"hits", "misses", "rejected", "unavailable",
                                          "writes", "existing", "dropped", "too_large"};
std::uint64_t SharedStore::Counters::*const kCounterMembers[] = {
    &SharedStore::Counters::hits,     &SharedStore::Counters::misses,
    &SharedStore::Counters::rejected, &SharedStore::Counters::unavailable,
    &SharedStore::Counters::writes,   &SharedStore::Counters::existing,
    &SharedStore::Counters::dropped,  &SharedStore::Counters::too_large};

/// Walks every entry key with SCAN; `each` gets batches of keys. False and
/// `error` on failure.
template <class F> bool scan_entries(redisContext *c, const std::string &prefix, std::string &error, F each) {
  const std::string pattern = entry_pattern(prefix);
  std::string cursor = "0";
  do {
    Reply r = command(c, "SCAN %s MATCH %b COUNT 1000", cursor.c_str(), pattern.data(), pattern.size());
    if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2 ||
        r->element[0]->type != REDIS_REPLY_STRING || r->element[1]->type != REDIS_REPLY_ARRAY) {
      error = !r ? std::string(c->errstr)
                 : r->type == REDIS_REPLY_ERROR ? "SCAN failed: " + reply_text(r.get())
                                                : "SCAN gave an unexpected reply";
      return false;
    }
    cursor = reply_text(r->element[0]);
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < r->element[1]->elements; ++i)
      keys.push_back(reply_text(r->element[1]->element[i]));
    if (!keys.empty() && !each(keys, error))
      return false;
  } while (cursor != "0");
  return true;
}
} // namespace

void SharedStore::publish_counters() {
  Impl &m = *impl_;
  const Counters now = counters();
  Counters delta;
  bool any = false;
  for (auto member : kCounterMembers) {
    delta.*member = now.*member - m.published.*member;
    any = any || delta.*member != 0;
  }
  if (!any || m.down_until.load() != 0)
    return;
  Context c = m.acquire();
  if (!c)
    return;
  SigpipeGuard guard;
  const std::string key = m.options.prefix + "stats";
  for (std::size_t i = 0; i < std::size(kCounterFields); ++i)
    redisAppendCommand(c.get(), "HINCRBY %b %s %llu", key.data(), key.size(), kCounterFields[i],
                       static_cast<unsigned long long>(delta.*kCounterMembers[i]));
  for (std::size_t i = 0; i < std::size(kCounterFields); ++i) {
    void *raw = nullptr;
    if (redisGetReply(c.get(), &raw) != REDIS_OK || !raw)
      return;
    freeReplyObject(raw);
  }
  m.published = now;
  m.release(std::move(c));
}

SharedStore::Summary SharedStore::summary() {
  Impl &m = *impl_;
  Summary s;
  Context c = m.connect(s.error);
  if (!c)
    return s;
  SigpipeGuard guard;
  const bool ok = scan_entries(c.get(), m.options.prefix, s.error, [&](const auto &keys, std::string &error) {
    for (const std::string &k : keys)
      redisAppendCommand(c.get(), "STRLEN %b", k.data(), k.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      void *raw = nullptr;
      if (redisGetReply(c.get(), &raw) != REDIS_OK || !raw) {
        error = c->errstr;
        return false;
      }
      Reply r(static_cast<redisReply *>(raw));
      if (r->type == REDIS_REPLY_INTEGER && r->integer > 0) {
        ++s.entries;
        s.bytes += static_cast<std::uint64_t>(r->integer);
      }
    }
    return true;
  });
  if (!ok)
    return s;
  const std::string key = m.options.prefix + "stats";
  Reply r = command(c.get(), "HGETALL %b", key.data(), key.size());
  if (r && r->type == REDIS_REPLY_ARRAY) {
    for (std::size_t i = 0; i + 1 < r->elements; i += 2) {
      const std::string field = reply_text(r->element[i]);
      const std::uint64_t v = std::strtoull(reply_text(r->element[i + 1]).c_str(), nullptr, 10);
      for (std::size_t f = 0; f < std::size(kCounterFields); ++f)
        if (field == kCounterFields[f])
          s.totals.*kCounterMembers[f] = v;
    }
  }
  s.reachable = true;
  return s;
}

std::optional<std::uint64_t> SharedStore::clear(std::string &error) {
  Impl &m = *impl_;
  Context c = m.connect(error);
  if (!c)
    return std::nullopt;
  SigpipeGuard guard;
  std::uint64_t removed = 0;
  // UNLINK frees the values in the server's background thread (Redis >= 4).
  const bool ok = scan_entries(c.get(), m.options.prefix, error, [&](const auto &keys, std::string &err) {
    for (const std::string &k : keys)
      redisAppendCommand(c.get(), "UNLINK %b", k.data(), k.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      void *raw = nullptr;
      if (redisGetReply(c.get(), &raw) != REDIS_OK || !raw) {
        err = c->errstr;
        return false;
      }
      Reply r(static_cast<redisReply *>(raw));
      if (r->type == REDIS_REPLY_INTEGER)
        removed += static_cast<std::uint64_t>(r->integer);
    }
    return true;
  });
  if (!ok)
    return std::nullopt;
  const std::string key = m.options.prefix + "stats";
  Reply r = command(c.get(), "DEL %b", key.data(), key.size());
  if (!r) {
    error = c->errstr;
    return std::nullopt;
  }
  return removed;
}

} // namespace purecc
