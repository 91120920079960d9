// The identity of IEEE addition is -0.0, not +0.0: x + (-0.0) is x for
// every x (+0.0 + -0.0 == +0.0), while -0.0 + (+0.0) is +0.0. A floating
// sum's private accumulators (and the result of an empty range) start at
// -0.0, so a sum of -0.0 terms, or of no terms, keeps the sign of the
// serial loop's: `s = -0.0; s += x` over all -0.0 terms is -0.0. The
// serial clone (1 thread) runs the same tree. `std::reduce(first, last)`
// starts from `T{}` (+0.0) in the standard, so its rewrite adds it.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// Rounding down, +0.0 + -0.0 is -0.0 and the identity is +0.0 instead
// (adv45 t02, t03): the start is read from the mode at run time.
// RUN: env E2E_CPPFLAGS=-DROUND_DOWNWARD %e2e %s %t.down | FileCheck %s --check-prefix=DOWN

#include <cfenv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

using V = std::vector<double>;

[[pure]] double add(const V &v, double s) {
  for (double x : v)
    s += x;
  return s;
}
// CHECK: double add(const V &v, double s) {{.*}} s += ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), ::purecc::additive_identity<double>(), [&]{{.*}} = ::purecc::additive_identity<double>();
[[pure]] double plain(const V &v, double s) {
  for (double x : v)
    s = s + x;
  return s;
}
[[pure]] double mirrored(const V &v, double s) {
  for (double x : v)
    s = x + s;
  return s;
}
// s - x is s + (-x): -0.0 is its identity too.
[[pure]] double sub(const V &v, double s) {
  for (double x : v)
    s -= x;
  return s;
}
[[pure]] float addf(const std::vector<float> &v, float s) {
  for (float x : v)
    s += x;
  return s;
}
// CHECK: float addf({{.*}} ::purecc::additive_identity<float>(), [&]{{.*}} = ::purecc::additive_identity<float>();
[[pure]] long double addl(const std::vector<long double> &v, long double s) {
  for (long double x : v)
    s += x;
  return s;
}
// CHECK: long double addl({{.*}} ::purecc::additive_identity<long double>(), [&]{{.*}} = ::purecc::additive_identity<long double>();
[[pure]] double acc(const V &v, double s) { return std::accumulate(v.begin(), v.end(), s); }
// CHECK: double acc(const V &v, double s) {{.*}} return ::purecc::unfolded_add<double>(s, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), ::purecc::additive_identity<double>(),
[[pure]] double red(const V &v, double s) { return std::reduce(v.begin(), v.end(), s, std::plus<>()); }
// std::reduce without an initial value starts from double{}, which is +0.0.
[[pure]] double red2(const V &v) { return std::reduce(v.begin(), v.end()); }
// CHECK: double red2(const V &v) {{.*}} return ::purecc::unfolded_add<double>(double{}, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size()), ::purecc::additive_identity<double>(),
[[pure]] double twice(double x) { return x + x; }
[[pure]] double tred(const V &v, double s) {
  return std::transform_reduce(v.begin(), v.end(), s, std::plus<>(), twice);
}

// The sign of a NaN that arithmetic returns is unspecified (IEEE 754
// 6.3), and compilers use that: the leaf's `-0.0 - x` is `-x`, whose NaN
// has the other sign. Of a difference only NaN-ness is kept.
double unsignedNaN(double d) { return std::isnan(d) ? std::fabs(d) : d; }

// Every other bit of the result: the sign of a zero and of a NaN.
void show(const char *what, const V &v, double s) {
  std::printf("%s: %a %a %a %a %a %a %a %a\n", what, add(v, s), plain(v, s), mirrored(v, s),
              unsignedNaN(sub(v, s)), acc(v, s), red(v, s), red2(v), tred(v, s));
  std::vector<float> f(v.begin(), v.end());
  std::vector<long double> l(v.begin(), v.end());
  std::printf("  float %a long double %La\n", double(addf(f, float(s))), addl(l, s));
}

