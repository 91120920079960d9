// The shared memo tier (purecc/shared_store.h) against a real redis-server:
// sharing between runs, authentication, faults, administration. Process-level
// tests re-run this binary as a small memoized program (PURECC_TEST_CHILD),
// configured only by environment variables, as users run one.
#include "purecc/cache_admin.h"
#include "purecc/memo.h"
#include "purecc/shared_store.h"

#include "child_process.h"
#include "redis_server.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <regex>
#include <map>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>

namespace {

namespace fs = std::filesystem;

// ---- the child program ---------------------------------------------------------

int body_calls = 0;

long shared_square__purecc_body(long x) {
  ++body_calls;
  return x * x + 7;
}
long shared_square(long x) {
  static const purecc::MemoSite site{"shared_square", 0x5ea7edULL, 0x17ULL};
  return purecc::memoize(site, [&] { return shared_square__purecc_body(x); }, x);
}

int run_child() {
  const long from = std::atol(std::getenv("PURECC_TEST_FROM"));
  const long to = std::atol(std::getenv("PURECC_TEST_TO"));
  // PURECC_TEST_PAUSE_AT=k: after the results below k, say "paused" and
  // wait for a line on stdin (the parent kills the server meanwhile).
  const char *pause = std::getenv("PURECC_TEST_PAUSE_AT");
  const long pause_at = pause ? std::atol(pause) : -1;
  long sum = 0;
  for (long x = from; x < to; ++x) {
    if (x == pause_at) {
      std::printf("paused\n");
      std::fflush(stdout);
      char line[16];
      if (!std::fgets(line, sizeof line, stdin))
        return 3;
    }
    sum += shared_square(x);
  }
  std::printf("body calls: %d\nsum: %ld\n", body_calls, sum);
  return 0;
}

[[maybe_unused]] const bool child_hook = [] {
  if (std::getenv("PURECC_TEST_CHILD"))
    std::exit(run_child());
  return false;
}();

// ---- helpers ---------------------------------------------------------------------

fs::path fresh_dir(const std::string &name) { return scratch_dir("shared-" + name); }

fs::path write_secret(const fs::path &dir, const std::string &name, const std::string &bytes,
                      mode_t mode = 0600) {
  const fs::path p = dir / name;
  std::ofstream(p) << bytes << "\n";
  chmod(p.c_str(), mode);
  return p;
}

ChildResult run(const std::string &env, const fs::path &scratch) { return run_self(env, scratch); }

std::string expected_out(int calls, long from, long to) {
  long sum = 0;
  for (long x = from; x < to; ++x)
    sum += x * x + 7;
  return "body calls: " + std::to_string(calls) + "\nsum: " + std::to_string(sum) + "\n";
}

const std::string kSecret = "correct horse battery staple 0123456789";

/// A SharedStore on `server` with a test secret; warnings go to `warnings`.
purecc::SharedStore::Options options_for(const RedisServer &server, std::vector<std::string> *warnings,
                                         std::optional<std::string> secret = kSecret) {
  purecc::SharedStore::Options o;
  std::string error;
  o.address = *purecc::parse_redis_url(server.url(), error);
  if (secret)
    o.secret = purecc::SharedSecret::from_bytes(*secret);
  o.warn = [warnings](const std::string &line) { warnings->push_back(line); };
  return o;
}

#define REQUIRE_SERVER(server)                                                                     \
  if (!RedisServer::installed())                                                                   \
    GTEST_SKIP() << RedisServer::kMissing;                                                         \
  ASSERT_TRUE((server).available()) << "redis-server did not start"

long long key_count(const RedisServer &server) {
  redisReply *r = server.command("DBSIZE");
  const long long n = r && r->type == REDIS_REPLY_INTEGER ? r->integer : -1;
  if (r)
    freeReplyObject(r);
  return n;
}

// ---- the store -------------------------------------------------------------------

TEST(SharedStore, ParsesUrls) {
  std::string error;
  auto a = purecc::parse_redis_url("redis://alice:s3cret@cache.example:6380/2", error);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "cache.example");
  EXPECT_EQ(a->port, 6380);
  EXPECT_EQ(a->user, "alice");
  EXPECT_EQ(a->password, "s3cret");
  EXPECT_EQ(a->db, 2);
  EXPECT_EQ(a->display(), "redis://alice:***@cache.example:6380/2") << "no password in messages";
  auto u = purecc::parse_redis_url("unix:///run/redis/redis.sock", error);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->socket_path, "/run/redis/redis.sock");
  EXPECT_EQ(purecc::parse_redis_url("redis://localhost", error)->port, 6379);
  EXPECT_FALSE(purecc::parse_redis_url("http://localhost", error));
  EXPECT_EQ(error, "is not a redis:// or unix:// URL");
  EXPECT_FALSE(purecc::parse_redis_url("redis://localhost:99999", error));
  EXPECT_FALSE(purecc::parse_redis_url("redis://:6379", error));
  EXPECT_FALSE(purecc::parse_redis_url("unix://relative.sock", error));
}

