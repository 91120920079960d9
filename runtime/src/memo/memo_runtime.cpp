// The memoization runtime (purecc/memo.h): opening the tiers, the fallback
// to memory, persisting results, and the process-wide instance whose exit
// handler prints PURECC_STATS and flushes the disk tier.
#include "purecc/memo.h"

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

MemoRuntime::~MemoRuntime() { flush(); }

void MemoRuntime::report(const std::string &line) {
  if (warning_.empty())
    warning_ = line;
  if (warn_)
    warn_(line);
  else
    std::fprintf(stderr, "%s\n", line.c_str());
}

void MemoRuntime::flush() {
  if (!disk_)
    return;
  disk_->add_counts(stats_.take_unflushed());
  disk_->flush();
}

void MemoRuntime::print_stats(std::ostream &out) const { print_stats_table(stats_.rows(), out); }

bool MemoRuntime::disk_lookup(const MemoKey &key, std::string &value, std::uint64_t &cost_ns) {
  std::optional<DiskStore::Record> rec = disk_->get(key);
  if (!rec)
    return false;
  value = std::move(rec->value);
  cost_ns = rec->cost_ns;
  return true;
}

void MemoRuntime::disk_reject(const MemoKey &key) { disk_->erase(key); }

void MemoRuntime::persist(const MemoSite &site, const MemoKey &key, const std::string &value,
                          std::uint64_t cost_ns) {
  if (disk_ && cost_ns >= static_cast<std::uint64_t>(config_.min_persist_time.count()))
    disk_->put(key, site.fingerprint(), site.name(), value, cost_ns);
}

namespace {
// Never destroyed: memoized calls made by other static destructors after
// the exit handler ran still work (from memory; the disk tier is closed).
MemoRuntime *global_runtime = nullptr;

void at_exit() {
  MemoRuntime &rt = *global_runtime;
  if (rt.config().print_stats) {
    std::fflush(stdout);
    rt.print_stats(std::cerr);
    std::cerr.flush();
  }
  rt.flush();
  if (DiskStore *disk = rt.disk())
    disk->shutdown(); // join the writer while threads can still run; close the file
}
} // namespace

MemoRuntime &MemoRuntime::global() {
  static MemoRuntime *rt = [] {
    global_runtime = new MemoRuntime(MemoConfig::from_environment());
    std::atexit(at_exit);
    return global_runtime;
  }();
  return *rt;
}

} // namespace purecc
