// Progress.cpp — drawing of the progress bar of long parallel maps (see
// purecc/progress.h for when it draws and what the line looks like): the
// board that decides what to draw, and the one board of the process that
// the meters of parallel_for/parallel_reduce feed.
#include "purecc/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace purecc {
namespace {

constexpr int kBarWidth = 30;
constexpr std::int64_t kMaxUpdates = 4096;
constexpr double kRedrawInterval = 0.1;  // seconds
constexpr double kTerminalDelay = 1.0;   // seconds

// At most one meter draws at a time: the outermost map's.
std::atomic<bool> g_meter_active{false};

// "0.10", "25", "12.3k", "1.25M": about three significant digits.
std::string format_count(double value) {
  static constexpr const char* kSuffixes[] = {"", "k", "M", "G", "T"};
  int s = 0;
  while (value >= 1000.0 && s < 4) {
    value /= 1000.0;
    ++s;
  }
  char buf[32];
  if (value >= 100.0 || (s == 0 && value >= 10.0))
    std::snprintf(buf, sizeof buf, "%.0f%s", value, kSuffixes[s]);
  else if (value >= 10.0)
    std::snprintf(buf, sizeof buf, "%.1f%s", value, kSuffixes[s]);
  else
    std::snprintf(buf, sizeof buf, "%.2f%s", value, kSuffixes[s]);
  return buf;
}

// "4.2s" under a minute, else "M:SS" or "H:MM:SS".
std::string format_duration(double seconds) {
  char buf[32];
  if (seconds < 59.95) {
    std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  } else {
    long long s = std::llround(seconds);
    if (s < 3600)
      std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    else
      std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  }
  return buf;
}

// What start() does, decided once (first map, or set_progress_mode).
enum class draw_policy : int { undecided, never, always, after_delay };
std::atomic<draw_policy> g_policy{draw_policy::undecided};

draw_policy policy_for(progress_mode mode) {
  switch (mode) {
    case progress_mode::on:
      return draw_policy::always;
    case progress_mode::off:
      return draw_policy::never;
    case progress_mode::automatic:
      break;
  }
  return isatty(STDERR_FILENO) ? draw_policy::after_delay : draw_policy::never;
}

draw_policy current_policy() {
  draw_policy p = g_policy.load(std::memory_order_relaxed);
  if (p != draw_policy::undecided) return p;
  p = policy_for(progress_mode_from_env(std::getenv("PURECC_PROGRESS")));
  // A concurrent set_progress_mode() wins over the environment.
  draw_policy expected = draw_policy::undecided;
  if (!g_policy.compare_exchange_strong(expected, p, std::memory_order_relaxed)) return expected;
  return p;
}

}  // namespace

namespace {

// "[####....] 25% 50/200": the bar, percentage and counts.
std::string bar_and_counts(std::int64_t done, std::int64_t total) {
  total = std::max<std::int64_t>(total, 1);
  done = std::clamp<std::int64_t>(done, 0, total);
  // Long double keeps done * width exact for any int64 count.
  auto fraction = static_cast<long double>(done) / static_cast<long double>(total);
  int filled = static_cast<int>(fraction * kBarWidth);
  int percent = static_cast<int>(fraction * 100);
  std::string line = "[";
  line.append(static_cast<std::size_t>(filled), '#');
  line.append(static_cast<std::size_t>(kBarWidth - filled), '.');
  // Appends only: GCC 12's -Wrestrict misfires on `"x" + std::string&&`.
  line.append("] ").append(std::to_string(percent)).append("% ");
  line.append(std::to_string(done)).append("/").append(std::to_string(total));
  return line;
}

// "1.25M/s", or "-/s" before any time has passed.
std::string rate(std::int64_t items, double seconds) {
  double r = seconds > 0 ? static_cast<double>(items) / seconds : 0.0;
  std::string text = seconds > 0 ? format_count(r) : std::string("-");
  return text.append("/s");
}

}  // namespace

