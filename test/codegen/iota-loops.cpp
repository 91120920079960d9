// `for (int i : std::views::iota(b, e))` is counted as `for (int i = b;
// i < e; ++i)` (user49 f05): the loop variable is the counter, numbered by
// its values (or, for a 64-bit unsigned range that may cross 2^63, from 0).
// Also `std::ranges::iota_view(b, e)` and `iota_view<W, B>{b, e}`, a
// reference loop variable, and a loop variable of another integer type
// than the view's. An unbounded view, a view of pointers and a loop
// variable that is no integer stay serial with the reason.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstddef>
#include <cstdio>
#include <ranges>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 60; ++k)
    s += (i * 31 + k) % 7;
  return s;
}
[[pure]] double wave(long i) {
  double s = 0;
  for (long k = 0; k < 60; ++k)
    s += double((i * 17 + k) % 11) * 0.25;
  return s;
}

int main(int argc, char **) {
  const int n = 20000 + argc;
  long s = 0;
  for (int i : std::views::iota(0, n))
    s += heavy(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  // CHECK: s = ::purecc::wrapping_add<long>(s, ::purecc::parallel_reduce(0, n, long{}, [&](std::int64_t purecc_i{{[0-9]+}}) -> long { int i = static_cast<int>(purecc_i{{[0-9]+}});
  std::printf("sum %ld\n", s);
  // OUT: sum 3600180

  std::vector<double> out(n);
  for (auto i : std::views::iota(0, n))
    out[i] = wave(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  double mix = 0;
  for (double v : out)
    mix = mix * 0.5 + v;
  std::printf("map %.17g\n", mix);
  // OUT-NEXT: map 148.63873961895456

  // A reference loop variable binds each value the view makes; the
  // rewritten loop declares a value.
  long best = -1;
  int arg = -1;
  for (const auto &i : std::views::iota(5, n)) {
    long h = heavy(i * 7);
    if (h > best) {
      best = h;
      arg = i;
    }
  }
  // REMARK: iota-loops.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'best' with 'arg' (the first of equal values kept, as in the loop) [purecc-selection]
  // CHECK: {{\[\[}}__maybe_unused__]] int i = static_cast<int>(purecc_i{{[0-9]+}});
  std::printf("argmax %ld %d\n", best, arg);
  // OUT-NEXT: argmax 174 5

  long hist[6] = {};
  for (long i : std::ranges::iota_view(3L, 30003L))
    ++hist[heavy(i) % 6];
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
  std::printf("hist %ld %ld %ld %ld %ld %ld\n", hist[0], hist[1], hist[2], hist[3], hist[4], hist[5]);
  // OUT-NEXT: hist 12857 0 4286 8571 4286 0

  // Unsigned values, converted where the loop variable's type differs.
  unsigned u = 0;
  for (auto i : std::ranges::iota_view<unsigned, unsigned>{7u, 40007u})
    u += static_cast<unsigned>(heavy(long(i)));
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  // CHECK: parallel_reduce(static_cast<std::int64_t>(7u), static_cast<std::int64_t>(40007u), static_cast<unsigned int>(0),
  long narrow = 0;
  for (short i : std::views::iota(0, 40000))
    narrow += heavy(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'narrow' [purecc-reduction]
  // CHECK: short i = static_cast<short>(purecc_i{{[0-9]+}});
  std::size_t m = 0;
  for (std::size_t i : std::views::iota(std::size_t{0}, std::size_t(n)))
    m += static_cast<std::size_t>(heavy(static_cast<long>(i)));
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  long negative = 0;
  for (int i : std::views::iota(-5000, 5000))
    negative += heavy(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'negative' [purecc-reduction]
  std::printf("types %u %ld %zu %ld\n", u, narrow, m, negative);
  // OUT-NEXT: types 7200000 4596480 3600180 168

  // A loop variable narrower than the view's values repeats them
  // (adv51 t01): iterations 256 apart would update one element at once,
  // so no map. The 'short' loop over 0..39999 above is a reduction, which
  // repeated values do not disturb.
  std::vector<long> bins(256);
  for (unsigned char i : std::views::iota(0, n))
    bins[i] += heavy(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop variable 'i' is a 'unsigned char', which does not hold every 'int' value the range 'std::views::iota(0, n)' counts: iterations may repeat its values, and a map gives each iteration its own elements [purecc-missed-map]
  unsigned long binmix = 0;
  for (long b : bins)
    binmix = binmix * 31 + static_cast<unsigned long>(b);
  std::printf("bins %lu\n", binmix);
  // OUT-NEXT: bins 6795125681092991275

  // To a type as wide, of the other signedness, the conversion is one-to-one
  // (modulo 2^32): the values are distinct, so a map (adv76 F4: refused as
  // "may repeat its values").
  std::vector<long> wrapped(3000);
  for (unsigned i : std::views::iota(-1500 + (argc - 1), 1500))
    wrapped[i + 1500u] = heavy(long(i % 1000u));
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'wrapped' [purecc-parallel-map]
  std::printf("wrapped %ld %ld %ld\n", wrapped[0], wrapped[1499], wrapped[2999]);
  // OUT-NEXT: wrapped 178 186 177

  // Across 2^63: numbered from 0, i == b + k in std::uint64_t.
  const unsigned long lo = (1UL << 63) - 3000 + static_cast<unsigned long>(argc - 1);
  long across = 0;
  for (unsigned long i : std::views::iota(lo, lo + 6000))
    across += heavy(long(i % 1000));
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'across' [purecc-reduction]
  // CHECK: unsigned long i = static_cast<unsigned long>(static_cast<std::uint64_t>(lo) + static_cast<std::uint64_t>(purecc_k{{[0-9]+}}));
  std::printf("across %ld\n", across);
  // OUT-NEXT: across 1079982

  // Serial, with the reason.
  long unbounded = 0;
  for (int i : std::views::iota(0)) {
    if (i > 2000)
      break;
    unbounded += heavy(i);
  }
  // REMARK: iota-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the range 'std::views::iota(0)' has no bound: only a view 'std::views::iota(b, e)' is counted [purecc-missed-reduction]
  long taken = 0;
  for (int i : std::views::iota(0) | std::views::take(3000))
    taken += heavy(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range is not a named array or random-access standard container [purecc-missed-reduction]
  double real = 0;
  for (double x : std::views::iota(0, 3000))
    real += wave(long(x));
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop variable 'x' is a 'double': only an integer loop variable counts the iterations of the range 'std::views::iota(0, 3000)' [purecc-missed-reduction]
  const long table[4] = {1, 2, 3, 4};
  long pointed = 0;
  for (const long *p : std::views::iota(table, table + 4))
    pointed += heavy(*p);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range 'std::views::iota(table, table + 4)' counts values of type 'const long *': only a view of integers is counted [purecc-missed-reduction]
  __extension__ typedef __int128 wide;
  long wider = 0;
  for (long i : std::views::iota(wide(0), wide(3000)))
    wider += heavy(i);
  // REMARK: iota-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range 'std::views::iota(wide(0), wide(3000))' counts values of type '__int128' up to a '__int128', wider than 64 bits [purecc-missed-reduction]
  // A counter the body changes: the leaf's copy is not the view's.
  long changed = 0;
  for (int i : std::views::iota(0, 3000)) {
    i += 1;
    changed += heavy(i);
  }
  // REMARK: iota-loops.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'i' is written inside the loop body [purecc-missed-reduction]
  std::printf("serial %ld %ld %.17g %ld %ld %ld\n", unbounded, taken, real, pointed, wider, changed);
  // OUT-NEXT: serial 360177 539999 224998.5 725 539999 540005
}
