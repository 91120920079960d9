// A loop bound that binds a temporary to a reference parameter,
// `y < std::min(H, top + 15)`, puts the comparison under the cleanups that
// end the temporary: it is still the counted loop it reads as (user49 f01
// was told "the condition ... does not compare 'y' with a bound", while
// `y < std::min(H, top)` was rewritten). The bound is evaluated once, as
// an argument of the runtime's call, where the temporary lives as long as
// the value is needed; a bound that the body changes stays serial.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=CODE < %t.out.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>

[[pure]] long work(long i) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (i * k) % 7;
  return s;
}

int main(int argc, char **) {
  int H = 3000, top = 2000 + argc;
  long total = 0;
  for (int y = 0; y < std::min(H, top + 15); ++y)
    total += work(y);
  // REMARK: bound-temporaries.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  // CODE: ::purecc::parallel_reduce(0, std::min(H, top + 15), long{},
  for (int y = std::max(0, top - 3000); y < std::min<int>(H, top * 2); ++y)
    total += work(y);
  // REMARK: bound-temporaries.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  // CODE: ::purecc::parallel_reduce(std::max(0, top - 3000), std::min<int>(H, top * 2), long{},
  for (int y = H; y > std::max(0, top - 1999); --y)
    total += work(y);
  // REMARK: bound-temporaries.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  long changed = 0;
  for (int y = 0; y < std::min(H, top + 15); ++y) {
    changed += work(y);
    top = 5;
  }
  // REMARK: bound-temporaries.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the bound 'top' changes inside the loop body [purecc-missed-reduction]
  std::printf("%ld %ld %d\n", total, changed, top);
  // OUT: 4111094 10170 5
  return 0;
}