std::string format_progress_line(std::int64_t done, std::int64_t total, double elapsed_seconds,
                                 progress_phase phase) {
  total = std::max<std::int64_t>(total, 1);
  done = std::clamp<std::int64_t>(done, 0, total);
  std::string line = "purecc ";
  line.append(bar_and_counts(done, total)).append(" ").append(rate(done, elapsed_seconds));
  double r = elapsed_seconds > 0 ? static_cast<double>(done) / elapsed_seconds : 0.0;
  if (phase == progress_phase::finished)
    line.append(" done in ").append(format_duration(elapsed_seconds));
  else if (r > 0)
    line.append(" ETA ").append(format_duration(static_cast<double>(total - done) / r));
  else
    line.append(" ETA -");
  return line;
}

std::string format_site_line(const std::string& label, std::int64_t run, std::int64_t done,
                             std::int64_t total, std::int64_t items, double seconds,
                             progress_phase phase) {
  std::string line = "purecc ";
  line.append(label).append(" ");
  if (phase == progress_phase::finished) {
    line.append(std::to_string(run)).append(" runs, ").append(std::to_string(items));
    line.append(" items ").append(rate(items, seconds));
    return line.append(" done in ").append(format_duration(seconds));
  }
  line.append("run ").append(std::to_string(run)).append(" ");
  line.append(bar_and_counts(done, total)).append(", ").append(std::to_string(items));
  return line.append(" items ").append(rate(items, seconds));
}

// --- progress_board ----------------------------------------------------------

progress_board::progress_board(sink out, double delay) : out_(std::move(out)), delay_(delay) {}

void progress_board::begin(const progress_site& site, std::int64_t total, double now) {
  current_ = nullptr;
  if (site.key)
    for (site_stats& s : sites_)
      if (s.key == site.key) current_ = &s;
  if (!current_ && site.key) {
    std::string file = site.file ? site.file : "";
    std::size_t slash = file.find_last_of('/');
    std::string label = file.substr(slash == std::string::npos ? 0 : slash + 1);
    label.append(":").append(std::to_string(site.line));
    sites_.push_back({site.key, std::move(label)});
    current_ = &sites_.back();
  }
  if (!current_) {
    once_ = {nullptr, ""};  // a site not known: every run is a first run
    current_ = &once_;
  }
  ++current_->runs;
  total_ = total;
  start_ = now;
  drawn_ = false;
}

double progress_board::next_due() const noexcept {
  double waited = current_ ? current_->seconds : 0.0;  // the site's earlier runs
  return std::max(next_draw_, start_ + std::max(0.0, delay_ - waited));
}

std::string progress_board::running_line(std::int64_t done, double now) const {
  double elapsed = now - start_;
  if (current_->runs == 1)
    return format_progress_line(done, total_, elapsed, progress_phase::running);
  return format_site_line(current_->label, current_->runs, done, total_, current_->items + done,
                          current_->seconds + elapsed, progress_phase::running);
}

void progress_board::update(std::int64_t done, double now) {
  if (!current_ || now < next_due()) return;
  next_draw_ = now + kRedrawInterval;
  write_line(running_line(done, now), false);
}

void progress_board::end(std::int64_t done, double now) {
  if (!current_) return;
  double elapsed = now - start_;
  if (current_->runs == 1) {
    // A first run ends its line (or draws its only one when forced on).
    if (drawn_ || delay_ <= 0)
      write_line(format_progress_line(done, total_, elapsed, progress_phase::finished), true);
  } else if (drawn_) {
    // Blank the line: the program's next output starts on a clean line,
    // and the site's next run redraws it.
    std::string blank = "\r";
    blank.append(last_width_, ' ').append("\r");
    out_(blank);
    last_width_ = 0;
  }
  current_->shown = current_->shown || drawn_ || delay_ <= 0;
  current_->items += done;
  current_->seconds += elapsed;
  current_ = nullptr;
}

void progress_board::finish() {
  for (const site_stats& s : sites_)
    if (s.runs > 1 && s.shown)
      out_(format_site_line(s.label, s.runs, 0, 0, s.items, s.seconds, progress_phase::finished)
               .append("\n"));
  sites_.clear();
}

