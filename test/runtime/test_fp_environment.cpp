// The floating-point part of the memo namespace (purecc/fp_environment.h):
// a translation unit built with -ffast-math and FMA (fp_environment_fast.cpp)
// never shares results with one built without.
#include "purecc/memo_key.h"

#include <gtest/gtest.h>

#include <string>

const char *fast_compiler_id();
purecc::Hash128 fast_namespace();
purecc::Hash128 fast_compiler_namespace();

TEST(FpEnvironment, PlainBuildIsKeyedWithoutFastMath) {
  const std::string id = PURECC_COMPILER_ID;
  EXPECT_NE(id.find("; fp eval=0"), std::string::npos) << id;
  EXPECT_EQ(id.find("fast-math"), std::string::npos) << id;
  // Whether the optimizer runs is keyed (adv95 F1: a -O0 and a -O2 build
  // shared entries of different bits).
#if defined(__OPTIMIZE__) && !defined(__OPTIMIZE_SIZE__)
  EXPECT_NE(id.find(" optimize"), std::string::npos) << id;
  EXPECT_EQ(id.find(" optimize="), std::string::npos) << id;
#elif !defined(__OPTIMIZE__)
  EXPECT_NE(id.find(" optimize=none"), std::string::npos) << id;
#endif
}

TEST(FpEnvironment, FastMathAndFmaChangeTheNamespace) {
  const std::string fast = fast_compiler_id();
  EXPECT_NE(fast.find(" fast-math finite-math-only"), std::string::npos) << fast;
  // Built at -O0 (test/runtime/CMakeLists.txt).
  EXPECT_NE(fast.find(" optimize=none"), std::string::npos) << fast;
#if defined(__x86_64__)
  EXPECT_NE(fast.find(" fma"), std::string::npos) << fast;
#endif
  EXPECT_NE(fast_namespace(), purecc::compiler_namespace());
  EXPECT_NE(purecc::memo_namespace_text(fast), purecc::memo_namespace_text(PURECC_COMPILER_ID));
}

// -funsigned-char changes `(char)200` without any macro the code reads: the
// data model is part of the namespace too.
TEST(FpEnvironment, CharSignednessChangesTheNamespace) {
  const std::string plain = PURECC_COMPILER_ID;
  EXPECT_NE(plain.find("; abi char=signed wchar="), std::string::npos) << plain;
  const std::string unsigned_char = fast_compiler_id();
  EXPECT_NE(unsigned_char.find("; abi char=unsigned wchar="), std::string::npos) << unsigned_char;
}

