// Under -mlong-double-128 a 'long double' is IEEE binary128, whose
// arithmetic x86's glibc frexpl/ldexpl do not do: the memo key of 1.0L
// and of 1.0L + 1e-25L were the same bytes, and the second call read the
// first's result (adv51 t35: serial 0 3 1, rewritten 0 0 1). The key
// holds the 16 bytes as they are now, and the namespace the format
// ('ldbl-mant=113'), so a build without the flag reads none of these.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -mlong-double-128 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_CPPFLAGS=-mlong-double-128 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure, purecc::memo]] long g(long double x) {
  long s = 0;
  for (long k = 0; k < 200000; ++k)
    s = (s * 31 + k) % 1000003;
  return s * 0 + (x != 1.0L) + 2 * (x > 1.0L);
}

int main(int argc, char **) {
  volatile long double e = 1e-25L;
  long a = g(1.0L);
  std::printf("%ld\n", a);
  long b = g(1.0L + e * argc);
  // REMARK: memo-long-double-128.cpp:[[@LINE-1]]:12: remark: calls to 'g' and 'g' not parallelized: 'printf' between them is not known to be pure: it may write what the call to 'g' reads [purecc-missed-parallel-calls]
  std::printf("%ld\n", b);
  long c = g(1.0L - e * argc);
  // REMARK: memo-long-double-128.cpp:[[@LINE-1]]:12: remark: calls to 'g' and 'g' not parallelized: 'printf' between them is not known to be pure: it may write what the call to 'g' reads [purecc-missed-parallel-calls]
  std::printf("%ld\n", c);
  // OUT: 0
  // OUT-NEXT: 3
  // OUT-NEXT: 1
}
// REMARK: memo-long-double-128.cpp:[[@LINE-21]]:29: remark: calls to 'g' are memoized (fingerprint {{.*}}) [purecc-memo]
