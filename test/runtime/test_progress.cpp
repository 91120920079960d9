// Tests of the progress bar: the exact line format, the board's exact
// output for one-shot and repeated sites on a clock of the test's own, that
// a forced bar is drawn to stderr by parallel_for/parallel_reduce with a
// final line, that nested maps stay silent, that a map called repeatedly
// from one site draws one line, and that it is silent when off or not a tty.
#include "purecc/progress.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <regex>
#include <sstream>
#include <string>

#include "purecc/parallel_for.h"
#include "purecc/reduce.h"
#include "purecc/scheduler.h"

namespace {

using purecc::format_progress_line;
using purecc::progress_phase;

// Runs `work` with file descriptor 2 redirected to a temporary file and
// returns what was written there.
std::string capture_stderr(const std::function<void()>& work) {
  std::fflush(stderr);
  std::FILE* tmp = std::tmpfile();
  if (!tmp) throw std::runtime_error("tmpfile failed");
  int saved = dup(STDERR_FILENO);
  dup2(fileno(tmp), STDERR_FILENO);
  work();
  std::fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  std::rewind(tmp);
  std::string out;
  char buf[4096];
  for (std::size_t k; (k = std::fread(buf, 1, sizeof buf, tmp)) > 0;) out.append(buf, k);
  std::fclose(tmp);
  return out;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST(ProgressLine, RunningLineShowsBarCountsRateAndEta) {
  EXPECT_EQ(format_progress_line(50, 200, 2.0, progress_phase::running),
            "purecc [#######.......................] 25% 50/200 25/s ETA 6.0s");
  EXPECT_EQ(format_progress_line(400000, 1000000, 0.32, progress_phase::running),
            "purecc [############..................] 40% 400000/1000000 1.25M/s ETA 0.5s");
  EXPECT_EQ(format_progress_line(1, 1000, 10.0, progress_phase::running),
            "purecc [..............................] 0% 1/1000 0.10/s ETA 2:46:30");
  EXPECT_EQ(format_progress_line(0, 10, 0.0, progress_phase::running),
            "purecc [..............................] 0% 0/10 -/s ETA -");
}

TEST(ProgressLine, FinishedLineShowsTotalTime) {
  EXPECT_EQ(format_progress_line(3000, 3000, 75.0, progress_phase::finished),
            "purecc [##############################] 100% 3000/3000 40/s done in 1:15");
  EXPECT_EQ(format_progress_line(12345678, 12345678, 1.0, progress_phase::finished),
            "purecc [##############################] 100% 12345678/12345678 12.3M/s done in 1.0s");
}

TEST(ProgressLine, SiteLineCountsRunsAndItems) {
  EXPECT_EQ(purecc::format_site_line("k.cpp:4", 3, 25, 100, 225, 1.5, progress_phase::running),
            "purecc k.cpp:4 run 3 [#######.......................] 25% 25/100, 225 items 150/s");
  EXPECT_EQ(purecc::format_site_line("k.cpp:4", 3, 0, 0, 300, 2.0, progress_phase::finished),
            "purecc k.cpp:4 3 runs, 300 items 150/s done in 2.0s");
}

const char kSiteA = 0, kSiteB = 0;
const purecc::progress_site kA{&kSiteA, "/src/kmeans.cpp", 42};
const purecc::progress_site kB{&kSiteB, "kmeans.cpp", 57};

// Whether a run reports its first half done, half-way through.
enum class Halfway { Update, Skip };

// The board on a clock of the test's own (the board takes every time from
// its caller), its output collected whole: exact output.
class ProgressBoard : public ::testing::Test {
 protected:
  // A board that draws a site once its runs add up to `delay` seconds (0:
  // at once).
  purecc::progress_board& make_board(double delay = 0.0) {
    return board_.emplace([this](const std::string& s) { text += s; }, delay);
  }

  // One run of `items` items at `site`, from the clock's time to `seconds`
  // later, where the clock then stands.
  void run(const purecc::progress_site& site, std::int64_t items, double seconds,
           Halfway half) {
    board_->begin(site, items, now);
    if (half == Halfway::Update) board_->update(items / 2, now + seconds / 2);
    board_->end(items, now + seconds);
    now += seconds;
  }

  std::string text;  // what the board wrote
  double now = 0;    // the test's clock

 private:
  std::optional<purecc::progress_board> board_;
};

TEST_F(ProgressBoard, OneRunDrawsItsBarAndAFinalLine) {
  purecc::progress_board& board = make_board();
  board.begin(kA, 100, 10.0);
  board.update(10, 10.0);   // forced: from the first update
  board.update(20, 10.05);  // within 0.1 s of the last line: not drawn
  board.update(50, 10.5);
  board.end(100, 11.0);
  board.finish();  // one run: no summary
  EXPECT_EQ(text,
            "\rpurecc [###...........................] 10% 10/100 -/s ETA -"
            "\rpurecc [###############...............] 50% 50/100 100/s ETA 0.5s"
            "\rpurecc [##############################] 100% 100/100 100/s done in 1.0s\n");
}

TEST_F(ProgressBoard, RepeatedRunsOfASiteRollIntoOneLineAndASummary) {
  purecc::progress_board& board = make_board();
  // 200 runs of 10 items, 1/64 s each (times exact in binary), half done
  // at 1/128 s into each: the first run's bar, then one line redrawn no
  // sooner than 0.1 s after the last (runs 8, 15, 22, ...: 28 times),
  // erased at each run's end, and one summary when the program exits.
  for (int k = 0; k < 200; ++k) run(kA, 10, 1.0 / 64, Halfway::Update);
  board.finish();
  EXPECT_EQ(count(text, "\n"), 2) << text;
  EXPECT_EQ(count(text, "done in"), 2) << text;
  EXPECT_EQ(count(text, "\rpurecc kmeans.cpp:42 run "), 28) << text;
  std::string run8 =
      "\rpurecc kmeans.cpp:42 run 8 [###############...............] 50% 5/10, 75 items 640/s\r";
  EXPECT_NE(text.find(run8), std::string::npos) << text;
  std::string tail = "\rpurecc kmeans.cpp:42 200 runs, 2000 items 640/s done in 3.1s\n";
  ASSERT_GE(text.size(), tail.size());
  EXPECT_EQ(text.substr(text.size() - tail.size()), tail);
}

TEST_F(ProgressBoard, ARepeatedRunErasesItsLineWhenItEnds) {
  purecc::progress_board& board = make_board();
  run(kB, 4, 0.5, Halfway::Skip);
  text.clear();
  now = 1.0;
  run(kB, 4, 1.0, Halfway::Update);
  board.finish();
  std::string line = "purecc kmeans.cpp:57 run 2 [###############...............] 50% 2/4, 6 items 6.00/s";
  EXPECT_EQ(text, "\r" + line + "\r" + std::string(line.size(), ' ') + "\r" +
                      "purecc kmeans.cpp:57 2 runs, 8 items 5.33/s done in 1.5s\n");
}

TEST_F(ProgressBoard, OnATerminalASiteDrawsOnceItsRunsAddUpToOneSecond) {
  purecc::progress_board& board = make_board(1.0);
  // Two sites alternate, 0.3 s a run: nothing before a site has worked 1 s.
  for (int k = 0; k < 4; ++k) {
    run(kA, 10, 0.3, Halfway::Update);
    run(kB, 10, 0.01, Halfway::Skip);
  }
  // kA's fourth run starts after 0.9 s of kA's work: drawn at 0.15 into it.
  EXPECT_EQ(count(text, "\rpurecc kmeans.cpp:42 run 4 "), 1) << text;
  EXPECT_EQ(count(text, "kmeans.cpp:57"), 0) << text;
  board.finish();  // kB never drew: no summary of it
  EXPECT_EQ(count(text, "\n"), 1) << text;
  EXPECT_NE(text.find("purecc kmeans.cpp:42 4 runs, 40 items 33/s done in 1.2s\n"),
            std::string::npos)
      << text;
}

TEST_F(ProgressBoard, RunsOfASiteNotKnownAreNeverRolledUp) {
  purecc::progress_board& board = make_board();
  for (int k = 0; k < 3; ++k) {
    run(purecc::progress_site{}, 10, 0.5, Halfway::Skip);
    now += 0.5;  // a pause between the runs
  }
  board.finish();
  EXPECT_EQ(count(text, "100% 10/10 20/s done in 0.5s\n"), 3) << text;
}

TEST(ProgressMode, ParsedFromTheEnvironmentValue) {
  EXPECT_EQ(purecc::progress_mode_from_env("1"), purecc::progress_mode::on);
  EXPECT_EQ(purecc::progress_mode_from_env("0"), purecc::progress_mode::off);
  EXPECT_EQ(purecc::progress_mode_from_env(nullptr), purecc::progress_mode::automatic);
  EXPECT_EQ(purecc::progress_mode_from_env("yes"), purecc::progress_mode::automatic);
}

// Each test sets the mode it needs; the environment is only the default.
class ProgressEnv : public ::testing::Test {
 protected:
  void TearDown() override { purecc::set_progress_mode(purecc::progress_mode::automatic); }
};

// The environment is read once, by the first map of the process: check it
// in a fresh process (a "threadsafe" death test re-executes this binary).
TEST(ProgressEnvDeathTest, EnvironmentVariableTurnsTheBarOnOrOff) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto run_with = [](const char* value) {
    setenv("PURECC_PROGRESS", value, 1);
    purecc::parallel_for(0, 1000, [](std::int64_t) {});
    std::fputs("end", stderr);
    std::exit(0);
  };
  EXPECT_EXIT(run_with("1"), ::testing::ExitedWithCode(0), "100% 1000/1000 .* done in .*\nend$");
  EXPECT_EXIT(run_with("0"), ::testing::ExitedWithCode(0), "^end$");
}

TEST_F(ProgressEnv, ForcedOnDrawsParallelForUpToAFinalLine) {
  purecc::set_progress_mode(purecc::progress_mode::on);
  purecc::set_num_threads(2);
  std::string err = capture_stderr(
      [] { purecc::parallel_for(0, 100000, [](std::int64_t) {}, purecc::leaf_size{100}); });
  std::regex final_line(
      R"(\rpurecc \[#{30}\] 100% 100000/100000 [0-9.]+[kMGT]?/s done in [0-9.:]+s? *\n$)");
  EXPECT_TRUE(std::regex_search(err, final_line)) << err;
  EXPECT_EQ(count(err, "\n"), 1) << err;
  EXPECT_EQ(err.front(), '\r');
}

TEST_F(ProgressEnv, ForcedOnDrawsOnlyTheOutermostOfNestedMaps) {
  purecc::set_progress_mode(purecc::progress_mode::on);
  purecc::set_num_threads(2);
  std::string err = capture_stderr([] {
    auto inner = [](std::int64_t i) {
      return purecc::parallel_reduce(0, 1000, 0LL, [i](std::int64_t j) { return i ^ j; },
                                     std::plus<>());
    };
    (void)purecc::parallel_reduce(0, 500, 0LL, inner, std::plus<>());
  });
  EXPECT_EQ(count(err, "done in"), 1) << err;
  EXPECT_EQ(count(err, "/500 "), count(err, "\r")) << "every drawn line is the outer map's";
}

// A k-means loop: one map site called 200 times from serial code draws its
// first run's bar and then rolls into one line, not 200 bars; its summary
// comes when the process exits (a death test runs it to the end).
TEST(ProgressEnvDeathTest, RepeatedMapsDrawOneLinePerSite) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto kmeans = [] {
    purecc::set_progress_mode(purecc::progress_mode::on);
    purecc::set_num_threads(2);
    for (int step = 0; step < 200; ++step)
      purecc::parallel_for(0, 1000, [](std::int64_t) {}, purecc::leaf_size{100});
    std::fputs("end\n", stderr);
    std::exit(0);
  };
  EXPECT_EXIT(kmeans(), ::testing::ExitedWithCode(0),
              "^\r[^\n]*100% 1000/1000 [^\n]* done in [^\n]*\n[^\n]*end\n"
              "purecc test_progress.cpp:[0-9]+ 200 runs, 200000 items [^\n]* done in [^\n]*\n$");
}

