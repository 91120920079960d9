// The memoization runtime (purecc/memo.h): opening the tiers, the fallback
// to memory, persisting results, and the process-wide instance whose exit
// handler prints PURECC_STATS and flushes the disk tier.
#include "purecc/memo.h"
#include "purecc/quiet_fenv.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>

namespace purecc {

MemoRuntime::MemoRuntime(const MemoConfig &config, std::function<void(const std::string &)> warn)
    : config_(config), mode_(config.mode), warn_(std::move(warn)), memory_(config.memory_budget) {
  if (!config.problems.empty()) {
    report("purecc: warning: " + config.problems +
           (mode_ == MemoMode::off ? "" : "; memoizing in memory only") + " [purecc-memo-config]");
    if (mode_ == MemoMode::disk)
      mode_ = MemoMode::mem;
  }
  if (mode_ == MemoMode::off)
    return;
  open_shared();
  if (mode_ != MemoMode::disk)
    return;
  DiskStore::Options options;
  options.dir = config.cache_dir;
  options.max_bytes = config.disk_max_bytes;
  options.warn = [this](const std::string &line) { report(line); };
  std::string error;
  disk_ = DiskStore::open(std::move(options), error);
  if (!disk_) {
    mode_ = MemoMode::mem;
    report("purecc: warning: cannot use the memo cache directory '" + config.cache_dir.string() +
           "': " + error + "; memoizing in memory only [purecc-memo-disk]");
  }
}

void MemoRuntime::open_shared() {
  const MemoConfig &c = config_;
  if (c.shared_url.empty()) {
    if (!c.secret_file.empty() || c.trust_unsigned)
      report("purecc: warning: PURECC_CACHE_SECRET_FILE or PURECC_CACHE_TRUST_UNSIGNED is set but "
             "PURECC_CACHE_REDIS is not; no shared memo cache [purecc-memo-shared]");
    return;
  }
  auto refuse = [&](const std::string &why) {
    report("purecc: warning: " + why + "; the shared memo cache is off [purecc-memo-shared]");
  };
  if (!c.shared_problems.empty())
    return refuse(c.shared_problems);
  SharedStore::Options o;
  std::string error;
  std::optional<RedisAddress> address = parse_redis_url(c.shared_url, error);
  if (!address)
    return refuse("PURECC_CACHE_REDIS='" + c.shared_url + "' " + error);
  o.address = std::move(*address);
  if (!c.secret_file.empty()) {
    o.secret = SharedSecret::from_file(c.secret_file, error);
    if (!o.secret)
      return refuse("PURECC_CACHE_SECRET_FILE='" + c.secret_file.string() + "' " + error);
  } else if (!c.trust_unsigned) {
    return refuse("PURECC_CACHE_REDIS is set but PURECC_CACHE_SECRET_FILE is not (set "
                  "PURECC_CACHE_TRUST_UNSIGNED=1 to share unauthenticated results)");
  }
  o.trust_unsigned = c.trust_unsigned;
  o.prefix = c.shared_prefix;
  o.connect_timeout = c.shared_connect_timeout;
  o.command_timeout = c.shared_command_timeout;
  o.warn = [this](const std::string &line) { report(line); };
  shared_ = std::make_unique<SharedStore>(std::move(o));
}

MemoRuntime::~MemoRuntime() {
  flush();
  if (shared_)
    shared_->shutdown();
}

void MemoRuntime::report(const std::string &line) {
  std::lock_guard lock(report_mutex_);
  if (warning_.empty())
    warning_ = line;
  if (warn_)
    warn_(line);
  else
    std::fprintf(stderr, "%s\n", line.c_str());
}

void MemoRuntime::flush() {
  if (shared_)
    shared_->flush();
  if (!disk_)
    return;
  disk_->add_counts(stats_.take_unflushed());
  disk_->flush();
}

void MemoRuntime::print_stats(std::ostream &out) const {
  print_stats_table(stats_.rows(), out, shared_ ? SharedColumns::show : SharedColumns::hide);
}

bool MemoRuntime::disk_lookup(const MemoKey &key, std::string &value, std::uint64_t &cost_ns) {
  std::optional<DiskStore::Record> rec = disk_->get(key);
  if (!rec)
    return false;
  value = std::move(rec->value);
  cost_ns = rec->cost_ns;
  return true;
}

void MemoRuntime::disk_reject(const MemoKey &key) { disk_->erase(key); }

bool MemoRuntime::shared_lookup(SiteCounters &counters, const MemoKey &key, std::string &value,
                                std::uint64_t &cost_ns) {
  SharedStore::Lookup outcome;
  std::optional<SharedStore::Record> rec = shared_->get(key, &outcome);
  if (!rec) {
    if (outcome == SharedStore::Lookup::rejected)
      counters.on_shared_rejected();
    return false;
  }
  value = std::move(rec->value);
  cost_ns = rec->cost_ns;
  return true;
}

void MemoRuntime::keep_shared_hit(const MemoSite &site, const MemoKey &key, const std::string &value,
                                  std::uint64_t cost_ns) {
  if (disk_)
    disk_->put(key, site.fingerprint(), site.name(), value, cost_ns);
}

void MemoRuntime::persist(const MemoSite &site, SiteCounters &counters, const MemoKey &key,
                          const std::string &value, std::uint64_t cost_ns) {
  if (cost_ns < static_cast<std::uint64_t>(config_.min_persist_time.count()))
    return;
  if (disk_)
    disk_->put(key, site.fingerprint(), site.name(), value, cost_ns);
  if (shared_ && shared_->put(key, value, cost_ns))
    counters.on_shared_write();
}

namespace {
// Never destroyed: memoized calls made by other static destructors after
// the exit handler ran still work (from memory; the disk tier is closed).
MemoRuntime *global_runtime = nullptr;

void at_exit() {
  // Once: a worker rank runs it before std::_Exit (finish_memo_now).
  static std::atomic<bool> done{false};
  if (done.exchange(true))
    return;
  detail::quiet_fenv_scope quiet; // statistics and the last writes: no trap
  MemoRuntime &rt = *global_runtime;
  if (rt.config().print_stats) {
    std::fflush(stdout);
    rt.print_stats(std::cerr);
    std::cerr.flush();
  }
  rt.flush();
  if (SharedStore *shared = rt.shared()) {
    shared->publish_counters();
    shared->shutdown();
  }
  if (DiskStore *disk = rt.disk())
    disk->shutdown(); // join the writer while threads can still run; close the file
}
} // namespace

MemoRuntime &MemoRuntime::global() {
  static MemoRuntime *rt = [] {
    // Under the caller's traps: no flag of its set-up may fire or stay.
    detail::quiet_fenv_scope quiet;
    global_runtime = new MemoRuntime(MemoConfig::from_environment());
    std::atexit(at_exit);
    return global_runtime;
  }();
  return *rt;
}

void detail::finish_memo_now() noexcept {
  if (global_runtime)
    at_exit();
}

} // namespace purecc
