// The runtime's own arithmetic raises no flag the program sees and fires no
// trap it enabled (adv51 t30, t31): a memoized integer function built the
// cache path under the caller's FE_INEXACT trap and died of SIGFPE (exit
// 136), or left 'inexact=1' where the serial program prints 0; the first
// parallel loop of a clang++ build did the same inside libomp's start-up.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cfenv>
#include <cstdio>
#include <fenv.h>
#include <vector>

[[pure, purecc::memo]] long slow(long n) {
  long s = 0;
  for (long k = 0; k < 300000; ++k)
    s = (s * 31 + k + n) % 1000003;
  return s;
}

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

int main(int argc, char **) {
  std::feclearexcept(FE_ALL_EXCEPT);
  long a = slow(argc);
  std::printf("%ld inexact=%d\n", a, !!std::fetestexcept(FE_INEXACT));
  // OUT: 742112 inexact=0

  std::feclearexcept(FE_ALL_EXCEPT);
  feenableexcept(FE_INEXACT);
  long b = slow(argc + 1);
  // REMARK: runtime-fenv-traps.cpp:[[@LINE-1]]:12: remark: calls to 'slow' and 'slow' not parallelized: 'printf' between them is not known to be pure: it may write what the call to 'slow' reads [purecc-missed-parallel-calls]
  long n = 8000 + argc;
  std::vector<long> v(n);
  for (long i = 0; i < n; ++i)
    v[i] = work(i);
  // REMARK: runtime-fenv-traps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  fedisableexcept(FE_INEXACT);
  std::printf("%ld %ld inexact=%d\n", b, v[5], !!std::fetestexcept(FE_INEXACT));
  // OUT-NEXT: 405443 894 inexact=0
}
// REMARK: runtime-fenv-traps.cpp:[[@LINE-33]]:29: remark: calls to 'slow' are memoized (fingerprint {{.*}}) [purecc-memo]
