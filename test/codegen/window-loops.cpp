// A window's condition: `for (T i = b; i + K < e; ++i)` (or `<=`, or
// mirrored `e >= i + K`) with a constant K >= 0 runs exactly while
// i < e - K: the sum cannot wrap before it reaches e, and a signed one
// cannot overflow. The count is e - K (+ 1 for `<=`) as std::int64_t; a
// bound below b + K is an empty range (user47 k07: the k-mer histogram
// `for (std::size_t i = 0; i + K <= N; ++i)`). A counter that may wrap
// first, and `i + K != e`, stay serial with a remark.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i * 31 + k) % 11 - 5;
  return s * (i % 13 + 1);
}

constexpr std::size_t K = 6;
[[pure]] unsigned code(const std::string &s, std::size_t at) {
  unsigned c = 0;
  for (std::size_t j = 0; j < K; ++j)
    c = c * 4 + (s[at + j] == 'A' ? 0u : s[at + j] == 'C' ? 1u : s[at + j] == 'G' ? 2u : 3u);
  for (int r = 0; r < 30; ++r)
    c = (c * 2654435761u) >> 7 & 4095u;
  return c;
}

[[pure]] long windowSum(const std::vector<long> &v, std::size_t at) {
  long s = 0;
  for (std::size_t j = 0; j < 5; ++j)
    s += v[at + j] * static_cast<long>(j + 1);
  return s + heavy(static_cast<long>(at));
}

int main(int argc, char **) {
  std::string genome;
  for (int i = 0; i < 5000; ++i)
    genome += "ACGT"[(i * 7 + i / 3) % 4];
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'genome' (the pieces kept in the loop's order) [purecc-concatenation]
  const std::size_t N = genome.size();

  // The k-mer histogram: every window of K letters.
  std::vector<long> hist(4096);
  for (std::size_t i = 0; i + K <= N; ++i)
    ++hist[code(genome, i)];
  // CHECK: ::purecc::parallel_reduce_in_place(0, static_cast<std::int64_t>(N) - 5, std::vector<::purecc::wrapping<long>>(std::size(hist), long{}),
  // REMARK: window-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
  long total = 0, peak = 0;
  for (long h : hist)
    total += h, peak = h > peak ? h : peak;
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' and 'peak' [purecc-reduction]
  std::printf("kmers: %ld (of %zu) peak %ld\n", total, N - K + 1, peak);
  // OUT: kmers: 4995 (of 4995) peak 833

  // `<` with a run-time int bound, and a start that is not 0.
  int n = 3000 + argc;
  long s = 0;
  for (int i = 2; i + 3 < n; ++i)
    s += heavy(i);
  // CHECK: ::purecc::parallel_reduce(2, static_cast<std::int64_t>(n) - 3, long{},
  // REMARK: window-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  // Mirrored, and K first: `n >= K + i` is `i + K <= n`.
  long m = 0;
  for (int i = 0; n >= 4 + i; ++i)
    m += heavy(i) * (i % 3);
  // CHECK: ::purecc::parallel_reduce(0, static_cast<std::int64_t>(n) - 3, long{},
  // REMARK: window-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  std::printf("sums: %ld %ld\n", s, m);
  // OUT-NEXT: sums: -98 -38

  // A map over windows of a vector.
  std::vector<long> v(4000);
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = static_cast<long>(i % 17) - 8;
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  std::vector<long> out(v.size());
  for (std::size_t i = 0; i + 5 <= v.size(); ++i)
    out[i] = windowSum(v, i);
  // CHECK: ::purecc::parallel_for(0, static_cast<std::int64_t>(v.size()) - 4, [&]
  // REMARK: window-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  long o = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    o = o * 31 + out[i];
  std::printf("map: %ld %ld %ld\n", out[0], out[3995], o);
  // OUT-NEXT: map: -94 -70 -8901121031056533555

  // A bound below b + K: no window at all (the serial loop's condition is
  // false at once), unsigned and signed; and windows of negative counters.
  std::size_t few = 2 + static_cast<std::size_t>(argc) - 1;
  long none = 7;
  for (std::size_t i = 0; i + K <= few; ++i)
    none += heavy(static_cast<long>(i));
  // CHECK: ::purecc::parallel_reduce(0, static_cast<std::int64_t>(few) - 5, long{},
  // REMARK: window-loops.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'none' [purecc-reduction]
  long lo = -10 - argc + 1, neg = 0;
  for (long i = -4000; i + 3 < lo; ++i)
    neg += heavy(i);
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'neg' [purecc-reduction]
  // The signed 64-bit bound: e - K is guarded against its type's lowest value.
  // CHECK: ::purecc::parallel_reduce(-4000, (static_cast<std::int64_t>(lo) < -4000 + 3 ? -4000 : static_cast<std::int64_t>(lo) - 3), long{},
  long empty = 5;
  for (long i = 0; i + 3 < lo; ++i)
    empty += heavy(i);
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'empty' [purecc-reduction]
  std::printf("edges: %ld %ld %ld\n", none, neg, empty);
  // OUT-NEXT: edges: 7 7970457 5

  // A narrow counter wraps before `i + 3 < n` holds for a large n.
  long w = 0;
  for (unsigned short i = 0; i + 3 < n; ++i)
    w += heavy(i);
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' ('unsigned short') wraps around before it is sure to reach the bound [purecc-missed-reduction]
  // `!=` is no window.
  long ne = 0;
  for (int i = 0; i + 3 != n; ++i)
    ne += heavy(i);
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'i + 3 != n' compares 'i + 3' with a bound other than by '<' or '<=': of a window 'i + K' only 'i + K < e' and 'i + K <= e' are counted [purecc-missed-reduction]
  // An unsigned sum that wraps at the start: 4294967000u + 400 is 104, and
  // the serial loop counts on through the wrap (adv49 t30); a start known
  // to keep the sum in range is counted.
  unsigned un = 20000u + static_cast<unsigned>(argc) - 1;
  long wrapped = 0, fits = 0, count = 0;
  for (unsigned i = 4294967000u; i + 400 < un; ++i) {
    wrapped += heavy(i % 1000);
    ++count;
  }
  // REMARK: window-loops.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the sum 'i + 400' ('unsigned int') may wrap around from the start, where the serial loop counts on through the wrap: a window over an unsigned sum is counted from a constant start [purecc-missed-reduction]
  unsigned from = un - 1000;
  for (unsigned i = from; i + 400 < un; ++i)
    wrapped += heavy(i % 1000);
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the sum 'i + 400' ('unsigned int') may wrap around from the start, where the serial loop counts on through the wrap: a window over an unsigned sum is counted from a constant start [purecc-missed-reduction]
  for (unsigned i = 4294960000u; i + 400 < un; ++i)
    fits += heavy(i % 1000);
  // REMARK: window-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'fits' [purecc-reduction]
  std::printf("serial: %ld %ld\n", w, ne);
  // OUT-NEXT: serial: -124 -124
  std::printf("wraps: %ld %ld %ld\n", wrapped, count, fits);
  // OUT-NEXT: wraps: -33 19896 0
}
