// Tests of purecc/distributed.h, task_registry.h and remote_error.h in one
// process: the local path, and the cluster path through an in-process
// backend that cuts the range into arbitrary split-tree nodes and returns
// their results out of order (what an MPI run does, without MPI).
#include "purecc/cluster.h"
#include "purecc/distributed.h"
#include "purecc/memo_fenv.h"
#include "purecc/memo_link.h"
#include "purecc/remote_error.h"
#include "purecc/task_registry.h"
#include "purecc/task_site.h"

#include "default_fenv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cfenv>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string_view>

namespace {

double wave(std::int64_t i, double k) { return std::sin(k * static_cast<double>(i)) * 1e-3 + 1e-9 * static_cast<double>(i); }
double plus(double a, double b) { return a + b; }
const purecc::reduce_task<wave, plus> wave_sum{"test::wave", 0x10ULL, 0x20ULL};

long long cube(std::int64_t i, const std::vector<long long> &offsets) {
  return i * i * i + offsets[static_cast<std::size_t>(i) % offsets.size()];
}
const purecc::map_task<cube> cubes{"test::cube", 0x30ULL, 0x40ULL};

struct custom_failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};
double failing(std::int64_t i, std::int64_t first_bad) {
  if (i == first_bad) throw std::invalid_argument("bad " + std::to_string(i));
  if (i == first_bad + 100) throw custom_failure("custom " + std::to_string(i));
  return 1.0;
}
const purecc::reduce_task<failing, plus> failing_sum{"test::failing", 0x50ULL, 0x60ULL};

/// An in-process backend: a random cut of the tree, nodes run through the
/// registry by id (as a worker would), results shuffled, exceptions
/// described and rebuilt like remote ones (leftmost node wins).
class FakeCluster final : public purecc::ClusterBackend {
public:
  explicit FakeCluster(unsigned seed) : rng_(seed) {}
  int rank() const noexcept override { return 0; }
  int size() const noexcept override { return 3; }
  std::vector<purecc::NodeResult> run(const purecc::RangeJob &job) override {
    ++jobs;
    seen.push_back(job);
    const purecc::TaskEntry *entry = purecc::TaskRegistry::find(job.task->id());
    EXPECT_EQ(entry, job.task);
    std::vector<purecc::NodeResult> out;
    std::exception_ptr error;
    std::int64_t error_begin = 0;
    cut(job, *entry, job.begin, job.end, out, error, error_begin);
    if (error) std::rethrow_exception(error);
    std::shuffle(out.begin(), out.end(), rng_);
    return out;
  }
  int jobs = 0;
  std::vector<purecc::RangeJob> seen;  ///< every job, as it arrived
  std::vector<int> modes_seen;         ///< the rounding mode each node ran under

private:
  void cut(const purecc::RangeJob &job, const purecc::TaskEntry &e, std::int64_t b, std::int64_t en,
           std::vector<purecc::NodeResult> &out, std::exception_ptr &error, std::int64_t &error_begin) {
    const bool can_split = purecc::detail::range_length(b, en) > static_cast<std::uint64_t>(job.leaf);
    if (can_split && rng_() % 3 != 0) {
      const std::int64_t mid = purecc::detail::split_point(b, en, job.leaf);
      cut(job, e, b, mid, out, error, error_begin);
      cut(job, e, mid, en, out, error, error_begin);
      return;
    }
    try {
      // As a worker runs it: from the worker's own round-to-nearest, under
      // the mode the job carries.
      purecc::rounding_scope worker_own(FE_TONEAREST);
      purecc::rounding_scope under(purecc::decode_rounding(static_cast<std::uint8_t>(job.rounding)).value());
      modes_seen.push_back(std::fegetround());
      out.push_back({b, en, e.run(job.args, b, en, job.leaf)});
    } catch (...) {
      if (!error || b < error_begin) {
        error = purecc::detail::make_remote_exception(purecc::detail::describe_current_exception(), 2, "node2");
        error_begin = b;
      }
    }
  }
  std::mt19937 rng_;
};

