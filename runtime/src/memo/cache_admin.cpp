// `purecc cache` commands over the disk memo tier (purecc/cache_admin.h).
#include "purecc/cache_admin.h"

#include "purecc/disk_store.h"
#include "purecc/memo_config.h"
#include "purecc/shared_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace purecc {

namespace {
constexpr const char *kUsage =
    "usage: purecc cache <command> [--cache-dir=DIR] [--shared]\n"
    "commands:\n"
    "  stats   entries, size, hit rate and per-function counts (and the shared\n"
    "          tier's, if PURECC_CACHE_REDIS is set)\n"
    "  clear   delete every entry and counter; with --shared, delete instead\n"
    "          purecc's entries under PURECC_CACHE_REDIS_PREFIX on the shared tier\n"
    "  prune   drop corrupt entries, enforce PURECC_CACHE_MAX_SIZE, shrink the file\n"
    "  help    print this text\n";

int usage_error(std::ostream &err, const std::string &message) {
  err << "purecc: error: " << message << " [purecc-cache-usage]\n";
  return 2;
}

/// "1 entry", "3 entries".
std::string entries_text(std::uint64_t n, const char *adjective = "") {
  return std::to_string(n) + " " + adjective + (n == 1 ? "entry" : "entries");
}

std::string duration(std::uint64_t ns) {
  return format_duration(std::chrono::nanoseconds(static_cast<std::int64_t>(ns)));
}

std::string limit_text(std::uint64_t max_bytes) {
  return max_bytes == 0 ? std::string("no limit") : format_byte_size(max_bytes);
}

void print_stats(const DiskStore::Summary &s, std::uint64_t max_bytes, std::ostream &out) {
  out << "entries: " << s.entries << " (" << format_byte_size(s.bytes) << " of "
      << limit_text(max_bytes) << ")\n";
  const CallCounts &t = s.totals;
  char rate[32] = "n/a";
  if (t.calls != 0)
    std::snprintf(rate, sizeof rate, "%.1f%%",
                  100.0 * static_cast<double>(t.mem_hits + t.disk_hits) / static_cast<double>(t.calls));
  out << "calls: " << t.calls << ", hits: " << t.mem_hits + t.disk_hits << " (memory " << t.mem_hits
      << ", disk " << t.disk_hits << "), misses: " << t.misses << ", hit rate: " << rate << "\n";
  out << "time saved: " << duration(t.saved_ns) << "\n";
  if (s.functions.empty())
    return;
  std::size_t width = 8;
  for (const auto &f : s.functions)
    width = std::max(width, f.name.size());
  auto row = [&](const std::string &name, const std::string &entries, const std::string &size,
                 const std::string &calls, const std::string &mem, const std::string &disk,
                 const std::string &misses, const std::string &saved) {
    std::string buf(width + 160, '\0');
    const int n = std::snprintf(buf.data(), buf.size(), "  %-*s %8s %10s %10s %10s %10s %10s %12s\n",
                                static_cast<int>(width), name.c_str(), entries.c_str(), size.c_str(),
                                calls.c_str(), mem.c_str(), disk.c_str(), misses.c_str(), saved.c_str());
    out.write(buf.data(), std::min<std::streamsize>(n, static_cast<std::streamsize>(buf.size() - 1)));
  };
  row("function", "entries", "size", "calls", "mem hits", "disk hits", "misses", "time saved");
  for (const auto &f : s.functions) {
    const CallCounts &c = f.counts;
    row(f.name, std::to_string(f.entries), format_byte_size(f.bytes), std::to_string(c.calls),
        std::to_string(c.mem_hits), std::to_string(c.disk_hits), std::to_string(c.misses),
        duration(c.saved_ns));
  }
}
/// A SharedStore for administration (no secret needed: it reads no values),
/// or nullptr and `error`.
std::unique_ptr<SharedStore> open_shared(const MemoConfig &config, std::string &error) {
  std::optional<RedisAddress> address = parse_redis_url(config.shared_url, error);
  if (!address) {
    error = "PURECC_CACHE_REDIS='" + config.shared_url + "' " + error;
    return nullptr;
  }
  SharedStore::Options o;
  o.address = std::move(*address);
  o.prefix = config.shared_prefix;
  o.connect_timeout = config.shared_connect_timeout;
  o.command_timeout = config.shared_command_timeout;
  o.warn = [](const std::string &) {};
  return std::make_unique<SharedStore>(std::move(o));
}

void print_shared_stats(const MemoConfig &config, std::ostream &out) {
  std::string error;
  std::unique_ptr<SharedStore> shared = open_shared(config, error);
  if (!shared) {
    out << "shared: " << error << "\n";
    return;
  }
  const std::string where = parse_redis_url(config.shared_url, error)->display();
  const SharedStore::Summary s = shared->summary();
  if (!s.reachable) {
    out << "shared: " << where << ", unreachable: " << s.error << "\n";
    return;
  }
  out << "shared: " << where << ", reachable, " << entries_text(s.entries) << " ("
      << format_byte_size(s.bytes) << ") under prefix '" << config.shared_prefix << "'\n";
  const SharedStore::Counters &t = s.totals;
  out << "shared lookups (all runs): hits " << t.hits << ", misses " << t.misses << ", rejected "
      << t.rejected << ", unavailable " << t.unavailable << "; writes " << t.writes
      << " (already there " << t.existing << ", dropped " << t.dropped << ", too large "
      << t.too_large << ")\n";
}
} // namespace

