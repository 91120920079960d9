// The type a generated accumulator is declared with. An element of a
// 'std::array' has the type 'value_type' (std::array's member typedef), and
// an element reached through a user's 'operator[]' may have a private member
// typedef as its type: names that mean nothing where the generated code
// stands. The generated code names what they stand for (PlanContext
// typeText); a typedef at namespace scope ('Cx') names the same type
// anywhere and is kept.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <complex>
#include <cstdio>
#include <string>
#include <vector>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s;
}

// A word's cost, from its letters (integers: exact in any order).
[[pure]] long cost(const std::string &w) {
  long c = 0;
  for (long k = 1; k < 300; ++k)
    for (char ch : w)
      c += (ch * k) % 97;
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  return c % 1000;
}

// A 2x2 matrix product mod a prime: associative, not commutative.
struct Mat {
  long a, b, c, d;
};
[[pure, purecc::associative]] Mat mul(Mat p, Mat q) {
  return {(p.a * q.a + p.b * q.c) % 1000003, (p.a * q.b + p.b * q.d) % 1000003,
          (p.c * q.a + p.d * q.c) % 1000003, (p.c * q.b + p.d * q.d) % 1000003};
}
[[pure]] Mat gen(long i) {
  long h = heavy(i);
  return {h % 5, 1, 1, h % 3};
}

using Cx = std::complex<double>;

// A member whose type is named by a private typedef of its class.
class Tally {
  using Elem = std::complex<double>;

public:
  Elem sum{};
};

struct Wave {
  std::array<std::complex<double>, 2> z{};
};

int main() {
  const long n = 3000;
  std::array<Mat, 3> ms{{{1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}}};
  for (long i = 0; i < n; ++i)
    ms[1] = mul(ms[1], gen(i));
  // CHECK: { auto purecc_o0 = ::purecc::parallel_reduce(0, n, std::optional<Mat>{}, [&](std::int64_t i) -> std::optional<Mat> {
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'ms[1]' with 'mul' in the loop's order
  std::printf("ms %ld %ld %ld %ld\n", ms[1].a, ms[1].b, ms[1].c, ms[1].d);

  std::array<std::complex<double>, 2> zz{};
  for (long i = 0; i < n; ++i)
    zz[0] -= std::complex<double>(1.0, double(heavy(i) % 3));
  // CHECK: zz[0] += ::purecc::parallel_reduce(0, n, ::purecc::additive_identity<std::complex<double>>(),
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'zz[0]'
  std::printf("zz %a %a\n", zz[0].real(), zz[0].imag());

  std::array<Cx, 2> zc{};
  for (long i = 0; i < n; ++i)
    zc[1] = zc[1] + Cx(0.5, double(heavy(i) % 4));
  // CHECK: zc[1] += ::purecc::parallel_reduce(0, n, ::purecc::additive_identity<std::complex<double>>(),
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'zc[1]'
  std::printf("zc %a %a\n", zc[1].real(), zc[1].imag());

  Wave w;
  for (long i = 0; i < n; ++i)
    w.z[1] += std::complex<double>(double(heavy(i) % 2), -1.0);
  // CHECK: w.z[1] += ::purecc::parallel_reduce(0, n, ::purecc::additive_identity<std::complex<double>>(),
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'w.z[1]'
  std::printf("w %a %a\n", w.z[1].real(), w.z[1].imag());

  Tally t;
  for (long i = 0; i < n; ++i)
    t.sum += std::complex<double>(double(heavy(i) % 5), 0.25);
  // CHECK: t.sum += ::purecc::parallel_reduce(0, n, ::purecc::additive_identity<std::complex<double>>(),
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 't.sum'
  std::printf("t %a %a\n", t.sum.real(), t.sum.imag());

  Cx lone{};
  for (long i = 0; i < n; ++i)
    lone += Cx(double(heavy(i) % 7), 1.0);
  // CHECK: lone += ::purecc::parallel_reduce(0, n, -Cx{},
  // REMARK: member-typedef-types.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'lone'
  std::printf("lone %a %a\n", lone.real(), lone.imag());

  // A selection's block reads a local declared 'const auto &' (user44 t04)
  // and one declared 'auto': both deduce the vector's 'value_type'.
  std::vector<std::string> words;
  for (int i = 0; i < 2000; ++i)
    words.push_back("w" + std::to_string(i * 7919 % 2003));
  // REMARK: member-typedef-types.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'words' (the pieces kept in the loop's order) [purecc-concatenation]
  long lowest = 1000000;
  std::string pick, copy;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto &wd = words[i];
    auto again = words[i];
    const long c = cost(wd);
    if (c < lowest) {
      lowest = c;
      pick = wd;
      copy = again;
    }
  }
  // CHECK: const std::basic_string<char> &wd = std::get<1>({{.*}}); std::basic_string<char> again = std::get<2>(
  // REMARK: member-typedef-types.cpp:[[@LINE-11]]:3: remark: loop rewritten as a parallel selection of 'lowest' with 'pick' and 'copy' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("pick %s %s %ld\n", pick.c_str(), copy.c_str(), lowest);
  return 0;
}
// OUT: ms 690509 422628 690509 422628
// OUT-NEXT: zz -0x1.77p+11 -0x1.416p+11
// OUT-NEXT: zc 0x1.77p+10 0x1.416p+12
// OUT-NEXT: w 0x1.ac8p+10 -0x1.77p+11
// OUT-NEXT: t 0x1.91ap+12 0x1.77p+9
// OUT-NEXT: lone 0x1.1958p+13 0x1.77p+11
// OUT-NEXT: pick w1007 w1007 12
