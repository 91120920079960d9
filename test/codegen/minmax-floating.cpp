// A floating-point max/min reduction selects one of its terms, so the tree
// must pick the same one as the loop, bit for bit: the identity is an
// infinity, a NaN term is skipped as the loop's comparison skips it, a NaN
// initial value stays, and of equal values (+0.0 and -0.0) the first or the
// last is kept as the loop's step keeps it. Steps a tree cannot reproduce
// stay serial with a remark. None of this depends on '--fp-reassoc'.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks --fp-reassoc=off %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

[[pure]] double logp(long i) { return std::log(double(i % 1)); } // log(0): every term is -inf
// Ties of -0.0 and +0.0 (first -0.0, last +0.0), NaN and -inf terms.
[[pure]] double zeros(long i) {
  switch (i % 5) {
  case 0: return -0.0;
  case 1: return 0.0;
  case 2: return std::sqrt(-1.0 - i % 2); // NaN
  case 3: return std::log(0.0 * i);       // -inf
  default: return -0.0;
  }
}
[[pure]] double mirrored(long i) { return -zeros(i); }
[[pure]] float wave(long i) { return i % 97 == 13 ? std::sqrt(-1.0f) : std::sin(float(i)); }

void show(const char *what, double v) { std::printf("%s %a\n", what, v); }

