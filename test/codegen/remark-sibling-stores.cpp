// Never silent about sibling calls whose results are not stored into a
// local variable the function owns: a run of calls stores its results after
// every call has returned, into locals (ParallelStatements.h). A store into
// an element or a member, or a reference bound to the result, says so; the
// locals next to them still run in parallel. So does a store through a
// reference, into a structured binding, into a static or thread_local
// variable (adv29 R1, R2), and a call made on one branch only. A class's
// assignment (`a = mk(k);`, under its temporary's cleanup) joins a run.
// A call whose result is discarded, or a 'void' one, computes nothing the
// program uses, and says so (adv36 t08). Calls inside a GNU statement
// expression `({ ... })` are not planned, and say so (adv39 t05); so do a
// result passed to a call ('out.push_back(fib(k))') and a declaration of
// several variables (adv69 F3).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

struct P {
  long a, b;
};

struct Q {
  long a, b;
};
struct A {
  long v = 0;
  A() = default;
  A(long x) : v(x) {}
};
[[pure]] A mk(long k) { return A(fib(k)); }

long other_targets(long k) {
  long x = 3;
  long &rx = x;
  rx = fib(k);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:8: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored through the reference 'rx': only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long b = fib(k - 1);
  auto [qa, qb] = Q{1, 2};
  qa = fib(k - 2);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:8: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'qa', a structured binding, which names a part of an object, not a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long c = fib(k - 3);
  static long s = fib(k - 4);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:19: remark: calls to 'fib' and 'fib' not parallelized: 's' is 'static', initialized only the first time its declaration runs: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long d = fib(k - 5);
  thread_local long t = fib(k - 6);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:25: remark: calls to 'fib' and 'fib' not parallelized: 't' is 'thread_local', initialized only the first time its declaration runs: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long e = fib(k - 7);
  return x + b + qa + qb + c + s + d + t + e;
}
long one_branch(long k, long lim) {
  long a = fib(k);
  long b = k < lim ? fib(k - 1) : 0;
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:22: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' is made only when the condition of '?:' chooses its branch, and the serial program may not make it [purecc-missed-parallel-calls]
  long c = fib(k - 2);
  long d = k >= lim || fib(k - 3);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:24: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' is made only when the left operand of '||' does not decide it, and the serial program may not make it [purecc-missed-parallel-calls]
  return a + b + c + d;
}
struct C {
  long v = 0;
  C &operator+=(const C &o) {
    v += o.v;
    return *this;
  }
};
[[pure]] C mkc(long k) { return C{fib(k)}; }
long aggregates(long k) {
  Q q{fib(k), 1};
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is an element of an aggregate's initializer: only a call whose result built-in arithmetic uses joins a run [purecc-missed-parallel-calls]
  long w = fib(k - 1);
  C a, b;
  a += mkc(k);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:8: remark: calls to 'fib' and 'mkc' not parallelized: the result of 'mkc' is passed to 'C::operator+=': only a result stored by '=' joins a run of calls [purecc-missed-parallel-calls]
  b += mkc(k - 1);
  return q.a + w + a.v + b.v;
}
long class_assign(long k) {
  A a, b;
  a = mk(k);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:7: remark: calls to 'mk' and 'mk' run in parallel [purecc-parallel-calls]
  b = mk(k - 1);
  return a.v + b.v;
}
[[pure]] void burn(long n) {
  long s = 0;
  for (long k = 0; k < n; ++k)
    // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    s += fib(k % 20);
  (void)s;
}
long discarded(long k) {
  (void)fib(k);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is discarded, so its call computes nothing the program uses: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  static_cast<void>(fib(k - 1));
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:21: remark: calls to 'fib' and 'burn' not parallelized: the result of 'fib' is discarded, so its call computes nothing the program uses: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  burn(k * 100);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:3: remark: calls to 'burn' and 'fib' not parallelized: 'burn' returns 'void', so its call computes nothing the program uses: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long a = fib(k - 2);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long b = fib(k - 3);
  return a + b;
}
long statement_expression(long k) {
  long r = ({
    long t = fib(k) + fib(k - 1);
    // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:14: remark: calls to 'fib' and 'fib' not parallelized: they are in a GNU statement expression '({ ... })', whose statements purecc does not rewrite [purecc-missed-parallel-calls]
    t;
  });
  return r;
}

// The condition decides which call is made (adv43 t03: silent).
long chosen(long k, bool first) {
  long r = first ? fib(k) : fib(k + 1);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:20: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' is in a branch of '?:', whose condition decides which call is made, and the serial program may not make it [purecc-missed-parallel-calls]
  long s = fib(k - 1) + 1;
  const long &cr = first ? fib(k - 2) : fib(k - 3);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:28: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' is in a branch of '?:', whose condition decides which call is made, and the serial program may not make it [purecc-missed-parallel-calls]
  long t = fib(k - 4);
  return r + s + cr + t;
}

// A result passed to a call that stays where it stands, a declaration of
// several variables (adv69 F3: silent).
long passed_on(long k) {
  std::vector<long> out;
  out.push_back(fib(k));
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:17: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is passed to 'push_back': only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  out.push_back(fib(k - 1));
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:17: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is passed to 'push_back': only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long a = fib(k - 2), b = 0;
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: the declaration declares several variables: only a declaration of one local variable joins a run of calls [purecc-missed-parallel-calls]
  b = fib(k - 3);
  return out[0] + out[1] + a + b;
}

int main() {
  long arr[2];
  arr[0] = fib(25);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'arr[0]', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  arr[1] = fib(24);
  P p{0, 0};
  p.a = fib(25);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'p.a', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  p.b = fib(24);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'p.b', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long w = fib(23);
  long x = fib(22);
  const long &cr = fib(21);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:20: remark: calls to 'fib' and 'fib' not parallelized: 'cr' is a reference bound to the result of 'fib': only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  // CHECK: remark-sibling-stores.cpp:[[@LINE-4]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long y = fib(20);
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld\n", arr[0], arr[1], p.a, p.b, w, x, cr, y);
  std::printf("%ld %ld %ld\n", discarded(24), statement_expression(22), chosen(22, true));
  std::printf("%ld %ld %ld %ld\n", other_targets(22), one_branch(22, 30), class_assign(22),
              aggregates(22));
  std::printf("%ld\n", passed_on(22));
  return 0;
}
// OUT: 75025 46368 75025 46368 28657 17711 10946 6765
// OUT-NEXT: 28657 28657 38007
// OUT-NEXT: 45383 35423 28657 57314
// OUT-NEXT: 39603
