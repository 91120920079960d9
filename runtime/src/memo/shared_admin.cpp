// Administration of the shared memo tier (purecc/shared_store.h): the
// summary and `clear --shared` for purecc::cache_command, and the counters
// every run adds to the server's stats hash.
#include "shared_store_impl.h"

#include <charconv>
#include <system_error>

namespace purecc {

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
    if (get_reply(c.get(), &raw) != REDIS_OK || !raw)
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
      if (get_reply(c.get(), &raw) != REDIS_OK || !raw) {
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
      // A count is digits; anything else (a negative or a word someone
      // wrote into the hash by hand: adv95) counts as none, not as 2^64 - 5.
      const std::string text = reply_text(r->element[i + 1]);
      std::uint64_t v = 0;
      if (auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
          ec != std::errc() || end != text.data() + text.size())
        v = 0;
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
      if (get_reply(c.get(), &raw) != REDIS_OK || !raw) {
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