int cache_command(const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
  std::string command;
  std::filesystem::path dir;
  bool shared_only = false, dir_given = false;
  for (const std::string &a : args) {
    if (a == "--shared") {
      shared_only = true;
    } else if (a.rfind("--cache-dir=", 0) == 0) {
      // Two directories: which one the user meant is a guess (adv112 F3).
      if (dir_given)
        return usage_error(err, "'--cache-dir' given twice");
      dir_given = true;
      dir = a.substr(12);
      if (dir.empty())
        return usage_error(err, "'--cache-dir=' needs a directory");
    } else if (a == "--cache-dir") {
      return usage_error(err, "'--cache-dir' needs a directory: '--cache-dir=DIR'");
    } else if (a == "--help" || a == "-h") {
      out << kUsage;
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error(err, "unknown cache option '" + a + "'");
    } else if (!command.empty()) {
      return usage_error(err, "unexpected argument '" + a + "' after '" + command + "'");
    } else if (a == "stats" || a == "clear" || a == "prune" || a == "help") {
      command = a;
    } else {
      return usage_error(err, "unknown cache command '" + a +
                                  "' (expected stats, clear, prune or help)");
    }
  }
  if (command.empty())
    return usage_error(err, "missing cache command (expected stats, clear, prune or help)");
  if (command == "help") {
    out << kUsage;
    return 0;
  }
  if (shared_only && command != "clear")
    return usage_error(err, "'--shared' goes with 'clear' only ('stats' always shows the shared tier)");

  MemoConfig config = MemoConfig::from_environment();
  if (!config.problems.empty()) {
    err << "purecc: error: " << config.problems << " [purecc-cache-config]\n";
    return 1;
  }
  if (!config.shared_url.empty() && !config.shared_problems.empty()) {
    err << "purecc: error: " << config.shared_problems << " [purecc-cache-config]\n";
    return 1;
  }
  if (shared_only) {
    if (config.shared_url.empty()) {
      err << "purecc: error: 'clear --shared' needs PURECC_CACHE_REDIS [purecc-cache-config]\n";
      return 1;
    }
    std::string error;
    std::unique_ptr<SharedStore> shared = open_shared(config, error);
    std::optional<std::uint64_t> removed;
    if (shared) {
      out << "shared: " << parse_redis_url(config.shared_url, error)->display() << "\n";
      removed = shared->clear(error);
    }
    if (!removed) {
      err << "purecc: error: cannot clear the shared memo cache: " << error << " [purecc-cache-open]\n";
      return 1;
    }
    out << "removed " << entries_text(*removed, "shared ") << "\n";
    return 0;
  }
  std::error_code ec;
  if (!dir.empty()) {
    // A relative directory is the command's own, from where it runs (the
    // runtime accepts only absolute ones: a program runs from anywhere).
    config.cache_dir = std::filesystem::absolute(dir, ec);
    if (ec) {
      err << "purecc: error: cannot use '" << dir.string() << "': " << ec.message()
          << " [purecc-cache-open]\n";
      return 1;
    }
  }
  out << "cache directory: " << config.cache_dir.string() << "\n";

  // A directory that is a file, or below one, cannot hold a cache, whether
  // or not the command would create it (adv94 F2: `stats` reported zeros).
  const std::filesystem::file_status status = std::filesystem::status(config.cache_dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    err << "purecc: error: cannot use '" << config.cache_dir.string() << "': " << ec.message()
        << " [purecc-cache-open]\n";
    return 1;
  }
  if (!ec && !std::filesystem::is_directory(status)) {
    err << "purecc: error: cannot use '" << config.cache_dir.string()
        << "': Not a directory [purecc-cache-open]\n";
    return 1;
  }

  // `stats` on a cache that was never created reports it empty rather than
  // creating directories as a side effect of looking.
  if (command == "stats" && !std::filesystem::exists(config.cache_dir / DiskStore::kFileName, ec)) {
    print_stats(DiskStore::Summary{}, config.disk_max_bytes, out);
    if (!config.shared_url.empty())
      print_shared_stats(config, out);
    return 0;
  }
  DiskStore::Options options;
  options.dir = config.cache_dir;
  options.max_bytes = config.disk_max_bytes;
  bool write_failed = false;
  std::string write_error;
  options.warn = [&](const std::string &line) {
    write_failed = true;
    write_error = line;
  };
  std::string error;
  std::unique_ptr<DiskStore> store = DiskStore::open(std::move(options), error);
  if (!store) {
    err << "purecc: error: " << error << " [purecc-cache-open]\n";
    return 1;
  }
  if (store->read_only()) {
    // Readable but not writable (another user's cache, a read-only mount):
    // `stats` only reads; `clear` and `prune` cannot do their work.
    if (command != "stats") {
      err << "purecc: error: cannot " << command << " the memo cache '" << store->file().string()
          << "': it is read-only [purecc-cache-open]\n";
      return 1;
    }
    write_failed = false; // the open's line that it is read-only
  }
  if (command == "stats") {
    print_stats(store->summary(), config.disk_max_bytes, out);
    if (!config.shared_url.empty())
      print_shared_stats(config, out);
  } else if (command == "clear") {
    const std::uint64_t removed = store->clear();
    out << "removed " << entries_text(removed) << "\n";
  } else {
    const DiskStore::PruneReport r = store->prune();
    if (r.recreated)
      out << "the database was corrupt and has been recreated empty\n";
    out << "removed " << entries_text(r.corrupt, "corrupt ") << ", evicted " << entries_text(r.evicted)
        << "; size now " << format_byte_size(r.bytes) << " of " << limit_text(config.disk_max_bytes)
        << "\n";
  }
  store.reset();
  if (write_failed) {
    err << write_error << "\n";
    return 1;
  }
  return 0;
}

} // namespace purecc
