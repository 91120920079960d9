// Parallel calls must pay: a task costs far more than a call that runs a
// few instructions. Calls run in parallel only when at least two of them do
// enough work: a loop or recursion in what they run, followed through the
// bodies purecc sees (or a body it cannot see: the benefit of the doubt).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

// A one-character string, as a parser builds them (issue 13: 3-7x slower
// as tasks).
[[pure]] std::string one(char c) { return std::string(1, c); }
[[pure]] long twice(long x) { return 2 * x; }
[[pure]] long fib(long n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
  // REMARK: call-cost.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
}
[[pure]] long sum(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += i % 3;
  return s;
}
// No loop of its own, but it calls one.
[[pure]] long wrapped(long n) { return twice(sum(n)); }
// Defined below: its body is seen all the same.
[[pure]] long elsewhere(long n);
// A binary search takes log n steps: no more work than a few comparisons
// (adv86 F12: two spline lookups as tasks ran 2x slower).
[[pure]] long knot(const std::vector<double> &xs, double x) {
  return std::upper_bound(xs.begin(), xs.end(), x) - xs.begin();
}

// CHECK: {{^}}[[PURE:/\*\[\[pure\]\]\*/]] std::string pair_of(char a, char b) { return one(a) + one(b); }
[[pure]] std::string pair_of(char a, char b) { return one(a) + one(b); }
// REMARK: call-cost.cpp:[[@LINE-1]]:55: remark: calls to 'one' and 'one' not parallelized: 'one' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]

int main() {
  std::string s = one('a') + one('b');
  // REMARK: call-cost.cpp:[[@LINE-1]]:19: remark: calls to 'one' and 'one' not parallelized: 'one' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  // CHECK: {{^}}  std::string s = one('a') + one('b');
  long a = twice(3) + sum(1000);
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'sum' not parallelized: 'twice' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  long b = fib(20) + wrapped(1000);
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'wrapped' run in parallel [purecc-parallel-calls]
  long c = sum(10) + elsewhere(10);
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'sum' and 'elsewhere' not parallelized: 'elsewhere' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  // A cheap call whose argument recurses: its task evaluates the argument
  // (adv44 t03), so two such calls are worth two tasks, and one beside a
  // costly call too.
  long d = twice(fib(20)) + twice(fib(21));
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'twice' run in parallel [purecc-parallel-calls]
  long e = twice(fib(20)) + sum(1000);
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'sum' run in parallel [purecc-parallel-calls]
  long f = twice(3) + twice(4);
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'twice' not parallelized: 'twice' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  std::vector<double> xs{0.1, 0.2, 0.4, 0.8};
  long g = knot(xs, 0.3) + knot(xs, 0.9);
  // REMARK: call-cost.cpp:[[@LINE-1]]:12: remark: calls to 'knot' and 'knot' not parallelized: 'knot' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  std::printf("%s %ld %ld %ld %s %ld %ld %ld %ld\n", s.c_str(), a, b, c, pair_of('x', 'y').c_str(), d, e, f, g);
  return 0;
}

long elsewhere(long n) { return n + 1; }
// OUT: ab 1005 8763 20 xy 35422 14529 14 6
