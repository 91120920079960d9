// `__attribute__((cleanup(fn)))` calls fn(&var) at the end of the
// variable's scope, a call no expression shows (adv59): a loop body with
// one whose function writes a global is no map (t03: the trace raced); a
// function that keeps an address through one keeps it (t05: the later map
// read stale values); one that may end the program keeps the pure calls
// after it where the serial program makes them (t01: SIGFPE instead of
// exit 6).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=1 %e2e %s %t1 | FileCheck %s --check-prefix=FAIL

#include <cstdio>
#include <cstdlib>
#include <vector>

#ifndef FAIL
#define FAIL 0
#endif

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

unsigned long g_trace = 0;
void trace(long *p) { g_trace = g_trace * 1000003u + static_cast<unsigned long>(*p); }

unsigned long traced(long n) {
  std::vector<long> out(n);
  for (long i = 0; i < n; ++i) {
    long t __attribute__((cleanup(trace))) = i;
    out[i] = work(t);
  }
  // CHECK: cleanup-attribute.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the cleanup function 'trace' of 't' is not known to be pure [purecc-missed-map]
  long s = 0;
  for (long x : out)
    s += x;
  // CHECK: cleanup-attribute.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return g_trace + static_cast<unsigned long>(s);
}

long g_other[400];
long *g_kept = g_other;
void stash(std::vector<long>::iterator *p) { g_kept = &**p; }
void init(std::vector<long> &v) {
  std::vector<long>::iterator it __attribute__((cleanup(stash))) = v.begin();
  *it = 2;
}

long keptByCleanup(long n) {
  std::vector<long> v(n, 1);
  init(v);
  for (long i = 0; i < n; ++i)
    v[i] = (work(i) + g_kept[(i + n - 1) % n]) % 1000003;
  // CHECK: cleanup-attribute.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('init(v)' on line [[@LINE-3]]) [purecc-missed-map]
  long t = 0;
  for (long x : v)
    t = t * 3 + x;
  return t;
}

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: cleanup-attribute.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// Never ends when n >= lim: the serial program never calls it so.
[[pure]] long endless(long n, long lim) {
  long s = 0;
  for (long i = 0; n >= lim || i < n; ++i)
  // CHECK: cleanup-attribute.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the condition 'n >= lim || i < n' does not compare 'i' itself with a bound ('i < e', 'i <= e', 'i != e', 'i > e', 'i >= e') [purecc-missed-reduction]
    s += fib(i % 20);
  return s;
}
long g_lim = 40;
void check(long *k) {
  if (*k >= g_lim) {
    std::puts("rejected");
    std::fflush(stdout);
    std::exit(5);
  }
}

long between(long k) {
  long a = fib(k);
  {
    long x __attribute__((cleanup(check))) = k;
  }
  long b = endless(k, g_lim);
  // CHECK: cleanup-attribute.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'check', which may not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

int main(int argc, char **) {
  std::printf("%lu %ld\n", traced(2000), keptByCleanup(400));
  long k = 20 + argc;
  std::printf("%ld\n", between(k));
  std::fflush(stdout);
  if (FAIL == 1) {
    g_lim = k;
    std::printf("%ld\n", between(k));
  }
  // OUT: {{^[0-9]+ -?[0-9]+$}}
  // OUT-NEXT: 21891
  // FAIL: {{^[0-9]+ -?[0-9]+$}}
  // FAIL-NEXT: 21891
  // FAIL-NEXT: rejected
  // FAIL-NOT: {{.}}
}
