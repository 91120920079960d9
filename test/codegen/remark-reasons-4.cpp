// Never silent, and the true reason (4): updates that look like
// accumulations but are none of the recognized steps say which they are
// (an element at a computed index, a volatile, a 'std::complex' of an
// integer type, a 'std::complex' prepended to, 'std::min' over a braced list, a 'std::deque',
// a selection under '!' or inside a nested loop); a comma body of two
// steps, a step under '[[likely]]'/'[[unlikely]]', a member, a structured
// binding and a 'std::complex<double>' sum are rewritten
// (test/codegen/member-accumulators.cpp has more of those).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <deque>
#include <limits>
#include <utility>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
// Wraps: the products overflow 'unsigned long' many times over.
[[pure]] unsigned long wide(long x) { return (unsigned long)heavy(x) * 0x9e3779b97f4a7c15ul; }
[[pure]] long bucket(long x) { return heavy(x) % 16; }
// NaN, -0.0, +0.0, +inf and -inf among ordinary values.
[[pure]] double value(long i) {
  long h = heavy(i);
  if (i % 500 == 7)
    return std::numeric_limits<double>::quiet_NaN();
  if (i % 700 == 3)
    return -0.0;
  if (i % 900 == 5)
    return std::numeric_limits<double>::infinity();
  if (i == 1234)
    return -std::numeric_limits<double>::infinity();
  return double(h % 41) - 20.0;
}

struct Totals {
  long total;
};

