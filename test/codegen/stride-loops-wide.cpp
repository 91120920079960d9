// Counted loops whose start and bound lie more than INT64_MAX apart (or
// whose counter crosses 2^63 counting down): the trip count and the counter's
// value are computed in std::uint64_t, where they do not overflow; a count
// in std::int64_t overflowed (a wrong count, or an output that does not
// compile: `-LONG_MIN`). A step computed in a wider or unsigned type wraps
// around instead of overflowing, and stays serial with a remark.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <climits>
#include <cstdio>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i % 1000 * 31 + k) % 11 - 5;
  return s + i % 997;
}
[[pure]] long uheavy(unsigned long i) { return heavy(static_cast<long>(i % 100000)); }

int main(int argc, char **) {
  // Four iterations from LONG_MIN to LONG_MAX - 3: e - b is 2^64 - 5.
  long a = 0;
  for (long i = LONG_MIN; i < LONG_MAX - 4; i += (1L << 62) - 1)
    a += heavy(i);
  // CHECK: {{^}}  a = ::purecc::wrapping_add<long>(a, ::purecc::parallel_reduce(0, (static_cast<std::int64_t>((LONG_MAX - 4)) > static_cast<std::int64_t>(LONG_MIN) ? static_cast<std::int64_t>(((static_cast<std::uint64_t>(static_cast<std::int64_t>((LONG_MAX - 4))) - static_cast<std::uint64_t>(static_cast<std::int64_t>(LONG_MIN))) - 1) / 4611686018427387903u + 1) : 0), long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { long i = static_cast<long>(static_cast<std::uint64_t>(static_cast<std::int64_t>(LONG_MIN)) + 4611686018427387903u * static_cast<std::uint64_t>(purecc_k{{[0-9]+}}));
  // REMARK: stride-loops-wide.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  long e = 0;
  for (long i = LONG_MAX; i > LONG_MIN + 4; i -= (1L << 62) - 1)
    e += heavy(i);
  // REMARK: stride-loops-wide.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'e' [purecc-reduction]
  std::printf("steps: %ld %ld\n", a, e);
  // OUT: steps: -2174 574

  // Counting down by one to LONG_MIN: k == -i would need -LONG_MIN.
  long b = 0;
  for (long i = LONG_MIN + 10; i > LONG_MIN; --i)
    b += heavy(i);
  // CHECK: {{^}}  b = ::purecc::wrapping_add<long>(b, ::purecc::parallel_reduce(0, (static_cast<std::int64_t>((LONG_MIN + 10)) > static_cast<std::int64_t>(LONG_MIN) ? static_cast<std::int64_t>((static_cast<std::uint64_t>(static_cast<std::int64_t>((LONG_MIN + 10))) - static_cast<std::uint64_t>(static_cast<std::int64_t>(LONG_MIN)))) : 0), long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { long i = static_cast<long>(static_cast<std::uint64_t>(static_cast<std::int64_t>((LONG_MIN + 10))) - static_cast<std::uint64_t>(purecc_k{{[0-9]+}}));
  // REMARK: stride-loops-wide.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  // An unsigned counter crossing 2^63: -i as std::int64_t jumps there.
  long c = 0;
  for (unsigned long i = (1UL << 63) + 5; i > (1UL << 63) - 5; --i)
    c += uheavy(i);
  // CHECK: {{^}}  c = ::purecc::wrapping_add<long>(c, ::purecc::parallel_reduce(0, (static_cast<std::uint64_t>(static_cast<std::int64_t>((1UL << 63) + 5)) > static_cast<std::uint64_t>(static_cast<std::int64_t>((1UL << 63) - 5)) ?
  // REMARK: stride-loops-wide.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  long d = 0;
  for (unsigned long i = (1UL << 63) + 5; i-- > (1UL << 63) - 5;)
    d += uheavy(i);
  // CHECK: { unsigned long i = static_cast<unsigned long>(static_cast<std::uint64_t>(static_cast<std::int64_t>((1UL << 63) + 5)) - 1u - static_cast<std::uint64_t>(purecc_k{{[0-9]+}}));
  // REMARK: stride-loops-wide.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'd' [purecc-reduction]
  std::printf("down: %ld %ld %ld\n", b, c, d);
  // OUT-NEXT: down: -13729 379 355

  // The same with bounds known only at run time.
  long lo = LONG_MIN + argc - 1, hi = LONG_MAX - 3 - argc;
  long f = 0;
  for (long i = lo; i < hi; i += (1L << 62) - 1)
    f += heavy(i);
  // REMARK: stride-loops-wide.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'f' [purecc-reduction]
  long g = 0;
  for (long i = lo + 10; i > lo; --i)
    g += heavy(i);
  // REMARK: stride-loops-wide.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'g' [purecc-reduction]
  // A start of LONG_MIN: no iterations, and -b is taken only when there are.
  long z = 0;
  for (long i = lo; i >= 0; --i)
    z += heavy(i);
  // CHECK: {{^}}  z = ::purecc::wrapping_add<long>(z, ::purecc::parallel_reduce((static_cast<std::int64_t>(lo) >= static_cast<std::int64_t>(0) ? -static_cast<std::int64_t>(lo) : 1 - static_cast<std::int64_t>(0)), 1 - static_cast<std::int64_t>(0), long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { long i = static_cast<long>(-purecc_k{{[0-9]+}});
  // REMARK: stride-loops-wide.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'z' [purecc-reduction]
  std::printf("run time: %ld %ld %ld\n", f, g, z);
  // OUT-NEXT: run time: -2174 -13729 0

  // `i += 3UL` adds in 'unsigned long': past LONG_MAX the counter would wrap
  // around to negative values and the loop go on. (Constant bounds that
  // keep it below LONG_MAX would be rewritten: stride-loops.cpp.)
  long h = 0, hundred = 99 + argc;
  for (long i = 0; i < hundred; i += 3UL)
    h += heavy(i);
  // REMARK: stride-loops-wide.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('long') counts in steps of 3 computed in 'unsigned long', in which it wraps around instead of overflowing [purecc-missed-reduction]
  std::printf("unsigned step: %ld\n", h);
  // OUT-NEXT: unsigned step: 1669
}
