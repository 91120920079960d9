// The shared memo tier (purecc/shared_store.h) against a local redis-server:
// per-call latency (median, p99) of
//   - a disk-tier hit and a shared-tier hit (memory tier off, so every call
//     goes to the tier measured), for an 8-byte and an 8 KiB result;
//   - a miss without a shared tier, with one that is reachable, and with one
//     that is down (a unix socket nobody listens on; an unroutable address,
//     where the connect timeout is what a call pays);
// and the first call's cost when the server is down.
// Not Google Benchmark: it reports percentiles of single calls.
// Run: bench_shared [calls]   (needs /usr/bin/redis-server; default 20000 calls)
#include "purecc/memo.h"

#include "../../test/runtime/redis_server.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

const purecc::MemoSite small_site{"small", 0x5a11ULL, 0x1ULL};
const purecc::MemoSite large_site{"large", 0x1a26eULL, 0x2ULL};

struct Summary {
  double median_us, p99_us, first_us;
};

Summary summarize(std::vector<double> us) {
  const double first = us.front();
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)], first};
}

template <class F> Summary time_calls(long n, F call) {
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(n));
  for (long i = 0; i < n; ++i) {
    const auto t0 = clock_type::now();
    call(i);
    us.push_back(std::chrono::duration<double, std::micro>(clock_type::now() - t0).count());
  }
  return summarize(std::move(us));
}

purecc::MemoConfig config(const fs::path &dir, purecc::MemoMode mode, const std::string &url,
                          const fs::path &secret) {
  purecc::MemoConfig c;
  c.mode = mode;
  c.cache_dir = dir;
  c.memory_budget = 0; // every call reaches the tier under test
  c.min_persist_time = std::chrono::nanoseconds(0);
  c.shared_url = url;
  c.secret_file = url.empty() ? fs::path() : secret;
  return c;
}

void row(const char *what, const Summary &s) {
  std::printf("| %-66s | %9.1f | %9.1f | %11.1f |\n", what, s.median_us, s.p99_us, s.first_us);
}

} // namespace

int main(int argc, char **argv) {
  const long n = argc > 1 ? std::atol(argv[1]) : 20000;
  const fs::path dir = fs::temp_directory_path() / ("purecc-bench-shared-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path secret = dir / "secret";
  std::ofstream(secret) << "a benchmark secret of some length\n";
  chmod(secret.c_str(), 0600);
  // A free loopback port for the TCP rows (asked of the kernel, then freed).
  int port = 0;
  {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
      port = ntohs(a.sin_port);
    close(fd);
  }
  RedisServer server(dir / "redis", port);
  if (!server.available()) {
    std::fprintf(stderr, "bench_shared: %s\n", RedisServer::kMissing);
    return 2;
  }
  const std::string large_arg(8192, 'x');
  auto small = [](purecc::MemoRuntime &rt, long x) {
    return rt.call(small_site, [&] { return x * 3; }, x);
  };
  auto large = [&](purecc::MemoRuntime &rt, long x) {
    return rt.call(large_site, [&] { return large_arg + std::to_string(x); }, x);
  };
  auto quiet = [](const std::string &) {};

  std::printf("calls per row: %ld; memory tier off; times in microseconds per call\n\n", n);
  std::printf("| %-66s | %9s | %9s | %11s |\n", "case", "median", "p99", "first call");
  std::printf("|%s|%s|%s|%s|\n", std::string(68, '-').c_str(), std::string(10, '-').append(":").c_str(),
              std::string(10, '-').append(":").c_str(), std::string(12, '-').append(":").c_str());
  {
    // Warm the disk tier, then read it back through a fresh runtime.
    { purecc::MemoRuntime w(config(dir / "disk", purecc::MemoMode::disk, "", secret), quiet);
      for (long i = 0; i < n; ++i) { small(w, i); large(w, i); } }
    purecc::MemoRuntime rt(config(dir / "disk", purecc::MemoMode::disk, "", secret), quiet);
    row("disk-tier hit, 8-byte result", time_calls(n, [&](long i) { small(rt, i); }));
    row("disk-tier hit, 8 KiB result", time_calls(n, [&](long i) { large(rt, i); }));
  }
  {
    { purecc::MemoRuntime w(config(dir, purecc::MemoMode::mem, server.url(), secret), quiet);
      for (long i = 0; i < n; ++i) { small(w, i); large(w, i); } }
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, server.url(), secret), quiet);
    row("shared-tier hit over a unix socket, 8-byte result", time_calls(n, [&](long i) { small(rt, i); }));
    row("shared-tier hit over a unix socket, 8 KiB result", time_calls(n, [&](long i) { large(rt, i); }));
  }
  {
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, server.tcp_url(), secret), quiet);
    row("shared-tier hit over loopback TCP, 8-byte result", time_calls(n, [&](long i) { small(rt, i); }));
    row("shared-tier hit over loopback TCP, 8 KiB result", time_calls(n, [&](long i) { large(rt, i); }));
  }
  {
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, "", secret), quiet);
    row("miss, no shared tier (memory only)", time_calls(n, [&](long i) { small(rt, n + i); }));
  }
  {
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, server.url(), secret), quiet);
    row("miss, shared tier reachable (GET + queued SET NX), unix socket", time_calls(n, [&](long i) { small(rt, 2 * n + i); }));
  }
  {
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, server.tcp_url(), secret), quiet);
    row("miss, shared tier reachable (GET + queued SET NX), loopback TCP", time_calls(n, [&](long i) { small(rt, 5 * n + i); }));
  }
  {
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, "unix://" + (dir / "down.sock").string(), secret), quiet);
    row("miss, shared tier down (nobody on the socket)", time_calls(n, [&](long i) { small(rt, 3 * n + i); }));
  }
  {
    // 192.0.2.1 is TEST-NET-1: nothing answers, so connecting takes the
    // whole connect timeout (250 ms by default) unless the network says
    // "unreachable" at once.
    purecc::MemoRuntime rt(config(dir, purecc::MemoMode::mem, "redis://192.0.2.1:6379", secret), quiet);
    row("miss, shared tier down (unroutable address: connect fails or times out)", time_calls(n, [&](long i) { small(rt, 4 * n + i); }));
  }
  server.kill();
  fs::remove_all(dir);
  return 0;
}
