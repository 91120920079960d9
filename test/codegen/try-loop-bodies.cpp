// A loop whose body is a `try` statement without braces around it: a map
// inside it is rewritten like any other (an exception thrown and caught in
// one iteration stays in that iteration); an accumulation inside it is not
// recognized as a reduction, and the remark says so.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long f(long x) {
  if (x % 1000 == 999)
    throw std::runtime_error("bad");
  long s = x;
  for (int k = 0; k < 100; ++k)
    s = (s * 7 + k) % 1000003;
  return s;
}

int main() {
  std::vector<long> out(3000);
  // CHECK: {{^}}  ::purecc::parallel_for(0, 3000, [&](std::int64_t i) { {
  // CHECK-NEXT: {{^}}    try { out[i] = f(i); } catch (...) { out[i] = -1; } } });
  for (long i = 0; i < 3000; ++i)
    try { out[i] = f(i); } catch (...) { out[i] = -1; }
  // REMARK: try-loop-bodies.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  long s = 0;
  for (long i = 0; i < 3000; ++i)
    try { s += f(i); } catch (...) { s -= 1; }
  // REMARK: try-loop-bodies.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body's statements are inside a 'try' statement, where reductions are not recognized [purecc-missed-map]
  long t = 0;
  for (long i = 0; i < 3000; ++i) {
    try { t += f(i); } catch (...) { t -= 1; }
  }
  // REMARK: try-loop-bodies.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the loop body's statements are inside a 'try' statement, where reductions are not recognized [purecc-missed-map]
  long c = 0;
  for (long x : out)
    c = c * 31 + x;
  std::printf("%ld %ld %ld\n", c, s, t);
  // OUT: 1784575080837027181 1496672403 1496672403
}
