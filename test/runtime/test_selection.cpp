// Tests of purecc::selection_records: the records a tree reduction keeps are
// exactly the serial loop's (every term that beats the best of all earlier
// ones), for each comparison, with ties, NaN and signed zeros, at every leaf
// size; a failing iteration drops what comes after it and keeps what comes
// before; selection_stop tells later iterations to skip.
#include "purecc/selection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "purecc/reduce.h"

namespace {

// Ties, NaN, +-0 and +-inf, in no order.
double key(std::int64_t i) {
  if (i % 11 == 5) return std::nan("");
  if (i % 13 == 1) return HUGE_VAL;
  if (i % 17 == 2) return -HUGE_VAL;
  if (i % 7 == 3) return (i / 7) % 2 ? 0.0 : -0.0;
  return static_cast<double>((i * 7919) % 50) - 25.0;
}

struct Run {
  std::vector<std::int64_t> at;
  std::vector<std::int64_t> tag; // the carried value, and the kept sign
  bool operator==(const Run&) const = default;
};

// The serial loop: `if (key(i) REL best) { best = key(i); ... }`.
template <class Better>
Run serial(std::int64_t n, double best) {
  Run r;
  for (std::int64_t i = 0; i < n; ++i)
    if (Better{}(key(i), best)) {
      best = key(i);
      r.at.push_back(i);
      r.tag.push_back(3 * i + (std::signbit(best) ? 1 : 0));
    }
  return r;
}

// The two passes.
template <class Better>
Run passes(std::int64_t n, double best, std::int64_t leaf) {
  using sel = purecc::selection_records<Better, double, std::int64_t>;
  sel all = purecc::parallel_reduce(
      0, n, sel{},
      [](std::int64_t i) {
        sel one;
        one.add(i, key(i), 3 * i);
        return one;
      },
      typename sel::merge{}, purecc::leaf_size{leaf});
  // What the tree keeps is the loop's records from no initial value: the
  // final pass filters only by the user's initial `best`.
  std::vector<std::int64_t> kept, loop;
  for (auto& rec : all.records()) kept.push_back(rec.at);
  bool any = false;
  double so_far = 0;
  for (std::int64_t i = 0; i < n; ++i)
    if (!std::isnan(key(i)) && (!any || Better{}(key(i), so_far))) {
      any = true;
      so_far = key(i);
      loop.push_back(i);
    }
  EXPECT_EQ(kept, loop);
  Run r;
  for (auto& rec : all.records())
    if (Better{}(rec.key, best)) {
      best = rec.key;
      r.at.push_back(rec.at);
      r.tag.push_back(std::get<0>(rec.carried) + (std::signbit(best) ? 1 : 0));
    }
  all.rethrow();
  return r;
}

template <class Better>
void expectSerial() {
  for (double start : {HUGE_VAL, -HUGE_VAL, 0.0, -0.0, 3.0, std::nan("")})
    for (std::int64_t n : {0, 1, 2, 7, 100, 1000})
      for (std::int64_t leaf : {1, 2, 3, 64})
        EXPECT_EQ(passes<Better>(n, start, leaf), serial<Better>(n, start))
            << "n=" << n << " leaf=" << leaf << " start=" << start;
}

TEST(Selection, LessKeepsTheFirstOfEqualTerms) { expectSerial<std::less<>>(); }
TEST(Selection, LessEqualKeepsTheLast) { expectSerial<std::less_equal<>>(); }
TEST(Selection, Greater) { expectSerial<std::greater<>>(); }
TEST(Selection, GreaterEqual) { expectSerial<std::greater_equal<>>(); }

TEST(Selection, NanTermsAreNoRecords) {
  purecc::selection_records<std::less<>, double> one;
  one.add(0, std::nan(""));
  EXPECT_TRUE(one.records().empty());
}

// Every term decreasing: every iteration is a record, as in the loop.
TEST(Selection, MonotoneInputKeepsEveryTerm) {
  using sel = purecc::selection_records<std::less<>, long>;
  sel all = purecc::parallel_reduce(
      0, 5000, sel{},
      [](std::int64_t i) {
        sel one;
        one.add(i, -i);
        return one;
      },
      sel::merge{}, purecc::leaf_size{100});
  EXPECT_EQ(all.records().size(), 5000u);
}

// An iteration that throws: its records and those before it stay, nothing
// after it, and rethrow() throws its exception.
TEST(Selection, AFailureDropsWhatComesAfterIt) {
  using sel = purecc::selection_records<std::less<>, long>;
  purecc::selection_stop stop;
  sel all = purecc::parallel_reduce(
      0, 1000, sel{},
      [&](std::int64_t i) {
        sel one;
        if (stop.passed(i)) return one;
        try {
          one.add(i, -i);
          if (i == 300 || i == 700) throw std::runtime_error("at " + std::to_string(i));
        } catch (...) {
          stop.note(i);
          one.fail(std::current_exception());
        }
        return one;
      },
      sel::merge{}, purecc::leaf_size{16});
  ASSERT_EQ(all.records().size(), 301u);
  EXPECT_EQ(all.records().back().at, 300);
  try {
    all.rethrow();
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "at 300");
  }
  EXPECT_TRUE(stop.passed(301));
  EXPECT_FALSE(stop.passed(300));
}

}  // namespace