struct ClusterScope {
  explicit ClusterScope(purecc::ClusterBackend *c) { purecc::set_active_cluster(c); }
  ~ClusterScope() { purecc::set_active_cluster(nullptr); }
};

TEST(Distributed, LocalReduceIsTheParallelReduceTree) {
  const std::int64_t n = 100000;
  double a = purecc::distributed_reduce(wave_sum, 0, n, 0.0, 0.5);
  double b = purecc::parallel_reduce(0, n, 0.0, [](std::int64_t i) { return wave(i, 0.5); }, plus);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a), std::bit_cast<std::uint64_t>(b));
  EXPECT_EQ(purecc::distributed_reduce(wave_sum, 3, 3, -7.0, 0.5), -7.0);
}

TEST(Distributed, ClusterReduceIsBitwiseTheLocalOneForAnyCut) {
  const std::int64_t n = 54321;
  const double local = purecc::distributed_reduce(wave_sum, -7, n, 0.0, purecc::leaf_size{13}, 0.25);
  for (unsigned seed = 0; seed < 20; ++seed) {
    FakeCluster cluster(seed);
    ClusterScope scope(&cluster);
    const double d = purecc::distributed_reduce(wave_sum, -7, n, 0.0, purecc::leaf_size{13}, 0.25);
    EXPECT_EQ(cluster.jobs, 1);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(d), std::bit_cast<std::uint64_t>(local)) << "seed " << seed;
  }
}

TEST(Distributed, ClusterMapPlacesEveryNodesValues) {
  std::vector<long long> offsets{5, -3, 11};
  const std::vector<long long> local = purecc::distributed_map(cubes, -20, 1000, offsets);
  ASSERT_EQ(local.size(), 1020u);
  EXPECT_EQ(local[20], 0 + 5);  // index 0
  EXPECT_EQ(local[21], 1 - 3);
  FakeCluster cluster(4);
  ClusterScope scope(&cluster);
  EXPECT_EQ(purecc::distributed_map(cubes, -20, 1000, purecc::leaf_size{3}, offsets), local);
  EXPECT_EQ(cluster.jobs, 1);
}

// The sites codegen emits (task_site.h): captureless leaves over the values
// they read, registered by their template arguments.
double site_sum(std::int64_t n, double k) {
  return purecc::reduce_at<"test::site_sum", 0x70ULL, 0x80ULL>(
      0, n, 0.0, [](std::int64_t i, const double &kk) -> double { return wave(i, kk); },
      [](double a, double b) { return a + b; }, k);
}

// A site whose fingerprint links a symbol its unit does not define (the
// id, a NUL, the symbols: codegen's Fingerprint::External).
long long site_linked(std::int64_t n) {
  return purecc::reduce_at<"test::site_linked\0" "sin", 0x50ULL, 0x60ULL>(
      0, n, 0LL, [](std::int64_t i) -> long long { return i; },
      [](long long a, long long b) { return a + b; });
}

void site_map(std::vector<long long> &out, std::int64_t bad) {
  purecc::map_at<"test::site_map", 0x90ULL, 0xa0ULL>(
      0, static_cast<std::int64_t>(out.size()),
      [](std::int64_t i, const std::int64_t &b) -> long long {
        if (i == b) throw std::invalid_argument("bad " + std::to_string(i));
        return i * 3 + 1;
      },
      [&](std::int64_t i, long long v) { out[static_cast<std::size_t>(i)] = v; }, bad);
}

