// A statement between two of a run, or the rest of one expression, may
// hand a variable on as an lvalue that is then written where no write by
// name shows (adv27 W0, W1): a reference a library returns ('std::get<0>(pr)
// = 4'), an iterator ('*v.begin() = 4'). A move ('auto w = std::move(v);')
// writes 'v' (its move constructor empties it).
// A later call that reads the variable stays after it. Reading an element
// or the size between them keeps the run.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <utility>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]
[[pure]] long look(std::vector<long> v) { return slow((long)v.size() + 18); }

long through_get(long k, int argc) {
  std::pair<long, long> pr{argc, 0};
  long e = fib(k);
  std::get<0>(pr) = 4;
  long f = slow(pr.first + k - 4) + 1;
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: 'std::get<0>(pr) = 4' between them uses 'pr' other than by its value, which may change it, and the call to 'slow' reads it [purecc-missed-parallel-calls]
  return e + f;
}

long through_iterator(long k, int argc) {
  std::vector<long> v{argc, 0};
  long e = fib(k);
  *v.begin() = 4;
  long f = slow(v[0] + k - 4) + 1;
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' not parallelized: '*v.begin() = 4' between them uses 'v' other than by its value, which may change it, and the call to 'slow' reads it [purecc-missed-parallel-calls]
  return e + f;
}

long moved_from(long k, int argc) {
  std::vector<long> v(3, argc);
  long e = fib(k);
  auto w = std::move(v);
  long f = look(v) + 1;
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'look' not parallelized: 'v' is written between them ('auto w = std::move(v);'), and the call to 'look' reads it [purecc-missed-parallel-calls]
  return e + f + (long)w.size();
}

// In one expression: the calls would run before the comma's left side.
long in_one_expression(long k, int argc) {
  std::pair<long, long> pr{argc, 0};
  return (std::get<0>(pr) = 4, 0) + slow(pr.first + k - 4) + fib(k);
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:37: remark: calls to 'slow' and 'fib' not parallelized: 'pr' is used other than by its value in the same expression, which may change it [purecc-missed-parallel-calls]
}

// A reference the function returns is written, if at all, by its caller,
// once both calls have returned (adv35 t07); a branch of '?:' is used as
// the whole is. A lambda's returned reference, or a '?:' assigned to, may
// be written in the same expression.
struct Board {
  long cell[64];
};
[[pure]] long score(const Board &b) {
  long r = 0;
  for (long k = 0; k < 300000; ++k)
    r = (r * 7 + b.cell[k % 64]) % 1000003;
  return r;
}
[[pure]] const Board &best(const Board &x, const Board &y) {
  return score(x) >= score(y) ? x : y;
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:10: remark: calls to 'score' and 'score' run in parallel [purecc-parallel-calls]
}
long through_lambda(long k, int argc) {
  std::pair<long, long> pr{argc, 0};
  return ([&]() -> long & { return pr.first; }() = 4, slow(pr.first + k - 4) + fib(k));
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:55: remark: calls to 'slow' and 'fib' not parallelized: 'pr' is used other than by its value in the same expression, which may change it [purecc-missed-parallel-calls]
}
long through_conditional(long k, int argc) {
  long a = argc, b = 0;
  return ((argc > 0 ? a : b) = 4, slow(a + k - 4) + fib(k));
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:35: remark: calls to 'slow' and 'fib' not parallelized: 'a' is used other than by its value in the same expression, which may change it [purecc-missed-parallel-calls]
}

// The assignment's own target is stored once both calls have returned
// (adv39 t04): a local, a reference, a member, and memory through a
// pointer.
struct Walker {
  long v;
  void step() { v = fib(v) + slow(v - 1); }
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:21: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
};
long own_target(long x) {
  x = fib(x) + slow(x - 1);
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  return x;
}
long own_reference(long &x, long *p) {
  x += fib(x) + slow(x - 1);
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:8: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  *p = fib(*p) + slow(*p - 1);
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:8: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  return x + *p;
}
// Reads between them keep the run: an element, a size.
long reads_between(long k, int argc) {
  std::vector<long> v{argc, 2};
  long e = fib(k);
  // CHECK: statements-lvalue-uses.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'slow' run in parallel [purecc-parallel-calls]
  long t = v[1] + (long)v.size();
  long f = slow(v[0] + k - 1) + 1;
  return e + f + t;
}

int main(int argc, char **) {
  long k = 20 + argc;
  std::printf("%ld %ld %ld\n", through_get(k, argc), through_iterator(k, argc), moved_from(k, argc));
  std::printf("%ld %ld\n", in_one_expression(k, argc), reads_between(k, argc));
  Board p{}, q{};
  for (int i = 0; i < 64; ++i)
    p.cell[i] = i, q.cell[i] = 64 - i;
  const Board &w = best(p, q);
  std::printf("%d %ld %ld\n", &w == &p, through_lambda(k, argc), through_conditional(k, argc));
  Walker wk{k};
  wk.step();
  long r = k, m = k;
  long both = own_reference(r, &m);
  std::printf("%ld %ld %ld %ld\n", wk.v, own_target(k), both, r);
  // OUT: 28658 28658 15131
  // OUT-NEXT: 28657 28662
  // OUT-NEXT: 1 28657 28657
  // OUT-NEXT: 21892 21892 43805 21913
}
