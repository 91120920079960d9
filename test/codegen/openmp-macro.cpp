// A unit whose own code tests `_OPENMP` is compiled as written when the
// build leaves it undefined: the parallel build (-fopenmp) would define
// it (purecc-openmp-macro; adv82 F1, F2). Also through a macro defined as
// `_OPENMP` (adv83 F5), and under -fopenmp-simd, which does not define it;
// under -fopenmp the unit is rewritten.
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=AS-WRITTEN < %t.cpp
// RUN: %purecc rewrite %s -o %t.simd.cpp -- -std=c++20 -fopenmp-simd 2>&1 | FileCheck %s
// RUN: %purecc rewrite --remarks %s -o %t.omp.cpp -- -std=c++20 -fopenmp 2>&1 | FileCheck %s --check-prefix=OMP
#include <cstdio>
#define BUILT_WITH_OPENMP _OPENMP
// CHECK: openmp-macro.cpp:[[@LINE-1]]:9: remark: unit compiled as written, without parallel code: it tests '_OPENMP', which the parallel build defines and this build does not [purecc-openmp-macro]
// AS-WRITTEN-NOT: {{^}}#include <purecc

[[pure]] long work(long i) {
  long x = i;
  for (long k = 0; k < 300; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

int main() {
#if BUILT_WITH_OPENMP
  const char *mode = "omp";
#else
  const char *mode = "serial";
#endif
  long s = 0;
  for (long i = 0; i < 2000; ++i)
    s += work(i);
  // OMP: openmp-macro.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("%s %ld\n", mode, s);
  return 0;
}