TEST(SharedStore, SecretFileMustBePrivate) {
  const fs::path dir = fresh_dir("secret");
  std::string error;
  EXPECT_TRUE(purecc::SharedSecret::from_file(write_secret(dir, "ok", kSecret), error)) << error;
  EXPECT_FALSE(purecc::SharedSecret::from_file(write_secret(dir, "group", kSecret, 0640), error));
  EXPECT_EQ(error, "is readable or writable by its group (chmod 600 it)");
  EXPECT_FALSE(purecc::SharedSecret::from_file(write_secret(dir, "short", "tiny"), error));
  EXPECT_EQ(error, "holds fewer than 16 bytes");
  EXPECT_FALSE(purecc::SharedSecret::from_file(dir / "absent", error));
  EXPECT_EQ(error, "cannot be read: No such file or directory");
  // A FIFO no one writes: refused at once, not waited on (adv95 F4).
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_FALSE(purecc::SharedSecret::from_file(dir / "fifo", error));
  EXPECT_EQ(error, "is not a regular file");
}

TEST(SharedStore, TagsAreHmacSha256) {
  // RFC 4231 test case 2 ("Jefe" is shorter than our minimum, so case 3's
  // 20-byte key of 0xaa and 50 bytes of 0xdd).
  auto secret = purecc::SharedSecret::from_bytes(std::string(20, '\xaa'));
  ASSERT_TRUE(secret);
  const std::string data(50, '\xdd');
  const purecc::SharedSecret::Tag tag = secret->sign({data.substr(0, 7), data.substr(7)});
  std::string hex;
  for (unsigned char b : tag) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02x", b);
    hex += buf;
  }
  EXPECT_EQ(hex, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

TEST(SharedStore, WritesOnceAndReadsBack) {
  const fs::path dir = fresh_dir("roundtrip");
  RedisServer server(dir);
  REQUIRE_SERVER(server);
  std::vector<std::string> warnings;
  purecc::SharedStore store(options_for(server, &warnings));
  const purecc::MemoKey key{1, 2};
  purecc::SharedStore::Lookup outcome;
  EXPECT_FALSE(store.get(key, &outcome));
  EXPECT_EQ(outcome, purecc::SharedStore::Lookup::miss);
  EXPECT_TRUE(store.put(key, "first", 1234));
  EXPECT_TRUE(store.put(key, "second", 99)); // write-once: the first stays
  store.flush();
  auto rec = store.get(key, &outcome);
  ASSERT_TRUE(rec);
  EXPECT_EQ(outcome, purecc::SharedStore::Lookup::hit);
  EXPECT_EQ(rec->value, "first");
  EXPECT_EQ(rec->cost_ns, 1234u);
  const auto c = store.counters();
  EXPECT_EQ(c.writes, 1u);
  EXPECT_EQ(c.existing, 1u);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(key_count(server), 1);
}

// The stats hash holds counts; a value written there by hand that is no
// count (negative, a word) is none (adv95: -5 was shown as 2^64 - 5).
TEST(SharedStore, CountsThatAreNoCountsAreZero) {
  const fs::path dir = fresh_dir("counts");
  RedisServer server(dir);
  REQUIRE_SERVER(server);
  std::vector<std::string> warnings;
  purecc::SharedStore store(options_for(server, &warnings));
  freeReplyObject(server.command("HSET purecc:1:stats rejected -5 hits abc misses 7"));
  const auto s = store.summary();
  EXPECT_EQ(s.totals.rejected, 0u);
  EXPECT_EQ(s.totals.hits, 0u);
  EXPECT_EQ(s.totals.misses, 7u);
}

TEST(SharedStore, TamperedOrForeignEntriesAreMisses) {
  const fs::path dir = fresh_dir("tamper");
  RedisServer server(dir);
  REQUIRE_SERVER(server);
  std::vector<std::string> warnings;
  purecc::SharedStore store(options_for(server, &warnings));
  const purecc::MemoKey a{10, 1}, b{10, 2}, c{10, 3};
  // a: the right entry with one value byte changed (checksum fixed up by an
  //    attacker is what the tag is for, so change the value *and* recompute
  //    what an attacker can: everything but the tag).
  purecc::SharedStore::Options forged_opts = options_for(server, &warnings, std::nullopt);
  forged_opts.trust_unsigned = true;
  purecc::SharedStore forger(std::move(forged_opts));
  const std::string good = store.encode(a, "42", 1);
  std::string forged = forger.encode(a, "66", 1);            // attacker's unsigned entry
  forged[4] = 1;                                              // claims to be signed
  forged += good.substr(good.size() - purecc::SharedSecret::kTagBytes); // with a stolen tag
  const std::string ka = store.redis_key(a);
  freeReplyObject(server.command("SET %b %b", ka.data(), ka.size(), forged.data(), forged.size()));
  // b: signed under another secret.
  purecc::SharedStore other(options_for(server, &warnings, "another secret, equally long!!"));
  const std::string kb = store.redis_key(b), eb = other.encode(b, "66", 1);
  freeReplyObject(server.command("SET %b %b", kb.data(), kb.size(), eb.data(), eb.size()));
  // c: unsigned, and this reader does not trust unsigned entries.
  const std::string kc = store.redis_key(c), ec = forger.encode(c, "66", 1);
  freeReplyObject(server.command("SET %b %b", kc.data(), kc.size(), ec.data(), ec.size()));

  purecc::SharedStore::Lookup outcome;
  for (const purecc::MemoKey &k : {a, b, c}) {
    EXPECT_FALSE(store.get(k, &outcome));
    EXPECT_EQ(outcome, purecc::SharedStore::Lookup::rejected);
  }
  EXPECT_EQ(store.counters().rejected, 3u);
  ASSERT_EQ(warnings.size(), 1u) << "reported once, then only counted";
  EXPECT_EQ(warnings[0], "purecc: warning: the shared memo cache entry '" + ka +
                             "' has a tag that does not verify under PURECC_CACHE_SECRET_FILE; "
                             "treated as a miss (further rejections are only counted) "
                             "[purecc-memo-shared]");
  // A trusting reader without a secret accepts c.
  EXPECT_EQ(forger.get(c)->value, "66");
}

TEST(SharedStore, LargeValuesWorkAndTooLargeOnesAreRefusedOnce) {
  const fs::path dir = fresh_dir("large");
  RedisServer server(dir);
  REQUIRE_SERVER(server);
  std::vector<std::string> warnings;
  purecc::SharedStore store(options_for(server, &warnings));
  std::vector<double> million(1000000);
  for (std::size_t i = 0; i < million.size(); ++i)
    million[i] = static_cast<double>(i) * 0.5 - 3;
  const std::string bytes = purecc::to_bytes(million);
  ASSERT_TRUE(store.put({5, 5}, bytes, 1));
  store.flush();
  auto rec = store.get({5, 5});
  ASSERT_TRUE(rec);
  EXPECT_EQ(purecc::from_bytes<std::vector<double>>(rec->value), million);

  const std::string huge(purecc::SharedStore::kMaxValueBytes + 1, 'x');
  EXPECT_FALSE(store.put({6, 6}, huge, 1));
  EXPECT_FALSE(store.put({6, 7}, huge, 1));
  EXPECT_EQ(store.counters().too_large, 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "purecc: warning: a memoized result of 67108865 bytes is larger than the "
                         "shared memo cache's limit of 67108864 bytes; such results stay in the "
                         "local tiers [purecc-memo-shared]");
}

TEST(SharedStore, ServerNeverStartedIsOneWarningAndMisses) {
  const fs::path dir = fresh_dir("never");
  std::vector<std::string> warnings;
  purecc::SharedStore::Options o;
  std::string error;
  o.address = *purecc::parse_redis_url("unix://" + (dir / "nobody.sock").string(), error);
  o.secret = purecc::SharedSecret::from_bytes(kSecret);
  o.warn = [&](const std::string &line) { warnings.push_back(line); };
  purecc::SharedStore store(std::move(o));
  purecc::SharedStore::Lookup outcome;
  for (int i = 0; i < 100; ++i) {
    EXPECT_FALSE(store.get({1, static_cast<std::uint64_t>(i)}, &outcome));
    EXPECT_EQ(outcome, purecc::SharedStore::Lookup::unavailable);
    store.put({1, static_cast<std::uint64_t>(i)}, "v", 1);
  }
  store.flush();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "purecc: warning: cannot use the shared memo cache PURECC_CACHE_REDIS='unix://" +
                             (dir / "nobody.sock").string() +
                             "': No such file or directory; using the local tiers only, retrying now "
                             "and then [purecc-memo-shared]");
  EXPECT_EQ(store.counters().dropped, 100u);
}

