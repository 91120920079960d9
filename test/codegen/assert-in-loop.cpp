// 'assert' in a loop body: its message names the function it is written in
// (glibc's expands to '__PRETTY_FUNCTION__'), and the rewritten body runs in
// a lambda, so the loop stays serial, named by what the user wrote. Under
// NDEBUG it expands to nothing and the loop is rewritten; 'assert' and
// 'static_assert' inside a pure callee stay where they are written and do
// not matter (docs/codegen.md, "assert in a loop body").
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
  // REMARK: assert-in-loop.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction
  return s;
}

#define NDEBUG
#include <cassert>

long unchecked(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i) {
    assert(i >= 0);
    s += sq(i);
  }
  // REMARK: assert-in-loop.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction
  return s;
}

int main(int argc, char **) {
  long n = 2000 + argc;
  std::printf("%ld %ld %ld\n", checked(n), in_callee(n), unchecked(n));
  // OUT: 981123956 981123956 981123956
}
