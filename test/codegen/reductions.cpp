// Loops and standard algorithms that fold pure results become deterministic
// tree reductions; the loop body stays as written, inside the leaf.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

[[pure]] int sq(int x) { return x * x; }
[[pure]] double term(long i) { return std::sin(static_cast<double>(i)) / (1.0 + i); }
[[pure]] bool is_prime(int n) {
  if (n < 2)
    return false;
  for (int d = 2; d * d <= n; ++d)
    if (n % d == 0)
      return false;
  return true;
}

int main() {
  const int n = 9000;
  // An integer sum.
  long total = 0;
  for (int i = 0; i < n; ++i)
    total += sq(i);
  // CHECK:      {{^}}  total = ::purecc::wrapping_add<long>(total, ::purecc::parallel_reduce(0, n, long{}, [&](std::int64_t purecc_i0) -> long { int i = static_cast<int>(purecc_i0); ::purecc::wrapping<long> purecc_acc_0 = long{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_0 += sq(i); } return purecc_acc_0; }, [](long purecc_lhs, long purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }, ::purecc::leaf_size{4096}));
  // REMARK: reductions.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]

  // A floating-point sum: the tree order, the same for every thread count.
  double s = 0.0;
  for (long i = 0; i < n; i++) {
    s = s + term(i);
  }
  // CHECK:      {{^}}  ::purecc::unfolded(s) += ::purecc::parallel_reduce(0, n, ::purecc::additive_identity<double>(), [&](std::int64_t i) -> double { double purecc_acc_1 = ::purecc::additive_identity<double>(); {
  // CHECK-NEXT: {{^}}    purecc_acc_1 = purecc_acc_1 + term(i);
  // CHECK-NEXT: {{^}}  } return purecc_acc_1; }, [](double purecc_lhs, double purecc_rhs) { return purecc_lhs + purecc_rhs; }, ::purecc::leaf_size{512});

  // Counting, a maximum and an exclusive or in one loop.
  int primes = 0, best = 0;
  unsigned mix = 1;
  for (int i = 0; i <= n; ++i) {
    if (is_prime(i))
      ++primes;
    best = std::max(best, sq(i) % 1009);
    mix ^= static_cast<unsigned>(sq(i)) * 2654435761u;
  }
  // CHECK:      {{^}}  { auto [purecc_r2_0, purecc_r2_1, purecc_r2_2] = ::purecc::parallel_reduce(0, static_cast<std::int64_t>(n) + 1, std::tuple<int, int, unsigned int>{int{}, std::numeric_limits<int>::lowest(), static_cast<unsigned int>(0)}, [&](std::int64_t purecc_i1) -> std::tuple<int, int, unsigned int> { int i = static_cast<int>(purecc_i1); ::purecc::wrapping<int> purecc_acc_2 = int{}; int purecc_acc_3 = std::numeric_limits<int>::lowest(); unsigned int purecc_acc_4 = static_cast<unsigned int>(0); {
  // CHECK-NEXT: {{^}}    if (is_prime(i))
  // CHECK-NEXT: {{^}}      ++purecc_acc_2;
  // CHECK-NEXT: {{^}}    purecc_acc_3 = std::max(purecc_acc_3, sq(i) % 1009);
  // CHECK-NEXT: {{^}}    purecc_acc_4 ^= static_cast<unsigned>(sq(i)) * 2654435761u;
  // CHECK-NEXT: {{^}}  } return std::tuple<int, int, unsigned int>{purecc_acc_2, purecc_acc_3, purecc_acc_4}; }, [](const std::tuple<int, int, unsigned int> &purecc_lhs, const std::tuple<int, int, unsigned int> &purecc_rhs) { return std::tuple<int, int, unsigned int>{::purecc::wrapping_add(std::get<0>(purecc_lhs), std::get<0>(purecc_rhs)), (std::max)(std::get<1>(purecc_lhs), std::get<1>(purecc_rhs)), std::get<2>(purecc_lhs) ^ std::get<2>(purecc_rhs)}; }); primes = ::purecc::wrapping_add<int>(primes, purecc_r2_0); best = (std::max)(best, purecc_r2_1); mix ^= purecc_r2_2; }
  // REMARK: reductions.cpp:[[@LINE-12]]:3: remark: loop rewritten as a parallel reduction of 'primes', 'best' and 'mix' [purecc-reduction]

  // Range-for over a container, and the standard algorithms.
  std::vector<int> v(n);
  std::iota(v.begin(), v.end(), 0);
  long evens = 0;
  for (const int &x : v)
    if (x % 2 == 0)
      evens += sq(x);
  // CHECK: {{^}}  evens = ::purecc::wrapping_add<long>(evens, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), long{}, [&](std::int64_t purecc_k3) -> long { const int &x = v[purecc_k3]; ::purecc::wrapping<long> purecc_acc_5 = long{}; {
  long count = std::count_if(v.begin(), v.end(), [](int x) { return is_prime(x); });
  // CHECK: {{^}}  long count = ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), long{}, [&, purecc_op = ([](int x) { return is_prime(x); })](std::int64_t purecc_k) -> long { return purecc_op(v[static_cast<std::size_t>(purecc_k)]) ? 1 : 0; }, [](long purecc_lhs, long purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); });
  // REMARK: reductions.cpp:[[@LINE-2]]:16: remark: call to 'std::count_if' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long acc = std::accumulate(v.begin(), v.end(), 0L);
  // CHECK: {{^}}  long acc = ::purecc::wrapping_add<long>(0L, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), long{}, [&](std::int64_t purecc_k) -> long { return v[static_cast<std::size_t>(purecc_k)]; }, [](long purecc_lhs, long purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }));
  long squares = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(), sq);
  // CHECK: {{^}}  long squares = ::purecc::wrapping_add<long>(0L, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), long{}, [&, purecc_op = (sq)](std::int64_t purecc_k) -> long { return purecc_op(v[static_cast<std::size_t>(purecc_k)]); }, [](long purecc_lhs, long purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }));
  // Two ranges and a transformation of each pair (user41 t01: no remark).
  std::vector<int> w(v.size(), 3);
  long dot = std::transform_reduce(v.begin(), v.end(), w.begin(), 0L, std::plus<>(),
                                   [](int x, int y) { return static_cast<long>(sq(x)) * y; });
  // CHECK: {{^}}  long dot = ::purecc::wrapping_add<long>(0L, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), long{}, [&, purecc_op = ([](int x, int y) { return static_cast<long>(sq(x)) * y; })](std::int64_t purecc_k) -> long { return purecc_op(v[static_cast<std::size_t>(purecc_k)], w[static_cast<std::size_t>(purecc_k)]); }, [](long purecc_lhs, long purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }));
  // REMARK: reductions.cpp:[[@LINE-3]]:14: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long pairs = 0;
  long counted = std::transform_reduce(v.begin(), v.end(), w.begin(), 0L, std::plus<>(),
                                       [&pairs](int x, int y) { ++pairs; return long{x} * y; });
  // REMARK: reductions.cpp:[[@LINE-2]]:18: remark: call to 'std::transform_reduce' not parallelized: the transformation is not known to be pure [purecc-missed-algorithm]
  std::printf("pairs: %ld %ld %ld\n", dot, counted, pairs);
  std::vector<double> d(100, 0.75);
  int truncated = std::accumulate(d.begin(), d.end(), 0);
  // REMARK: reductions.cpp:[[@LINE-1]]:19: remark: call to 'std::accumulate' not parallelized: each step converts 'double' to 'int' (the running total), which the tree order would change [purecc-missed-algorithm]

  // A few iterations of loop-free work: sharing them costs more than they do.
  int small = 0;
  for (int i = 0; i < 64; ++i)
    small += sq(i);
  // CHECK: {{^}}  for (int i = 0; i < 64; ++i)
  // REMARK: reductions.cpp:[[@LINE-3]]:3: remark: loop not parallelized: 64 iterations of loop-free work (about 4 operations each) are too little to share [purecc-missed-reduction]

  std::printf("%ld %.12g %d %d %u %ld %ld %ld %ld %d %d\n", total, s, primes, best, mix, evens,
              count, acc, squares, truncated, small);
  return 0;
}
// OUT: pairs: 728878504500 121486500 9000
// OUT-NEXT: 242959501500 0.543241477524 1117 1008 909965521 121459503000 1117 40495500 242959501500 0 85344