TEST(SharedStore, ClearRemovesOnlyPureccKeysOfItsPrefix) {
  const fs::path dir = fresh_dir("clear");
  RedisServer server(dir);
  REQUIRE_SERVER(server);
  std::vector<std::string> warnings;
  purecc::SharedStore store(options_for(server, &warnings));
  auto other_opts = options_for(server, &warnings);
  other_opts.prefix = "team-b:";
  purecc::SharedStore other(std::move(other_opts));
  for (std::uint64_t i = 0; i < 50; ++i) {
    store.put({7, i}, "value", 1);
    other.put({7, i}, "value", 1);
  }
  store.flush();
  other.flush();
  freeReplyObject(server.command("SET purecc:1:user-key keep"));
  freeReplyObject(server.command("SET unrelated keep"));
  const auto s = store.summary();
  EXPECT_TRUE(s.reachable) << s.error;
  EXPECT_EQ(s.entries, 50u);
  EXPECT_EQ(s.bytes, 50u * store.encode({7, 0}, "value", 1).size());
  std::string error;
  EXPECT_EQ(store.clear(error), std::optional<std::uint64_t>(50)) << error;
  EXPECT_EQ(key_count(server), 52) << "team-b's 50 keys, purecc:1:user-key and unrelated stay";
  EXPECT_EQ(store.summary().entries, 0u);
  EXPECT_EQ(other.summary().entries, 50u);
}

