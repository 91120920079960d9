// Counted loops that count down or in constant steps: the runtime numbers
// the iterations 0, 1, 2, ... in serial order and the leaf computes the
// counter's value (`i == -k` counting down by one, `i == b + s*k` in steps
// of s). The count is computed in the counter's own type; a loop that may
// wrap around stays serial with a remark. Floating sums keep the tree over
// iteration numbers, the same at every thread count.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstddef>
#include <cstdio>
#include <vector>

// `unsigned i >= 0` is what one of the loops is about.
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wtype-limits"
#ifdef __clang__
#pragma clang diagnostic ignored "-Wtautological-unsigned-zero-compare"
#endif

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i * 31 + k) % 11 - 5;
  return s * (i % 13 + 1);
}
[[pure]] double fheavy(long i) {
  double s = 0;
  for (long k = 0; k < 40; ++k)
    s += double((i * 17 + k) % 13) / 7.0;
  return s / double(i % 5 + 1);
}

int main(int argc, char **) {
  int n = 2000 + argc; // run-time bounds

  long b = 0;
  for (int i = n; i > 0; --i)
    b += heavy(i) * i;
  // CHECK: {{^}}  b = ::purecc::wrapping_add<long>(b, ::purecc::parallel_reduce(-static_cast<std::int64_t>(n), -static_cast<std::int64_t>(0), long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { int i = static_cast<int>(-purecc_k{{[0-9]+}}); ::purecc::wrapping<long> purecc_acc_{{[0-9]+}} = long{};
  // REMARK: stride-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  std::printf("down: %ld\n", b);
  // OUT: down: 156156

  // Unsigned counters counting down: `i-- > 0` and `--i` while `i >= 1`.
  std::size_t m = static_cast<std::size_t>(n);
  long c = 0;
  for (std::size_t i = m; i-- > 0;)
    c += heavy(static_cast<long>(i)) * static_cast<long>(i + 1);
  // CHECK: {{^}}  c = ::purecc::wrapping_add<long>(c, ::purecc::parallel_reduce(1 - static_cast<std::int64_t>(m), 1 - static_cast<std::int64_t>(static_cast<unsigned long>(0)), long{},
  // REMARK: stride-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  long d = 0;
  for (unsigned i = n; i >= 1; i--)
    d += heavy(i) * (i % 5);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'd' [purecc-reduction]
  std::printf("unsigned down: %ld %ld\n", c, d);
  // OUT-NEXT: unsigned down: 156156 1101

  // `i >= 0` with an unsigned counter never ends; `i >= k` with a run-time
  // k may never end either: serial (and not run).
  long e = 0;
  if (argc > 100) {
    for (unsigned i = n; i >= 0; --i)
      e += heavy(i);
    // REMARK: stride-loops.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'i' ('unsigned int') wraps around before it is sure to reach the bound [purecc-missed-reduction]
    for (unsigned i = n; i >= unsigned(argc); --i)
      e += heavy(i);
    // REMARK: stride-loops.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'i' ('unsigned int') wraps around before it is sure to reach the bound [purecc-missed-reduction]
    std::printf("never: %ld\n", e);
  }

  // Steps of 3 up and of 7 down, `<=` and `>=`, a cast in the condition.
  long f = 0, g = 0, h = 0;
  for (int i = -5; i < n; i += 3)
    f += heavy(i) * i;
  // CHECK: {{^}}  f = ::purecc::wrapping_add<long>(f, ::purecc::parallel_reduce(0, ::purecc::trips_until(static_cast<std::int64_t>(-5), static_cast<std::int64_t>(n), 3), long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { int i = static_cast<int>(static_cast<std::int64_t>(-5) + 3 * purecc_k{{[0-9]+}}); ::purecc::wrapping<long> purecc_acc_{{[0-9]+}} = long{};
  // REMARK: stride-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'f' [purecc-reduction]
  for (long i = n; i >= -40; i -= 7)
    g += heavy(i) ^ i;
  // CHECK: {{^}}  g = ::purecc::wrapping_add<long>(g, ::purecc::parallel_reduce(0, ::purecc::trips_through(static_cast<std::int64_t>(-40), static_cast<std::int64_t>(n), 7), long{}, [&](std::int64_t purecc_k{{[0-9]+}}) -> long { long i = static_cast<long>(static_cast<std::int64_t>(n) - 7 * purecc_k{{[0-9]+}}); ::purecc::wrapping<long> purecc_acc_{{[0-9]+}} = long{};
  // REMARK: stride-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'g' [purecc-reduction]
  for (int i = 0; (unsigned)i < m; ++i)
    h += heavy(i) * (i % 3);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  std::printf("steps: %ld %ld %ld\n", f, g, h);
  // OUT-NEXT: steps: -569687 15712 -390

  // An unsigned counter in steps of 3 may wrap around past the bound.
  long w = 0;
  for (unsigned i = 1; i < m; i += 3)
    w += heavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned int') counts in steps of 3 and may wrap around [purecc-missed-reduction]
  std::printf("unsigned step: %ld\n", w);
  // OUT-NEXT: unsigned step: -468

  // Constant bounds that keep it in range: it cannot wrap (user46 k09), up
  // to the last value below the bound or down to the last above it.
  long cu = 0, cd = 0, cw = 0;
  for (unsigned i = 2; i < 4000; i += 3)
    cu += heavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'cu' [purecc-reduction]
  for (unsigned long i = 3999; i >= 5; i -= 5)
    cd += heavy(long(i));
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'cd' [purecc-reduction]
  // The step after 4294967293 wraps to 0, below the bound: 1431655765 more
  // iterations (not run here).
  if (argc > 5)
    for (unsigned i = 4294967290u; i < 4294967295u; i += 3)
      cw += heavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'i' ('unsigned int') counts in steps of 3 and may wrap around [purecc-missed-reduction]
  // The last value below the bound is 4294967292, and the step after it
  // ends the loop: it stays in range.
  for (unsigned i = 4294957293u; i < 4294967295u; i += 3)
    cw += heavy(i % 1000);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'cw' [purecc-reduction]
  std::printf("constant bounds: %ld %ld %ld\n", cu, cd, cw);
  // OUT-NEXT: constant bounds: -495 115 -1003

  // A floating sum counting down, and a map in steps of 2 from the end.
  double s = 0;
  for (int i = n; i > 0; --i)
    s += fheavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::vector<long> out(static_cast<std::size_t>(n) + 1, -1);
  for (int i = n; i >= 0; i -= 2)
    out[i] = heavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  long check = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    check = check * 5 + out[i];
  std::printf("floating down: %.10g, map: %ld\n", s, check);
  // OUT-NEXT: floating down: 31331.73333, map: -3565004099069969013

  // A step that is not a constant: with step <= 0 the loop would not end,
  // so it runs in parallel under a run-time guard (variable-stride.cpp).
  int step = n > 0 ? 4 : 0;
  long v = 0;
  for (int i = 0; i < n; i += step)
    v += heavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'v' [purecc-reduction]
  std::printf("variable step: %ld\n", v);
  // OUT-NEXT: variable step: 283

  // Counters narrower than 'int' step in 'int' and convert back: constant
  // bounds that keep the step after the last value in the type count like
  // a wide counter (adv48 t23); one more step that wraps stays serial.
  long na = 0, nb = 0, nc = 0, nd = 0;
  for (unsigned char i = 1; i < 250; i += 7)
    na += heavy(i);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'na' [purecc-reduction]
  for (unsigned short j = 0; j < 60000; j += 3)
    nb += heavy(j) % 7;
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'nb' [purecc-reduction]
  for (short j = 100; j > -100; j -= 9)
    nc += heavy(j);
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'nc' [purecc-reduction]
  // 0, 7, ..., 252, then 259 wraps to 3: 3, 10, ..., 248, and 255 ends it.
  for (unsigned char i = 0; i < 255; i += 7)
    nd += heavy(i) * i;
  // REMARK: stride-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned char') is narrower than 'int' and counts in steps of 7, which may wrap around [purecc-missed-reduction]
  std::printf("narrow: %ld %ld %ld %ld\n", na, nb, nc, nd);
  // OUT-NEXT: narrow: 127 5 20955 -34327
  return 0;
}
