// A selection whose update block may end early (`continue`, `break`,
// `return` in it) is not a selection: an iteration that leaves the block
// sets part of it (arg) and not the rest (best), so the payloads no longer
// belong to the best. It stays serial with the true reason; the rewritten
// program used to print `F -5 50` and `E -21.996 -1` where the serial one
// prints `F -5 200` and `E ... 4`. A `continue` of an inner loop inside the
// block does not leave it.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>

[[pure]] double key(long i) {
  double s = 0;
  for (long k = 0; k < 200; ++k)
    s += std::sin(static_cast<double>(i * k % 13)) * 1e-9;
  return s + (i == 50 ? -5.0 : i == 150 ? -10.0 : i == 200 ? -7.0 : 0.0);
}

[[pure]] double wave(long i) { return std::sin(static_cast<double>(i) * 0.37) * 22.0; }

int main(int argc, char **) {
  long n = 3000 * argc;
  double best = HUGE_VAL;
  long arg = -1;
  for (long i = 0; i < n; ++i) {
    double d = key(i);
    if (d < best) {
      arg = i;
      if (i > 100)
        continue;
      best = d;
    }
  }
  // REMARK: argminmax-early-exit.cpp:[[@LINE-9]]:3: remark: loop not parallelized: the block that updates 'best' may end early ('continue'), leaving part of the selection unset [purecc-missed-reduction]
  std::printf("F %g %ld\n", best, arg);
  // OUT: F -5 200

  double low = HUGE_VAL;
  long at = -1;
  for (long i = 0; i < n; ++i) {
    double d = wave(i);
    if (d < low) {
      low = d;
      if (i > 5)
        continue;
      at = i;
    }
  }
  // REMARK: argminmax-early-exit.cpp:[[@LINE-9]]:3: remark: loop not parallelized: the block that updates 'low' may end early ('continue'), leaving part of the selection unset [purecc-missed-reduction]
  std::printf("E %.3f %ld\n", low, at);
  // OUT-NEXT: E -22.000 0

  // An inner loop's 'continue' stays inside the block: still a selection.
  double lo2 = HUGE_VAL;
  long at2 = -1, odd = 0;
  for (long i = 0; i < n; ++i) {
    double d = wave(i);
    if (d < lo2) {
      lo2 = d;
      long t = 0;
      for (long j = 0; j < 3; ++j) {
        if (j == 1)
          continue;
        t += j;
      }
      at2 = i + t - 2;
    }
  }
  // REMARK: argminmax-early-exit.cpp:[[@LINE-13]]:3: remark: loop rewritten as a parallel selection of 'lo2' with 'at2' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("W %.3f %ld %ld\n", lo2, at2, odd);
  // OUT-NEXT: W -22.000 692 0
}
