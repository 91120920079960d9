// 'assert' in a loop body: its message names the function it is written in
// (glibc's expands to '__PRETTY_FUNCTION__'), and the rewritten body runs in
// a lambda, so the loop stays serial, named by what the user wrote. An
// 'assert' inside a pure callee keeps the loop serial too: later iterations,
// running beside the one whose check fails, could end the process first in
// another way (adv35 t03, callee-may-not-return.cpp); 'static_assert' is no
// code. Under NDEBUG 'assert' expands to nothing and the loop is rewritten
// (docs/codegen.md, "assert in a loop body").
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cassert>
#include <cstdio>

[[pure]] long sq(long i) {
  static_assert(sizeof(long) >= 4, "long holds the squares");
  assert(i >= 0);
  long r = 0;
  for (long k = 0; k < 500; ++k)
    r = (r + i * i + k) % 1000003;
  return r;
}

long checked(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i) {
    assert(i >= 0);
    s += sq(i);
  }
  // REMARK: assert-in-loop.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop body uses 'assert', whose message names the function it is written in [purecc-missed-reduction]
  return s;
}

long in_callee(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += sq(i);
  // REMARK: assert-in-loop.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'sq' may not return, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  return s;
}

#define NDEBUG
#include <cassert>

[[pure]] long sq_unchecked(long i) {
  static_assert(sizeof(long) >= 4, "long holds the squares");
  assert(i >= 0);
  long r = 0;
  for (long k = 0; k < 500; ++k)
    r = (r + i * i + k) % 1000003;
  return r;
}

long unchecked(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i) {
    assert(i >= 0);
    s += sq_unchecked(i);
  }
  // REMARK: assert-in-loop.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction
  return s;
}

int main(int argc, char **) {
  long n = 2000 + argc;
  std::printf("%ld %ld %ld\n", checked(n), in_callee(n), unchecked(n));
  // OUT: 981123956 981123956 981123956
}
