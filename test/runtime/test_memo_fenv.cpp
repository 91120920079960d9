// Memoized calls under the floating-point environment (purecc/memo_fenv.h):
// a result computed under one rounding mode never answers a call made under
// another, from memory or from a reopened disk store; keys under
// FE_TONEAREST are the keys of before; flush-to-zero keeps its own
// entries; no lookup while a trap is enabled.
#include "purecc/memo.h"
#include "purecc/memo_fenv.h"

#include "default_fenv.h"

#include <gtest/gtest.h>

#include "scratch_dir.h"
#include "memo_test_config.h"

#include <atomic>
#include <cfenv>
#include <csignal>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using purecc::MemoConfig;
using purecc::MemoMode;
using purecc::MemoRuntime;
using purecc::MemoSite;

fs::path fresh_dir(const std::string &name) { return scratch_dir("memo_fenv-" + name); }

MemoConfig config(MemoMode mode, const fs::path &dir = {}) { return memo_test_config(mode, dir); }

// A body whose result depends on the rounding mode. `volatile` keeps the
// compiler from folding the division under its own (round-to-nearest) rules.
std::atomic<int> third_calls{0};
double third_body(double x) {
  third_calls.fetch_add(1);
  volatile double num = x, den = 3.0;
  return num / den;
}
const MemoSite third_site{"third", 0x7e1dULL, 0x3ULL};
double third(MemoRuntime &rt, double x) {
  return rt.call(third_site, [&] { return third_body(x); }, x);
}
/// What the serial program computes under `mode`.
double serial_third(int mode, double x) {
  std::fesetround(mode);
  volatile double num = x, den = 3.0;
  const double r = num / den;
  std::fesetround(FE_TONEAREST);
  return r;
}

TEST(MemoFenv, MemoryTierKeepsRoundingModesApart) {
  DefaultFenv restore;
  MemoRuntime rt(config(MemoMode::mem));
  third_calls = 0;
  const double nearest = serial_third(FE_TONEAREST, 1.0);
  const double up = serial_third(FE_UPWARD, 1.0);
  const double down = serial_third(FE_DOWNWARD, 1.0);
  ASSERT_NE(nearest, up); // 1/3 rounds down to nearest
  EXPECT_EQ(third(rt, 1.0), nearest);
  std::fesetround(FE_UPWARD);
  EXPECT_EQ(third(rt, 1.0), up);
  EXPECT_EQ(third(rt, 1.0), up); // a hit, of its own mode
  std::fesetround(FE_DOWNWARD);
  EXPECT_EQ(third(rt, 1.0), down);
  std::fesetround(FE_TONEAREST);
  EXPECT_EQ(third(rt, 1.0), nearest);
  EXPECT_EQ(third_calls.load(), 3); // once per mode
}

TEST(MemoFenv, ReopenedDiskStoreHasNoStaleHitUnderAnotherMode) {
  DefaultFenv restore;
  const fs::path dir = fresh_dir("disk");
  const double nearest = serial_third(FE_TONEAREST, 2.0);
  const double up = serial_third(FE_UPWARD, 2.0);
  ASSERT_NE(nearest, up);
  {
    MemoRuntime rt(config(MemoMode::disk, dir)); // an earlier run, round-to-nearest
    ASSERT_EQ(rt.mode(), MemoMode::disk) << rt.warning();
    EXPECT_EQ(third(rt, 2.0), nearest);
  }
  third_calls = 0;
  {
    MemoRuntime rt(config(MemoMode::disk, dir)); // this run rounds upward
    std::fesetround(FE_UPWARD);
    EXPECT_EQ(third(rt, 2.0), up);
    EXPECT_EQ(third_calls.load(), 1);
    std::fesetround(FE_TONEAREST);
    EXPECT_EQ(third(rt, 2.0), nearest); // the earlier run's entry is still valid
    EXPECT_EQ(third_calls.load(), 1);
    const auto rows = rt.stats().rows();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].counts.disk_hits, 1u);
  }
  third_calls = 0;
  {
    MemoRuntime rt(config(MemoMode::disk, dir)); // both modes now come from disk
    std::fesetround(FE_UPWARD);
    EXPECT_EQ(third(rt, 2.0), up);
    std::fesetround(FE_TONEAREST);
    EXPECT_EQ(third(rt, 2.0), nearest);
    EXPECT_EQ(third_calls.load(), 0);
  }
}

TEST(MemoFenv, KeysUnderToNearestAreTheKeysOfBefore) {
  const purecc::Hash128 fn{0x1234ULL, 0x5678ULL};
  const purecc::Hash128 ns{0x1ULL, 0x2ULL};
  const purecc::fp_modes nearest{FE_TONEAREST, 0};
  EXPECT_EQ(purecc::namespace_under(ns, nearest), ns);
  // The key format's golden digest (as before the rounding mode was keyed).
  EXPECT_EQ(purecc::make_memo_key(fn, purecc::namespace_under(ns, nearest), 3, 4.5).hex(),
            purecc::make_memo_key(fn, ns, 3, 4.5).hex());
  EXPECT_EQ(purecc::make_memo_key(fn, ns, 3, 4.5).hex(), "06c60557d3b87e30ad9628392e5f622d");
  // Other modes: distinct namespaces, pinned so that they stay stable.
  const purecc::Hash128 up = purecc::namespace_under(ns, {FE_UPWARD, 0});
  EXPECT_EQ(up.hex(), "917003f04832ec9b37593783efcf72a6");
  EXPECT_NE(up, purecc::namespace_under(ns, {FE_DOWNWARD, 0}));
  EXPECT_NE(up, purecc::namespace_under(ns, {FE_TOWARDZERO, 0}));
  EXPECT_NE(purecc::namespace_under(ns, {FE_DOWNWARD, 0}),
            purecc::namespace_under(ns, {FE_TOWARDZERO, 0}));
  EXPECT_EQ(purecc::rounding_mode_name(FE_UPWARD), "upward");
  EXPECT_EQ(purecc::rounding_mode_name(FE_TOWARDZERO), "toward-zero");
}

