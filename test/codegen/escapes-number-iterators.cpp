// The library may store an address it is given through an iterator or
// pointer it is given beside it (`std::fill(ptrs.begin(), ptrs.end(), &x)`),
// but not through one over numbers: `std::accumulate(row.begin(),
// row.end(), 0.0)` over a row of doubles keeps no address of the rows'
// container, which a map over it may then write (user50 k07, where it was
// "the address of 'm' escapes"). Iterators over characters may carry an
// address's bytes and still count.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

[[pure]] double w(int i, int j) {
  double s = 0;
  for (int k = 1; k < 40; ++k)
    s += std::fabs(std::sin(i * 0.1 + j * 0.7 + k));
  // REMARK: escapes-number-iterators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 39 iterations of loop-free work (about 29 operations each) are too little to share [purecc-missed-reduction]
  return s;
}

int main() {
  const int R = 3000, C = 64;
  std::vector<std::vector<double>> m(R, std::vector<double>(C));
  for (int i = 0; i < R; ++i)
    for (int j = 0; j < C; ++j)
      m[i][j] = w(i, j);
  // REMARK: escapes-number-iterators.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'm' [purecc-parallel-map]
  // Each row scaled by its sum.
  for (auto &row : m) {
    double s = std::accumulate(row.begin(), row.end(), 0.0);
    for (double &x : row)
      x /= s;
  }
  // REMARK: escapes-number-iterators.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel map over 'm' [purecc-parallel-map]
  // REMARK: escapes-number-iterators.cpp:[[@LINE-5]]:16: remark: call to 'std::accumulate' rewritten as a parallel reduction [purecc-parallel-algorithm]
  double t = 0;
  for (int i = 0; i < R; ++i)
    t += m[i][5] + 2 * m[i][7];
  // REMARK: escapes-number-iterators.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  std::printf("scaled %.6f\n", t);
  // OUT: scaled 140.622994

  // Pointers stored through iterators over pointers: 'v' escapes.
  std::vector<double> v(4000);
  std::vector<double *> ptrs(4);
  std::fill(ptrs.begin(), ptrs.end(), v.data());
  for (int i = 0; i < 4000; ++i)
    v[i] = w(i, 1);
  // REMARK: escapes-number-iterators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('std::fill(ptrs.begin(), ptrs.end(), v.data())' on line [[@LINE-3]]) [purecc-missed-map]
  std::printf("held %.6f\n", *ptrs[2] + v[3999]);
  // OUT-NEXT: held 49.574815
}