/// A unix-socket "server" that accepts connections and then either never
/// answers or answers `reply` to whatever it is sent; with `trickle`, one
/// byte of it per `trickle`.
class FakeServer {
public:
  FakeServer(const fs::path &socket, std::string reply,
             std::chrono::milliseconds trickle = std::chrono::milliseconds(0))
      : reply_(std::move(reply)), trickle_(trickle) {
    fd_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket.c_str());
    fs::remove(socket);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(fd_, 16), 0);
    thread_ = std::thread([this] {
      for (;;) {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0)
          return;
        ++accepted;
        clients_.push_back(c);
        if (!reply_.empty()) {
          char buf[256];
          if (::read(c, buf, sizeof buf) <= 0)
            continue;
          if (trickle_.count() == 0) {
            (void)!::write(c, reply_.data(), reply_.size());
            continue;
          }
          // The slowness under test, not a wait for anything.
          for (std::size_t i = 0; i < reply_.size() && !stop_; ++i) {
            if (::send(c, reply_.data() + i, 1, MSG_NOSIGNAL) != 1)
              break;
            std::this_thread::sleep_for(trickle_);
          }
        }
      }
    });
  }
  ~FakeServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
    for (int c : clients_)
      ::close(c);
  }
  std::atomic<int> accepted{0};

private:
  int fd_ = -1;
  std::string reply_;
  std::chrono::milliseconds trickle_;
  std::atomic<bool> stop_{false};
  std::vector<int> clients_;
  std::thread thread_;
};

purecc::SharedStore::Options fake_options(const fs::path &socket, std::vector<std::string> *warnings) {
  purecc::SharedStore::Options o;
  std::string error;
  o.address = *purecc::parse_redis_url("unix://" + socket.string(), error);
  o.secret = purecc::SharedSecret::from_bytes(kSecret);
  o.command_timeout = std::chrono::milliseconds(50);
  o.warn = [warnings](const std::string &line) { warnings->push_back(line); };
  return o;
}

TEST(SharedStore, ASilentServerTimesOutOnceThenBacksOff) {
  const fs::path dir = fresh_dir("silent");
  FakeServer fake(dir / "silent.sock", "");
  std::vector<std::string> warnings;
  purecc::SharedStore store(fake_options(dir / "silent.sock", &warnings));
  purecc::SharedStore::Lookup outcome;
  for (std::uint64_t i = 0; i < 50; ++i) {
    EXPECT_FALSE(store.get({3, i}, &outcome));
    EXPECT_EQ(outcome, purecc::SharedStore::Lookup::unavailable);
  }
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "purecc: warning: cannot use the shared memo cache PURECC_CACHE_REDIS='unix://" +
                             (dir / "silent.sock").string() +
                             "': no whole reply within the timeout (PURECC_CACHE_REDIS_TIMEOUT_MS); using the "
                             "local tiers only, retrying "
                             "now and then [purecc-memo-shared]");
  EXPECT_EQ(fake.accepted.load(), 1) << "no reconnect on every call: the backoff holds the others";
}

