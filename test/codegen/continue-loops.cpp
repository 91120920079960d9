// A `continue` of the parallelized loop ends one iteration: in the leaf
// lambda that runs one iteration it becomes `return` with what the
// iteration has accumulated so far (reductions) or a plain `return` (maps).
// A `continue` of an inner loop stays as it is; one inside a `switch`
// continues the loop and is rewritten like any other.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <vector>

[[pure]] bool safe(unsigned cols, unsigned d1, unsigned d2, int row, int col, int n) {
  return !(cols >> col & 1u) && !(d1 >> (row + col) & 1u) && !(d2 >> (row - col + n - 1) & 1u);
}

// n-queens as people write it: the column loop skips unsafe columns.
[[pure]] long queens(int n, int row, unsigned cols, unsigned d1, unsigned d2) {
  if (row == n)
    return 1;
  long count = 0;
  for (int col = 0; col < n; ++col) {
    if (!safe(cols, d1, d2, row, col, n))
      continue;
    count += queens(n, row + 1, cols | 1u << col, d1 | 1u << (row + col),
                    d2 | 1u << (row - col + n - 1));
  }
  // CHECK: {{^}}  count = ::purecc::wrapping_add<long>(count, ::purecc::parallel_reduce(0, n, long{}, [&](std::int64_t purecc_i{{[0-9]+}}) -> long { int col = static_cast<int>(purecc_i{{[0-9]+}}); ::purecc::wrapping<long> [[ACC:purecc_acc_[0-9]+]] = long{};
  // CHECK-NEXT: {{^}}    if (!safe(cols, d1, d2, row, col, n))
  // CHECK-NEXT: {{^}}      return [[ACC]];
  // REMARK: continue-loops.cpp:[[@LINE-9]]:3: remark: loop rewritten as a parallel reduction of 'count' [purecc-reduction]
  return count;
}

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i * 31 + k) % 11;
  return s;
}
[[pure]] double fheavy(long i) {
  double s = 0;
  for (long k = 0; k < 40; ++k)
    s += double((i * 17 + k) % 13) / 7.0;
  return s;
}

int main(int argc, char **) {
  std::printf("queens(8): %ld\n", queens(8, 0, 0, 0, 0));
  // OUT: queens(8): 92

  // A map that leaves some elements alone.
  std::vector<long> out(2000, -1);
  for (int i = 0; i < 2000; ++i) {
    if (i % 3 == 0)
      continue;
    out[i] = heavy(i);
  }
  // CHECK: {{^}}  ::purecc::parallel_for(0, 2000, [&](std::int64_t purecc_i{{[0-9]+}}) { int i = static_cast<int>(purecc_i{{[0-9]+}});
  // CHECK-NEXT: {{^}}    if (i % 3 == 0)
  // CHECK-NEXT: {{^}}      return;
  // REMARK: continue-loops.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  long check = 0;
  for (int i = 0; i < 2000; ++i)
    check = check * 7 + out[i];
  std::printf("map: %ld %ld %ld\n", out[3], out[4], check);
  // OUT-NEXT: map: -1 207 2787326536955696952

  // Two accumulators: a `continue` after the first one was updated keeps
  // that update.
  long a = 0, b = 1;
  for (long i = 0; i < 3000 + argc; ++i) {
    a += heavy(i);
    if (i % 4 == 1)
      continue;
    b ^= heavy(i) << (i % 7);
  }
  // CHECK: {{^}}      return std::tuple<long, long>{purecc_acc_{{[0-9]+}}, purecc_acc_{{[0-9]+}}};
  // REMARK: continue-loops.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'a' and 'b' [purecc-reduction]
  std::printf("two: %ld %ld\n", a, b);
  // OUT-NEXT: two: 600186 14080

  // The inner loop's `continue` is its own; a `continue` in a `switch`
  // is the outer loop's, and the switch's `break` is the switch's.
  long s = 0;
  for (long i = 0; i < 2000 + argc; ++i) {
    switch (i % 3) {
    case 0:
      continue;
    case 1:
      s += heavy(i);
      break;
    default:
      for (long k = 0; k < 5; ++k) {
        if (k == i % 5)
          continue;
        s += heavy(i + k);
      }
    }
    s += 1;
  }
  // CHECK: {{^}}      return purecc_acc_{{[0-9]+}};
  // CHECK: {{^}}          continue;
  // REMARK: continue-loops.cpp:[[@LINE-18]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("switch: %ld\n", s);
  // OUT-NEXT: switch: 668340

  // A floating max that skips some terms: the same value at every count.
  double m = -HUGE_VAL;
  for (long i = 0; i < 3000 + argc; ++i) {
    if (i % 4 != 2)
      continue;
    double d = fheavy(i);
    if (d > m)
      m = d;
  }
  // REMARK: continue-loops.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  std::printf("max: %.17g\n", m);
  // OUT-NEXT: max: 35.142857142857139

  // A `break` still leaves the loop early: serial.
  long t = 0;
  for (long i = 0; i < 3000 + argc; ++i) {
    if (heavy(i) > 190)
      break;
    t += heavy(i);
  }
  // REMARK: continue-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'break' leaves the loop body [purecc-missed-reduction]
  std::printf("break: %ld\n", t);
  // OUT-NEXT: break: 186
  return 0;
}