TEST(TaskSite, ReduceAtIsBitwiseParallelReduceLocallyAndOnAnyCut) {
  const std::int64_t n = 70001;
  const double tree = purecc::parallel_reduce(0, n, 0.0, [](std::int64_t i) { return wave(i, 0.75); }, plus);
  const double local = site_sum(n, 0.75);
  ASSERT_EQ(std::bit_cast<std::uint64_t>(local), std::bit_cast<std::uint64_t>(tree));
  ASSERT_NE(purecc::TaskRegistry::find("test::site_sum"), nullptr);
  for (unsigned seed = 0; seed < 10; ++seed) {
    FakeCluster cluster(seed);
    ClusterScope scope(&cluster);
    const double d = site_sum(n, 0.75);
    EXPECT_EQ(cluster.jobs, 1);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(d), std::bit_cast<std::uint64_t>(tree)) << "seed " << seed;
  }
}

// adv60 F5: the persisted results of a task whose code calls a function
// of another file are keyed by that file's code too, as a memo site's are.
TEST(TaskSite, SymbolsAfterTheIdCompleteTheFingerprint) {
  static_assert(std::string_view(purecc::site_id("f#r9\0" "_Z6kerneld _Z3gabi").linked()) ==
                "_Z6kerneld _Z3gabi");
  static_assert(std::string_view(purecc::site_id("f#r9").linked()).empty());
  static_assert(std::string_view(purecc::site_id("f#r9").text) == "f#r9");
  EXPECT_EQ(site_linked(100), 4950);
  const purecc::TaskEntry *e = purecc::TaskRegistry::find("test::site_linked");
  ASSERT_NE(e, nullptr);
  EXPECT_STREQ(e->id(), "test::site_linked");
  EXPECT_STREQ(e->site().linked(), "sin");
  const purecc::Hash128 local{0x50ULL, 0x60ULL};
  EXPECT_EQ(e->site().local_fingerprint(), local);
  EXPECT_EQ(e->fingerprint(), purecc::LinkedProgram::current().complete(local, "sin", &e->site()));
  EXPECT_NE(e->fingerprint(), local);
  // An unlinked site keys by the codegen's fingerprint alone.
  const purecc::TaskEntry *plain = purecc::TaskRegistry::find("test::site_sum");
  ASSERT_NE(plain, nullptr);
  EXPECT_STREQ(plain->site().linked(), "");
  EXPECT_EQ(plain->fingerprint(), (purecc::Hash128{0x70ULL, 0x80ULL}));
}

TEST(TaskSite, MapAtStoresEveryElementAndRerunsLocallyAfterAThrow) {
  std::vector<long long> local(5000, -1);
  site_map(local, -1);
  for (std::size_t i = 0; i < local.size(); ++i)
    ASSERT_EQ(local[i], static_cast<long long>(i) * 3 + 1);
  FakeCluster cluster(5);
  ClusterScope scope(&cluster);
  std::vector<long long> remote(5000, -1);
  site_map(remote, -1);
  EXPECT_EQ(cluster.jobs, 1);
  EXPECT_EQ(remote, local);
  // A throwing element: the exception is the local run's (its own type, not
  // remote_error), and every element left of it is written, as serially.
  std::vector<long long> partial(5000, -1);
  try {
    site_map(partial, 4321);
    FAIL() << "no exception";
  } catch (const std::invalid_argument &e) {
    EXPECT_STREQ(e.what(), "bad 4321");
  }
  EXPECT_EQ(cluster.jobs, 2);
  for (std::size_t i = 0; i < 4321; ++i)
    ASSERT_EQ(partial[i], static_cast<long long>(i) * 3 + 1) << i;
}

TEST(Distributed, LeftmostExceptionArrivesAsItsStandardTypeOrRemoteError) {
  FakeCluster cluster(9);
  ClusterScope scope(&cluster);
  try {
    purecc::distributed_reduce(failing_sum, 0, 5000, 0.0, std::int64_t{1234});
    FAIL() << "no exception";
  } catch (const std::invalid_argument &e) {
    EXPECT_STREQ(e.what(), "bad 1234");
  }
  try {
    purecc::distributed_reduce(failing_sum, 0, 5000, 0.0, std::int64_t{-100});
    FAIL() << "no exception";
  } catch (const purecc::remote_error &e) {
    EXPECT_NE(e.type_name().find("custom_failure"), std::string::npos) << e.type_name();
    EXPECT_EQ(e.message(), "custom 0");
    EXPECT_EQ(e.rank(), 2);
    EXPECT_EQ(e.host(), "node2");
    // what() does not depend on where the node ran (no rank, no host).
    EXPECT_EQ(std::string(e.what()), e.type_name() + ": custom 0");
  }
}