// A server that answers a byte at a time, each well within the timeout:
// the whole reply is bounded, not each read (adv95 F4: a run hung).
TEST(SharedStore, AServerTricklingItsReplyTimesOut) {
  const fs::path dir = fresh_dir("trickle");
  FakeServer fake(dir / "trickle.sock", "$2000\r\n" + std::string(2000, 'x') + "\r\n",
                  std::chrono::milliseconds(5));
  std::vector<std::string> warnings;
  purecc::SharedStore store(fake_options(dir / "trickle.sock", &warnings));
  purecc::SharedStore::Lookup outcome;
  EXPECT_FALSE(store.get({5, 1}, &outcome));
  EXPECT_EQ(outcome, purecc::SharedStore::Lookup::unavailable);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(warnings[0].find("no whole reply within the timeout") != std::string::npos) << warnings[0];
}

TEST(SharedStore, AServerAnsweringGarbageIsUnavailable) {
  const fs::path dir = fresh_dir("garbage");
  FakeServer fake(dir / "garbage.sock", "garbage\r\n");
  std::vector<std::string> warnings;
  purecc::SharedStore store(fake_options(dir / "garbage.sock", &warnings));
  purecc::SharedStore::Lookup outcome;
  for (std::uint64_t i = 0; i < 20; ++i) {
    EXPECT_FALSE(store.get({4, i}, &outcome));
    EXPECT_EQ(outcome, purecc::SharedStore::Lookup::unavailable);
  }
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(warnings[0].find("Protocol error") != std::string::npos) << warnings[0];
  EXPECT_EQ(fake.accepted.load(), 1);
}

TEST(SharedConfig, VariablesAndTheirProblems) {
  std::map<std::string, std::string> env = {
      {"PURECC_CACHE_DIR", "/tmp/unused"},
      {"PURECC_CACHE_REDIS", "redis://h:1"},
      {"PURECC_CACHE_REDIS_CONNECT_MS", "75"},
      {"PURECC_CACHE_REDIS_TIMEOUT_MS", "400"},
      {"PURECC_CACHE_REDIS_PREFIX", "team:"},
      {"PURECC_CACHE_TRUST_UNSIGNED", "1"}};
  auto get = [&](const char *n) -> const char * {
    auto it = env.find(n);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  purecc::MemoConfig c = purecc::MemoConfig::from_environment(get);
  EXPECT_EQ(c.shared_url, "redis://h:1");
  EXPECT_EQ(c.shared_connect_timeout, std::chrono::milliseconds(75));
  EXPECT_EQ(c.shared_command_timeout, std::chrono::milliseconds(400));
  EXPECT_EQ(c.shared_prefix, "team:");
  EXPECT_TRUE(c.trust_unsigned);
  EXPECT_EQ(c.shared_problems, "");
  env["PURECC_CACHE_REDIS_TIMEOUT_MS"] = "0";
  env["PURECC_CACHE_SECRET_FILE"] = "relative";
  c = purecc::MemoConfig::from_environment(get);
  EXPECT_EQ(c.shared_problems, "PURECC_CACHE_SECRET_FILE='relative' is not an absolute path; "
                               "PURECC_CACHE_REDIS_TIMEOUT_MS='0' is not a number of milliseconds "
                               "from 1 to 600000");
  EXPECT_EQ(c.problems, "") << "the disk tier stays on";
  EXPECT_EQ(c.mode, purecc::MemoMode::disk);
}

// ---- through the memo runtime ------------------------------------------------------

purecc::MemoConfig shared_config(const fs::path &dir, const std::string &url, const fs::path &secret) {
  purecc::MemoConfig c;
  c.mode = purecc::MemoMode::disk;
  c.cache_dir = dir;
  c.min_persist_time = std::chrono::nanoseconds(0);
  c.shared_url = url;
  c.secret_file = secret;
  return c;
}

TEST(SharedTier, ServerKilledMidRunWarnsOnceAndKeepsComputing) {
  const fs::path dir = fresh_dir("killed");
  RedisServer server(dir / "redis");
  REQUIRE_SERVER(server);
  std::vector<std::string> warnings;
  purecc::MemoRuntime rt(shared_config(dir / "cache", server.url(), write_secret(dir, "secret", kSecret)),
                         [&](const std::string &line) { warnings.push_back(line); });
  ASSERT_TRUE(rt.shared());
  static const purecc::MemoSite site{"cube", 0xc0beULL, 0x1ULL};
  int runs = 0;
  auto cube = [&](long x) { return rt.call(site, [&] { ++runs; return x * x * x; }, x); };
  for (long x = 0; x < 100; ++x)
    EXPECT_EQ(cube(x), x * x * x);
  rt.flush();
  server.kill();
  for (long x = 100; x < 300; ++x)
    EXPECT_EQ(cube(x), x * x * x);
  rt.flush();
  for (long x = 0; x < 300; ++x)
    EXPECT_EQ(cube(x), x * x * x);
  EXPECT_EQ(runs, 300);
  ASSERT_EQ(warnings.size(), 1u) << warnings[0];
  EXPECT_TRUE(warnings[0].starts_with("purecc: warning: cannot use the shared memo cache "
                                      "PURECC_CACHE_REDIS='" + server.url() + "': "))
      << warnings[0];
  EXPECT_TRUE(warnings[0].ends_with("; using the local tiers only, retrying now and then "
                                    "[purecc-memo-shared]"))
      << warnings[0];
}

TEST(SharedTier, BadSettingsWarnOnceNamingTheVariable) {
  const fs::path dir = fresh_dir("bad");
  struct Case {
    std::string url;
    fs::path secret;
    std::string warning;
  } cases[] = {
      {"http://x", dir / "s1", "purecc: warning: PURECC_CACHE_REDIS='http://x' is not a redis:// or unix:// "
                               "URL; the shared memo cache is off [purecc-memo-shared]"},
      {"unix:///tmp/x.sock", write_secret(dir, "s2", kSecret, 0640),
       "purecc: warning: PURECC_CACHE_SECRET_FILE='" + (dir / "s2").string() +
           "' is readable or writable by its group (chmod 600 it); the shared memo cache is off "
           "[purecc-memo-shared]"},
      {"unix:///tmp/x.sock", "",
       "purecc: warning: PURECC_CACHE_REDIS is set but PURECC_CACHE_SECRET_FILE is not (set "
       "PURECC_CACHE_TRUST_UNSIGNED=1 to share unauthenticated results); the shared memo cache is "
       "off [purecc-memo-shared]"},
  };
  write_secret(dir, "s1", kSecret);
  for (const Case &c : cases) {
    std::vector<std::string> warnings;
    purecc::MemoRuntime rt(shared_config(dir / "cache", c.url, c.secret),
                           [&](const std::string &line) { warnings.push_back(line); });
    EXPECT_FALSE(rt.shared());
    EXPECT_EQ(rt.mode(), purecc::MemoMode::disk) << "memory + disk stay on";
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], c.warning);
  }
}

