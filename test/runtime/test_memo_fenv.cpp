// Memoized calls under the floating-point environment (purecc/memo_fenv.h):
// a result computed under one rounding mode never answers a call made under
// another, from memory or from a reopened disk store; keys under
// FE_TONEAREST are the keys of before; flush-to-zero keeps its own
// entries, and so do x86's x87 precision and an SSE rounding apart from the
// x87's; no lookup while a trap is enabled.
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

#if defined(__x86_64__)
// A `long double` body: x87 arithmetic, which rounds to the precision
// control's width (64, 53 or 24 bits of mantissa).
std::atomic<int> third_ld_calls{0};
const MemoSite third_ld_site{"third_ld", 0x7e1dULL, 0x6ULL};
long double third_ld(MemoRuntime &rt, long double x) {
  return rt.call(third_ld_site, [&] {
    third_ld_calls.fetch_add(1);
    volatile long double num = x, den = 3.0L;
    return num / den;
  }, x);
}

/// Sets the x87 control word while it lives (as glibc's _FPU_SETCW would).
struct X87Control {
  unsigned short saved = 0;
  explicit X87Control(unsigned short (*change)(unsigned short)) {
    __asm__ __volatile__("fnstcw %0" : "=m"(saved));
    unsigned short cw = change(saved);
    __asm__ __volatile__("fldcw %0" : : "m"(cw));
  }
  ~X87Control() { __asm__ __volatile__("fldcw %0" : : "m"(saved)); }
  X87Control(const X87Control &) = delete;
  X87Control &operator=(const X87Control &) = delete;
};
/// Sets MXCSR's rounding control to upward alone (as `_MM_SET_ROUNDING_MODE`
/// would), leaving the x87 one that fegetround reports at to-nearest.
struct SseRoundingUp {
  unsigned saved = __builtin_ia32_stmxcsr();
  SseRoundingUp() { __builtin_ia32_ldmxcsr((saved & ~0x6000u) | 0x4000u); }
  ~SseRoundingUp() { __builtin_ia32_ldmxcsr(saved); }
  SseRoundingUp(const SseRoundingUp &) = delete;
  SseRoundingUp &operator=(const SseRoundingUp &) = delete;
};

// adv72 F1: a result computed at the x87's extended precision answered a
// call made under `_FPU_SETCW(_FPU_DOUBLE)` (or -mpc64), and the reverse.
TEST(MemoFenv, X87PrecisionKeepsItsOwnEntries) {
  DefaultFenv restore;
  MemoRuntime rt(config(MemoMode::mem));
  third_ld_calls = 0;
  EXPECT_EQ(purecc::current_fp_modes().control, 0u);
  const long double extended = third_ld(rt, 1.0L);
  long double at_double = 0;
  {
    X87Control pc53([](unsigned short cw) { return static_cast<unsigned short>((cw & ~0x300u) | 0x200u); });
    EXPECT_EQ(purecc::current_fp_modes().control, 0x100u);
    at_double = third_ld(rt, 1.0L); // computed at 53 bits, not the cached 64-bit value
    EXPECT_EQ(at_double, static_cast<long double>(1.0 / 3.0));
    EXPECT_EQ(third_ld(rt, 1.0L), at_double); // a hit, of its own precision
  }
  EXPECT_NE(extended, at_double);
  EXPECT_EQ(third_ld(rt, 1.0L), extended);
  EXPECT_EQ(third_ld_calls.load(), 2);
}

// `double` arithmetic rounds as MXCSR says; fegetround reports the x87's.
TEST(MemoFenv, SseRoundingApartFromTheX87sKeepsItsOwnEntries) {
  DefaultFenv restore;
  MemoRuntime rt(config(MemoMode::mem));
  third_calls = 0;
  const double nearest = serial_third(FE_TONEAREST, 1.0);
  const double up = serial_third(FE_UPWARD, 1.0);
  ASSERT_NE(nearest, up);
  EXPECT_EQ(third(rt, 1.0), nearest);
  {
    SseRoundingUp sse;
    EXPECT_EQ(std::fegetround(), FE_TONEAREST); // the x87's
    EXPECT_EQ(purecc::current_fp_modes().control, 0x5000u);
    EXPECT_EQ(third(rt, 1.0), up);
    EXPECT_EQ(third(rt, 1.0), up);
  }
  EXPECT_EQ(third(rt, 1.0), nearest);
  EXPECT_EQ(third_calls.load(), 2);
  // Under fesetround both units round alike: no control bits.
  std::fesetround(FE_UPWARD);
  EXPECT_EQ(purecc::current_fp_modes().control, 0u);
  // The namespaces: control bits apart from every rounding and flush one.
  const purecc::Hash128 ns{0x1ULL, 0x2ULL};
  EXPECT_EQ(purecc::namespace_under(ns, {FE_TONEAREST, 0, 0, 0}), ns);
  const purecc::Hash128 pc53 = purecc::namespace_under(ns, {FE_TONEAREST, 0, 0, 0x100u});
  EXPECT_NE(pc53, ns);
  EXPECT_NE(pc53, purecc::namespace_under(ns, {FE_TONEAREST, 0, 0, 0x5000u}));
  EXPECT_NE(pc53, purecc::namespace_under(ns, {FE_UPWARD, 0, 0, 0x100u}));
  EXPECT_NE(pc53, purecc::namespace_under(ns, {FE_TONEAREST, 0, 0x8000u, 0x100u}));
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
