// One call's argument may hand a variable on to be changed while the other
// calls run (adv27 W1): a move to a 'T&&' parameter, which a pure function
// may move from, or to a by-value one, whose move constructor empties the
// variable. No other call of the run or of the expression may read it, and
// a loop that moves from a variable every iteration writes it. A member
// call reads its object (adv27 W3): a write of the object between two
// calls, or in the same expression, keeps them apart. A lambda called
// where it is written hands on what it captures by reference; an element
// of braces is copied, a use by value.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <utility>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-handed-on.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long slow(long n) { return n < 2 ? 1 : slow(n - 1) + slow(n - 2); }
// CHECK: statements-handed-on.cpp:[[@LINE-1]]:49: remark: calls to 'slow' and 'slow' run in parallel [purecc-parallel-calls]
[[pure]] long look(std::vector<long> v) { return slow((long)v.size() + 18); }
[[pure]] long take(std::vector<long> &&v) {
  std::vector<long> mine = std::move(v);
  return slow((long)mine.size() + 18);
}
[[pure]] long sink(std::vector<long> v) { return fib((long)v.size() + 18); }

long run_moves(long k, int argc) {
  std::vector<long> v(3, argc);
  long a = take(std::move(v));
  long b = look(v);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'take' and 'look' not parallelized: 'v' is used other than by its value in an argument of 'take', which may change it, and the call to 'look' reads it [purecc-missed-parallel-calls]
  return a * 1000 + b + k;
}

long run_reads_first(long k, int argc) {
  std::vector<long> v(3, argc);
  long b = look(v);
  long a = take(std::move(v));
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'look' and 'take' not parallelized: 'v' is used other than by its value in an argument of 'take', which may change it, and the call to 'look' reads it [purecc-missed-parallel-calls]
  return a * 1000 + b + k;
}

long run_through_reference(long k, int argc) {
  std::vector<long> v(3, argc);
  auto &r = v;
  long a = take(std::move(r));
  long b = look(v);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'take' and 'look' not parallelized: 'v' is used other than by its value in an argument of 'take', which may change it, and the call to 'look' reads it [purecc-missed-parallel-calls]
  return a * 1000 + b + k;
}

long run_by_value(long k, int argc) {
  std::vector<long> v(3, argc);
  long a = sink(std::move(v));
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'sink' and 'look' not parallelized: an argument of 'sink' has side effects: it changes 'v' [purecc-missed-parallel-calls]
  long b = look(v);
  return a * 1000 + b + k;
}

long in_one_expression(long k, int argc) {
  std::vector<long> v(3, argc);
  return take(std::move(v)) * 1000 + look(v) + k;
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:10: remark: calls to 'take' and 'look' not parallelized: 'v' is used other than by its value in an argument of 'take', which may change it, and the call to 'look' reads it [purecc-missed-parallel-calls]
}

// Each moves its own vector: nothing another call reads.
long own_vectors(long k, int argc) {
  std::vector<long> v(3, argc), w(5, argc);
  long a = take(std::move(v));
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'take' and 'take' run in parallel [purecc-parallel-calls]
  long b = take(std::move(w));
  return a * 1000 + b + k;
}

long loop_moves(int argc) {
  std::vector<long> v(3, argc);
  long s = 0;
  for (long i = 0; i < 40; ++i)
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'v' is written inside the loop body [purecc-missed-reduction]
    s += sink(std::move(v)) % 1000;
  return s;
}

struct C {
  long k;
  [[pure]] long f(long n) const { return slow(n + k); }
};

long object_written(long k, int argc) {
  C c{argc};
  long e = c.f(k);
  c.k = 5;
  long g = c.f(k + 1);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:14: remark: calls to 'C::f' and 'C::f' not parallelized: 'c' is written between them ('c.k = 5'), and the call to 'C::f' reads it [purecc-missed-parallel-calls]
  return e * 100000 + g;
}

long object_assigned(long k, int argc) {
  C c{argc};
  long e = c.f(k);
  c = C{7};
  long g = c.f(k + 1);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:14: remark: calls to 'C::f' and 'C::f' not parallelized: 'c' is written between them ('c = C{7}'), and the call to 'C::f' reads it [purecc-missed-parallel-calls]
  return e * 100000 + g;
}

