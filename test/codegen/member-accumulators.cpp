// Reductions into parts of one object: member paths ('st.sum', 'o.in.lo'),
// elements at a constant index ('acc[K]', a 'std::array'), structured
// bindings of an object decomposed by value, and 'std::complex' sums. Each
// part is an accumulator of its own when nothing else in the body uses its
// object; the refusals say which use stands in the way.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks --fp-reassoc=off %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=FPOFF
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <tuple>
#include <utility>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
// Wraps: the products overflow 'unsigned' many times over.
[[pure]] unsigned wide(long x) { return unsigned(heavy(x)) * 2654435761u; }
// Not exact: sums of these round differently in another order.
[[pure]] double term(long i) { return std::sin(double(heavy(i) + i)) / (1.0 + double(i)); }
// NaN, -0.0 and +0.0 among ordinary values, and +inf and -inf when Inf.
[[pure]] double value(long i, bool Inf) {
  switch (i % 997) {
  case 7:
    return std::numeric_limits<double>::quiet_NaN();
  case 11:
    return -0.0;
  case 13:
    return 0.0;
  case 17:
    return Inf ? std::numeric_limits<double>::infinity() : 1.5;
  case 19:
    return Inf ? -std::numeric_limits<double>::infinity() : -1.5;
  }
  return double(heavy(i) % 41) / 4.0 - 5.0;
}
[[pure]] std::complex<double> wave(long i) {
  return std::complex<double>(term(i), term(i + 7) * 0.5);
  // REMARK: member-accumulators.cpp:[[@LINE-1]]:31: remark: calls to 'term' and 'term' run in parallel [purecc-parallel-calls]
}

