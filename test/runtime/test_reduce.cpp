// Tests of purecc::parallel_reduce: values, empty and one-element ranges,
// the documented tree shape, bitwise determinism across thread counts,
// order of a non-commutative combine, move-only accumulators, exceptions,
// nesting and large ranges.
#include "purecc/reduce.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "purecc/scheduler.h"
#include "purecc/parallel_for.h"
#include "wait_for.h"

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::uint64_t bits(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

double inverse(std::int64_t i) { return 1.0 / static_cast<double>(i + 1); }
double sine(std::int64_t i) { return std::sin(static_cast<double>(i)); }

// The tree of docs/runtime.md, written out independently and run serially.
double reference_tree(std::int64_t b, std::int64_t e, std::int64_t leaf,
                      double (*f)(std::int64_t)) {
  std::int64_t n = e - b;
  if (n <= leaf) {
    double acc = f(b);
    for (std::int64_t i = b + 1; i < e; ++i) acc = acc + f(i);
    return acc;
  }
  std::int64_t leaves = (n + leaf - 1) / leaf;
  std::int64_t mid = b + leaves / 2 * leaf;
  return reference_tree(b, mid, leaf, f) + reference_tree(mid, e, leaf, f);
}

double parallel_sum(std::int64_t n, double (*f)(std::int64_t), int threads) {
  purecc::set_num_threads(threads);
  return purecc::parallel_reduce(0, n, 0.0, f, std::plus<>());
}

TEST(ParallelReduce, SumsIntegers) {
  for (int threads : {1, 2, 3}) {
    purecc::set_num_threads(threads);
    EXPECT_EQ(purecc::parallel_reduce(0, 100000, 0LL, [](std::int64_t i) { return i; },
                                      std::plus<>()),
              100000LL * 99999 / 2);
  }
}

TEST(ParallelReduce, EmptyRangeReturnsIdentity) {
  auto never = [](std::int64_t) -> int { throw std::logic_error("leaf called"); };
  EXPECT_EQ(purecc::parallel_reduce(5, 5, 42, never, std::plus<>()), 42);
  EXPECT_EQ(purecc::parallel_reduce(9, 3, -1, never, std::plus<>()), -1);
}

TEST(ParallelReduce, OneElementIsTheLeafValueWithoutIdentity) {
  // The identity is only the result of an empty range; it is never folded in.
  EXPECT_EQ(purecc::parallel_reduce(7, 8, 1000, [](std::int64_t i) { return int(i) * 2; },
                                    std::plus<>()),
            14);
}

TEST(ParallelReduce, NegativeAndExtremeBounds) {
  EXPECT_EQ(purecc::parallel_reduce(-500, 500, 0LL, [](std::int64_t i) { return i; },
                                    std::plus<>()),
            -500);
  auto count = [](std::int64_t) { return 1LL; };
  EXPECT_EQ(purecc::parallel_reduce(kMax - 3000, kMax, 0LL, count, std::plus<>()), 3000);
  EXPECT_EQ(purecc::parallel_reduce(std::numeric_limits<std::int64_t>::min(),
                                    std::numeric_limits<std::int64_t>::min() + 3000, 0LL, count,
                                    std::plus<>(), purecc::leaf_size{7}),
            3000);
}

TEST(ParallelReduce, FollowsTheDocumentedTree) {
  purecc::set_num_threads(2);
  for (std::int64_t leaf : {1, 3, 4, 64}) {
    for (std::int64_t n : {1, 2, 5, 37, 1000}) {
      double got = purecc::parallel_reduce(0, n, 0.0, inverse, std::plus<>(),
                                           purecc::leaf_size{leaf});
      EXPECT_EQ(bits(got), bits(reference_tree(0, n, leaf, inverse))) << n << " " << leaf;
    }
  }
  std::int64_t n = 100000;
  EXPECT_EQ(bits(purecc::parallel_reduce(0, n, 0.0, sine, std::plus<>())),
            bits(reference_tree(0, n, purecc::auto_leaf_size(n), sine)));
}

TEST(ParallelReduce, BitwiseIdenticalForEveryThreadCount) {
  for (auto f : {inverse, sine}) {
    const std::int64_t n = 2'000'000;
    double one = parallel_sum(n, f, 1);
    for (int threads : {2, 3, 8}) EXPECT_EQ(bits(parallel_sum(n, f, threads)), bits(one));
  }
}

TEST(ParallelReduce, DiffersFromALeftToRightLoopOnlyByRounding) {
  double serial = 0;
  for (std::int64_t i = 0; i < 1'000'000; ++i) serial += inverse(i);
  double tree = parallel_sum(1'000'000, inverse, 2);
  EXPECT_NEAR(tree, serial, 1e-12 * serial);
}

TEST(ParallelReduce, KeepsTheOrderOfANonCommutativeCombine) {
  purecc::set_num_threads(3);
  std::string expected;
  for (int i = 0; i < 2000; ++i) expected += char('a' + i % 26);
  auto letter = [](std::int64_t i) { return std::string(1, char('a' + i % 26)); };
  auto concat = [](std::string a, const std::string& b) { return a += b; };
  EXPECT_EQ(purecc::parallel_reduce(0, 2000, std::string(), letter, concat,
                                    purecc::leaf_size{3}),
            expected);
}

TEST(ParallelReduce, MoveOnlyAccumulator) {
  purecc::set_num_threads(2);
  using box = std::unique_ptr<long long>;
  auto r = purecc::parallel_reduce(
      0, 5000, std::make_unique<long long>(0),
      [](std::int64_t i) { return std::make_unique<long long>(i); },
      [](box a, box b) {
        *a += *b;
        return a;
      });
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(*r, 5000LL * 4999 / 2);
}

TEST(ParallelReduce, LeftmostThrowingIndexWins) {
  for (int threads : {1, 2, 3}) {
    purecc::set_num_threads(threads);
    try {
      purecc::parallel_reduce(
          0, 100000, 0LL,
          [](std::int64_t i) -> long long {
            if (i == 777 || i == 50000 || i == 99999) throw std::out_of_range(std::to_string(i));
            return i;
          },
          std::plus<>(), purecc::leaf_size{16});
      ADD_FAILURE() << "no exception";
    } catch (const std::out_of_range& e) {
      EXPECT_STREQ(e.what(), "777") << threads << " threads";
    }
  }
}

// After a leaf throws, no chunk to its right starts: the serial loop would
// never have reached it. Over [0, 3) with one index per leaf and two
// threads, the caller offers [0, 1) and works through [1, 3) itself; the
// first of leaves 1 and 2 it starts waits until the throw of leaf 0 (which
// only the other thread can run meanwhile) is recorded, so the second one
// starts after it and must be skipped, whichever order the schedule picked.
// Threads are ordered by flags and the runtime's test seam, never by time.
std::atomic<bool> g_throw_recorded{false};

TEST(ParallelReduce, NoChunkStartsAfterAThrowToItsLeft) {
  purecc::set_num_threads(2);
  g_throw_recorded = false;
  purecc::detail::on_leaf_throw_recorded = [](std::int64_t) { g_throw_recorded = true; };
  std::atomic<int> right_leaves_run{0};
  std::atomic<bool> timed_out{false};
  try {
    purecc::parallel_for(
        0, 3,
        [&](std::int64_t i) {
          if (i == 0) throw std::out_of_range("0");
          if (right_leaves_run.fetch_add(1) == 0 && !wait_for(g_throw_recorded))
            timed_out = true;
        },
        purecc::leaf_size{1});
    ADD_FAILURE() << "no exception";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "0");
  }
  purecc::detail::on_leaf_throw_recorded = nullptr;
  EXPECT_FALSE(timed_out);
  EXPECT_EQ(right_leaves_run.load(), 1) << "a chunk right of the throw started after it";
}