TEST(SharedTier, ManyThreadsWritingTheSameKeysLoseAndDuplicateNothing) {
  const fs::path dir = fresh_dir("threads");
  RedisServer server(dir / "redis");
  REQUIRE_SERVER(server);
  const fs::path secret = write_secret(dir, "secret", kSecret);
  static const purecc::MemoSite site{"twice", 0x71ceULL, 0x2ULL};
  constexpr long kKeys = 200;
  {
    // Separate runtimes (no shared memory tier between them), one per thread.
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        purecc::MemoRuntime rt(shared_config(dir / ("cache" + std::to_string(t)), server.url(), secret),
                               [](const std::string &) {});
        for (long x = 0; x < kKeys; ++x)
          if (rt.call(site, [&] { return 2 * x; }, x) != 2 * x)
            ++wrong;
      });
    for (auto &th : threads)
      th.join();
    EXPECT_EQ(wrong.load(), 0);
  }
  EXPECT_EQ(key_count(server), kKeys) << "one entry per key";
  // Every entry verifies and holds the right value.
  std::vector<std::string> warnings;
  purecc::MemoRuntime reader(shared_config(dir / "reader", server.url(), secret),
                             [&](const std::string &line) { warnings.push_back(line); });
  int runs = 0;
  for (long x = 0; x < kKeys; ++x)
    EXPECT_EQ(reader.call(site, [&] { ++runs; return -1L; }, x), 2 * x);
  EXPECT_EQ(runs, 0);
  EXPECT_TRUE(warnings.empty());
}

// ---- whole programs ----------------------------------------------------------------

std::string shared_env(const RedisServer &server, const fs::path &secret, const fs::path &cache) {
  return "PURECC_CACHE_REDIS='" + server.url() + "' PURECC_CACHE_SECRET_FILE='" + secret.string() +
         "' PURECC_CACHE_DIR='" + cache.string() + "'";
}

