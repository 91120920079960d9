// An ordered reduction combines partial results with the operator the loop
// calls, with the loop's value categories: the loop folds an lvalue term
// ('acc = acc + t'), so the combine passes lvalues too. Passed as xvalues,
// the partials picked 'operator+(const V &, V &&)', an overload the loop
// never calls and nobody declared associative (adv56 t07: 3002700003 where
// the serial loop printed 2700003).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>

struct V {
  long v;
};
[[purecc::associative]] V operator+(const V &a, const V &b) { return V{a.v + b.v}; }
[[pure]] V operator+(const V &a, V &&b) { return V{a.v + b.v + 1000000}; }
[[pure]] V term(long x) {
  long r = 0;
  for (long k = 0; k < 300; ++k)
    r += (x + k) % 7;
  return V{r};
}

long lvalueTerms() {
  V acc{0};
  for (long i = 0; i < 3000; ++i) {
    V t = term(i);
    acc = acc + t;
  }
  // REMARK: ordered-reduction-overloads.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'acc' with '+' in the loop's order (associative as declared by '{{\[\[}}purecc::associative]]') [purecc-ordered-reduction]
  // CHECK: {{\*}}purecc_lhs = *purecc_lhs + *purecc_rhs;
  // CHECK: acc = acc + *purecc_o{{[0-9]+}};
  return acc.v;
}

// A temporary term picks the 'V &&' overload in the loop itself, which is
// not declared associative: the loop stays serial.
long temporaryTerms() {
  V acc{0};
  for (long i = 0; i < 3000; ++i)
    acc = acc + term(i);
  // REMARK: ordered-reduction-overloads.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'operator+' is pure but not declared associative, which purecc cannot prove: if '(a + b) + c' equals 'a + (b + c)', mark it '{{\[\[}}purecc::associative]]' [purecc-missed-reduction]
  return acc.v;
}

int main() {
  std::printf("%ld\n", lvalueTerms());
  std::printf("%ld\n", temporaryTerms());
}
// OUT: 2700003
// OUT-NEXT: 3002700003