TEST(ParallelReduce, NestedReductions) {
  purecc::set_num_threads(2);
  // sum over i < 300 of sum over j < i of j
  auto inner = [](std::int64_t i) {
    return purecc::parallel_reduce(0, i, 0LL, [](std::int64_t j) { return j; }, std::plus<>());
  };
  long long expected = 0;
  for (long long i = 0; i < 300; ++i) expected += i * (i - 1) / 2;
  EXPECT_EQ(purecc::parallel_reduce(0, 300, 0LL, inner, std::plus<>()), expected);
}

TEST(ParallelReduce, LargeRange) {
  purecc::set_num_threads(2);
  const std::int64_t n = 200'000'000;
  EXPECT_EQ(purecc::parallel_reduce(0, n, std::int64_t{0}, [](std::int64_t i) { return i & 7; },
                                    std::plus<>()),
            n / 8 * 28);
}

// parallel_reduce_in_place: one private accumulator per leaf.
using Bins = std::vector<long long>;

Bins serial_histogram(std::int64_t b, std::int64_t e) {
  Bins bins(7);
  for (std::int64_t i = b; i < e; ++i) bins[static_cast<std::size_t>(i * i % 7)] += i;
  return bins;
}

Bins parallel_histogram(std::int64_t b, std::int64_t e, std::int64_t leaf) {
  return purecc::parallel_reduce_in_place(
      b, e, Bins(7),
      [](Bins& acc, std::int64_t i) { acc[static_cast<std::size_t>(i * i % 7)] += i; },
      [](Bins& l, Bins&& r) {
        for (std::size_t k = 0; k < l.size(); ++k) l[k] += r[k];
      },
      purecc::leaf_size{leaf});
}

TEST(ParallelReduceInPlace, HistogramEqualsTheSerialLoop) {
  for (int threads : {1, 2, 3}) {
    purecc::set_num_threads(threads);
    for (std::int64_t leaf : {1, 5, 64, 1024})
      for (std::int64_t n : {0, 1, 2, 37, 5000})
        EXPECT_EQ(parallel_histogram(3, 3 + n, leaf), serial_histogram(3, 3 + n))
            << threads << " threads, leaf " << leaf << ", n " << n;
  }
}