void progress_board::write_line(const std::string& text, bool finished) {
  std::string line = "\r";
  line.append(text);
  // Blank out what remains of a longer previous line.
  if (last_width_ > text.size()) line.append(last_width_ - text.size(), ' ');
  last_width_ = finished ? 0 : text.size();
  if (finished) line.push_back('\n');
  out_(line);
  drawn_ = true;
}

void set_progress_mode(progress_mode mode) {
  g_policy.store(policy_for(mode), std::memory_order_relaxed);
}

progress_mode progress_mode_from_env(const char* value) noexcept {
  if (value && std::strcmp(value, "1") == 0) return progress_mode::on;
  if (value && std::strcmp(value, "0") == 0) return progress_mode::off;
  return progress_mode::automatic;
}

namespace {

// The board of the process: drawn on stderr, its summaries printed at exit.
// Never destroyed, so that a map run by a static destructor still finds it.
struct process_board {
  std::mutex mutex;
  std::unique_ptr<progress_board> board;  // made by the first meter
};

process_board& the_board() {
  static process_board* b = [] {
    auto* made = new process_board;
    std::atexit([] {
      process_board& pb = the_board();
      std::lock_guard lock(pb.mutex);
      if (!pb.board) return;
      try {
        pb.board->finish();
      } catch (...) {
        // Out of memory at exit: a missing summary is harmless.
      }
    });
    return made;
  }();
  return *b;
}

double seconds_of(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}

std::chrono::steady_clock::rep ticks_of(double seconds) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
             std::chrono::duration<double>(seconds))
      .count();
}

void write_stderr(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

std::unique_ptr<progress_meter> progress_meter::start(std::int64_t total,
                                                      const progress_site& site) {
  if (total <= 0) return nullptr;
  draw_policy policy = current_policy();
  if (policy == draw_policy::never) return nullptr;
  // Nested maps see the flag set: a plain load keeps them cheap.
  if (g_meter_active.load(std::memory_order_relaxed)) return nullptr;
  if (g_meter_active.exchange(true, std::memory_order_acquire)) return nullptr;
  try {
    auto meter = std::unique_ptr<progress_meter>(new progress_meter(total));
    process_board& pb = the_board();
    std::lock_guard lock(pb.mutex);
    // The policy may change (set_progress_mode); the delay is the current one's.
    double delay = policy == draw_policy::always ? 0.0 : kTerminalDelay;
    if (!pb.board) pb.board = std::make_unique<progress_board>(write_stderr, delay);
    pb.board->set_delay(delay);
    pb.board->begin(site, total, seconds_of(clock::now()));
    meter->next_draw_.store(ticks_of(pb.board->next_due()), std::memory_order_relaxed);
    return meter;
  } catch (...) {
    g_meter_active.store(false, std::memory_order_release);
    return nullptr;  // out of memory: no bar, the work goes on
  }
}

progress_meter::progress_meter(std::int64_t total)
    : total_(total), grain_(std::max<std::int64_t>(1, total / kMaxUpdates)), next_draw_(0) {}

progress_meter::~progress_meter() {
  {
    process_board& pb = the_board();
    std::lock_guard lock(pb.mutex);
    try {
      pb.board->end(done_.load(std::memory_order_relaxed), seconds_of(clock::now()));
    } catch (...) {
      // Out of memory while formatting: a missing last line is harmless.
    }
  }
  g_meter_active.store(false, std::memory_order_release);
}

void progress_meter::advance(std::int64_t items) noexcept {
  std::int64_t done = done_.fetch_add(items, std::memory_order_relaxed) + items;
  auto now = clock::now();
  if (now.time_since_epoch().count() < next_draw_.load(std::memory_order_relaxed)) return;
  // Whoever gets the lock redraws; the others just go on working.
  process_board& pb = the_board();
  if (!pb.mutex.try_lock()) return;
  std::lock_guard lock(pb.mutex, std::adopt_lock);
  try {
    pb.board->update(done, seconds_of(now));
  } catch (...) {
    // Out of memory while formatting: skip this frame, the work goes on.
  }
  next_draw_.store(ticks_of(pb.board->next_due()), std::memory_order_relaxed);
}

}  // namespace purecc
