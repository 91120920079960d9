// Loops over [[pure]] functions that reach a helper calling through its
// function pointer parameter (glm's `functor1<...>::call(R (*Func)(T), v)`,
// adv118 F1): what the helper calls is what each call passes, judged there
// for exceptions and for not returning as for purity
// (test/analysis/indirect-call-parameters.cpp).
// RUN: %purecc rewrite --remarks %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

template <typename T> struct functor1 {
  static T call(T (*Func)(T), T v) {
    // CHECK: function-pointer-parameters.cpp:[[@LINE-1]]:12: remark: body of 'functor1::call' not rewritten: it is a member of a class template: only a free function template declared '{{\[\[}}pure{{\]\]}}' is rewritten (one text serves every instantiation) [purecc-not-rewritten]
    T s = 0;
    for (int k = 0; k < 200; ++k)
      s += Func(v + k);
    return s;
  }
};

long sq(long x) { return x * x % 1009; }
long checked(long x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x % 17;
}
long ends(long x) {
  if (x < 0)
    std::abort();
  return x % 13;
}
long forward(long (*h)(long), long v) { return functor1<long>::call(h, v); }

[[pure]] long plain(long i) { return functor1<long>::call(sq, i); }
[[pure]] long passed_on(long i) { return forward(sq, i); }
[[pure]] long throwing(long i) { return functor1<long>::call(checked, i); }
[[pure]] long ending(long i) { return functor1<long>::call(ends, i); }

int main() {
  long a = 0, b = 0, c = 0, d = 0;
  for (long i = 0; i < 3000; ++i)
    a += plain(i);
  // CHECK: function-pointer-parameters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    b += passed_on(i);
  // CHECK: function-pointer-parameters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    c += throwing(i);
  // CHECK: function-pointer-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'throwing' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  for (long i = 0; i < 3000; ++i)
    d += ending(i);
  // CHECK: function-pointer-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'ending' may not return, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  std::printf("%ld %ld %ld %ld\n", a, b, c, d);
  // OUT: 302715218 302715218 4800054 3600012
}
