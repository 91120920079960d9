// A range-for loop with an init-statement (C++20) stays serial with the
// reason: the rewritten loop would not run the init-statement, and the
// names it declares may hide the function's own (an outer 'v' would have
// been summed instead).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long f(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

int main(int argc, char **) {
  std::vector<long> vals(3000 + argc, 1);
  long s = 0;
  for (auto v = std::vector<long>(4000, 2); long x : v)
    s += f(x);
  // REMARK: range-for-init.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range-for loop has an init-statement: only range-for loops without one are rewritten [purecc-missed-reduction]
  std::vector<long> out(vals.size());
  for (long k = 3; long &o : out)
    o = f(k++);
  // REMARK: range-for-init.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range-for loop has an init-statement: only range-for loops without one are rewritten [purecc-missed-reduction]
  std::printf("%ld %zu %ld\n", s, vals.size(), out[7]);
  // OUT: 2245168000 3001 713455
}