TEST(Distributed, NoShippingFromInsideAParallelRegionOrANode) {
  FakeCluster cluster(1);
  ClusterScope scope(&cluster);
  {
    purecc::NodeScope node;
    EXPECT_FALSE(purecc::may_ship_from_this_thread());
    purecc::distributed_reduce(wave_sum, 0, 1000, 0.0, 0.5);
  }
  EXPECT_EQ(cluster.jobs, 0);
  EXPECT_TRUE(purecc::may_ship_from_this_thread());
  // Branches of a parallel call run in purecc's team when it has 2+ threads:
  // none of them ships (one job at a time, from serial code).
  auto [a, b] = purecc::parallel_invoke(
      [] { return purecc::distributed_reduce(wave_sum, 0, 1000, 0.0, 0.5); },
      [] { return purecc::distributed_reduce(wave_sum, 0, 1000, 0.0, 0.25); });
  EXPECT_EQ(cluster.jobs, purecc::num_threads() > 1 ? 0 : 2);
  EXPECT_NE(a, b);
}

// A sum whose every division and addition rounds: its bits move with the
// rounding mode.
double third(std::int64_t i, double k) { return 1.0 / (k + static_cast<double>(i)); }
const purecc::reduce_task<third, plus> third_sum{"test::third", 0xb0ULL, 0xc0ULL};

TEST(Distributed, TheRoundingModeTravelsWithTheJobAndKeysItsResults) {
  DefaultFenv restore;
  const std::int64_t n = 20000;
  const double nearest = purecc::distributed_reduce(third_sum, 0, n, 0.0, purecc::leaf_size{64}, 3.0);
  std::fesetround(FE_UPWARD);
  const double upward = purecc::distributed_reduce(third_sum, 0, n, 0.0, purecc::leaf_size{64}, 3.0);
  ASSERT_NE(std::bit_cast<std::uint64_t>(upward), std::bit_cast<std::uint64_t>(nearest));
  for (unsigned seed = 0; seed < 5; ++seed) {
    FakeCluster cluster(seed);
    ClusterScope scope(&cluster);
    const double d = purecc::distributed_reduce(third_sum, 0, n, 0.0, purecc::leaf_size{64}, 3.0);
    ASSERT_EQ(cluster.jobs, 1);
    // Every node ran under the caller's mode, wherever it ran, and the
    // caller's mode is its own again.
    EXPECT_EQ(std::bit_cast<std::uint64_t>(d), std::bit_cast<std::uint64_t>(upward)) << "seed " << seed;
    EXPECT_EQ(std::count(cluster.modes_seen.begin(), cluster.modes_seen.end(), FE_UPWARD),
              static_cast<std::ptrdiff_t>(cluster.modes_seen.size()));
    EXPECT_EQ(std::fegetround(), FE_UPWARD);
    // Persisted results are keyed in the memoized calls' namespace of the mode.
    const purecc::RangeJob &job = cluster.seen.front();
    EXPECT_EQ(job.rounding, purecc::rounding_code::upward);
    EXPECT_EQ(job.memo_namespace, purecc::rounding_namespace(purecc::compiler_namespace(), FE_UPWARD));
  }
  // Under round-to-nearest the job's namespace is the one of before.
  std::fesetround(FE_TONEAREST);
  FakeCluster cluster(7);
  ClusterScope scope(&cluster);
  purecc::distributed_reduce(third_sum, 0, n, 0.0, purecc::leaf_size{64}, 3.0);
  ASSERT_EQ(cluster.jobs, 1);
  EXPECT_EQ(cluster.seen.front().rounding, purecc::rounding_code::to_nearest);
  EXPECT_EQ(cluster.seen.front().memo_namespace, purecc::compiler_namespace());
}

