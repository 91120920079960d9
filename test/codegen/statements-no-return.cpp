// Code that may never return ('assert', 'abort', a '[[noreturn]]'
// function, or a function of the user's that may call one) keeps a later
// pure call after it (adv27 H1): the serial program may end there, and a
// hoisted call it never makes might run for ever. Between two statements,
// in the rest of a statement of a run, and in the same expression.
// With FAIL=n, function n aborts before 'endless' in the serial program;
// the rewritten one must abort too (exit status 134; 3 for FAIL=5), not hang.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=1 %e2e %s %t1 | FileCheck %s --check-prefix=FAIL
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=2 %e2e %s %t2 | FileCheck %s --check-prefix=FAIL
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=3 %e2e %s %t3 | FileCheck %s --check-prefix=FAIL
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=4 %e2e %s %t4 | FileCheck %s --check-prefix=FAIL
// RUN: env E2E_TIMEOUT=120 E2E_CPPFLAGS=-DFAIL=5 %e2e %s %t5 | FileCheck %s --check-prefix=FAIL

#include <cassert>
#include <cstdio>
#include <cstdlib>

#ifndef FAIL
#define FAIL 0
#endif

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-no-return.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// Never ends when n >= lim: the serial program never calls it so.
[[pure]] long endless(long n, long lim) {
  long s = 0;
  for (long i = 0; n >= lim || i < n; ++i)
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the condition 'n >= lim || i < n' does not compare 'i' itself with a bound ('i < e', 'i <= e', 'i != e', 'i > e', 'i >= e') [purecc-missed-reduction]
    s += fib(i % 20);
  return s;
}
[[pure]] long guard(long n, long lim) {
  assert(n < lim);
  return n;
}
[[noreturn]] void die() { std::abort(); }

long between_assert(long k, long lim) {
  long a = fib(k);
  assert(k < lim);
  long b = endless(k, lim);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'assert', which does not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

long between_noreturn(long k, long lim) {
  long a = fib(k);
  if (k >= lim)
    die();
  long b = endless(k, lim);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'die', which does not return, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

// 'guard' is too little work for a task: it runs after the hoisted calls.
long rest_of_statement(long k, long lim) {
  long a = fib(k) * guard(k, lim);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'endless' not parallelized: 'guard', which may not return, is computed with the result of 'fib', and the serial program may not make the call then [purecc-missed-parallel-calls]
  // CHECK: statements-no-return.cpp:[[@LINE-2]]:12: remark: calls to 'fib' and 'guard' not parallelized: 'guard' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  long b = endless(k, lim);
  return a + b;
}

long same_expression(long k, long lim) {
  return guard(k, lim) + endless(k, lim) + fib(k);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:26: remark: calls to 'endless' and 'fib' not parallelized: the call to 'endless' comes after 'guard', which may not return [purecc-missed-parallel-calls]
}

// A chain deeper than purecc follows (32 calls) is taken not to return
// (adv29 H1: 9 calls down, 'std::_Exit' was taken to return).
template <int N> void down(long k, long lim) {
  if constexpr (N == 0) {
    if (k >= lim) {
      std::fflush(stdout);
      std::_Exit(3);
    }
  } else {
    down<N - 1>(k, lim);
  }
}
long deep_chain(long k, long lim) {
  return fib(k) + (down<40>(k, lim), 0L) + endless(k, lim);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'endless' not parallelized: the call to 'endless' comes after 'down', which may not return [purecc-missed-parallel-calls]
}

// An 'assert' inside the calls themselves: a process that aborts on one
// thread ends them all, but not before a later call, running beside it,
// may end it another way (callee-may-not-return.cpp); the last call of a
// run may be one.
[[pure]] long checked_fib(long n) {
  assert(n >= 0);
  return fib(n);
}
long asserting_tasks(long k) {
  long a = checked_fib(k);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:12: remark: calls to 'checked_fib' and 'fib' not parallelized: 'checked_fib' may not return, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  long c = fib(k - 2);
  // CHECK: statements-no-return.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'checked_fib' run in parallel [purecc-parallel-calls]
  long b = checked_fib(k - 1);
  return a + b + c;
}

int main(int argc, char **) {
  long k = 20 + argc;
  long lim = 40;
  std::printf("%ld %ld %ld\n", between_assert(k, lim), between_noreturn(k, lim),
              rest_of_statement(k, lim));
  std::printf("%ld %ld %ld\n", same_expression(k, lim), asserting_tasks(k), deep_chain(k, lim));
  std::fflush(stdout);
  long (*const failing[])(long, long) = {between_assert, between_noreturn, rest_of_statement,
                                         same_expression, deep_chain};
  if (FAIL > 0)
    std::printf("%ld\n", failing[FAIL - 1](k, k));
  // OUT: 21891 21891 240811
  // OUT-NEXT: 21912 21892 21891
  // FAIL: 21891 21891 240811
  // FAIL-NEXT: 21912 21892 21891
  // FAIL-NOT: {{.}}
}