long object_through_pointer(long k, int argc) {
  C c{argc};
  C *p = &c;
  long e = p->f(k);
  ++c.k;
  long g = p->f(k + 1);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:15: remark: calls to 'C::f' and 'C::f' not parallelized: 'c' is written between them ('++c.k'), and the call to 'C::f' reads it [purecc-missed-parallel-calls]
  return e * 100000 + g;
}

long mutate(C &c) { return c.k += 3; }
long object_in_one_expression(long k, int argc) {
  C c{argc};
  return mutate(c) + c.f(k) + c.f(k + 1);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:24: remark: calls to 'C::f' and 'C::f' not parallelized: 'c' is used other than by its value in the same expression, which may change it [purecc-missed-parallel-calls]
}

// Reading the object between them keeps the run.
long object_read(long k, int argc) {
  C c{argc};
  long e = c.f(k);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:14: remark: calls to 'C::f' and 'C::f' run in parallel [purecc-parallel-calls]
  long t = c.k + 1;
  long g = c.f(k + 1);
  return e * 100000 + g + t;
}

// A lambda called where it is written: one that moves from what it
// captures by reference writes it; one that only reads it still keeps the
// calls apart, and the remark says the true reason: purecc does not follow
// what a lambda does with a reference it captures.
long lambda_moves(long k, int argc) {
  std::vector<long> v(3, argc);
  long a = [&] { return take(std::move(v)); }();
  long b = look(v);
  // CHECK: statements-handed-on.cpp:[[@LINE-2]]:12: remark: calls to 'operator()' and 'look' not parallelized: the lambda writes 'v' [purecc-missed-parallel-calls]
  return a * 1000 + b + k;
}

long lambda_reads(long k, int argc) {
  std::vector<long> v(3, argc);
  long a = [&] { return look(v); }();
  long b = look(v);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'operator()' and 'look' not parallelized: the lambda called on line [[@LINE-2]] captures 'v' by reference, and purecc does not follow what it does with it; the call to 'look' reads it [purecc-missed-parallel-calls]
  return a * 1000 + b + k;
}

long lambda_reads_in_one_expression(long k, int argc) {
  std::vector<long> v(3, argc);
  return [&] { return look(v); }() * 1000 + look(v) + k;
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:10: remark: calls to 'operator()' and 'look' not parallelized: the lambda called on line [[@LINE-1]] captures 'v' by reference, and purecc does not follow what it does with it; the call to 'look' reads it [purecc-missed-parallel-calls]
}

// An element of braces is copied into the aggregate: a use by value, which
// changes nothing another call reads (adv31 K1: it was said to hand 'k' on).
struct Bx {
  long v;
};
[[pure]] long boxed(Bx b) { return slow(b.v); }
long braces(long k) {
  long a = slow(k - 2);
  // CHECK: statements-handed-on.cpp:[[@LINE-1]]:12: remark: calls to 'slow', 'boxed' and 'boxed' run in parallel [purecc-parallel-calls]
  long b = boxed(Bx{k - 3});
  long c = boxed(Bx{k});
  return a + b + c;
}

int main(int argc, char **) {
  long k = 20 + argc;
  std::printf("%ld %ld %ld %ld\n", run_moves(k, argc), run_reads_first(k, argc),
              run_through_reference(k, argc), run_by_value(k, argc));
  std::printf("%ld %ld %ld\n", in_one_expression(k, argc), own_vectors(k, argc), loop_moves(argc));
  std::printf("%ld %ld %ld\n", object_written(k, argc), object_assigned(k, argc),
              object_through_pointer(k, argc));
  std::printf("%ld %ld\n", object_in_one_expression(k, argc), object_read(k, argc));
  std::printf("%ld %ld %ld\n", lambda_moves(k, argc), lambda_reads(k, argc),
              lambda_reads_in_one_expression(k, argc));
  std::printf("%ld\n", braces(k));
  // OUT: 17715202 17728732 17715202 10950202
  // OUT-NEXT: 17715202 17757389 23722
  // OUT-NEXT: 2866017811 2866532040 2865775025
  // OUT-NEXT: 317815 2865746370
  // OUT-NEXT: 17715202 17728732 17728732
  // OUT-NEXT: 28657
}