int main() {
  const long n = 5002; // the last term is +0.0
  double m = -HUGE_VAL;
  for (long i = 0; i < 5000; ++i)
    m = std::max(m, logp(i));
  // CHECK: {{^}}  m = (std::max)(m, ::purecc::parallel_reduce(0, 5000, -std::numeric_limits<double>::infinity(), [&](std::int64_t i) -> double { double purecc_acc_{{[0-9]+}} = -std::numeric_limits<double>::infinity();
  // REMARK: minmax-floating.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  show("all -inf:", m);
  // OUT: all -inf: -inf{{$}}

  double first = -HUGE_VAL, last = -HUGE_VAL, tern = -HUGE_VAL, tern_last = -HUGE_VAL;
  for (long i = 0; i < n; ++i) {
    double z = zeros(i);
    first = std::max(first, z);
    if (z >= last) last = z;
  }
  // CHECK: {{^}}  { auto [purecc_r0_0, purecc_r0_1] = ::purecc::parallel_reduce(0, n, std::tuple<double, double>{-std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()},
  // CHECK: }, [](const std::tuple<double, double> &purecc_lhs, const std::tuple<double, double> &purecc_rhs) { return std::tuple<double, double>{(std::max)(std::get<0>(purecc_lhs), std::get<0>(purecc_rhs)), std::get<1>(purecc_rhs) >= std::get<1>(purecc_lhs) ? std::get<1>(purecc_rhs) : std::get<1>(purecc_lhs)}; }); first = (std::max)(first, purecc_r0_0); last = purecc_r0_1 >= last ? purecc_r0_1 : last; }
  // REMARK: minmax-floating.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'first' and 'last' [purecc-reduction]
  show("max, first of equals:", first);
  show("max, last of equals:", last);
  // OUT-NEXT: max, first of equals: -0x0p+0
  // OUT-NEXT: max, last of equals: 0x0p+0
  for (long i = 0; i < n; ++i)
    tern = zeros(i) > tern ? zeros(i) : tern;
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'tern' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    tern_last = tern_last <= zeros(i) ? zeros(i) : tern_last;
  // CHECK: {{^}}  { auto [purecc_r1_0] = ::purecc::parallel_reduce(0, n, std::tuple<double>{-std::numeric_limits<double>::infinity()}
  // REMARK: minmax-floating.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'tern_last' [purecc-reduction]
  show("ternary, first:", tern);
  show("ternary, last:", tern_last);
  // OUT-NEXT: ternary, first: -0x0p+0
  // OUT-NEXT: ternary, last: 0x0p+0

  // Minima over +0.0, -0.0, NaN and +inf; braces around the selection.
  double lo = HUGE_VAL, lo_last = HUGE_VAL;
  for (long i = 0; i < n; ++i) {
    double z = mirrored(i);
    lo = std::min(lo, z);
    if (lo_last >= z) {
      lo_last = z;
    }
  }
  // REMARK: minmax-floating.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'lo' and 'lo_last' [purecc-reduction]
  show("min, first of equals:", lo);
  show("min, last of equals:", lo_last);
  // OUT-NEXT: min, first of equals: 0x0p+0
  // OUT-NEXT: min, last of equals: -0x0p+0

  // A NaN initial value stays: the loop's comparisons with it are false.
  double sticky = std::nan("");
  float fbest = -std::numeric_limits<float>::infinity();
  for (long i = 0; i < n; ++i) {
    if (zeros(i) > sticky)
      sticky = zeros(i);
    if (wave(i) > fbest)
      fbest = wave(i);
  }
  // REMARK: minmax-floating.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'sticky' and 'fbest' [purecc-reduction]
  show("NaN initial value:", sticky);
  show("float max:", fbest);
  // OUT-NEXT: NaN initial value: nan
  // OUT-NEXT: float max: 0x1.fffef4p-1

  // An empty range leaves the initial value, +0.0 or -0.0.
  double none = -0.0;
  long k = n;
  for (long i = k; i < k - 1; ++i)
    none = std::max(none, zeros(i));
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'none' [purecc-reduction]
  show("empty:", none);
  // OUT-NEXT: empty: -0x0p+0

  // A NaN term replaces the accumulator here: no tree reproduces that.
  double nan_wins = -HUGE_VAL, fm = -HUGE_VAL, repl = -HUGE_VAL;
  for (long i = 0; i < n; ++i)
    nan_wins = std::max(zeros(i), nan_wins);
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:3: remark: loop not parallelized: a NaN term replaces 'nan_wins' in 'std::max(..., nan_wins)', which no tree order reproduces; 'std::max(nan_wins, ...)' skips NaN terms [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    repl = zeros(i) < repl ? repl : zeros(i);
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:3: remark: loop not parallelized: a NaN term replaces 'repl' in its 'max'/'min' step, which no tree order reproduces [purecc-missed-reduction]
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:37: remark: calls to 'zeros' and 'zeros' not parallelized: 'zeros(i)' is evaluated only when 'zeros(i) < repl' is false [purecc-missed-parallel-calls]
  for (long i = 0; i < n; ++i)
    fm = std::fmax(fm, zeros(i));
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'fmax' leaves the sign of its result for equal zeros to the library, so no tree order is sure to reproduce it [purecc-missed-reduction]
  show("std::max(e, m):", nan_wins);
  show("replaced on false:", repl);
  // Which zero fmax returns differs between -O0 and -O1 with g++ 12 (one
  // more reason no tree can promise it): only its value is printed.
  std::printf("fmax is zero: %d\n", fm == 0.0);
  // OUT-NEXT: std::max(e, m): 0x0p+0
  // OUT-NEXT: replaced on false: 0x0p+0
  // OUT-NEXT: fmax is zero: 1

  // Mixed ties on one accumulator.
  double mixed = -HUGE_VAL;
  for (long i = 0; i < n; ++i) {
    mixed = std::max(mixed, zeros(i));
    if (mirrored(i) >= mixed) mixed = mirrored(i);
  }
  // REMARK: minmax-floating.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'mixed' keeps the first of equal values in one step and the last in another, which no tree order reproduces [purecc-missed-reduction]
  show("mixed:", mixed);
  // OUT-NEXT: mixed: inf

  // Integers have no NaN and equal values are equal bits: any form works.
  long imax = 0;
  for (long i = 0; i < n; ++i)
    imax = std::max(long(zeros(i) == 0.0 ? i % 1000 : 0), imax);
  // REMARK: minmax-floating.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'imax' [purecc-reduction]
  std::printf("int max: %ld\n", imax);
  // OUT-NEXT: int max: 999
}
