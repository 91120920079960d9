// `std::accumulate(first, last, init, [c](T acc, const E &x) { return acc
// + term(x); })` folds a term of each element into the total: the same fold
// as `std::transform_reduce(first, last, init, std::plus<>(), [c](const E
// &x) { return term(x); })`, and it is rewritten as that (user48 k10: the
// remark used to spell out the equivalent call and leave it serial). The
// total may stand on either side of a built-in '+', '*', '&', '|' or '^'.
// A lambda that converts the total at every step (a parameter or a result
// of another type than the total, a 'short' promoted to 'int'), a term that
// reads the total, a floating product, a throwing or impure term stay
// serial with the reason.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=REWRITE
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

struct Reading {
  double temp;
  long id;
};

[[pure]] double smooth(double x) noexcept {
  double s = 0;
  for (int k = 1; k <= 400; ++k)
    s += std::sin(k * x) / k;
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 400 iterations of loop-free work (about 32 operations each) are too little to share [purecc-missed-reduction]
  return s;
}
[[pure]] long score(long x) noexcept {
  long h = x;
  for (int k = 0; k < 3000; ++k)
    h = (h * 7 + k) % 1000003;
  return h;
}
[[pure]] long risky(long x) {
  if (x < 0)
    throw std::domain_error("negative");
  return score(x);
}

