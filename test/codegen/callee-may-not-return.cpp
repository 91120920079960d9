// A call that may not return (an 'assert' in it) ends the serial program
// before the calls after it. Run beside it, a later call may end the
// process first in another way: 'inv' divides by the zero that the failed
// check in 'checked' rejects, and the parallel program died of SIGFPE (exit
// status 136) where the serial one aborted (134; adv35 t01, t03 for the
// loop). So such a call is only ever the last of its run or group, and a
// loop whose body may not return stays serial, as for code that may throw.
// With FAIL=n, the nth part's check fails.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: env E2E_CPPFLAGS=-DFAIL=1 %e2e %s %t1 | FileCheck %s --check-prefix=FAIL --allow-empty
// RUN: env E2E_CPPFLAGS=-DFAIL=2 %e2e %s %t2 | FileCheck %s --check-prefix=FAIL --allow-empty
// RUN: env E2E_CPPFLAGS=-DFAIL=3 %e2e %s %t3 | FileCheck %s --check-prefix=FAIL --allow-empty

#include <cassert>
#include <cstdio>

#ifndef FAIL
#define FAIL 0
#endif

[[pure]] long checked(long d) {
  long r = 0;
  for (long k = 0; k < 3000000; ++k)
    r = (r * 7 + k) % 1000003;
  assert(d != 0);
  return r + d;
}
[[pure]] long inv(long d) {
  long r = 0;
  for (long k = 0; k < 300000; ++k)
    r = (r + (1000000 + k) / d) % 1000003;
  return r;
}

long statements(long d) {
  long a = checked(d);
  // CHECK: callee-may-not-return.cpp:[[@LINE-1]]:12: remark: calls to 'checked' and 'inv' not parallelized: 'checked' may not return, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  long b = inv(d);
  return a + b;
}

long expression(long d) {
  return checked(d) * 3 + inv(d);
  // CHECK: callee-may-not-return.cpp:[[@LINE-1]]:10: remark: calls to 'checked' and 'inv' not parallelized: the call to 'inv' comes after 'checked', which may not return [purecc-missed-parallel-calls]
}

// The check last: the calls before it return, and run beside it.
long last(long d) {
  return inv(d + 1) + checked(d);
  // CHECK: callee-may-not-return.cpp:[[@LINE-1]]:10: remark: calls to 'inv' and 'checked' run in parallel [purecc-parallel-calls]
}

[[pure]] long term(long i, long bad) {
  long r = 0;
  for (long k = 0; k < 3000; ++k)
    r = (r * 7 + k) % 1000003;
  assert(i != bad);
  return r + 1000 / (bad + 1400 - i);
}

long loop(long n, long bad) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += term(i, bad);
  // CHECK: callee-may-not-return.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'term' may not return, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  return s;
}

int main(int argc, char **) {
  long d = argc - (FAIL == 1 || FAIL == 2);
  std::printf("%ld %ld %ld\n", FAIL == 2 ? expression(d) : statements(d), expression(argc),
              last(argc));
  std::printf("%ld\n", loop(2000 + argc, FAIL == 3 ? 100 : 5000));
  std::fflush(stdout);
}
// OUT: 1720361 3531071 1237858
// OUT-NEXT: 961686603
// The failed check ends both programs before anything is printed.
// FAIL-NOT: {{.}}
