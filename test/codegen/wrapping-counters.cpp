// A counted loop's iterations are counted in the counter's own type: an
// unsigned or narrow counter wraps around, and the condition compares it
// after the usual conversions. Loops whose count that way cannot be known
// stay serial with a remark.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

// Comparing signed and unsigned is what this test is about.
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wtype-limits"
#ifdef __clang__
#pragma clang diagnostic ignored "-Wtautological-constant-out-of-range-compare"
#endif

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 50; ++k)
    s += (i * 31 + k) % 7;
  return s;
}
[[pure]] long light(long i) { return i * 3 + 1; }

int main(int argc, char **) {
  // 576 iterations through the wrap: 65000..65535, then 0..39.
  long s = 0;
  for (unsigned short i = 65000; i != 40; ++i)
    s += heavy(i);
  // CHECK: {{^}}  s = ::purecc::wrapping_add<long>(s, ::purecc::parallel_reduce(65000, 65000 + static_cast<std::int64_t>(static_cast<unsigned short>(static_cast<unsigned short>(40) - static_cast<unsigned short>(65000))), long{}, [&](std::int64_t purecc_i0) -> long { unsigned short i = static_cast<unsigned short>(purecc_i0); ::purecc::wrapping<long> purecc_acc_{{[0-9]+}} = long{};
  // REMARK: wrapping-counters.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("heavy through the wrap: %ld\n", s);
  // OUT: heavy through the wrap: 86397

  long t = 0;
  for (unsigned short i = 65000; i != 40; ++i)
    t += light(i);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 576 iterations of loop-free work (about 5 operations each) are too little to share [purecc-missed-reduction]
  std::printf("light through the wrap: %ld\n", t);
  // OUT-NEXT: light through the wrap: 104953056

  // A narrow signed counter wraps too (C++20 converts modulo 2^8).
  long u = 0;
  for (signed char c = 100; c != 50; ++c)
    u += heavy(c);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  std::printf("signed char through the wrap: %ld\n", u);
  // OUT-NEXT: signed char through the wrap: -7394

  // The start converts to the counter's type: 65535, 0, 1, ..., 9.
  long v = 0;
  for (unsigned short i = -1; i != 10; ++i)
    v += heavy(i);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'v' [purecc-reduction]
  // CHECK: {{^}}  v = ::purecc::wrapping_add<long>(v, ::purecc::parallel_reduce(static_cast<std::int64_t>(static_cast<unsigned short>(-1)), static_cast<std::int64_t>(static_cast<unsigned short>(-1)) + static_cast<std::int64_t>(
  std::printf("converted start: %ld\n", v);
  // OUT-NEXT: converted start: 1650

  // A bound that converts: `i < n` with n = -1 compares as 4294967295.
  // Run-time values, so nothing is constant.
  int n = argc - 2;
  long w = 0;
  for (unsigned i = 4294967295u - 700 * unsigned(argc); i < n; ++i)
    w += heavy(i);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'w' [purecc-reduction]
  // CHECK: {{^}}  w = ::purecc::wrapping_add<long>(w, ::purecc::parallel_reduce(static_cast<std::int64_t>(4294967295u - 700 * unsigned(argc)), static_cast<std::int64_t>(static_cast<unsigned int>(n)),
  std::printf("converted bound: %ld\n", w);
  // OUT-NEXT: converted bound: 105000

  // Wrapping counters that never reach their bound, or may not: serial
  // (and not run: they would not end).
  long x = 0;
  if (argc > 100) {
  for (unsigned char i = 0; i < n; ++i)
    x += heavy(i);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned char') wraps around before it is sure to reach the bound [purecc-missed-reduction]
  for (unsigned char i = 7; i != 300; ++i)
    x += heavy(i);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned char') wraps around before it can reach the bound [purecc-missed-reduction]
  for (unsigned long i = 5; i != static_cast<unsigned long>(argc) + 10; ++i)
    x += heavy(long(i));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned long') may wrap around more often than a 64-bit count holds [purecc-missed-reduction]
  }
  std::vector<long> vals(300, 1);
  for (short i = 0; i < vals.size(); ++i)
    x += heavy(i) * vals[i];
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('short') is compared as 'unsigned long', where a negative value compares as a large one [purecc-missed-reduction]
  for (long i = n; i < n * 2 + 0 * heavy(i); ++i)
    x += heavy(i);
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop bound depends on 'i' [purecc-missed-reduction]
  // A signed counter compared as unsigned from 0 cannot go negative.
  for (int i = 0; i < vals.size(); ++i)
    x += heavy(i) * vals[i];
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'x' [purecc-reduction]
  std::printf("serial ones: %ld\n", x);
  // OUT-NEXT: serial ones: 89998

  // An 'unsigned long' range across 2^63, numbered as std::int64_t, would
  // be an empty range (adv49 t35): it is numbered from 0, with i == b + k
  // in std::uint64_t, also when its start is known only at run time. One
  // wholly above 2^63 numbers consistently.
  const unsigned long base = (1UL << 63) - 5000;
  long across = 0, above = 0;
  for (unsigned long i = base; i < base + 10000; ++i)
    across += heavy(long(i % 1000));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'across' [purecc-reduction]
  // CHECK:      [&](std::int64_t purecc_k{{[0-9]+}}) -> long { unsigned long i = static_cast<unsigned long>(static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(purecc_k{{[0-9]+}}));
  for (unsigned long i = base + 6000; i <= base + 16000; ++i)
    above += heavy(long(i % 1000));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'above' [purecc-reduction]
  const unsigned long lo = base + static_cast<unsigned long>(argc - 1), hi = lo + 10000;
  long late = 0, through = 0;
  for (unsigned long i = lo; i < hi; ++i)
    late += heavy(long(i % 1000));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'late' [purecc-reduction]
  for (unsigned long i = lo; i <= hi; ++i)
    through += heavy(long(i % 997));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'through' [purecc-reduction]
  // Each iteration computes its counter from the start: a body that
  // changes the start stays serial.
  unsigned long moving = lo;
  long moved = 0;
  for (unsigned long i = moving; i < hi; ++i) {
    moved += heavy(long(i % 1000));
    if (i + 1 == hi)
      moving = 7;
  }
  // REMARK: wrapping-counters.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the start reads 'moving', which changes inside the loop body (each iteration of the parallel loop computes its counter from the start) [purecc-missed-reduction]
  long stepped = 0;
  for (unsigned long i = (1UL << 63) + 10; i <= (1UL << 63) + 40010; i += 2)
    stepped += heavy(long(i % 1000));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned long') counts in steps of 2 past 9223372036854775807 (2^63 - 1), where the runtime's std::int64_t iteration numbers end [purecc-missed-reduction]
  std::printf("across 2^63: %ld %ld %ld %ld %ld %ld %lu\n", across, above, stepped, late, through, moved, moving);
  // OUT-NEXT: across 2^63: 1499990 1500139 3000231 1499990 1500146 1499990 7

  // A counter wider than 64 bits has values no std::int64_t numbers.
  __extension__ typedef __int128 wide;
  long wides = 0;
  for (wide i = 0; i < 20000; ++i)
    wides += heavy(long(i % 1000));
  // REMARK: wrapping-counters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('__int128') or its bound is wider than 64 bits [purecc-missed-reduction]
  std::printf("wide: %ld\n", wides);
  // OUT-NEXT: wide: 2999980
}
