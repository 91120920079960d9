// A loop that stores each iteration's element and also accumulates: a
// reduction whose leaves store their iterations' elements as they go
// (Reductions.h), when the stores alone make a map (Maps.h): every
// iteration its own element, which nothing else in the body reads. Was
// "'v' is written inside the loop body" for the most common shape of all,
// `v[i] = h; s += h;`. When the stores make no map, the remark says why in
// the map's words; the accumulator stays the reduction's business.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 1; k < 400; ++k)
    s += (i * 31 + k * 7) % 97 - 48;
  return s;
}
// NaN for every fifth index, -0.0 for every seventh.
[[pure]] double value(long i) {
  double h = double(heavy(i)) / 8.0;
  return i % 5 == 0 ? std::nan("") : i % 7 == 0 ? -0.0 : h;
}
[[pure]] long checked(long i) {
  if (i == 1999)
    throw std::runtime_error("1999");
  return heavy(i);
}

struct Run {
  std::vector<long> out;
  long sum;
};

// The caller's vector, lent by reference.
long fill(std::vector<long> &out, long n) {
  long s = 0;
  for (long i = 0; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    // REMARK: map-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
    long h = heavy(i);
    out[i] = h;
    s += h;
  }
  return s;
}

// The accumulator is a member of the object whose other member is stored:
// the reduction cannot tell the two apart.
void run(Run &r, long n) {
  for (long i = 0; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'r.sum' is updated inside the loop body ('r.sum += r.out[i]') and 'r' is also used there ('r.out[i] = heavy(i)') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
    r.out[i] = heavy(i);
    r.sum += r.out[i];
  }
}

int main() {
  const long n = 3000;
  std::vector<long> v(n);
  long s = 0, odd = 0;
  for (long i = 0; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' and 'odd' [purecc-reduction]
    // REMARK: map-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
    v[i] = heavy(i);
    s += v[i];
    if (v[i] % 2 != 0)
      ++odd;
  }
  std::printf("sum %ld odd %ld v[17] %ld\n", s, odd, v[17]);
  // OUT: sum [[SUM:-?[0-9]+]] odd {{[0-9]+}} v[17] {{-?[0-9]+}}

  // Count-down, with 'continue': the skipped elements keep their values.
  std::vector<double> d(n, 9.5);
  double hi = -HUGE_VAL;
  unsigned long nans = 0;
  for (long i = n - 1; i >= 0; --i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'nans' and 'hi' [purecc-reduction]
    // REMARK: map-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'd' [purecc-parallel-map]
    if (i % 3 == 1)
      continue;
    d[i] = value(i);
    if (d[i] != d[i])
      ++nans;
    if (d[i] > hi)
      hi = d[i];
  }
  std::printf("hi %g nans %lu d[0] %g d[1] %g d[7] %g d[14] %g\n", hi, nans, d[0], d[1], d[7], d[14]);
  // OUT: hi {{[0-9.e+]+}} nans 400 d[0] nan d[1] 9.5 d[7] 9.5 d[14] -0

  // Rows of a 2-D store, the inner loop folding into the outer sum.
  std::vector<std::vector<long>> g(60, std::vector<long>(50));
  long gs = 0;
  for (long i = 0; i < 60; ++i)
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'gs' [purecc-reduction]
    // REMARK: map-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]
    for (long j = 0; j < 50; ++j) {
      g[i][j] = heavy(i * 50 + j);
      gs += g[i][j];
    }
  std::printf("gs %ld g[59][49] %ld\n", gs, g[59][49]);
  // OUT: gs {{-?[0-9]+}} g[59][49] {{-?[0-9]+}}

  // An element of a local array accumulates beside the stores: the
  // reduction's, not a store of the map (adv103 F1 was told "'ev' is
  // written inside the loop body").
  std::vector<long> ev(n);
  long parts[2] = {5, 6};
  for (long i = 0; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'parts[1]' [purecc-reduction]
    // REMARK: map-beside-reduction.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'ev' [purecc-parallel-map]
    long h = heavy(i);
    ev[i] = h;
    parts[1] += h;
  }
  std::printf("parts %ld %ld\n", parts[0], parts[1] - 6);
  // OUT: parts 5 [[SUM]]
  // An element of the stored container accumulates: not apart from it.
  for (long i = 1; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'ev' is updated inside the loop body ('ev[0] += h') and also written there ('ev[i] = h') otherwise: only a variable that the body changes by its updates alone is combined [purecc-missed-reduction]
    long h = heavy(i);
    ev[i] = h;
    ev[0] += h;
  }
  std::printf("ev[0] %ld\n", ev[0]);
  // OUT: ev[0] {{-?[0-9]+}}

  // The stores make no map: the element of the previous iteration is read.
  std::vector<long> w(n);
  long ws = 0;
  for (long i = 1; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body reads 'w[i - 1]', an element of 'w' that another iteration may write [purecc-missed-reduction]
    w[i] = heavy(i);
    ws += w[i - 1];
  }
  std::printf("ws %ld\n", ws);
  // OUT: ws {{-?[0-9]+}}

  // The accumulator is what is stored: a read of it.
  std::vector<long> pre(n);
  long run_sum = 0;
  for (long i = 0; i < n; ++i) {
    // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'run_sum' is written inside the loop body ('run_sum += heavy(i)') and read there ('pre[i] = run_sum'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
    pre[i] = run_sum;
    run_sum += heavy(i);
  }
  std::printf("pre[2999] %ld run_sum %ld\n", pre[n - 1], run_sum);
  // OUT: pre[2999] {{-?[0-9]+}} run_sum [[SUM]]

  // A term may throw: the serial loop stores the elements before it only.
  std::vector<long> t(n, -1);
  long ts = 0;
  try {
    for (long i = 0; i < n; ++i) {
      // REMARK: map-beside-reduction.cpp:[[@LINE-1]]:5: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
      t[i] = checked(i);
      ts += t[i];
    }
  } catch (const std::exception &e) {
    std::printf("threw %s t[1998] %ld t[1999] %ld ts %d\n", e.what(), t[1998], t[1999], ts != 0);
    // OUT: threw 1999 t[1998] {{-?[0-9]+}} t[1999] -1 ts 1
  }

  std::vector<long> lent(n);
  long fs = fill(lent, n);
  std::printf("fill %ld %ld\n", fs, lent[2999]);
  // OUT: fill [[SUM]] {{-?[0-9]+}}
  Run r{std::vector<long>(n), 0};
  run(r, n);
  std::printf("run %ld\n", r.sum);
  // OUT: run [[SUM]]
}
