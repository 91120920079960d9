// A counted loop whose condition compares the counter with a floating-point
// bound (`i < 7.5`, `i >= lo` with a double lo) stays serial, with the true
// reason: the comparison converts the counter to the floating type, and a
// trip count from the bound converted to an integer was off by one (7.5
// truncated to 7: the rewritten loop missed i == 7; `i >= 2.5` counting down
// ran i == 2, which the serial loop never does), also in a selection.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>

[[pure]] long h(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x ^ k) % 7;
  return s;
}

[[pure]] double key(long i) { return std::fabs(static_cast<double>(i) - 2.2) + h(i) * 1e-9; }

int main(int argc, char **) {
  long c = 0, d = 0, e = 0, f = 0, g = 0;
  for (long i = -10; i <= -2.5; ++i)
    c += h(i) * i;
  // REMARK: loop-floating-bounds.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'i <= -2.5' compares 'i' as 'double': only conditions that compare integers are counted [purecc-missed-reduction]
  for (long i = 0; i < 7.5; ++i)
    d += h(i) * i;
  // REMARK: loop-floating-bounds.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'i < 7.5' compares 'i' as 'double': only conditions that compare integers are counted [purecc-missed-reduction]
  for (long i = 5; i > -2.5; --i)
    e += h(i) * i;
  // REMARK: loop-floating-bounds.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'i > -2.5' compares 'i' as 'double': only conditions that compare integers are counted [purecc-missed-reduction]
  const double x = 7.5 * argc;
  for (long i = 0; i < x; i += 2)
    f += h(i) * i;
  // REMARK: loop-floating-bounds.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'i < x' compares 'i' as 'double': only conditions that compare integers are counted [purecc-missed-reduction]
  for (unsigned i = 3; i < 9.5f; i += 2)
    g += h(i) * i;
  // REMARK: loop-floating-bounds.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'i < 9.5f' compares 'i' as 'float': only conditions that compare integers are counted [purecc-missed-reduction]
  std::printf("%ld %ld %ld %ld %ld\n", c, d, e, f, g);
  // OUT: 46587 25006 16119 10714 21441

  double best = HUGE_VAL;
  long arg = -1;
  for (long i = 40; i >= 2.5; --i) {
    double k = key(i);
    if (k < best) {
      best = k;
      arg = i;
    }
  }
  // REMARK: loop-floating-bounds.cpp:[[@LINE-7]]:3: remark: loop not parallelized: the condition 'i >= 2.5' compares 'i' as 'double': only conditions that compare integers are counted [purecc-missed-reduction]
  std::printf("%.3f %ld\n", best, arg);
  // OUT-NEXT: 0.800 3
}
