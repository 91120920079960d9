// A call of a 'consteval' function is evaluated by the compiler: in a loop
// body or an argument it runs nothing, and is neither an impure call nor a
// side effect (it was "'scale' is not known to be pure", adv63 F16). A
// 'constexpr' function called at run time is an ordinary call. A stateless
// lambda's closure type made with `T{}` runs no constructor (it was "the
// constructor of '' (defined in another file) may not return").
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (d * k) % 7;
  return s;
}

consteval long scale(long x) { return x * 3; }
constexpr long cscale(long x) { return x * 3; }
using Seven = decltype([] { return 7L; });

int main() {
  long s1 = 0;
  for (long i = 0; i < 2000; ++i)
    s1 += work(i) * scale(2);
  // CHECK: consteval-calls.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's1' [purecc-reduction]
  long s2 = 0;
  for (long i = 0; i < 2000; ++i)
    s2 += work(i) * cscale(2);
  // CHECK: consteval-calls.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'cscale' is not known to be pure [purecc-missed-reduction]
  long s3 = 0;
  for (long i = 0; i < 2000; ++i)
    s3 += work(i) + Seven{}();
  // CHECK: consteval-calls.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's3' [purecc-reduction]
  long a = work(scale(1)) + work(scale(2));
  // CHECK: consteval-calls.cpp:[[@LINE-1]]:12: remark: calls to 'work' and 'work' run in parallel [purecc-parallel-calls]
  std::printf("%ld %ld %ld %ld\n", s1, s2, s3, a);
}
// OUT: 92540556 92540556 15437426 18002