// Flags that change results and that no code reads a macro for (adv51 t33,
// t36, t37): plain bit-fields' signedness, `u8""`'s type and g++'s complex
// arithmetic rules are part of the namespace.
TEST(FpEnvironment, BitfieldsChar8AndComplexRulesChangeTheNamespace) {
  const std::string plain = purecc::compiler_id();
  EXPECT_NE(plain.find(" bitfields=signed"), std::string::npos) << plain;
  EXPECT_NE(plain.find(" char8_t"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("no-char8_t"), std::string::npos) << plain;
  EXPECT_NE(plain.find(" ldbl-mant=" + std::to_string(__LDBL_MANT_DIG__)), std::string::npos) << plain;
  const std::string other = fast_compiler_id();
  EXPECT_NE(other.find(" bitfields=unsigned"), std::string::npos) << other;
  EXPECT_NE(other.find(" no-char8_t"), std::string::npos) << other;
#if defined(__GNUC__) && !defined(__clang__)
  EXPECT_NE(plain.find(" iec559-complex=2"), std::string::npos) << plain;
  EXPECT_NE(other.find(" iec559-complex=0"), std::string::npos) << other;
#endif
}

// Two translation units of one program, one built with -ffast-math: each
// keeps its own namespace (the linker does not merge them into one).
TEST(FpEnvironment, EachTranslationUnitKeepsItsOwnNamespace) {
  EXPECT_EQ(fast_compiler_namespace(), fast_namespace());
  EXPECT_NE(fast_compiler_namespace(), purecc::compiler_namespace());
}

// ---- The floating-point environment of the running program
// (purecc/branch_fenv.h): a branch another thread runs sees its spawner's
// rounding mode and trap masks, the flags it raises reach the spawner at the
// join, and the thread that ran it gets its own environment back.

#include "purecc/parallel_for.h"
#include "purecc/reduce.h"

#include <atomic>
#include <cfenv>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <thread>
#include <tuple>
#include <utility>

#include <sys/resource.h>

#include "wait_for.h"

namespace {

// Restores round-to-nearest and clears the flags however a test ends.
class FloatingPointEnvironment : public ::testing::Test {
 protected:
  void SetUp() override {
    purecc::set_num_threads(2);
    // Start the workers while the program rounds to nearest, as a program's
    // first parallel loop does.
    (void)purecc::parallel_invoke([] { return 1; }, [] { return 2; });
    std::feclearexcept(FE_ALL_EXCEPT);
  }
  void TearDown() override {
    std::fesetround(FE_TONEAREST);
    std::feclearexcept(FE_ALL_EXCEPT);
  }
};

// 1 - (1 + 2^-60): -2^-52 rounding upward, 0 rounding to nearest.
double shortfall() {
  volatile double tiny = 0x1p-60;
  const double a = 1.0 + tiny;
  return 1.0 - a;
}

TEST_F(FloatingPointEnvironment, InvokeBranchOnAWorkerRoundsAsTheCaller) {
  std::fesetround(FE_UPWARD);
  const auto caller = std::this_thread::get_id();
  std::atomic<bool> left_started{false};
  auto [left, right] = purecc::parallel_invoke(
      [&] {
        left_started = true;
        return std::tuple{std::this_thread::get_id(), std::fegetround(), shortfall()};
      },
      [&] { return wait_for(left_started); });
  ASSERT_TRUE(right) << "the left branch never started on another thread";
  const auto [where, mode, value] = left;
  EXPECT_NE(where, caller);
  EXPECT_EQ(mode, FE_UPWARD);
  EXPECT_EQ(value, -0x1p-52);
  EXPECT_EQ(std::fegetround(), FE_UPWARD);
}

// The caller runs the last leaf and waits there until a leaf has run on
// another thread: the leaves before it were offered, so a worker ran some.
TEST_F(FloatingPointEnvironment, ReduceAndForLeavesOnWorkersRoundAsTheCaller) {
  std::fesetround(FE_DOWNWARD);
  const auto caller = std::this_thread::get_id();
  constexpr std::int64_t n = 64;
  std::atomic<bool> ran_elsewhere{false};
  auto leaf = [&](std::int64_t i) -> std::int64_t {
    if (std::this_thread::get_id() != caller) ran_elsewhere = true;
    if (i == n - 1 && !wait_for(ran_elsewhere)) return -1000;
    // Rounding toward -inf: 1 - (1 + 2^-60) is 0 there too, but
    // -1 - 2^-60 rounds down to -1 - 2^-52.
    volatile double tiny = 0x1p-60;
    return (-1.0 - tiny) != -1.0 && std::fegetround() == FE_DOWNWARD ? 1 : 0;
  };
  EXPECT_EQ(purecc::parallel_reduce(0, n, std::int64_t{0}, leaf, std::plus<>(),
                                    purecc::leaf_size{1}),
            n);
  EXPECT_TRUE(ran_elsewhere.load());

  ran_elsewhere = false;
  std::atomic<int> wrong{0};
  purecc::parallel_for(
      0, n,
      [&](std::int64_t i) {
        if (leaf(i) != 1) ++wrong;
      },
      purecc::leaf_size{1});
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_TRUE(ran_elsewhere.load());
}

TEST_F(FloatingPointEnvironment, FlagsABranchRaisedElsewhereReachTheCaller) {
  std::atomic<bool> left_done{false};
  auto on_worker = [&](auto work) {
    const auto caller = std::this_thread::get_id();
    auto [elsewhere, waited] = purecc::parallel_invoke(
        [&] {
          work();
          left_done = true;
          return std::this_thread::get_id() != caller;
        },
        [&] { return wait_for(left_done); });
    left_done = false;
    return elsewhere && waited;
  };
  ASSERT_TRUE(on_worker([] {
    volatile double zero = 0.0;
    volatile double r = 1.0 / zero;
    (void)r;
  }));
  EXPECT_TRUE(std::fetestexcept(FE_DIVBYZERO));
  // The worker keeps no flag of that branch: a later branch that raises
  // nothing carries nothing back.
  std::feclearexcept(FE_ALL_EXCEPT);
  ASSERT_TRUE(on_worker([] {}));
  EXPECT_EQ(std::fetestexcept(FE_ALL_EXCEPT), 0);
}

// A branch that changes the rounding mode itself (hand-written code may)
// and then spawns: its branches round as it does, not as the caller.
TEST_F(FloatingPointEnvironment, ANestedSpawnTakesTheBranchsOwnRoundingMode) {
  std::fesetround(FE_UPWARD);
  std::atomic<bool> outer_started{false};
  auto [inner_mode, waited] = purecc::parallel_invoke(
      [&] {
        outer_started = true;
        std::fesetround(FE_DOWNWARD);
        const auto me = std::this_thread::get_id();
        std::atomic<bool> left_started{false};
        auto [left, right] = purecc::parallel_invoke(
            [&] {
              left_started = true;
              return std::pair{std::this_thread::get_id() != me, std::fegetround()};
            },
            [&] { return wait_for(left_started); });
        std::fesetround(FE_UPWARD);
        return right && left.first ? left.second : -1;
      },
      [&] { return wait_for(outer_started); });
  ASSERT_TRUE(waited);
  EXPECT_EQ(inner_mode, FE_DOWNWARD) << "-1: the inner branch did not run on another thread";
}

// The thread that runs another thread's branch gets its own environment
// (rounding mode and flags) back afterwards.
TEST_F(FloatingPointEnvironment, TheRunningThreadGetsItsOwnEnvironmentBack) {
  std::fesetround(FE_UPWARD);
  purecc::detail::fenv_handoff handoff;
  handoff.capture();
  std::fesetround(FE_TONEAREST);
  int inside = -1, after = -1, own_flags = -1, raised_inside = -1;
  std::thread other([&] {
    std::fesetround(FE_TOWARDZERO);
    std::feclearexcept(FE_ALL_EXCEPT);
    std::feraiseexcept(FE_UNDERFLOW);
    handoff.run_here([&]() noexcept {
      inside = std::fegetround();
      volatile double zero = 0.0;
      volatile double r = 1.0 / zero;
      (void)r;
      raised_inside = std::fetestexcept(FE_UNDERFLOW);
    });
    after = std::fegetround();
    own_flags = std::fetestexcept(FE_ALL_EXCEPT);
  });
  other.join();
  EXPECT_EQ(inside, FE_UPWARD);
  EXPECT_EQ(raised_inside, 0) << "the branch started from the worker's stale flags";
  EXPECT_EQ(after, FE_TOWARDZERO);
  EXPECT_EQ(own_flags, FE_UNDERFLOW);
  EXPECT_EQ(std::fetestexcept(FE_DIVBYZERO), 0);
  handoff.deliver_flags();
  EXPECT_TRUE(std::fetestexcept(FE_DIVBYZERO));
}

#if defined(__GLIBC__)
// A trap the caller enabled is enabled on the worker: the division by zero
// there ends the process with SIGFPE, as it ends the serial program.
TEST_F(FloatingPointEnvironment, TrapEnabledByTheCallerFiresOnTheWorker) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  // The sanitizers' own SIGFPE handler reports the trap and exits with
  // status 1 instead of dying by the signal: what this test checks is not
  // observable there (the plain build runs it).
  GTEST_SKIP() << "a sanitizer handles SIGFPE itself";
#endif
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        rlimit no_core{};  // zero: the expected crash leaves no core file
        setrlimit(RLIMIT_CORE, &no_core);
        purecc::set_num_threads(2);
        feenableexcept(FE_DIVBYZERO);
        std::atomic<bool> left_done{false};
        (void)purecc::parallel_invoke(
            [&] {
              volatile double zero = 0.0;
              volatile double r = 1.0 / zero;
              (void)r;
              left_done = true;
            },
            [&] { return wait_for(left_done); });
        std::exit(0);
      },
      ::testing::KilledBySignal(SIGFPE), "");
}
#endif

}  // namespace
