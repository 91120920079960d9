// Array reductions (histograms): a loop whose body only accumulates into
// elements of a local array at indices it computes, `++hist[bucket(x)]`
// (user41 t05), becomes a tree reduction over private copies of the
// array. Every shape below is compared with the serial build at 1, 2 and
// 4 threads with both compilers; the refusals name the true reason.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %purecc rewrite %s -o - -- -std=c++20 -I%S/Inputs | FileCheck %s --check-prefix=CODE
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <vector>

[[pure]] double sample(int i) {
  double v = 0.0;
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 299 iterations of loop-free work (about 34 operations each) are too little to share [purecc-missed-reduction]
  for (int k = 1; k < 300; ++k)
    v += std::sin(i * 0.001 * k) / k;
  return v;
}
[[pure]] int bucket(double v) { return v < -2.0 ? 0 : v > 1.9 ? 15 : static_cast<int>((v + 2.0) * 4.0); }
// A weight that sums exactly in any order (multiples of 1/4, small).
[[pure]] double weight(int i) { return std::floor(std::fabs(sample(i)) * 4.0) / 4.0; }
[[pure]] int cls(int i) { return static_cast<int>(std::fabs(sample(i)) * 100.0) % 7; }
[[pure]] int throwing_bucket(int i) {
  if (i < 0)
    throw i;
  return static_cast<int>(std::fabs(sample(i)) * 10.0) % 4;
}
// An index that converts to 'long' and to 'std::size_t' differently.
struct Slot {
  int v;
  operator long() const { return v; }
  operator std::size_t() const { return static_cast<std::size_t>(v) + 1; }
};
// Refused: the array is the caller's (other names may reach it).
void tally(std::vector<long> &into) {
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'into' is written at an index computed by 'cls(i)'; several iterations may write one element [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    ++into[cls(i)];
}
void show(const char *what, const long *h, int n) {
  std::printf("%s:", what);
  for (int k = 0; k < n; ++k)
    std::printf(" %ld", h[k]);
  std::printf("\n");
}

int main() {
  // The histogram of user41 t05.
  std::array<long, 16> hist{};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
  for (int i = 0; i < 30000; ++i) {
    ++hist[bucket(sample(i))];
  }
  // CODE: { auto purecc_r{{[0-9]+}} = ::purecc::parallel_reduce_in_place(0, 30000, std::vector<::purecc::wrapping<long>>(std::size(hist), long{}), [&](std::vector<::purecc::wrapping<long>> &purecc_acc_0, std::int64_t purecc_i0) { int i = static_cast<int>(purecc_i0); {
  // CODE-NEXT: ++purecc_acc_0[bucket(sample(i))];
  // CODE-NEXT: } }, [](std::vector<::purecc::wrapping<long>> &purecc_lhs, std::vector<::purecc::wrapping<long>> &&purecc_rhs) { for (std::size_t [[K:purecc_k[0-9]+]] = 0; [[K]] < purecc_rhs.size(); ++[[K]]) purecc_lhs[[[K]]] = ::purecc::wrapping_add<long>(purecc_lhs[[[K]]], purecc_rhs[[[K]]]); }); for (std::size_t [[K]] = 0; [[K]] < [[R:purecc_r[0-9]+]].size(); ++[[K]]) hist[[[K]]] = ::purecc::wrapping_add<long>(hist[[[K]]], [[R]][[[K]]]); }
  show("array", hist.data(), 16);

  // A built-in array that already holds counts, `continue`, a condition,
  // `-= 1` and a count-down loop.
  int cnt[7] = {100, 200, 300, 400, 500, 600, 700};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of the elements of 'cnt' (a private copy per leaf) [purecc-array-reduction]
  for (int i = 9999; i >= 0; --i) {
    int c = cls(i);
    if (c == 3)
      continue;
    if (i % 2 == 0)
      cnt[c] += 2;
    else
      cnt[c] -= 1;
  }
  std::printf("c-array: %d %d %d %d %d %d %d\n", cnt[0], cnt[1], cnt[2], cnt[3], cnt[4], cnt[5], cnt[6]);

  // Per-bucket counts and weighted sums: two arrays, one a std::vector of
  // doubles (a tree sum per element; these weights sum exactly).
  std::vector<long> count(7);
  std::vector<double> total(7, -0.0);
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of the elements of 'count' and 'total' (a private copy per leaf) [purecc-array-reduction]
  for (std::size_t i = 0; i < 8000; ++i) {
    const int c = cls(static_cast<int>(i));
    ++count[c];
    total[c] += weight(static_cast<int>(i));
  }
  // CODE: std::tuple<std::vector<::purecc::wrapping<long>>, std::vector<double>>{std::vector<::purecc::wrapping<long>>(std::size(count), long{}), std::vector<double>(std::size(total), ::purecc::additive_identity<double>())}, [&](std::tuple<std::vector<::purecc::wrapping<long>>, std::vector<double>> &purecc_p, std::int64_t purecc_i{{[0-9]+}}) { auto &purecc_acc_2 = std::get<0>(purecc_p); auto &purecc_acc_3 = std::get<1>(purecc_p);
  show("count", count.data(), 7);
  std::printf("total: %a %a %a %a %a %a %a\n", total[0], total[1], total[2], total[3], total[4],
              total[5], total[6]);

  // Wrap-around: unsigned char counters and 64-bit masks.
  unsigned char small[4] = {250, 251, 252, 253};
  std::deque<std::uint64_t> mask(4, 0), parity(4, 0);
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of the elements of 'small', 'mask' and 'parity' (a private copy per leaf) [purecc-array-reduction]
  for (int i = 0; i < 5000; ++i) {
    small[i % 4] += static_cast<unsigned char>(cls(i));
    if (i % 97 < 2)
      mask[cls(i) % 4] |= std::uint64_t{1} << (i % 61);
    parity[i % 4] ^= static_cast<std::uint64_t>(bucket(sample(i))) << (i % 7);
  }
  std::printf("wrap: %d %d %d %d\n", small[0], small[1], small[2], small[3]);
  std::printf("masks: %llx %llx %llx %llx\n", (unsigned long long)mask[0],
              (unsigned long long)mask[1], (unsigned long long)mask[2], (unsigned long long)mask[3]);
  std::printf("parity: %llx %llx %llx %llx\n", (unsigned long long)parity[0],
              (unsigned long long)parity[1], (unsigned long long)parity[2],
              (unsigned long long)parity[3]);

  // A nest: the inner loop is part of the outer reduction.
  long grid[16] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of the elements of 'grid' (a private copy per leaf) [purecc-array-reduction]
  for (int i = 0; i < 100; ++i)
    for (int j = 0; j < 60; ++j)
      grid[bucket(sample(i * 60 + j))] += j;
  show("nest", grid, 16);

  // Refused: an element is read (each leaf would read a partial count).
  long capped[16] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'capped' is written inside the loop body ('++capped[b]') and read there ('capped[b] < 100'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i) {
    int b = bucket(sample(i));
    if (capped[b] < 100)
      ++capped[b];
  }
  show("capped", capped, 16);

  // Refused: two operations on one array.
  std::array<unsigned long, 4> mixed{1, 1, 1, 1};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the elements of 'mixed' are combined with both '+' and '*' [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i) {
    ++mixed[cls(i) % 4];
    mixed[i % 4] *= 1 + (cls(i) == 0);
  }
  std::printf("mixed: %lx %lx %lx %lx\n", mixed[0], mixed[1], mixed[2], mixed[3]);

  // Refused: bool elements.
  bool seen[16] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the elements of 'seen' have type 'bool', which has no parallel '|' reduction [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    seen[bucket(sample(i))] |= true;
  std::printf("seen: %d %d\n", seen[0], seen[8]);

  // Refused: 'at' checks the index, and may throw.
  std::vector<long> checked(16);
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'checked.at' checks its index and may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    ++checked.at(bucket(sample(i)));
  show("checked", checked.data(), 16);

  // Refused: the index may throw.
  std::array<long, 4> risky{};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'throwing_bucket' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    ++risky[throwing_bucket(i)];
  show("risky", risky.data(), 4);

  // Refused: an integer element accumulating a double truncates each step.
  long trunc[7] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: each step converts 'double' to 'long' (the elements of 'trunc'), which the tree order would change [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    // REMARK: array-reductions.cpp:[[@LINE+1]]:11: remark: calls to 'cls' and 'weight' run in parallel [purecc-parallel-calls]
    trunc[cls(i)] += weight(i);
  show("trunc", trunc, 7);

  // Not recognized: a scalar accumulator beside the array.
  long both[16] = {}, n = 0;
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'both' is written inside the loop body [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i) {
    ++both[bucket(sample(i))];
    ++n;
  }
  show("both", both, 16);
  std::printf("n: %ld\n", n);

  // Not an element step: the subscript is written index-first, where the
  // private copy (a std::vector) cannot stand (adv45 t01).
  long rev[16] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'rev' is written at an index computed by 'bucket(sample(i))'; several iterations may write one element [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    ++bucket(sample(i))[rev];
  show("reversed", rev, 16);

  // Refused: an index of class type converts one way for the built-in
  // subscript ('long') and another for std::vector's ('std::size_t')
  // (adv45 t07).
  long slots[17] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the index of 'slots' has type 'Slot', whose conversion to an index may differ for the private copy, a 'std::vector' [purecc-missed-reduction]
  for (int i = 0; i < 3000; ++i)
    ++slots[Slot{bucket(sample(i))}];
  show("slots", slots, 17);

  // A step at a constant index beside one at a computed index: both are
  // the array's (adv45 t08).
  std::array<long, 16> split{};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of the elements of 'split' (a private copy per leaf) [purecc-array-reduction]
  for (int i = 0; i < 3000; ++i) {
    const int b = bucket(sample(i));
    if (b == 9)
      ++split[9];
    else
      split[b] += 1;
  }
  show("split", split.data(), 16);

  // The element of its own iteration: a map writes each in place, where a
  // private copy of the array per leaf cost 175 times the loop (user46 k01),
  // and `a[i] += f(a[i])` reads no partial value (k02).
  std::vector<double> own(3000, 0.5);
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'own' [purecc-parallel-map]
  for (int i = 0; i < 3000; ++i)
    own[i] += weight(i) + own[i];
  long marks[3000] = {};
  // REMARK: array-reductions.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'marks' [purecc-parallel-map]
  for (int i = 0; i < 3000; ++i)
    if (cls(i) == 2)
      ++marks[2999 - i];
  double ownSum = 0;
  long marked = 0;
  for (int i = 0; i < 3000; ++i) {
    ownSum += own[i];
    marked += marks[i] * (i % 5);
  }
  std::printf("own: %a %ld\n", ownSum, marked);
  std::vector<long> theirs(7);
  tally(theirs);
  show("theirs", theirs.data(), 7);
}
// OUT: array: 22 408 2128 2011 2211 2488 2511 2513 2513 2513 2488 2482 2514 2665 507 26
// OUT-NEXT: c-array: 848 934 1040 400 1164 1299 1406
// OUT-NEXT: count: 1169 1210 1176 1136 1084 1109 1116
// OUT-NEXT: total: 0x1.a58p+9 0x1.bb8p+9 0x1.aeep+9 0x1.a48p+9 0x1.934p+9 0x1.98ep+9 0x1.a2ep+9
// OUT-NEXT: wrap: 120 57 53 121
// OUT-NEXT: masks: 1c37f81300001b3d 12d9b30dc0fb6c63 c0006e27fec33c0 380001800018406
// OUT-NEXT: parity: 168 1a4 4 b9
// OUT-NEXT: nest: 0 0 10679 15168 14590 14423 14994 14875 14391 15190 14656 14395 14959 15497 3128 55
// OUT-NEXT: capped: 0 0 0 0 0 0 0 0 100 100 100 100 100 100 100 5
// OUT-NEXT: mixed: 5b3ed55d6ceada3a 492a56a4a685a500 d6a552955494ad01 4a5295a5693ad1c0
// OUT-NEXT: seen: 0 1
// OUT-NEXT: checked: 0 0 0 0 0 0 0 0 361 502 498 497 502 535 100 5
// OUT-NEXT: risky: 688 789 851 672
// OUT-NEXT: trunc: 158 164 173 170 161 156 160
// OUT-NEXT: both: 0 0 0 0 0 0 0 0 361 502 498 497 502 535 100 5
// OUT-NEXT: n: 3000
// OUT-NEXT: reversed: 0 0 0 0 0 0 0 0 361 502 498 497 502 535 100 5
// OUT-NEXT: slots: 0 0 0 0 0 0 0 0 361 502 498 497 502 535 100 5 0
// OUT-NEXT: split: 0 0 0 0 0 0 0 0 361 502 498 497 502 535 100 5
// OUT-NEXT: own: 0x1.3d4cp+12 894
// OUT-NEXT: theirs: 441 452 441 425 405 411 425
