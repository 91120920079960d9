// Statements whose pure call is an operand, written as people write them
// (adv26): a 'sizeof', 'noexcept' or 'decltype' operand is never evaluated
// (it neither calls nor throws), braces hold the value a scalar is
// initialized with, and a rest that binds a temporary keeps its reason.
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=RW < %t.rw.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <map>
#include <stdexcept>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]
[[pure]] long boom(long n) {
  if (n > 5)
    throw std::runtime_error("boom");
  return slow(n);
}

// An operand that is never evaluated calls nothing and throws nothing.
long in_sizeof(long k, int argc) {
  long e = fib(k);
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  long f = (long)sizeof(boom(k)) * argc + slow(k);
  return e + f;
}

long in_noexcept(long k, int argc) {
  long e = fib(k);
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  long f = argc * (long)noexcept(boom(k));
  f += slow(k);
  return e + f;
}

long in_decltype(long k, int argc) {
  long e = fib(k);
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  decltype(boom(k)) f = argc + slow(k);
  return e + f;
}

// Braces hold the one value a scalar is initialized with.
long braces(long k, int argc) {
  long e{fib(k)};
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  long f{argc + slow(k)};
  // RW: {{^}}  [&] { return slow(k); }); long e{purecc_r{{[0-9]+}}}; long f{argc + purecc_r{{[0-9]+}}};{{$}}
  return e + f;
}

long equals_braces(long k, int argc) {
  long e = {fib(k) - 1};
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:13: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  long f = {slow(k)};
  // RW: {{^}}  [&] { return slow(k); }); long e = {purecc_r{{[0-9]+}} - 1}; long f = {purecc_r{{[0-9]+}}};{{$}}
  return e + f + argc;
}

// The rest binds a temporary ('argc' to the key's 'const long &'): it
// stays in the statement, which keeps the reason of the rest.
long map_at(long k, int argc, const std::map<long, long> &m) {
  long e = fib(k);
  long f = m.at(argc) + slow(k);
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:25: remark: calls to 'fib' and 'slow' not parallelized: 'm.at', which may throw, is computed with the result of 'slow', and the serial program may not make the call then [purecc-missed-parallel-calls]
  return e + f;
}

long map_index(long k, int argc) {
  std::map<long, long> m;
  long e = fib(k);
  long f = m[argc] + slow(k);
  // CHECK: statements-operand-shapes.cpp:[[@LINE-1]]:22: remark: calls to 'fib' and 'slow' not parallelized: 'm' is written in the same expression as 'slow' [purecc-missed-parallel-calls]
  return e + f + (long)m.size();
}

int main(int argc, char **) {
  long k = 20 + argc;
  std::map<long, long> m{{1, 7}};
  std::printf("%ld %ld %ld\n", in_sizeof(k, argc), in_noexcept(k, argc), in_decltype(k, argc));
  std::printf("%ld %ld\n", braces(k, argc), equals_braces(k, argc));
  std::printf("%ld %ld\n", map_at(k, argc, m), map_index(k, argc));
  try {
    map_at(k, argc + 1, m);
  } catch (const std::out_of_range &) {
    std::printf("out_of_range\n");
  }
  // OUT: 28665 28657 28658
  // OUT-NEXT: 28658 28657
  // OUT-NEXT: 28664 28658
  // OUT-NEXT: out_of_range
}