int main() {
  long n = 3000;

  // Two steps joined by a comma: one reduction of both (the unsigned one
  // wraps).
  long s3 = 0;
  unsigned long t3 = 5;
  for (long i = 0; i < n; ++i)
    s3 += heavy(i), t3 += wide(i);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's3' and 't3' [purecc-reduction]
  std::printf("comma %ld %lu\n", s3, t3);
  // OUT: comma 1800008 2287796941810542829

  // '[[likely]]' and '[[unlikely]]' are hints: the step under them is one.
  long lk = 0;
  unsigned long uk = 1; // wraps
  for (long i = 0; i < n; ++i) {
    long v = heavy(i);
    if (v > 600) [[likely]]
      lk += v;
    else [[unlikely]]
      uk *= 3;
  }
  // REMARK: remark-reasons-4.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'lk' and 'uk' [purecc-reduction]
  std::printf("likely %ld %lu\n", lk, uk);
  // OUT-NEXT: likely 776746 8343447221542790601

  Totals st{0};
  for (long i = 0; i < n; ++i)
    st.total += heavy(i);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'st.total' [purecc-reduction]

  auto [a, b] = std::pair{0L, 1L};
  for (long i = 0; i < n; ++i)
    a += heavy(i);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]

  long h[16] = {};
  for (long i = 0; i < n; ++i)
    h[bucket(i)]++;
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'h' is written at an index computed by 'bucket(i)'; several iterations may write one element [purecc-missed-reduction]

  volatile long vs = 0;
  for (long i = 0; i < n; ++i)
    vs = vs + heavy(i);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'vs' is volatile: each of its reads and writes must happen as the loop makes them [purecc-missed-reduction]

  std::complex<double> z{0, 0};
  for (long i = 0; i < n; ++i)
    z += std::complex<double>(double(heavy(i) % 8), 1.0);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'z' [purecc-reduction]
  std::complex<long> zl{0, 0};
  for (long i = 0; i < n; ++i)
    zl += std::complex<long>(heavy(i) % 8, 1);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'zl' is a 'std::complex<long>': only a 'std::complex' of a floating-point type is combined [purecc-missed-reduction]

  // (A string prepended to is a concatenation: concatenation-prepend.cpp.)
  std::complex<double> pre{1, 0};
  for (long i = 0; i < n; ++i)
    pre = std::complex<double>(0.0, heavy(i) % 2 ? 1.0 : -1.0) * pre;
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'pre' is a 'std::complex<double>', whose '*' is not combined: only its '+' and '-' (a floating-point sum of each component) are [purecc-missed-reduction]

  long mn = 1L << 40;
  for (long i = 0; i < n; ++i)
    mn = std::min({mn, heavy(i), heavy(i + 1)});
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'mn' is a minimum over a braced list ('mn = std::min({mn, heavy(i), heavy(i + 1)})'): only 'std::min(mn, e)' with two arguments is recognized [purecc-missed-reduction]
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:24: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]

  std::deque<long> dq;
  for (long i = 0; i < n; ++i)
    dq.push_back(heavy(i));
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'dq' is a 'std::deque<long>': only appends to a 'std::string' or a 'std::vector' are combined in order [purecc-missed-reduction]

  long last = 0, s8 = 0, t8 = 0;
  for (long i = 0; i < n; ++i)
    last = heavy(i);
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'last' is overwritten in the loop body ('last = heavy(i)'): a variable from outside the loop is combined only by updates such as 'last += e' or a maximum [purecc-missed-reduction]
  // A comma whose second side is no step: the loop is not a reduction.
  for (long i = 0; i < n; ++i)
    s8 += heavy(i), t8 = i;
  // REMARK: remark-reasons-4.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 't8' is overwritten in the loop body ('t8 = i'): a variable from outside the loop is combined only by updates such as 't8 += e' or a maximum [purecc-missed-reduction]
  std::printf("last %ld %ld %ld\n", last, s8, t8);
  // OUT-NEXT: last 604 1800008 2999

  std::printf("serial %ld %ld %ld %ld %g %g %g %g %ld %zu %ld %ld %ld\n", st.total, a, h[bucket(1)], (long)vs,
              z.real(), z.imag(), pre.real(), pre.imag(), mn, dq.size(), dq[n - 1], zl.real(), zl.imag());
  // OUT-NEXT: serial 1800008 1800008 429 1800008 10288 3000 1 0 594 3000 604 10288 3000

  // With a NaN term '!(d <= wb)' replaces whatever 'wb' holds, and the term
  // after the NaN replaces it again: 5, then 3, NaN, 2 ends at 2, while the
  // partial results 5 and 2 would give 5.
  double wb = -std::numeric_limits<double>::infinity();
  long wa = -1;
  for (long i = 0; i < n; ++i) {
    double d = value(i);
    if (!(d <= wb)) {
      wb = d;
      wa = i;
    }
  }
  // REMARK: remark-reasons-4.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'wb' is selected under a negated comparison ('!(d <= wb)'): a NaN term replaces whatever 'wb' holds and every term after it replaces the NaN, which no tree order reproduces [purecc-missed-reduction]
  long ib = -1000, ia = -1;
  for (long i = 0; i < n; ++i) {
    long d = heavy(i) % 1000;
    if (!(d <= ib)) {
      ib = d;
      ia = i;
    }
  }
  // REMARK: remark-reasons-4.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'ib' is selected under a negated comparison ('!(d <= ib)'): only a comparison written without '!' is recognized [purecc-missed-reduction]
  std::printf("negated %g %ld %ld %ld\n", wb, wa, ib, ia);
  // OUT-NEXT: negated inf 2705 606 1

  // A selection that carries other values, in the inner loop of a nest.
  long m = -1000, ai = -1, aj = -1;
  for (long i = 0; i < 60; ++i)
    for (long j = 0; j < 50; ++j) {
      long v = heavy(i * 50 + j) * (i ^ j);
      if (v > m) {
        m = v;
        ai = i;
        aj = j;
      }
    }
  // REMARK: remark-reasons-4.cpp:[[@LINE-9]]:3: remark: loop not parallelized: 'm' is selected with 'ai' and 'aj' inside the nested loop on line [[@LINE-8]]: a selection that carries other values is recognized only in the body of the loop that is shared, not in a loop nested in it [purecc-missed-reduction]
  // REMARK: remark-reasons-4.cpp:[[@LINE-9]]:5: remark: loop rewritten as a parallel selection of 'm' with 'ai' and 'aj' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("nest %ld %ld %ld\n", m, ai, aj);
  // OUT-NEXT: nest 37800 14 49
}