#if defined(__SSE__)
// A body whose result is a subnormal without flush-to-zero and 0 under it.
std::atomic<int> tiny_calls{0};
const MemoSite tiny_site{"tiny", 0x7e1dULL, 0x5ULL};
double tiny(MemoRuntime &rt, double x) {
  return rt.call(tiny_site, [&] {
    tiny_calls.fetch_add(1);
    volatile double v = x, scale = 0x1p-1070;
    return v * scale;
  }, x);
}

/// Sets MXCSR's FTZ and DAZ bits while it lives (as `_mm_setcsr` would).
struct FlushToZero {
  unsigned saved = __builtin_ia32_stmxcsr();
  FlushToZero() { __builtin_ia32_ldmxcsr(saved | 0x8040u); }
  ~FlushToZero() { __builtin_ia32_ldmxcsr(saved); }
  FlushToZero(const FlushToZero &) = delete;
  FlushToZero &operator=(const FlushToZero &) = delete;
};

TEST(MemoFenv, FlushToZeroKeepsItsOwnEntries) {
  DefaultFenv restore;
  MemoRuntime rt(config(MemoMode::mem));
  tiny_calls = 0;
  EXPECT_EQ(purecc::current_fp_modes().flush, 0u);
  const double subnormal = tiny(rt, 3.0);
  EXPECT_EQ(subnormal, 3 * 0x1p-1070);
  {
    FlushToZero ftz;
    EXPECT_EQ(purecc::current_fp_modes().flush, 0x8040u);
    EXPECT_EQ(tiny(rt, 3.0), 0.0); // computed under FTZ, not the cached subnormal
    EXPECT_EQ(tiny(rt, 3.0), 0.0); // a hit, of its own modes
  }
  EXPECT_EQ(tiny(rt, 3.0), subnormal);
  EXPECT_EQ(tiny_calls.load(), 2);
  // The namespaces: each flush setting its own, under each rounding mode.
  const purecc::Hash128 ns{0x1ULL, 0x2ULL};
  const purecc::Hash128 ftz = purecc::namespace_under(ns, {FE_TONEAREST, 0, 0x8000u});
  EXPECT_NE(ftz, ns);
  EXPECT_NE(ftz, purecc::namespace_under(ns, {FE_TONEAREST, 0, 0x8040u}));
  EXPECT_NE(purecc::namespace_under(ns, {FE_UPWARD, 0, 0x8000u}), ftz);
  EXPECT_NE(purecc::namespace_under(ns, {FE_UPWARD, 0, 0x8000u}),
            purecc::namespace_under(ns, {FE_UPWARD, 0, 0}));
}
#endif

#if defined(__GLIBC__)
const MemoSite recip_site{"recip", 0x7e1dULL, 0x4ULL};
double recip(MemoRuntime &rt, double x) {
  return rt.call(recip_site, [&] {
    volatile double one = 1.0, den = x;
    return one / den;
  }, x);
}

TEST(MemoFenv, NoLookupWhileATrapIsEnabled) {
  DefaultFenv restore;
  MemoRuntime rt(config(MemoMode::mem));
  third_calls = 0;
  EXPECT_EQ(third(rt, 5.0), serial_third(FE_TONEAREST, 5.0));
  feenableexcept(FE_DIVBYZERO);
  EXPECT_EQ(third(rt, 5.0), serial_third(FE_TONEAREST, 5.0));
  EXPECT_EQ(third_calls.load(), 2); // ran again instead of a lookup
  fedisableexcept(FE_DIVBYZERO);
  EXPECT_EQ(third(rt, 5.0), serial_third(FE_TONEAREST, 5.0));
  EXPECT_EQ(third_calls.load(), 2);
}

TEST(MemoFenvDeathTest, TrapsAsSeriallyInsteadOfReturningACachedValue) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  // The sanitizers' own SIGFPE handler reports the trap and exits with
  // status 1 instead of dying by the signal: what this test checks is not
  // observable there (the plain build runs it).
  GTEST_SKIP() << "a sanitizer handles SIGFPE itself";
#endif
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        MemoRuntime rt(config(MemoMode::mem));
        const double inf = recip(rt, 0.0); // cached: +inf, no trap enabled
        feenableexcept(FE_DIVBYZERO);
        const double again = recip(rt, 0.0); // serial: SIGFPE here
        std::_Exit(again == inf ? 7 : 8);
      },
      testing::KilledBySignal(SIGFPE), "");
}
#endif

} // namespace
