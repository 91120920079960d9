// purecc/progress.h — the progress bar of long parallel maps and reductions.
//
// parallel_for and parallel_reduce report the indices they finish to a
// progress_meter, which draws one line on stderr:
//   purecc [############..................] 40% 400000/1000000 1.25M/s ETA 0.5s
// (rate in items per second; durations as 4.2s, M:SS or H:MM:SS) and, when
// the work is done, a last line ending in "done in <duration>" and '\n'.
// When it draws: PURECC_PROGRESS, read once when the first map starts
// (set_progress_mode() overrides it):
//   PURECC_PROGRESS=1  always, from the first update (also into files/pipes);
//   PURECC_PROGRESS=0  never;
//   unset / other      when stderr is a terminal, once the work has run for
//                      more than one second (short maps stay silent).
// Only the outermost map draws: maps nested inside it are silent. Updates
// are amortized: the range is reported in at most ~4096 chunks, and the line
// is redrawn at most 10 times a second, by whichever thread gets there.
//
// Example (what parallel_for does internally):
//   if (auto meter = purecc::progress_meter::start(n)) {
//     ...; meter->advance(chunk);  // from any thread
//   }                              // destructor draws the final line
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace purecc {

/// When progress bars are drawn; see the file comment.
///   purecc::set_progress_mode(quiet ? purecc::progress_mode::off
///                                   : purecc::progress_mode::automatic);
enum class progress_mode {
  automatic,  ///< on a terminal, for maps running longer than one second
  on,         ///< always (PURECC_PROGRESS=1)
  off         ///< never (PURECC_PROGRESS=0)
};

/// Overrides PURECC_PROGRESS for the rest of the program (e.g. a --quiet
/// flag). `automatic` re-checks whether stderr is a terminal now.
///   purecc::set_progress_mode(purecc::progress_mode::off);
void set_progress_mode(progress_mode mode);

/// The mode PURECC_PROGRESS asks for: "1" on, "0" off, anything else
/// (or unset: nullptr) automatic.
///   assert(purecc::progress_mode_from_env("1") == purecc::progress_mode::on);
progress_mode progress_mode_from_env(const char* value) noexcept;

/// Which line format_progress_line draws: with an ETA, or the final one.
///   format_progress_line(9, 9, 1.0, purecc::progress_phase::finished)
enum class progress_phase { running, finished };

/// Formats one progress line (without '\r' or '\n'). Pure: exposed for tests
/// and for tools that want the same look.
///   format_progress_line(50, 200, 2.0, progress_phase::running)
///   == "purecc [#######.......................] 25% 50/200 25/s ETA 6.0s"
std::string format_progress_line(std::int64_t done, std::int64_t total, double elapsed_seconds,
                                 progress_phase phase);

/// Counts finished work items and redraws the bar on stderr; see the file
/// comment. Thread-safe: advance() may be called from any thread.
///   auto meter = purecc::progress_meter::start(total);  // null when silent
///   if (meter) meter->advance(k);
class progress_meter {
 public:
  /// A meter for `total` items, or null when the bar is off (by the mode,
  /// or because stderr is not a terminal) or when another meter is already
  /// active (a nested map). Cheap when null: two relaxed atomic loads.
  static std::unique_ptr<progress_meter> start(std::int64_t total);

  ~progress_meter();
  progress_meter(const progress_meter&) = delete;
  progress_meter& operator=(const progress_meter&) = delete;

  /// Records `items` more finished items; may redraw the line.
  void advance(std::int64_t items) noexcept;

  /// The preferred number of items per advance() call: the caller reports
  /// whole sub-ranges of about this size, which bounds the number of calls.
  std::int64_t grain() const noexcept { return grain_; }

 private:
  using clock = std::chrono::steady_clock;
  progress_meter(std::int64_t total, clock::duration delay);
  void draw(progress_phase phase, clock::time_point now);

  std::int64_t total_;
  std::int64_t grain_;
  clock::time_point start_;
  clock::duration delay_;  // nothing is drawn before start_ + delay_
  std::atomic<std::int64_t> done_{0};
  std::atomic<clock::rep> next_draw_;  // time_since_epoch of the next redraw
  std::mutex draw_mutex_;
  std::size_t last_width_ = 0;  // to blank out the rest of a longer old line
  bool drawn_ = false;
};

}  // namespace purecc
