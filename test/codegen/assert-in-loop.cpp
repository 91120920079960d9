// 'assert' in a loop body: its message names the function it is written in
// (glibc's expands to '__PRETTY_FUNCTION__'), and the rewritten body runs in
// a lambda, so the loop stays serial, named by what the user wrote. An
// 'assert' inside a pure callee keeps the loop serial too: later iterations,
// running beside the one whose check fails, could end the process first in
// another way (adv35 t03, callee-may-not-return.cpp), and so does a standard
// algorithm whose callable calls one (adv40 t02); 'static_assert' is no
// code. Under NDEBUG 'assert' expands to nothing and the loop is rewritten
// (docs/codegen.md, "assert in a loop body").
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <vector>

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

long in_algorithms(long n) {
  std::vector<long> v(static_cast<size_t>(n));
  for (long i = 0; i < n; ++i)
    v[static_cast<size_t>(i)] = i;
  // REMARK: assert-in-loop.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  long c = std::count_if(v.begin(), v.end(), [](long x) { return sq(x) % 2 == 0; });
  // REMARK: assert-in-loop.cpp:[[@LINE-1]]:12: remark: call to 'std::count_if' not parallelized: the predicate calls 'sq', which may not return, and the serial algorithm does not apply it to the later elements then [purecc-missed-algorithm]
  auto m = std::min_element(v.begin(), v.end(), [](long a, long b) { return sq(a) < sq(b); });
  // REMARK: assert-in-loop.cpp:[[@LINE-1]]:12: remark: call to 'std::min_element' not parallelized: the comparator calls 'sq', which may not return, and the serial algorithm does not apply it to the later elements then [purecc-missed-algorithm]
  // REMARK: assert-in-loop.cpp:[[@LINE-2]]:77: remark: calls to 'sq' and 'sq' not parallelized: the call to 'sq' comes after another call to 'sq', which may not return [purecc-missed-parallel-calls]
  return c + *m;
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
  std::printf("%ld\n", in_algorithms(n));
  // OUT-NEXT: {{[0-9]+}}
}