#if defined(__GLIBC__)
TEST(Distributed, AnEnabledTrapKeepsTheWorkHere) {
  DefaultFenv restore;
  FakeCluster cluster(3);
  ClusterScope scope(&cluster);
  feenableexcept(FE_DIVBYZERO);
  EXPECT_FALSE(purecc::detail::may_ship_under(purecc::current_fp_modes()));
  const double d = purecc::distributed_reduce(third_sum, 0, 1000, 0.0, 3.0);
  fedisableexcept(FE_ALL_EXCEPT);
  EXPECT_EQ(cluster.jobs, 0);
  EXPECT_GT(d, 0.0);
  EXPECT_TRUE(purecc::detail::may_ship_under(purecc::current_fp_modes()));
}
#endif

TEST(TaskRegistry, FindsEntriesAndDigestsThem) {
  EXPECT_EQ(purecc::TaskRegistry::find("test::wave"), &wave_sum.entry());
  EXPECT_EQ(purecc::TaskRegistry::find("test::nothing"), nullptr);
  // wave, cube, failing, twin, third, and the three sites (registered
  // before main whether or not their test ran yet)
  EXPECT_EQ(purecc::TaskRegistry::entries().size(), 8u);
  EXPECT_EQ(purecc::TaskRegistry::digest(), purecc::TaskRegistry::digest());
  // A thunk given bytes that do not decode throws, never reads past them.
  EXPECT_THROW(wave_sum.entry().run("abc", 0, 10, 1), purecc::task_decode_error);
}

TEST(TaskRegistry, ExecutableHasAGnuBuildId) {
  EXPECT_EQ(purecc::executable_build_id().size(), 20u);
}

TEST(RemoteError, StandardTypesComeBackAsThemselves) {
  auto rebuilt = [](auto thrown) {
    try {
      throw thrown;
    } catch (...) {
      return purecc::detail::make_remote_exception(purecc::detail::describe_current_exception(), 1, "h");
    }
  };
  EXPECT_THROW(std::rethrow_exception(rebuilt(std::out_of_range("x"))), std::out_of_range);
  EXPECT_THROW(std::rethrow_exception(rebuilt(std::bad_alloc())), std::bad_alloc);
  try {
    std::rethrow_exception(rebuilt(42));
  } catch (const purecc::remote_error &e) {
    EXPECT_EQ(e.type_name(), "int");
    EXPECT_EQ(e.message(), "");
    EXPECT_STREQ(e.what(), "int");
  }
  try {
    std::rethrow_exception(rebuilt(std::runtime_error("plain")));
  } catch (const purecc::remote_error &) {
    FAIL() << "std::runtime_error must come back as itself";
  } catch (const std::runtime_error &e) {
    EXPECT_STREQ(e.what(), "plain");
  }
}

} // namespace

namespace {
double twin_a(std::int64_t i) { return static_cast<double>(i); }
double twin_b(std::int64_t i) { return static_cast<double>(-i); }
const purecc::reduce_task<twin_a, plus> twin_1{"test::twin", 0x70ULL, 0x71ULL};
const purecc::reduce_task<twin_b, plus> twin_2{"test::twin", 0x72ULL, 0x73ULL};
// The same task registered from a second place (a header included twice).
const purecc::reduce_task<wave, plus> wave_again{"test::wave", 0x10ULL, 0x20ULL};

TEST(TaskRegistry, AnIdWithTwoFingerprintsIsAConflict) {
  // test::twin: two functions under one id; test::wave registered again
  // with its own fingerprint is no conflict (the first entry stays).
  EXPECT_EQ(purecc::TaskRegistry::conflicts(), std::vector<std::string>{"test::twin"});
  EXPECT_EQ(purecc::TaskRegistry::find("test::wave"), &wave_sum.entry());
}
} // namespace
