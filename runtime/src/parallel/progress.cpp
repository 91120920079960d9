// Progress.cpp — drawing of the progress bar of long parallel maps (see
// purecc/progress.h for when it draws and what the line looks like).
#include "purecc/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace purecc {
namespace {

constexpr int kBarWidth = 30;
constexpr std::int64_t kMaxUpdates = 4096;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr auto kTerminalDelay = std::chrono::seconds(1);

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

std::string format_progress_line(std::int64_t done, std::int64_t total, double elapsed_seconds,
                                 progress_phase phase) {
  total = std::max<std::int64_t>(total, 1);
  done = std::clamp<std::int64_t>(done, 0, total);
  // Long double keeps done * width exact for any int64 count.
  auto fraction = static_cast<long double>(done) / static_cast<long double>(total);
  int filled = static_cast<int>(fraction * kBarWidth);
  int percent = static_cast<int>(fraction * 100);
  std::string line = "purecc [";
  line.append(static_cast<std::size_t>(filled), '#');
  line.append(static_cast<std::size_t>(kBarWidth - filled), '.');
  // Appends only: GCC 12's -Wrestrict misfires on `"x" + std::string&&`.
  line.append("] ").append(std::to_string(percent)).append("% ");
  line.append(std::to_string(done)).append("/").append(std::to_string(total)).append(" ");
  double rate = elapsed_seconds > 0 ? static_cast<double>(done) / elapsed_seconds : 0.0;
  line.append(elapsed_seconds > 0 ? format_count(rate) : std::string("-")).append("/s");
  if (phase == progress_phase::finished)
    line.append(" done in ").append(format_duration(elapsed_seconds));
  else if (rate > 0)
    line.append(" ETA ").append(format_duration(static_cast<double>(total - done) / rate));
  else
    line.append(" ETA -");
  return line;
}

void set_progress_mode(progress_mode mode) {
  g_policy.store(policy_for(mode), std::memory_order_relaxed);
}

progress_mode progress_mode_from_env(const char* value) noexcept {
  if (value && std::strcmp(value, "1") == 0) return progress_mode::on;
  if (value && std::strcmp(value, "0") == 0) return progress_mode::off;
  return progress_mode::automatic;
}

std::unique_ptr<progress_meter> progress_meter::start(std::int64_t total) {
  if (total <= 0) return nullptr;
  draw_policy policy = current_policy();
  if (policy == draw_policy::never) return nullptr;
  // Nested maps see the flag set: a plain load keeps them cheap.
  if (g_meter_active.load(std::memory_order_relaxed)) return nullptr;
  if (g_meter_active.exchange(true, std::memory_order_acquire)) return nullptr;
  auto delay = policy == draw_policy::always
                   ? clock::duration::zero()
                   : std::chrono::duration_cast<clock::duration>(kTerminalDelay);
  return std::unique_ptr<progress_meter>(new progress_meter(total, delay));
}

progress_meter::progress_meter(std::int64_t total, clock::duration delay)
    : total_(total),
      grain_(std::max<std::int64_t>(1, total / kMaxUpdates)),
      start_(clock::now()),
      delay_(delay),
      next_draw_((start_ + delay).time_since_epoch().count()) {}

progress_meter::~progress_meter() {
  {
    std::lock_guard lock(draw_mutex_);
    // Finish the line only if one was started (or the bar is forced on).
    if (drawn_ || delay_ == clock::duration::zero()) {
      try {
        draw(progress_phase::finished, clock::now());
        std::fputc('\n', stderr);
        std::fflush(stderr);
      } catch (...) {
        // Out of memory while formatting: a missing last line is harmless.
      }
    }
  }
  g_meter_active.store(false, std::memory_order_release);
}

void progress_meter::advance(std::int64_t items) noexcept {
  done_.fetch_add(items, std::memory_order_relaxed);
  auto now = clock::now();
  if (now.time_since_epoch().count() < next_draw_.load(std::memory_order_relaxed)) return;
  // Whoever gets the lock redraws; the others just go on working.
  if (!draw_mutex_.try_lock()) return;
  std::lock_guard lock(draw_mutex_, std::adopt_lock);
  next_draw_.store((now + kRedrawInterval).time_since_epoch().count(),
                   std::memory_order_relaxed);
  try {
    draw(progress_phase::running, now);
  } catch (...) {
    // Out of memory while formatting: skip this frame, the work goes on.
  }
}

void progress_meter::draw(progress_phase phase, clock::time_point now) {
  double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string line =
      format_progress_line(done_.load(std::memory_order_relaxed), total_, elapsed, phase);
  std::size_t width = line.size();
  // Blank out what remains of a longer previous line.
  if (last_width_ > width) line.append(last_width_ - width, ' ');
  last_width_ = width;
  line.insert(line.begin(), '\r');
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace purecc