[[pure]] double accKnown(const V &v) { return std::accumulate(v.begin(), v.end(), -0.0); }
// CHECK: double accKnown(const V &v) {{.*}} return ::purecc::unfolded_add<double>(-0.0, ::purecc::parallel_reduce(
[[pure]] double redKnown(const V &v) { return std::reduce(v.begin(), v.end(), -0.0); }
// CHECK: double redKnown(const V &v) {{.*}} return ::purecc::unfolded_add<double>(-0.0, ::purecc::parallel_reduce(

// +0.0, after some work.
[[pure]] double pz(long i) {
  double r = 0;
  for (int k = 0; k < 50; ++k)
    r += double((i * 7 + k) % 13);
  return r * 0.0;
}

int main() {
#ifdef ROUND_DOWNWARD
  std::fesetround(FE_DOWNWARD);
#endif
  const long n = 4000;
  V minus(n, -0.0), plus(n, 0.0), mixed(n, -0.0), none;
  mixed[2500] = 0.0;
  V nan(n, NAN), mnan(n, -NAN), pinf(n, 1.0), ninf(n, -1.0), both(n, 1.0);
  pinf[1234] = INFINITY;
  ninf[5] = -INFINITY;
  both[100] = INFINITY;
  both[3900] = -INFINITY;
  for (double s : {-0.0, 0.0}) {
    std::printf("s = %a\n", s);
    show("-0.0 terms", minus, s);
    show("+0.0 terms", plus, s);
    show("mixed zeros", mixed, s);
    show("no terms", none, s);
    show("NaN terms", nan, s);
    show("-NaN terms", mnan, s);
    show("+inf", pinf, s);
    show("-inf", ninf, s);
    show("+inf and -inf", both, s);
  }
  // A start the compiler knows: without -frounding-math it would fold
  // `-0.0 + r` into r at the merge, which rounding down makes -0.0 (adv47
  // t34, t33): the merge adds at run time (purecc::unfolded).
  double known = -0.0, parts[2] = {-0.0, -0.0};
  for (long i = 0; i < 4000; ++i)
    known += pz(i);
  for (long i = 0; i < 4000; ++i)
    parts[i % 2] += pz(i);
  // CHECK: ::purecc::unfolded(known) += ::purecc::parallel_reduce(
  // CHECK: ::purecc::unfolded(parts[purecc_k{{[0-9]+}}]) +=
  std::printf("known start: %a %a %a\n", known, parts[0], parts[1]);
  // The algorithms' start, written -0.0: `(-0.0 + r)` was folded into r.
  std::printf("known algorithm start: %a %a\n", accKnown(plus), redKnown(plus));
}
// OUT:      s = -0x0p+0
// OUT-NEXT: -0.0 terms: -0x0p+0 -0x0p+0 -0x0p+0 0x0p+0 -0x0p+0 -0x0p+0 0x0p+0 -0x0p+0
// OUT-NEXT:   float -0x0p+0 long double -0x0p+0
// OUT-NEXT: +0.0 terms: 0x0p+0 0x0p+0 0x0p+0 -0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT:   float 0x0p+0 long double 0x0p+0
// OUT-NEXT: mixed zeros: 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT:   float 0x0p+0 long double 0x0p+0
// OUT-NEXT: no terms: -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 0x0p+0 -0x0p+0
// OUT-NEXT:   float -0x0p+0 long double -0x0p+0
// OUT-NEXT: NaN terms: nan nan nan nan nan nan nan nan
// OUT-NEXT:   float nan long double nan
// OUT-NEXT: -NaN terms: -nan -nan -nan nan -nan -nan -nan -nan
// OUT-NEXT:   float -nan long double -nan
// OUT-NEXT: +inf: inf inf inf -inf inf inf inf inf
// OUT-NEXT:   float inf long double inf
// OUT-NEXT: -inf: -inf -inf -inf inf -inf -inf -inf -inf
// OUT-NEXT:   float -inf long double -inf
// OUT-NEXT: +inf and -inf: -nan -nan -nan nan -nan -nan -nan -nan
// OUT-NEXT:   float -nan long double -nan
// OUT-NEXT: s = 0x0p+0
// OUT-NEXT: -0.0 terms: 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT:   float 0x0p+0 long double 0x0p+0
// OUT-NEXT: +0.0 terms: 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT:   float 0x0p+0 long double 0x0p+0
// OUT-NEXT: mixed zeros: 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT:   float 0x0p+0 long double 0x0p+0
// OUT-NEXT: no terms: 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT:   float 0x0p+0 long double 0x0p+0
// OUT-NEXT: NaN terms: nan nan nan nan nan nan nan nan
// OUT-NEXT:   float nan long double nan
// OUT-NEXT: -NaN terms: -nan -nan -nan nan -nan -nan -nan -nan
// OUT-NEXT:   float -nan long double -nan
// OUT-NEXT: +inf: inf inf inf -inf inf inf inf inf
// OUT-NEXT:   float inf long double inf
// OUT-NEXT: -inf: -inf -inf -inf inf -inf -inf -inf -inf
// OUT-NEXT:   float -inf long double -inf
// OUT-NEXT: +inf and -inf: -nan -nan -nan nan -nan -nan -nan -nan
// OUT-NEXT:   float -nan long double -nan
// OUT-NEXT: known start: 0x0p+0 0x0p+0 0x0p+0
// OUT-NEXT: known algorithm start: 0x0p+0 0x0p+0
// Rounding down: a sum of +0.0 terms from -0.0 is -0.0, and from +0.0 (or
// of -0.0 terms from -0.0) keeps its sign, as in the serial loop.
// DOWN:      s = -0x0p+0
// DOWN-NEXT: -0.0 terms: -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0
// DOWN-NEXT:   float -0x0p+0 long double -0x0p+0
// DOWN-NEXT: +0.0 terms: -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 0x0p+0 -0x0p+0
// DOWN-NEXT:   float -0x0p+0 long double -0x0p+0
// DOWN-NEXT: mixed zeros: -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0
// DOWN-NEXT:   float -0x0p+0 long double -0x0p+0
// DOWN-NEXT: no terms: -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 0x0p+0 -0x0p+0
// DOWN-NEXT:   float -0x0p+0 long double -0x0p+0
// DOWN-NEXT: NaN terms: nan nan nan nan nan nan nan nan
// DOWN-NEXT:   float nan long double nan
// DOWN-NEXT: -NaN terms: -nan -nan -nan nan -nan -nan -nan -nan
// DOWN-NEXT:   float -nan long double -nan
// DOWN-NEXT: +inf: inf inf inf -inf inf inf inf inf
// DOWN-NEXT:   float inf long double inf
// DOWN-NEXT: -inf: -inf -inf -inf inf -inf -inf -inf -inf
// DOWN-NEXT:   float -inf long double -inf
// DOWN-NEXT: +inf and -inf: -nan -nan -nan nan -nan -nan -nan -nan
// DOWN-NEXT:   float -nan long double -nan
// DOWN-NEXT: s = 0x0p+0
// DOWN-NEXT: -0.0 terms: -0x0p+0 -0x0p+0 -0x0p+0 0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0
// DOWN-NEXT:   float -0x0p+0 long double -0x0p+0
// DOWN-NEXT: +0.0 terms: 0x0p+0 0x0p+0 0x0p+0 -0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// DOWN-NEXT:   float 0x0p+0 long double 0x0p+0
// DOWN-NEXT: mixed zeros: -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0
// DOWN-NEXT:   float -0x0p+0 long double -0x0p+0
// DOWN-NEXT: no terms: 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0 0x0p+0
// DOWN-NEXT:   float 0x0p+0 long double 0x0p+0
// DOWN-NEXT: NaN terms: nan nan nan nan nan nan nan nan
// DOWN-NEXT:   float nan long double nan
// DOWN-NEXT: -NaN terms: -nan -nan -nan nan -nan -nan -nan -nan
// DOWN-NEXT:   float -nan long double -nan
// DOWN-NEXT: +inf: inf inf inf -inf inf inf inf inf
// DOWN-NEXT:   float inf long double inf
// DOWN-NEXT: -inf: -inf -inf -inf inf -inf -inf -inf -inf
// DOWN-NEXT:   float -inf long double -inf
// DOWN-NEXT: +inf and -inf: -nan -nan -nan nan -nan -nan -nan -nan
// DOWN-NEXT:   float -nan long double -nan
// DOWN-NEXT: known start: -0x0p+0 -0x0p+0 -0x0p+0
// DOWN-NEXT: known algorithm start: -0x0p+0 -0x0p+0
