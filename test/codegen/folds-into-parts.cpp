// Folds into parts of one object and sums spelled out. An ordered reduction
// with a user's associative combine takes a member path ('acc.m'), an
// element at a constant index ('ms[1]') or a structured binding as its
// accumulator, as the built-in reductions do (Places.h); the tree keeps the
// operands' order. 'z = z + w(i)', 'z = w(i) + z' and 'z = z - w(i)' on a
// 'std::complex' are 'z += w(i)' and 'z -= w(i)': the same two
// floating-point sums, the same bits.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <utility>

constexpr long kP = 1000003; // entries mod a prime: exact, and still a ring

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}

// A 2x2 matrix product: associative, not commutative.
struct Mat {
  long a, b, c, d;
};
[[purecc::associative]] Mat mul(Mat x, Mat y) {
  return Mat{(x.a * y.a + x.b * y.c) % kP, (x.a * y.b + x.b * y.d) % kP,
             (x.c * y.a + x.d * y.c) % kP, (x.c * y.b + x.d * y.d) % kP};
}
[[purecc::associative]] Mat operator*(Mat x, Mat y) { return mul(x, y); }
[[pure]] Mat rot(long i) {
  long k = heavy(i) % 97 + 1;
  return Mat{k, kP - i % 5 - 1, i % 5 + 1, k};
}
struct Chain {
  Mat m;
  long tag;
};
unsigned long fold(Mat m) {
  return (((unsigned long)m.a * 31 + m.b) * 31 + m.c) * 31 + m.d;
}

// NaN, -0.0, +0.0, +inf and -inf among ordinary values.
[[pure]] double value(long i) {
  switch (i % 997) {
  case 7:
    return std::numeric_limits<double>::quiet_NaN();
  case 11:
    return -0.0;
  case 13:
    return 0.0;
  case 17:
    return std::numeric_limits<double>::infinity();
  case 19:
    return -std::numeric_limits<double>::infinity();
  }
  return double(heavy(i) % 41) / 4.0 - 5.0 + 1.0 / (3.0 + double(i));
}
[[pure]] std::complex<double> wave(long i) {
  long h = heavy(i);
  return std::complex<double>(std::sin(double(h + i)) / (1.0 + double(i)),
                              double(h % 7) / (7.0 + double(i)));
}
// Its real part runs through NaN, zeros and infinities at some indices.
[[pure]] std::complex<double> odd(long i) {
  return i % 997 < 20 ? std::complex<double>(value(i), -0.0) : wave(i);
}
struct Signal {
  std::complex<double> z;
  long n;
};

