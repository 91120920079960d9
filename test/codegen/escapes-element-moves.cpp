// Library code that moves or swaps the elements of ranges moves their
// storage to where purecc does not follow: `std::move(first, last, out)`,
// `std::swap_ranges`, `std::iter_swap`, `std::ranges::move`, a move iterator
// (adv49 t22-t25: after `p = src[0].data()`, `std::move(src.begin(),
// src.end(), dst.begin()); hist = std::move(dst[0]);` put p into 'hist', and
// the histogram reading `p[0]` was rewritten and printed a flat one). When
// the source is held (or escaped), every local that may own its elements'
// class escapes there.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>
#include <vector>

using V = std::vector<long>;

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}

void show(const char *what, const V &h) {
  unsigned long d = 0;
  for (long x : h)
    d = d * 31 + static_cast<unsigned long>(x);
  std::printf("%s: %lu\n", what, d);
}

void moveAlgorithm() {
  V hist(16, 0);
  std::vector<V> src(1, V(16, 0)), dst(1);
  const long *p = src[0].data();
  std::move(src.begin(), src.end(), dst.begin());
  hist = std::move(dst[0]);
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-element-moves.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("move", hist);
}
void swapRanges() {
  V hist(16, 0);
  std::vector<V> src(1, V(16, 0)), dst(1);
  const long *p = src[0].data();
  std::swap_ranges(src.begin(), src.end(), dst.begin());
  hist = std::move(dst[0]);
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-element-moves.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("swap_ranges", hist);
}
void iterSwap() {
  V hist(16, 0);
  std::vector<V> src(1, V(16, 0)), dst(1);
  const long *p = src[0].data();
  std::iter_swap(src.begin(), dst.begin());
  hist = std::move(dst[0]);
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-element-moves.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("iter_swap", hist);
}
void rangesMove() {
  V hist(16, 0);
  std::vector<V> src(1, V(16, 0)), dst(1);
  const long *p = src[0].data();
  std::ranges::move(src, dst.begin());
  hist = std::move(dst[0]);
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-element-moves.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("ranges::move", hist);
}
void moveIterators() {
  V hist(16, 0);
  std::vector<V> src(1, V(16, 0));
  const long *p = src[0].data();
  std::vector<V> dst(std::make_move_iterator(src.begin()), std::make_move_iterator(src.end()));
  hist = std::move(dst[0]);
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-element-moves.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("move_iterator", hist);
}
void nothingHeld() {
  // No pointer into the source: the moves hand on nothing anyone reads.
  V hist(16, 0);
  std::vector<V> src(1, V(16, 0)), dst(1);
  std::move(src.begin(), src.end(), dst.begin());
  hist = std::move(dst[0]);
  for (long i = 0; i < 20000; ++i)
    ++hist[heavy(i) % 16];
  // REMARK: escapes-element-moves.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
  show("nothing held", hist);
}

int main() {
  moveAlgorithm();
  swapRanges();
  iterSwap();
  rangesMove();
  moveIterators();
  nothingHeld();
  return 0;
}
// OUT: move: [[SUM:[0-9]+]]
// OUT-NEXT: swap_ranges: [[SUM]]
// OUT-NEXT: iter_swap: [[SUM]]
// OUT-NEXT: ranges::move: [[SUM]]
// OUT-NEXT: move_iterator: [[SUM]]
// OUT-NEXT: nothing held: {{[0-9]+}}