TEST(ParallelReduceInPlace, EmptyRangeReturnsIdentityWithoutCallingStep) {
  auto never = [](Bins&, std::int64_t) { throw std::logic_error("step called"); };
  auto join = [](Bins&, Bins&&) { throw std::logic_error("join called"); };
  EXPECT_EQ(purecc::parallel_reduce_in_place(4, 4, Bins{1, 2}, never, join), (Bins{1, 2}));
}

// Each leaf starts from a copy of the identity (the first leaf does not
// move it away from the others), and the partials are joined left to
// right: with a concatenation that starts from "<", the result shows one
// "<" per leaf of four indices, in order, at every thread count.
TEST(ParallelReduceInPlace, LeavesStartFromTheIdentityAndJoinInOrder) {
  std::string expected;
  for (int i = 0; i < 302; ++i) {
    if (i % 4 == 0) expected.push_back('<');
    expected.push_back(char('a' + i % 26));
  }
  for (int threads : {1, 2, 3}) {
    purecc::set_num_threads(threads);
    std::string got = purecc::parallel_reduce_in_place(
        0, 302, std::string("<"),
        [](std::string& acc, std::int64_t i) { acc += char('a' + i % 26); },
        [](std::string& l, std::string&& r) { l += r; }, purecc::leaf_size{4});
    EXPECT_EQ(got, expected) << threads << " threads";
  }
}

// A leaf makes and joins one private copy, so it holds at least a
// sixteenth as many indices as the copy has elements (adv46 t13: 16M bins
// over 30000 samples made 256 copies). The identity's '<' shows each leaf.
TEST(ParallelReduceInPlace, LeavesHoldASixteenthOfTheCopysElements) {
  std::string identity = "<" + std::string(159, '.');  // 160 elements: leaves of >= 10
  for (int threads : {1, 2, 3}) {
    purecc::set_num_threads(threads);
    for (auto given : {std::optional<purecc::leaf_size>{}, std::optional{purecc::leaf_size{4}}}) {
      auto step = [](std::string& acc, std::int64_t i) { acc += char('a' + i % 26); };
      auto join = [](std::string& l, std::string&& r) { l += r; };
      std::string got = given ? purecc::parallel_reduce_in_place(0, 302, identity, step, join, *given)
                              : purecc::parallel_reduce_in_place(0, 302, identity, step, join);
      EXPECT_EQ(std::count(got.begin(), got.end(), '<'), 31) << threads << " threads";  // ceil(302 / 10)
      EXPECT_EQ(std::count_if(got.begin(), got.end(), [](char c) { return c >= 'a'; }), 302);
    }
    // Many more elements than indices: one leaf, one copy.
    std::string wide = purecc::parallel_reduce_in_place(
        0, 1000, "<" + std::string(1 << 20, '.'), [](std::string& acc, std::int64_t) { acc += 'a'; },
        [](std::string& l, std::string&& r) { l += r; });
    EXPECT_EQ(std::count(wide.begin(), wide.end(), '<'), 1) << threads << " threads";
  }
}

TEST(ParallelReduceInPlace, LeftmostThrowingIndexWins) {
  for (int threads : {1, 2, 3}) {
    purecc::set_num_threads(threads);
    try {
      purecc::parallel_reduce_in_place(
          0, 100000, 0LL,
          [](long long& acc, std::int64_t i) {
            if (i == 4321 || i == 70000) throw std::out_of_range(std::to_string(i));
            acc += i;
          },
          [](long long& l, long long&& r) { l += r; }, purecc::leaf_size{16});
      ADD_FAILURE() << "no exception";
    } catch (const std::out_of_range& e) {
      EXPECT_STREQ(e.what(), "4321") << threads << " threads";
    }
  }
}

TEST(RangeTree, AutoLeafSizeAndSplitPoint) {
  EXPECT_EQ(purecc::auto_leaf_size(0), 1);
  EXPECT_EQ(purecc::auto_leaf_size(13), 1);
  EXPECT_EQ(purecc::auto_leaf_size(257), 2);
  EXPECT_EQ(purecc::auto_leaf_size(100'000), 391);
  EXPECT_EQ(purecc::auto_leaf_size(kMax), purecc::max_auto_leaf_size);
  EXPECT_EQ(purecc::detail::split_point(0, 10, 3), 6);  // 4 leaves: 2 | 2
  EXPECT_EQ(purecc::detail::split_point(0, 9, 3), 3);   // 3 leaves: 1 | 2
  // 2^64 - 1 indices in 2^44 leaves of 2^20: the middle is exactly 0.
  EXPECT_EQ(purecc::detail::split_point(std::numeric_limits<std::int64_t>::min(), kMax, 1 << 20),
            0);
}

}  // namespace
