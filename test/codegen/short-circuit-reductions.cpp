// `ok = ok && valid(i)` stops calling valid() once ok is false, and a call
// the serial loop never makes may throw (here: past the end of the table).
// Such loops stay serial; `&=` and `|=`, and `ok = valid(i) && ok` (the term
// first), which the loop evaluates for every term, are reductions.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] bool valid(const std::vector<long> &table, long i) {
  if (i >= static_cast<long>(table.size()))
    throw std::out_of_range("past the end");
  return table[i] >= 0;
}

[[pure]] long spread(long i) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (i * k + 3) % 11;
  return s;
}

int main() {
  std::vector<long> table(2000, 1);
  table[1500] = -1;
  const long n = 3000; // longer than the table: serial stops at 1500
  bool ok = true;
  for (long i = 0; i < n; ++i)
    ok = ok && valid(table, i);
  // REMARK: short-circuit-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: once 'ok' is decided, '&&' skips the remaining terms, which a parallel loop would evaluate [purecc-missed-reduction]
  bool bad = false;
  for (long i = 0; i < n; ++i)
    bad = bad || !valid(table, i);
  // REMARK: short-circuit-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: once 'bad' is decided, '||' skips the remaining terms, which a parallel loop would evaluate [purecc-missed-reduction]
  std::printf("ok %d bad %d\n", ok, bad);
  // OUT: ok 0 bad 1
  bool all = true;
  for (long i = 0; i < 2000; ++i)
    all &= valid(table, i);
  // REMARK: short-circuit-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'valid' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  try {
    for (long i = 0; i < n; ++i)
      all &= valid(table, i);
    // The code after the handler reads 'all': the serial loop leaves the
    // terms before the throw folded into it (exception-partial-results.cpp).
    // REMARK: short-circuit-reductions.cpp:[[@LINE-4]]:5: remark: loop not parallelized: 'valid' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::out_of_range &e) {
    std::printf("every term of '&=' is evaluated: %s\n", e.what());
  }
  std::printf("all %d\n", all);
  // OUT-NEXT: every term of '&=' is evaluated: past the end
  // OUT-NEXT: all 0
  // With the term first, the serial loop evaluates every term and skips
  // only the read of the accumulator: a reduction like '&='.
  bool any = false, every = true;
  for (long i = 0; i < 2000; ++i)
    any = !valid(table, i) || any;
  // REMARK: short-circuit-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'valid' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  for (long i = 0; i < 2000; ++i)
    every = (spread(i) >= 0) && every;
  // REMARK: short-circuit-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'every' [purecc-reduction]
  for (long i = 0; i < 2000; ++i)
    any = (spread(i) == 7) || any;
  // REMARK: short-circuit-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'any' [purecc-reduction]
  std::printf("any %d every %d\n", any, every);
  // OUT-NEXT: any 1 every 1
}