struct Stats {
  double sum = 0, sq = 0;
  bool any = false; // padding after it
  long n = 0;
  unsigned mix = 1;
  [[pure]] double mean() const { return n ? sum / double(n) : 0.0; }
};
struct Range {
  double lo, hi;
};
struct Outer {
  int tag;
  Range in;
};
[[pure]] Range start() {
  return {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
}

int main() {
  const long n = 3000;

  // Statistics in the members of one struct (a 'bool' member, an 'unsigned'
  // one that wraps).
  Stats st;
  for (long i = 0; i < n; ++i) {
    double x = term(i);
    st.sum += x;
    st.sq += x * x;
    ++st.n;
    st.any |= i == 1777;
    st.mix *= wide(i) | 1u;
  }
  // REMARK: member-accumulators.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel reduction of 'st.sum', 'st.sq', 'st.n', 'st.any' and 'st.mix' [purecc-reduction]
  // FPOFF: member-accumulators.cpp:[[@LINE-9]]:3: remark: floating-point reduction of 'st.sum' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]
  // CHECK:      {{^}}  { auto [purecc_r3_0, purecc_r3_1, purecc_r3_2, purecc_r3_3, purecc_r3_4] = ::purecc::parallel_reduce(0, n, std::tuple<double, double, long, bool, unsigned int>{::purecc::additive_identity<double>(), ::purecc::additive_identity<double>(), long{}, false, static_cast<unsigned int>(1)}, [&](std::int64_t i) -> std::tuple<double, double, long, bool, unsigned int> { double purecc_acc_0 = ::purecc::additive_identity<double>(); double purecc_acc_1 = ::purecc::additive_identity<double>(); ::purecc::wrapping<long> purecc_acc_2 = long{}; bool purecc_acc_3 = false; ::purecc::wrapping<unsigned int> purecc_acc_4 = static_cast<unsigned int>(1); {
  // CHECK-NEXT: {{^}}    double x = term(i);
  // CHECK-NEXT: {{^}}    purecc_acc_0 += x;
  // CHECK-NEXT: {{^}}    purecc_acc_1 += x * x;
  // CHECK-NEXT: {{^}}    ++purecc_acc_2;
  // CHECK-NEXT: {{^}}    purecc_acc_3 |= i == 1777;
  // CHECK-NEXT: {{^}}    purecc_acc_4 *= wide(i) | 1u;
  // CHECK-NEXT: {{^}}  } return std::tuple<double, double, long, bool, unsigned int>{purecc_acc_0, purecc_acc_1, purecc_acc_2, purecc_acc_3, purecc_acc_4}; }, [](const std::tuple<double, double, long, bool, unsigned int> &purecc_lhs, const std::tuple<double, double, long, bool, unsigned int> &purecc_rhs) { return std::tuple<double, double, long, bool, unsigned int>{std::get<0>(purecc_lhs) + std::get<0>(purecc_rhs), std::get<1>(purecc_lhs) + std::get<1>(purecc_rhs), ::purecc::wrapping_add(std::get<2>(purecc_lhs), std::get<2>(purecc_rhs)), static_cast<bool>(std::get<3>(purecc_lhs) || std::get<3>(purecc_rhs)), ::purecc::wrapping_mul(std::get<4>(purecc_lhs), std::get<4>(purecc_rhs))}; }); ::purecc::unfolded(st.sum) += purecc_r3_0; ::purecc::unfolded(st.sq) += purecc_r3_1; st.n = ::purecc::wrapping_add<long>(st.n, purecc_r3_2); st.any |= purecc_r3_3; st.mix = ::purecc::wrapping_mul<unsigned int>(st.mix, purecc_r3_4); }
  // The same sum in a variable of its own: the same tree, the same bits.
  double plain = 0;
  for (long i = 0; i < n; ++i) {
    double x = term(i);
    plain += x;
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'plain' [purecc-reduction]
  // FPOFF: member-accumulators.cpp:[[@LINE-5]]:3: remark: floating-point reduction of 'plain' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]
  // Printed rounded: a tree sum may differ from the serial loop's in the
  // last bits (docs/codegen.md, "Floating point").
  std::printf("stats %.9f %.9f %ld %d %u %d\n", st.sum, st.sq, st.n, int(st.any), st.mix,
              int(st.sum == plain));
  // OUT:      stats -1.308535323 0.214965318 3000 1 998709565 1

  // A nested member path: a minimum and a maximum over NaN, -0.0 and +0.0
  // (the NaN terms are skipped, as in the loop).
  Outer o{7, start()};
  for (long i = 0; i < n; ++i) {
    double v = value(i, false);
    o.in.lo = std::min(o.in.lo, v);
    if (v > o.in.hi)
      o.in.hi = v;
  }
  // REMARK: member-accumulators.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'o.in.lo' and 'o.in.hi' [purecc-reduction]
  std::printf("nested %g %g %d\n", o.in.lo, o.in.hi, o.tag);
  // OUT-NEXT: nested -1.5 3 7
  // Signed zeros: the first of equal values is kept, as in the loop.
  Outer z0{1, {0.0, -0.0}};
  for (long i = 0; i < n; ++i) {
    double v = i % 2 ? -0.0 : 0.0;
    if (heavy(i) > 600)
      v = 1.0 / -std::numeric_limits<double>::infinity();
    z0.in.lo = std::min(z0.in.lo, v);
    z0.in.hi = std::max(z0.in.hi, v);
  }
  // REMARK: member-accumulators.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'z0.in.lo' and 'z0.in.hi' [purecc-reduction]
  std::printf("zeros %g %g\n", z0.in.lo, z0.in.hi);
  // OUT-NEXT: zeros 0 -0

  // Structured bindings of objects decomposed by value (a minimum and a
  // maximum over NaN, -0.0, +0.0, +inf and -inf).
  auto [lo, hi] = start();
  for (long i = 0; i < n; ++i) {
    lo = std::min(lo, value(i, true));
    hi = std::max(hi, value(i, true));
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'lo' and 'hi' [purecc-reduction]
  auto [cnt, tot] = std::pair{0L, 1L};
  for (long i = 0; i < n; ++i) {
    cnt += heavy(i) % 3;
    tot += heavy(i);
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'cnt' and 'tot' [purecc-reduction]
  std::printf("bindings %g %g %ld %ld\n", lo, hi, cnt, tot);
  // OUT-NEXT: bindings -inf inf 2570 1800009

  // Elements at constant indices: an array (one index a 'constexpr'
  // variable) and a 'std::array'.
  double acc[3] = {};
  constexpr int K = 2;
  std::array<unsigned, 4> cells{};
  for (long i = 0; i < n; ++i) {
    acc[0] += term(i);
    acc[K] += double(heavy(i) % 5);
    ++cells[1];
    cells[3] += wide(i);
  }
  // REMARK: member-accumulators.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'acc[0]', 'acc[2]', 'cells[1]' and 'cells[3]' [purecc-reduction]
  // FPOFF: member-accumulators.cpp:[[@LINE-7]]:3: remark: floating-point reduction of 'acc[0]' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]
  std::printf("elements %.9f %g %g %u %u %u %d\n", acc[0], acc[1], acc[2], cells[0], cells[1],
              cells[3], int(acc[0] == plain));
  // OUT-NEXT: elements -1.308535323 0 6428 0 3000 517374152 1

  // 'std::complex' sums: each component is a floating-point sum, the same
  // bits as the sum of that component in a variable of its own.
  std::complex<double> z = 0;
  double zr = 0, zi = 0;
  for (long i = 0; i < n; ++i)
    z += wave(i);
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'z' [purecc-reduction]
  // FPOFF: member-accumulators.cpp:[[@LINE-3]]:3: remark: floating-point reduction of 'z' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]
  for (long i = 0; i < n; ++i) {
    zr += wave(i).real();
    zi += wave(i).imag();
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'zr' and 'zi' [purecc-reduction]
  // FPOFF: member-accumulators.cpp:[[@LINE-5]]:3: remark: floating-point reduction of 'zr' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]
  Stats with{};
  std::complex<float> zf{1.0f, -0.0f};
  for (long i = 0; i < n; ++i) {
    zf -= std::complex<float>(float(heavy(i) % 3), 0.5f);
    with.n += heavy(i) % 4;
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'zf' and 'with.n' [purecc-reduction]
  // FPOFF: member-accumulators.cpp:[[@LINE-5]]:3: remark: floating-point reduction of 'zf' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]
  std::printf("complex %.9f %.9f %d %d %g %g %ld\n", z.real(), z.imag(), int(z.real() == zr),
              int(z.imag() == zi), double(zf.real()), double(zf.imag()), with.n);
  // OUT-NEXT: complex -1.308535323 -0.405342274 1 1 -2569 -1500 3428

  // The body reads another member of the object, which no accumulation
  // changes: apart from 'r1.sum', as a map allows (user48 k07).
  Stats r1;
  double peek = 0;
  for (long i = 0; i < n; ++i) {
    r1.sum += term(i);
    peek += double(r1.n);
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'r1.sum' and 'peek' [purecc-reduction]
  // Refused: a member function called on the object.
  Stats r2;
  for (long i = 0; i < n; ++i) {
    r2.sum += term(i);
    r2.n += long(r2.mean() > 1.0);
  }
  // REMARK: member-accumulators.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'r2.sum' is updated inside the loop body ('r2.sum += term(i)') and 'r2' is also used there ('r2.n += long(r2.mean() > 1.0)') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
  // Refused: a lambda in the body captures the object by reference.
  Stats r3;
  for (long i = 0; i < n; ++i)
    r3.sum += term(i) + [&] { return double(r3.n); }();
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r3.sum' is updated inside the loop body ('r3.sum += term(i) + [&] { return double(r3.n); }()') and 'r3' is also used there ('[&] { return double(r3.n); }') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:15: remark: calls to 'term' and 'operator()' not parallelized: 'operator()' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  // Refused: a path through '->'.
  Stats r4;
  Stats *p4 = &r4;
  for (long i = 0; i < n; ++i)
    p4->sum += term(i);
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'p4->sum' is reached through a pointer: only a variable, or a part of a local object named with '.', is recognized as an accumulator [purecc-missed-reduction]
  // Refused: a binding by reference to an object the body reads.
  std::pair<long, long> pr{1, 2};
  auto &[ra, rb] = pr;
  for (long i = 0; i < n; ++i)
    ra += heavy(i) + pr.second;
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ra' is bound by reference to a part of 'pr' ('[ra, rb]' on line [[@LINE-3]]), which the loop body also uses ('ra += heavy(i) + pr.second'): a leaf's private copy of 'ra' would not be what that use sees [purecc-missed-reduction]
  // Refused: a binding by reference, even when the body does not name the
  // object (another holder of it may be read).
  std::pair<long, long> pq{3, 4};
  auto &[qa, qb] = pq;
  for (long i = 0; i < n; ++i)
    qa += heavy(i);
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'qa' is bound by reference ('[qa, qb]' on line [[@LINE-3]]) to an object the loop body may read under another name: only a binding of an object decomposed by value is combined [purecc-missed-reduction]
  // Refused: a binding that is a reference itself (into a tuple of
  // references), and a member of a union (which shares its storage).
  double tx = 0;
  auto [tr, tn] = std::tuple<double &, long>(tx, 5);
  for (long i = 0; i < n; ++i)
    tr += term(i);
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'tr' is a structured binding of type 'double &', which names another object: only a binding of a part of the decomposed object itself is recognized as an accumulator [purecc-missed-reduction]
  union Bits {
    long whole;
    double real;
  };
  Bits ub{0};
  for (long i = 0; i < n; ++i)
    ub.whole += heavy(i);
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ub.whole' is a member of a union, whose members share their storage: only a member of a struct or class is recognized as an accumulator [purecc-missed-reduction]
  std::printf("aliases %.6f %ld %ld\n", tx, tn, ub.whole);
  // OUT-NEXT: aliases -1.308535 5 1800008
  // Refused: a complex product.
  std::complex<double> zp{1.0, 0.0};
  for (long i = 0; i < n; ++i)
    zp *= std::complex<double>(1.0, term(i) * 1e-3);
  // REMARK: member-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'zp' is a 'std::complex<double>', whose '*=' is not combined: only its '+=' and '-=' (a floating-point sum of each component) are [purecc-missed-reduction]
  // Refused: the same member written by a plain store besides the sum.
  Stats r5;
  for (long i = 0; i < n; ++i) {
    r5.sum += term(i);
    if (heavy(i) == 0)
      r5.sum = 0;
  }
  // REMARK: member-accumulators.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'r5.sum' is updated inside the loop body ('r5.sum += term(i)') and 'r5' is also used there ('r5.sum = 0') otherwise: a part of an object is combined only when the body uses the object through its accumulations alone [purecc-missed-reduction]
  std::printf("refused %.6f %g %.6f %.6f %.6f %ld %ld %ld %ld %.6f %.6f %.6f\n", r1.sum, peek,
              r2.sum, r3.sum, r4.sum, ra, rb, qa, qb, zp.real(), zp.imag(), r5.sum);
  // OUT-NEXT: refused -1.308535 0 -1.308535 -1.308535 -1.308535 1806009 2 1800011 4 0.999999 -0.001309 -1.308535
}
