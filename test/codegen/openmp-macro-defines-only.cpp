// A false `#ifdef _OPENMP` whose branches only define macros that the unit
// never expands, tests or names changes nothing in the parallel build: the
// unit is rewritten (adv118 F2: glm's setup.hpp made every unit including
// it compile as written). Used anywhere, or with code in a branch, the test
// keeps the unit as written (purecc-openmp-macro).
// RUN: %purecc rewrite --remarks %s -o %t.cpp -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.used.cpp -- -std=c++20 -I%S/Inputs -DUSE_IT 2>&1 | FileCheck %s --check-prefix=USED
// RUN: %purecc rewrite --remarks %s -o %t.named.cpp -- -std=c++20 -I%S/Inputs -DNAME_IT 2>&1 | FileCheck %s --check-prefix=NAMED
// RUN: %purecc rewrite --remarks %s -o %t.code.cpp -- -std=c++20 -I%S/Inputs -DCODE_UNDER_IT 2>&1 | FileCheck %s --check-prefix=CODE
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include "openmp_defines_unused.h"
#ifdef USE_IT
#include "openmp_defines_used.h"
// USED: openmp_defines_used.h:4:8: remark: unit compiled as written, without parallel code: it tests '_OPENMP', which the parallel build defines and this build does not [purecc-openmp-macro]
#endif
#ifdef NAME_IT
// A name only the skipped branch defines, written in code: the parallel
// build would expand it.
[[maybe_unused]] static const int OMPLIB_ONLY_UNDER_OPENMP = 0;
// NAMED: openmp_defines_unused.h:4:8: remark: unit compiled as written, without parallel code: it tests '_OPENMP', which the parallel build defines and this build does not [purecc-openmp-macro]
#endif
#ifdef CODE_UNDER_IT
#ifdef _OPENMP
static int threads() { return 8; }
#else
static int threads() { return 1; }
#endif
// CODE: openmp-macro-defines-only.cpp:[[@LINE-5]]:8: remark: unit compiled as written, without parallel code: it tests '_OPENMP', which the parallel build defines and this build does not [purecc-openmp-macro]
#endif

[[pure]] double heavy(long i) {
  double s = 0;
  for (long k = 0; k < 20000; ++k)
    s += omplib_square(double(i % 7 + k % 13)) / double(k + 1);
  return s;
}
// CHECK: openmp-macro-defines-only.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]

int main() {
  double a = heavy(1);
  double b = heavy(2);
  // CHECK: openmp-macro-defines-only.cpp:[[@LINE-2]]:14: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  std::printf("%.6f\n", a + b);
}
// OUT: 1211.016767
