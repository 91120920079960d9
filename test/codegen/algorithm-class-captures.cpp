// 'std::transform' with a function object that captures a 'std::vector' by
// value (adv20 F-R1): the closure is destroyed at the end of the statement,
// which puts the call under an ExprWithCleanups; it was left serial without
// a remark. The library copies the function object, as the rewrite does: a
// parallel map. A transform whose result is used says why it stays serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s;
}

int main() {
  const long n = 1500;
  std::vector<long> v(n), y(n), z(n), u(n);
  std::iota(v.begin(), v.end(), 0L);
  std::vector<long> w(n, 2);
  w[7] = -5;
  std::string tag = "tag";
  auto g = [w](auto x) { return heavy(x) + w[std::size_t(x)]; };
  // REMARK: algorithm-class-captures.cpp:[[@LINE-1]]:12: remark: body of 'operator()' not rewritten: it is a generic lambda (a template) [purecc-not-rewritten]
  auto g2 = [w, tag](long x) { return heavy(x) + w[std::size_t(x)] + long(tag.size()); };
  std::transform(v.begin(), v.end(), z.begin(), g2);
  // REMARK: algorithm-class-captures.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]
  std::transform(v.begin(), v.end(), y.begin(), g);
  // REMARK: algorithm-class-captures.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' not parallelized: the function applied is not known to be pure [purecc-missed-algorithm]
  std::transform(v.begin(), v.end(), u.begin(), [w](long x) { return heavy(x) * w[std::size_t(x)]; });
  // REMARK: algorithm-class-captures.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]
  auto end = std::transform(v.begin(), v.end(), u.begin(), g2);
  // REMARK: algorithm-class-captures.cpp:[[@LINE-1]]:14: remark: call to 'std::transform' not parallelized: its result, an iterator, is used, and the parallel map is a statement [purecc-missed-algorithm]
  std::printf("%ld %ld %ld %ld %ld\n", y[7], z[7], z[9], u[1499], long(end - u.begin()));
}
// OUT: {{.+}}