TEST(SharedProcess, TwoRunsWithDifferentCacheDirsShareResults) {
  const fs::path dir = fresh_dir("two-runs");
  RedisServer server(dir / "redis");
  REQUIRE_SERVER(server);
  const fs::path secret = write_secret(dir, "secret", kSecret);
  const ChildResult first = run(shared_env(server, secret, dir / "cache-a") + " PURECC_TEST_FROM=0 PURECC_TEST_TO=5", dir);
  EXPECT_EQ(first.status, 0);
  EXPECT_EQ(first.out, expected_out(5, 0, 5));
  EXPECT_EQ(first.err, "");
  const ChildResult second = run(shared_env(server, secret, dir / "cache-b") +
                                     " PURECC_STATS=1 PURECC_TEST_FROM=0 PURECC_TEST_TO=5",
                                 dir);
  EXPECT_EQ(second.status, 0);
  EXPECT_EQ(second.out, expected_out(0, 0, 5)) << "the body never ran";
  EXPECT_TRUE(std::regex_search(second.err,
                                std::regex("shared hits +shared writes +rejected +misses")))
      << second.err;
  EXPECT_TRUE(std::regex_search(second.err,
                                std::regex(R"(  shared_square +5 +0 +0 +5 +0 +0 +0 +\S+ \S+\n)")))
      << second.err;
  // The second run copied the shared hits into its own disk tier, which
  // answers without the server.
  server.kill();
  const ChildResult third = run("PURECC_CACHE_DIR='" + (dir / "cache-b").string() +
                                    "' PURECC_TEST_FROM=0 PURECC_TEST_TO=5",
                                dir);
  EXPECT_EQ(third.out, expected_out(0, 0, 5));
}

TEST(SharedProcess, ServerNeverStartedWarnsOnceAndComputes) {
  const fs::path dir = fresh_dir("no-server");
  const fs::path secret = write_secret(dir, "secret", kSecret);
  const std::string url = "unix://" + (dir / "none.sock").string();
  const ChildResult r = run("PURECC_CACHE_REDIS='" + url + "' PURECC_CACHE_SECRET_FILE='" +
                                secret.string() + "' PURECC_CACHE_DIR='" + (dir / "cache").string() +
                                "' PURECC_TEST_FROM=0 PURECC_TEST_TO=50",
                            dir);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, expected_out(50, 0, 50));
  EXPECT_EQ(r.err, "purecc: warning: cannot use the shared memo cache PURECC_CACHE_REDIS='" + url +
                       "': No such file or directory; using the local tiers only, retrying now and "
                       "then [purecc-memo-shared]\n");
}

// The server dies while a program runs: one warning, every result right, exit 0.
TEST(SharedProcess, ServerKilledMidRun) {
  const fs::path dir = fresh_dir("killed-mid-run");
  RedisServer server(dir / "redis");
  REQUIRE_SERVER(server);
  const fs::path secret = write_secret(dir, "secret", kSecret);
  // Half the results are on the server before the run.
  ASSERT_EQ(run(shared_env(server, secret, dir / "cache-a") + " PURECC_TEST_FROM=0 PURECC_TEST_TO=100", dir).out,
            expected_out(100, 0, 100));
  int to_child[2], from_child[2];
  ASSERT_EQ(pipe(to_child), 0);
  ASSERT_EQ(pipe(from_child), 0);
  const std::string exe = self_exe(), err_file = (dir / "stderr-killed").string();
  const std::string url = server.url(), cache = (dir / "cache-b").string();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 2);
    for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1], err})
      close(fd);
    setenv("PURECC_TEST_CHILD", "1", 1);
    setenv("PURECC_MEMO_MIN_MS", "0", 1);
    setenv("PURECC_CACHE_REDIS", url.c_str(), 1);
    setenv("PURECC_CACHE_SECRET_FILE", secret.c_str(), 1);
    setenv("PURECC_CACHE_DIR", cache.c_str(), 1);
    setenv("PURECC_TEST_FROM", "50", 1);
    setenv("PURECC_TEST_TO", "150", 1);
    setenv("PURECC_TEST_PAUSE_AT", "75", 1);
    execl(exe.c_str(), exe.c_str(), static_cast<char *>(nullptr));
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  FILE *out = fdopen(from_child[0], "r");
  char line[64] = "";
  ASSERT_TRUE(std::fgets(line, sizeof line, out));
  EXPECT_STREQ(line, "paused\n");
  server.kill(); // 50..74 came from the server; 75..149 must be computed
  ASSERT_EQ(write(to_child[1], "go\n", 3), 3);
  close(to_child[1]);
  std::string rest;
  while (std::fgets(line, sizeof line, out))
    rest += line;
  std::fclose(out);
  int status = -1;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(rest, expected_out(75, 50, 150)) << "25 shared hits, then 75 computed";
  std::ifstream in(err_file);
  const std::string err((std::istreambuf_iterator<char>(in)), {});
  EXPECT_TRUE(std::regex_match(err, std::regex("purecc: warning: cannot use the shared memo cache "
                                               "PURECC_CACHE_REDIS='[^']+': [^;]+; using the local "
                                               "tiers only, retrying now and then "
                                               "\\[purecc-memo-shared\\]\n")))
      << err;
}

