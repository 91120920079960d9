// A nest whose inner loop folds into the outer loop's accumulator is one
// reduction over the outer loop: its leaves run the inner loop serially,
// instead of one small parallel reduction per outer iteration.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long cell(long i, long j) { return (i * 7 + j * 13) % 101; }

int main() {
  long total = 0;
  for (long i = 0; i < 400; ++i)
    for (long j = 0; j < 400; ++j)
      total += cell(i, j);
  // CHECK: {{^}}  total = ::purecc::wrapping_add<long>(total, ::purecc::parallel_reduce(0, 400, long{}, [&](std::int64_t i) -> long { ::purecc::wrapping<long> [[ACC:purecc_acc_[0-9]+]] = long{}; {
  // CHECK-NEXT: {{^}}    for (long j = 0; j < 400; ++j)
  // CHECK-NEXT: {{^}}      [[ACC]] += cell(i, j); } return [[ACC]]; }, [](long purecc_lhs, long purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }));
  // REMARK: nested-reductions.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  std::printf("%ld\n", total);
  // OUT: 8000016

  // Rows kept in a local of the outer body: the inner loop is a reduction of
  // its own, the outer one a reduction of what the rows add up to.
  long best = 0;
  for (long i = 0; i < 2000; ++i) {
    // REMARK: nested-reductions.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'best' [purecc-reduction]
    long row = 0;
    for (long j = 0; j < 2000; ++j)
      row += cell(i, j);
    // REMARK: nested-reductions.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 2000 iterations of loop-free work (about 8 operations each) are too little to share [purecc-missed-reduction]
    if (row > best)
      best = row;
  }
  std::printf("%ld\n", best);
  // OUT-NEXT: 100148

  // An inner while loop and a break inside the inner loop run serially in
  // the leaves too.
  long capped = 0;
  for (long i = 0; i < 3000; ++i) {
    long j = 0;
    while (j < 10)
      capped += cell(i, j++);
    for (long k = 0; k < 100; ++k) {
      if (cell(i, k) == 0)
        break;
      capped += 1;
    }
  }
  // REMARK: nested-reductions.cpp:[[@LINE-10]]:3: remark: loop rewritten as a parallel reduction of 'capped' [purecc-reduction]
  std::printf("%ld\n", capped);
  // OUT-NEXT: 1649792
}