int main(int argc, char **) {
  std::vector<Reading> rs(4000);
  for (long i = 0; i < 4000; ++i)
    rs[std::size_t(i)] = Reading{0.001 * double(i), i};
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'rs' [purecc-parallel-map]
  const double scale = 0.5 * argc;
  double a = std::accumulate(rs.begin(), rs.end(), 0.0,
                             [](double acc, const Reading &r) { return acc + smooth(r.temp); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:14: remark: call to 'std::accumulate' rewritten as a parallel reduction [purecc-parallel-algorithm]
  // REWRITE: double a = ::purecc::unfolded_add<double>(0.0, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(rs.size()), ::purecc::additive_identity<double>(), [&, purecc_op = ([](const Reading &r) { return smooth(r.temp); })](std::int64_t purecc_k) -> double { return purecc_op(rs[static_cast<std::size_t>(purecc_k)]); }, [](double purecc_lhs, double purecc_rhs) { return purecc_lhs + purecc_rhs; }));
  double b = std::accumulate(rs.begin(), rs.end(), -0.0,
                             [&](double acc, const Reading &r) { return scale * smooth(r.temp) + acc; });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:14: remark: call to 'std::accumulate' rewritten as a parallel reduction [purecc-parallel-algorithm]
  // REWRITE: purecc_op = ([&](const Reading &r) { return scale * smooth(r.temp); })
  long c = std::accumulate(rs.begin(), rs.end(), 0L,
                           [scale](long acc, Reading r) { return acc ^ score(r.id + long(scale)); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:12: remark: call to 'std::accumulate' rewritten as a parallel reduction [purecc-parallel-algorithm]
  // REWRITE: long c = (0L ^ ::purecc::parallel_reduce(0, static_cast<std::int64_t>(rs.size()), long{}, [&, purecc_op = ([scale](Reading r) { return score(r.id + long(scale)); })]
  long d = std::accumulate(rs.begin(), rs.end(), 0L, [](long sum, const Reading &r) {
    return sum + (r.id % 3 == 0 ? score(r.id) : 0L);
  });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-3]]:12: remark: call to 'std::accumulate' rewritten as a parallel reduction [purecc-parallel-algorithm]
  // REWRITE: long d = ::purecc::wrapping_add<long>(0L, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(rs.size()), long{}, [&, purecc_op = ([](const Reading &r) { return (r.id % 3 == 0 ? score(r.id) : 0L); })]

  // The total is converted at every step.
  int e = std::accumulate(rs.begin(), rs.end(), 0,
                          [](double acc, const Reading &r) { return acc + smooth(r.temp); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:11: remark: call to 'std::accumulate' not parallelized: the lambda's running total 'acc' has type 'double', and the 'int' total is converted to it at every step, which the parallel reduction would not do [purecc-missed-algorithm]
  int f = std::accumulate(rs.begin(), rs.end(), 0,
                          [](int acc, const Reading &r) { return acc + smooth(r.temp); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:11: remark: call to 'std::accumulate' not parallelized: the lambda computes in 'double', converting to the 'int' total at every step, which the parallel reduction would not do [purecc-missed-algorithm]
  short g = std::accumulate(rs.begin(), rs.end(), short(0),
                            [](short acc, const Reading &r) { return acc + short(score(r.id) & 1); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:13: remark: call to 'std::accumulate' not parallelized: the lambda computes in 'int', converting to the 'short' total at every step, which the parallel reduction would not do [purecc-missed-algorithm]

  // A floating product, a term reading the total, a throwing term, an
  // impure term.
  double h = std::accumulate(rs.begin(), rs.end(), 1.0,
                             [](double acc, const Reading &r) { return acc * (1.0 + 1e-9 * smooth(r.temp)); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:14: remark: call to 'std::accumulate' not parallelized: the result is a floating-point product, which purecc does not reassociate: a partial product of some terms alone may overflow or underflow where the serial running product does not (0 times a partial that overflowed is NaN, not 0) [purecc-missed-algorithm]
  double m = std::accumulate(rs.begin(), rs.end(), 0.0,
                             [](double acc, const Reading &r) { return acc + smooth(acc + r.temp); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:14: remark: call to 'std::accumulate' not parallelized: the lambda's term 'smooth(acc + r.temp)' reads the running total 'acc', so each step needs the one before [purecc-missed-algorithm]
  long n = std::accumulate(rs.begin(), rs.end(), 0L,
                           [](long acc, const Reading &r) { return acc + risky(r.id); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:12: remark: call to 'std::accumulate' not parallelized: the operation may throw, and the serial algorithm does not apply it to the later elements then [purecc-missed-algorithm]
  long calls = 0;
  long p = std::accumulate(rs.begin(), rs.end(), 0L,
                           [&calls](long acc, const Reading &r) { return acc + (score(r.id) + calls++); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:12: remark: call to 'std::accumulate' not parallelized: the operation is not known to be pure [purecc-missed-algorithm]
  // std::reduce may also combine two elements with the lambda, so it is no
  // fold of 'smooth' (adv56 t03): the remark says how to write that fold.
  std::vector<double> w(4000, 0.25);
  double q = std::reduce(w.begin(), w.end(), 0.0, [](double acc, double x) { return acc + smooth(x); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-1]]:14: remark: call to 'std::reduce' not parallelized: the operation is not one of std::plus, std::multiplies, std::bit_and, std::bit_or, std::bit_xor; std::reduce may apply it to two elements or two partial results, so 'return acc + smooth(x);' folds no function over the elements: such a fold is 'std::transform_reduce(first, last, init, std::plus<>(), [](double x) { return smooth(x); })', which is rewritten [purecc-missed-algorithm]
  // A total of a class type: the true reason is its type, not the lambda
  // (adv100 F3 was told the lambda is no std::plus).
  std::vector<long> idx = {1, 2, 3};
  std::string tags = std::accumulate(idx.begin(), idx.end(), std::string(),
                                     [](std::string acc, long i) { return acc + char('a' + i); });
  // REMARK: algorithm-fold-lambdas.cpp:[[@LINE-2]]:22: remark: call to 'std::accumulate' not parallelized: the result type 'class std::basic_string<char>' is not arithmetic [purecc-missed-algorithm]
  std::printf("%s\n", tags.c_str());
  std::printf("%.6f %.6f %ld %ld %.3f\n", a, b, c, d, q);
  std::printf("%d %d %d %.9f %.6f %ld %ld %ld\n", e, f, int(g), h, m, n, p, calls);
  return 0;
}
// OUT: bcd
// OUT-NEXT: 2280.871006 1140.435503 376676 665898695 361.574
// OUT-NEXT: 281 281 2002 1.000002281 -0.853965 2001426386 2009424386 4000
