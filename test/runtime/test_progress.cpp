// Tests of the progress bar: the exact line format, that a forced bar is
// drawn to stderr by parallel_for/parallel_reduce with a final line, that
// nested maps stay silent, and that it is silent when off or not a tty.
#include "purecc/progress.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
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