int main() {
  const long n = 3000;

  // A product into a member, in the loop's order.
  Chain ch{{1, 0, 0, 1}, 7};
  for (long i = 0; i < n; ++i)
    ch.m = mul(ch.m, rot(i));
  // CHECK: {{^}}    [&](auto &&purecc_v) {{.*}}(rot(i)); } return purecc_acc_0; }, {{.*}}; if (purecc_o0) ch.m = mul(ch.m, std::move(*purecc_o0)); }{{$}}
  // REMARK: folds-into-parts.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'ch.m' with 'mul' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  Mat whole{1, 0, 0, 1};
  for (long i = 0; i < n; ++i)
    whole = mul(whole, rot(i));
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'whole' with 'mul' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  std::printf("member %lu %d %ld\n", fold(ch.m), int(fold(ch.m) == fold(whole)), ch.tag);
  // OUT: member 11301231069 1 7

  // Prepending with an operator into an element, counting down, with a
  // 'continue' that skips some terms.
  Mat ms[3] = {{1, 0, 0, 1}, {1, 0, 0, 1}, {2, 0, 0, 2}};
  for (long i = n - 1; i >= 0; --i) {
    if (i % 10 == 3)
      continue;
    ms[1] = rot(i) * ms[1];
  }
  // CHECK: {{^}}  } return purecc_acc_2; }, {{.*}} *purecc_lhs = std::move(*purecc_rhs) * *purecc_lhs; {{.*}}; if (purecc_o2) ms[1] = std::move(*purecc_o2) * ms[1]; }{{$}}
  // REMARK: folds-into-parts.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'ms[1]' with '*' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  Mat pre{1, 0, 0, 1};
  for (long i = 0; i < n; ++i)
    if (i % 10 != 3)
      pre = pre * rot(i);
  // REMARK: folds-into-parts.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'pre' with '*' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  std::printf("element %d %lu %lu\n", int(fold(ms[1]) == fold(pre)), fold(ms[0]), fold(ms[2]));
  // OUT-NEXT: element 1 29792 59584

  // A structured binding of an object decomposed by value.
  auto [left, right] = std::pair<Mat, Mat>{{1, 0, 0, 1}, {3, 0, 0, 3}};
  for (long i = 0; i < n; ++i)
    left = mul(left, rot(i));
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'left' with 'mul' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  std::printf("binding %d %lu\n", int(fold(left) == fold(whole)), fold(right));
  // OUT-NEXT: binding 1 89376

  // The term reads another member, which no fold changes: apart from
  // 'seen.m' (user48 k07; it was refused as "'seen' is also used there").
  Chain seen{{1, 0, 0, 1}, 2};
  for (long i = 0; i < n; ++i)
    seen.m = mul(seen.m, rot(i + seen.tag));
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'seen.m' with 'mul' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  // Refused with the true reason: the body folds into another variable too ...
  Chain counted{{1, 0, 0, 1}, 0};
  long tags = 0;
  for (long i = 0; i < n; ++i) {
    counted.m = mul(counted.m, rot(i));
    tags += counted.tag;
  }
  // REMARK: folds-into-parts.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop folds into both 'counted.m' and 'tags', which purecc does not combine in one reduction [purecc-missed-reduction]
  // ... or the term reads the accumulator's own object through an alias.
  Chain aliased{{1, 0, 0, 1}, 1};
  const Chain &view = aliased;
  for (long i = 0; i < n; ++i)
    aliased.m = mul(aliased.m, rot(i + view.tag));
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'aliased' is read inside the loop body (through 'view', declared on line [[@LINE-3]]) [purecc-missed-reduction]
  // ... or two parts of one object.
  Chain two[2] = {{{1, 0, 0, 1}, 0}, {{1, 0, 0, 1}, 0}};
  for (long i = 0; i < n; ++i) {
    two[0].m = mul(two[0].m, rot(i));
    two[1].m = mul(two[1].m, rot(i + 1));
  }
  // REMARK: folds-into-parts.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop folds into both 'two[0].m' and 'two[1].m', which purecc does not combine in one reduction [purecc-missed-reduction]
  // REMARK: folds-into-parts.cpp:[[@LINE-4]]:16: remark: calls to 'mul' and 'mul' not parallelized: the result of 'mul' is stored into a part of an object, not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  std::printf("serial %lu %lu %ld %lu %lu\n", fold(seen.m), fold(counted.m), tags,
              fold(aliased.m), fold(two[1].m));
  // OUT-NEXT: serial 7572424639 11301231069 0 7602391497 7602391497

  // 'std::complex' sums spelled out: the bits of '+=' and '-='.
  std::complex<double> inc = 0, plus = 0, front = 0, minus{1.0, -0.0}, less{1.0, -0.0};
  for (long i = 0; i < n; ++i)
    inc += wave(i);
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'inc' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    plus = plus + wave(i);
  // CHECK: {{^}}    purecc_acc_[[N:[0-9]+]] = purecc_acc_[[N]] + wave(i); } return purecc_acc_[[N]]; }, [](std::complex<double> purecc_lhs, std::complex<double> purecc_rhs) { return purecc_lhs + purecc_rhs; });{{$}}
  // REMARK: folds-into-parts.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'plus' [purecc-reduction]
  for (long i = n - 1; i >= 0; --i) {
    if (i % 10 == 3)
      continue;
    front = (wave(i) + front);
  }
  // REMARK: folds-into-parts.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel reduction of 'front' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    minus = minus - wave(i);
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'minus' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    less -= wave(i);
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'less' [purecc-reduction]
  // Printed rounded: a tree sum may differ from the serial loop's in the
  // last bits; the spelled-out sum has the bits of '+=' at every thread count.
  std::printf("complex %.9f %.9f %d %d %d\n", plus.real(), plus.imag(), int(plus == inc),
              int(minus == less), int(std::signbit(minus.imag())));
  // OUT-NEXT: complex -1.308535323 18.603150996 1 1 1
  std::printf("counted down %.9f %.9f\n", front.real(), front.imag());
  // OUT-NEXT: counted down -1.099860058 16.727587627

  // A member, a real term on either side, and NaN, zeros and infinities in
  // the terms: NaN whichever leaf adds the NaN, or the '+inf' and the '-inf'
  // (of a NaN sum only its NaN-ness is the serial loop's: docs/codegen.md).
  Signal sg{{0.0, -0.0}, 0};
  std::complex<double> flat = 0;
  for (long i = 0; i < 1000; ++i) {
    sg.z = sg.z + odd(i);
    sg.z = value(i + 1) + sg.z;
    ++sg.n;
  }
  // REMARK: folds-into-parts.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel reduction of 'sg.z' and 'sg.n' [purecc-reduction]
  for (long i = 0; i < 1000; ++i)
    flat = flat + std::complex<double>(value(i) + 0.0, 1.0);
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'flat' [purecc-reduction]
  std::complex<double> zeros{-0.0, -0.0};
  for (long i = 0; i < 1000; ++i)
    zeros = zeros + std::complex<double>(heavy(i) < 0 ? 1.0 : -0.0, -0.0);
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'zeros' [purecc-reduction]
  std::printf("special %d %.9f %ld %d %g %d %d\n", int(std::isnan(sg.z.real())), sg.z.imag(),
              sg.n, int(std::isnan(flat.real())), flat.imag(), int(std::signbit(zeros.real())),
              int(std::signbit(zeros.imag())));
  // OUT-NEXT: special 1 11.054703789 1000 1 1000 1 1

  // Refused with the true reason.
  std::complex<double> back = 0, prod{1.0, 0.0}, twice{1.0, 0.0};
  for (long i = 0; i < n; ++i)
    back = wave(i) - back;
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'back' from the value the iteration before left ('back = wave(i) - back'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    prod = prod * std::complex<double>(1.0, wave(i).real() * 1e-3);
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'prod' is a 'std::complex<double>', whose '*' is not combined: only its '+' and '-' (a floating-point sum of each component) are [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    twice = twice + wave(i) * twice;
  // REMARK: folds-into-parts.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'twice' is written inside the loop body ('twice = twice + wave(i) * twice') and read there ('twice + wave(i) * twice'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
  std::printf("kept %.6f %.6f %.6f\n", back.real(), prod.imag(), twice.real());
  // OUT-NEXT: kept -0.582413 -0.001309 0.707042
}