TEST(SharedProcess, TwoProcessesWritingTheSameKeysAtOnce) {
  const fs::path dir = fresh_dir("two-procs");
  RedisServer server(dir / "redis");
  REQUIRE_SERVER(server);
  const fs::path secret = write_secret(dir, "secret", kSecret);
  Child a(shared_env(server, secret, dir / "cache-a") + " PURECC_TEST_FROM=0 PURECC_TEST_TO=400", dir, 101);
  Child b(shared_env(server, secret, dir / "cache-b") + " PURECC_TEST_FROM=0 PURECC_TEST_TO=400", dir, 102);
  const ChildResult ra = a.finish(), rb = b.finish();
  EXPECT_EQ(ra.status, 0);
  EXPECT_EQ(rb.status, 0);
  EXPECT_TRUE(ra.out.ends_with(expected_out(0, 0, 400).substr(15))) << ra.out;
  EXPECT_TRUE(rb.out.ends_with(expected_out(0, 0, 400).substr(15))) << rb.out;
  EXPECT_EQ(ra.err + rb.err, "");
  EXPECT_EQ(key_count(server), 400 + 1) << "400 entries and the stats hash";
  const ChildResult third = run(shared_env(server, secret, dir / "cache-c") + " PURECC_TEST_FROM=0 PURECC_TEST_TO=400", dir);
  EXPECT_EQ(third.out, expected_out(0, 0, 400));

  // `purecc cache stats` and `clear --shared` see the same server.
  setenv("PURECC_CACHE_REDIS", server.url().c_str(), 1);
  setenv("PURECC_CACHE_SECRET_FILE", secret.c_str(), 1);
  freeReplyObject(server.command("SET someone-elses-key 1"));
  std::ostringstream out, err;
  EXPECT_EQ(purecc::cache_command({"stats", "--cache-dir=" + (dir / "cache-c").string()}, out, err), 0)
      << err.str();
  EXPECT_TRUE(std::regex_search(out.str(), std::regex("shared: " + server.url() +
                                                      ", reachable, 400 entries \\(")))
      << out.str();
  std::ostringstream out2;
  EXPECT_EQ(purecc::cache_command({"clear", "--shared"}, out2, err), 0) << err.str();
  EXPECT_EQ(out2.str(), "shared: " + server.url() + "\nremoved 400 shared entries\n");
  EXPECT_EQ(key_count(server), 1) << "someone-elses-key stays";
  unsetenv("PURECC_CACHE_REDIS");
  unsetenv("PURECC_CACHE_SECRET_FILE");
}

} // namespace

namespace {

TEST(SharedCacheCommand, UsageAndAnUnreachableServer) {
  const fs::path dir = fresh_dir("admin");
  unsetenv("PURECC_CACHE_REDIS");
  std::ostringstream out, err;
  EXPECT_EQ(purecc::cache_command({"clear", "--shared"}, out, err), 1);
  EXPECT_EQ(err.str(), "purecc: error: 'clear --shared' needs PURECC_CACHE_REDIS [purecc-cache-config]\n");
  std::ostringstream out2, err2;
  EXPECT_EQ(purecc::cache_command({"stats", "--shared"}, out2, err2), 2);
  EXPECT_EQ(err2.str(), "purecc: error: '--shared' goes with 'clear' only ('stats' always shows the "
                        "shared tier) [purecc-cache-usage]\n");
  const std::string url = "unix://" + (dir / "nobody.sock").string();
  setenv("PURECC_CACHE_REDIS", url.c_str(), 1);
  std::ostringstream out3, err3;
  EXPECT_EQ(purecc::cache_command({"stats", "--cache-dir=" + (dir / "cache").string()}, out3, err3), 0);
  EXPECT_TRUE(out3.str().ends_with("shared: " + url + ", unreachable: No such file or directory\n"))
      << out3.str();
  std::ostringstream out4, err4;
  EXPECT_EQ(purecc::cache_command({"clear", "--shared"}, out4, err4), 1);
  EXPECT_EQ(err4.str(), "purecc: error: cannot clear the shared memo cache: No such file or directory "
                        "[purecc-cache-open]\n");
  unsetenv("PURECC_CACHE_REDIS");
}

} // namespace
