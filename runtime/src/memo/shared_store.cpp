// The shared memo tier on Redis (purecc/shared_store.h): lookups, queued
// writes and the writer thread; the state and connection handling are in
// shared_store_impl.h, the administration commands in shared_admin.cpp.
#include "shared_store_impl.h"

namespace purecc {

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

} // namespace purecc