TEST_F(ProgressEnv, OffWhenDisabled) {
  purecc::set_progress_mode(purecc::progress_mode::off);
  std::string err = capture_stderr([] {
    purecc::parallel_for(0, 100000, [](std::int64_t) {});
    (void)purecc::parallel_reduce(0, 100000, 0, [](std::int64_t) { return 1; }, std::plus<>());
  });
  EXPECT_EQ(err, "");
}

TEST_F(ProgressEnv, SilentByDefaultWhenStderrIsNotATerminal) {
  std::string err = capture_stderr([] {
    ASSERT_FALSE(isatty(STDERR_FILENO));
    purecc::set_progress_mode(purecc::progress_mode::automatic);  // re-checks the tty
    purecc::parallel_for(0, 100000, [](std::int64_t) {});
  });
  EXPECT_EQ(err, "");
}

TEST_F(ProgressEnv, MeterIsNullWhenOffAndExclusiveWhenOn) {
  purecc::set_progress_mode(purecc::progress_mode::off);
  EXPECT_EQ(purecc::progress_meter::start(10), nullptr);
  purecc::set_progress_mode(purecc::progress_mode::on);
  std::string err = capture_stderr([] {
    auto outer = purecc::progress_meter::start(10);
    ASSERT_NE(outer, nullptr);
    EXPECT_EQ(purecc::progress_meter::start(10), nullptr);
    EXPECT_EQ(outer->grain(), 1);
    outer->advance(10);
  });
  EXPECT_NE(err.find("10/10"), std::string::npos) << err;
  EXPECT_EQ(purecc::progress_meter::start(0), nullptr);
}

}  // namespace
