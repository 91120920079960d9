// The inner loop of a nest whose outer loop stays serial: each round of
// `for (i ...) for (j ...) g[i][j] = step(g[i - 1][j], j);` reads the row
// the round before wrote, so the rounds are not shared, but the inner loop
// writes one row, `g[i]`, at the element its own j picks: a map over that
// row. It may read any row at its own column j (in the row written, that
// is its own element) and any other element of a row that differs from
// the written one by a constant (`g[i - 1][j + 1]`). A read of another
// element of the row written (`g[i][j - 1]`), a row picked by something
// the body changes, and a row of bits stay serial, saying why. A reduction
// in the inner loop of a serial outer loop is rewritten on its own.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

// NaN, -0.0 and the infinities among ordinary values.
[[pure]] double step(double up, long j) {
  if (j % 97 == 3)
    return std::nan("");
  if (j % 89 == 5)
    return -0.0;
  if (j % 83 == 6)
    return (j % 2 ? 1.0 : -1.0) / 0.0;
  double s = up * 0.5;
  for (int k = 0; k < 30; ++k)
    s = s * 0.75 + k * 1e-3;
  return s + double(j);
}

std::uint64_t h = 1469598103934665603ULL;
void mix(double d) {
  // One NaN: its sign and payload are the compiler's choice.
  std::uint64_t b = 0x7ff8000000000000ULL;
  if (d == d)
    std::memcpy(&b, &d, sizeof b);
  h = (h ^ b) * 1099511628211ULL;
}

int main(int argc, char **) {
  const long n = 40 + argc, m = 3000 + argc;
  std::vector<std::vector<double>> g(n, std::vector<double>(m, 1.0));
  for (long i = 1; i < n; ++i)
    for (long j = 0; j < m; ++j)
      g[i][j] = step(g[i - 1][j], j);
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the loop body reads 'g[i - 1][j]', an element of 'g' that another iteration may write [purecc-missed-map]
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:5: remark: loop rewritten as a parallel map over 'g[i]' [purecc-parallel-map]
  // CHECK:      {{^}}  for (long i = 1; i < n; ++i)
  // CHECK-NEXT: {{^}}    ::purecc::parallel_for(0, m, [&](std::int64_t j) { {
  // CHECK-NEXT: {{^}}      g[i][j] = step(g[i - 1][j], j); } });

  // A stencil over the row below, counting down, in a C array.
  double c[8][1500] = {};
  for (long i = 7; i-- > 0;)
    for (long j = 1; j < 1499; ++j)
      c[i][j] = step(c[i + 1][j - 1] - c[i + 1][j + 1], j) + c[i][j];
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the loop body reads 'c[i + 1][j - 1]', an element of 'c' that another iteration may write [purecc-missed-map]
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:5: remark: loop rewritten as a parallel map over 'c[i]' [purecc-parallel-map]

  // The element before in the row written: the iteration before writes it.
  for (long i = 1; i < n; ++i)
    for (long j = 1; j < m; ++j)
      g[i][j] = step(g[i][j - 1] + g[i - 1][j], j);
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the loop body reads 'g[i - 1][j]', an element of 'g' that another iteration may write [purecc-missed-map]
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:5: remark: loop not parallelized: the loop body reads 'g[i][j - 1]', an element of 'g' that another iteration may write [purecc-missed-map]

  // A row picked by what the body changes is not one row.
  long r = 1;
  for (long i = 1; i < n; ++i)
    for (long j = 0; j < m; ++j) {
      g[r][j] = step(g[0][j], j);
      r = (r + j) % n;
    }
  // REMARK: map-row-of-nest.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the element of 'g' written is not indexed by the loop variable [purecc-missed-map]
  // REMARK: map-row-of-nest.cpp:[[@LINE-5]]:5: remark: loop not parallelized: the element of 'g' written is not indexed by the loop variable [purecc-missed-map]

  // A row of bits packs its elements into shared words.
  std::vector<std::vector<bool>> b(n, std::vector<bool>(m));
  for (long i = 1; i < n; ++i)
    for (long j = 0; j < m; ++j)
      b[i][j] = step(g[i - 1][j], j) > 1.0 && b[i - 1][j];
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the loop body reads 'b[i - 1][j]', an element of 'b' that another iteration may write [purecc-missed-map]
  // REMARK: map-row-of-nest.cpp:[[@LINE-3]]:5: remark: loop not parallelized: the elements of the row 'b[i]' (a 'std::vector<bool>') share storage [purecc-missed-map]

  // A reduction over the row before, inside a serial recurrence.
  std::vector<long> sums(n);
  for (long i = 1; i < n; ++i) {
    long s = 0;
    for (long j = 0; j < m; ++j)
      s += step(g[i - 1][j], j) > 10.0;
    sums[i] = (s + sums[i - 1]) % 1000;
  }
  // REMARK: map-row-of-nest.cpp:[[@LINE-6]]:3: remark: loop not parallelized: the loop body reads 'sums[i - 1]', an element of 'sums' that another iteration may write [purecc-missed-map]
  // REMARK: map-row-of-nest.cpp:[[@LINE-5]]:5: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]

  for (long i = 0; i < n; ++i) {
    for (long j = 0; j < m; ++j)
      mix(g[i][j]), mix(b[i][j]);
    mix(double(sums[i]));
  }
  for (long i = 0; i < 8; ++i)
    for (long j = 0; j < 1500; ++j)
      mix(c[i][j]);
  std::printf("%016llx\n", (unsigned long long)h);
  // OUT: 075960ccb1532639
}
