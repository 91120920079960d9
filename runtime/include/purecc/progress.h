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
// One bar per call site. A map that runs again from the same call site (a
// k-means step called 200 times from a serial loop) does not draw a bar per
// run: its first run draws the line above, and later runs redraw one line
// labelled by the site that counts runs and items,
//   purecc kmeans.cpp:42 run 37 [############..................] 40% 400/1000, 36400 items 1.25M/s
// and erase it when each run ends (the next run redraws it); when the
// program exits, each such site that drew prints one summary line,
//   purecc kmeans.cpp:42 200 runs, 200000 items 1.31M/s done in 1.5s
// Its time is the sum of the runs' times, so "more than one second" counts
// all runs of the site: 200 runs of 10 ms are drawn once they add up to 1 s.
// The drawing itself is progress_board, which tests drive with their own
// clock and output.
//
// Example (what parallel_for does internally):
//   if (auto meter = purecc::progress_meter::start(n, site)) {
//     ...; meter->advance(chunk);  // from any thread
//   }                              // destructor draws the final line
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <functional>
#include <string>
#include <vector>

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

/// The line of a site's repeated runs (see the file comment): the running
/// one, with `items` finished by all runs so far in `seconds` of their time,
///   format_site_line("k.cpp:4", 3, 25, 100, 225, 1.5, progress_phase::running)
///   == "purecc k.cpp:4 run 3 [#######.......................] 25% 25/100, 225 items 150/s"
/// and the final summary of `run` runs,
///   format_site_line("k.cpp:4", 3, 0, 0, 300, 2.0, progress_phase::finished)
///   == "purecc k.cpp:4 3 runs, 300 items 150/s done in 2.0s"
std::string format_site_line(const std::string& label, std::int64_t run, std::int64_t done,
                             std::int64_t total, std::int64_t items, double seconds,
                             progress_phase phase);

/// Where a map was called: `key` is one address per call site (null for a
/// site not known, whose runs are never rolled into one line), `file` and
/// `line` label it. parallel_for and parallel_reduce fill it in from their
/// caller's std::source_location.
///   static const char key = 0;
///   purecc::progress_site site{&key, __FILE__, __LINE__};
struct progress_site {
  const void* key = nullptr;
  const char* file = "";
  unsigned line = 0;
};

/// What the progress line shows and when, apart from threads, the clock and
/// stderr: each call passes the time (seconds since any fixed point) and the
/// lines go to `out` ("\r" + line, blanks over a longer old line, "\n"
/// after a finished one). Not thread-safe: progress_meter serializes it.
///   std::string text;
///   purecc::progress_board board([&](const std::string& s) { text += s; }, 0.0);
///   board.begin(site, 100, 0.0);
///   board.update(50, 0.5);  // draws "\rpurecc [###...] 50% 50/100 ..."
///   board.end(100, 1.0);    // the final line and '\n'
///   board.finish();         // summaries of repeated sites
class progress_board {
 public:
  using sink = std::function<void(const std::string&)>;
  /// `delay`: seconds of a site's work before anything is drawn (0 when
  /// forced on, 1 on a terminal).
  progress_board(sink out, double delay);
  // current_ points into sites_: a copy would point into the original.
  progress_board(const progress_board&) = delete;
  progress_board& operator=(const progress_board&) = delete;

  /// Changes the delay (set_progress_mode between maps).
  void set_delay(double delay) noexcept { delay_ = delay; }
  /// A run of `total` items at `site` begins at `now`.
  void begin(const progress_site& site, std::int64_t total, double now);
  /// `done` items of the run are finished; redraws if due().
  void update(std::int64_t done, double now);
  /// The run ended with `done` items finished: a first run's final line, or
  /// a repeated run's line erased.
  void end(std::int64_t done, double now);
  /// The summary line of every site that ran more than once and drew.
  void finish();
  /// The earliest time at which update() may draw (no sooner than 0.1 s
  /// after the last line, and than `delay` of the site's work).
  double next_due() const noexcept;

 private:
  struct site_stats {
    const void* key;
    std::string label;
    std::int64_t runs = 0;
    std::int64_t items = 0;  // of finished runs
    double seconds = 0;      // of finished runs
    bool shown = false;
  };
  void write_line(const std::string& line, bool finished);
  std::string running_line(std::int64_t done, double now) const;

  sink out_;
  double delay_;
  std::vector<site_stats> sites_;  // in the order of their first runs
  site_stats once_;                // the stats of a run at a site not known
  site_stats* current_ = nullptr;
  std::int64_t total_ = 0;
  double start_ = 0;
  double next_draw_ = 0;
  bool drawn_ = false;  // the current run drew
  std::size_t last_width_ = 0;
};

/// Counts finished work items and redraws the bar on stderr; see the file
/// comment. Thread-safe: advance() may be called from any thread.
///   auto meter = purecc::progress_meter::start(total);  // null when silent
///   if (meter) meter->advance(k);
class progress_meter {
 public:
  /// A meter for `total` items, or null when the bar is off (by the mode,
  /// or because stderr is not a terminal) or when another meter is already
  /// active (a nested map). Cheap when null: two relaxed atomic loads.
  static std::unique_ptr<progress_meter> start(std::int64_t total,
                                               const progress_site& site = {});

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
  explicit progress_meter(std::int64_t total);

  std::int64_t total_;
  std::int64_t grain_;
  std::atomic<std::int64_t> done_{0};
  std::atomic<clock::rep> next_draw_;  // time_since_epoch before which nothing is drawn
};

}  // namespace purecc
