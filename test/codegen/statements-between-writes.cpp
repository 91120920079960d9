// Sibling calls with a statement between them that writes through a
// reference, an element or `this` (found by adv24, R4). A pure call reads no
// memory but through its arguments and its object, so a call that takes
// only values cannot see the write: the calls run in parallel, and the
// statement still runs between the two results, as written. A later call
// that reads through a reference or its object may see it: serial, saying
// so; and one that may throw leaves the write made in the serial program
// only: serial, saying that.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: statements-between-writes.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] long total(const std::vector<long> &v) {
  long s = 0;
  for (long x : v)
    s += fib(x % 5 + 18);
  // REMARK: statements-between-writes.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] long checked(long n) {
  if (n > 40)
    throw std::out_of_range("too large");
  return fib(n);
}

struct Counter {
  long m = 0;
  long run(long k) {
    long a = fib(k);
    ++m;
    long b = fib(k - 1);
    // REMARK: statements-between-writes.cpp:[[@LINE-3]]:14: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
    return a + b;
  }
  [[pure]] long peek(long k) const { return fib(k) + m; }
  long run_peek(long k) {
    long a = fib(k);
    ++m;
    long b = peek(k - 1);
    // REMARK: statements-between-writes.cpp:[[@LINE-1]]:14: remark: calls to 'fib' and 'Counter::peek' not parallelized: '++m' between them writes through a pointer or reference, which the call to 'Counter::peek' may read [purecc-missed-parallel-calls]
    return a + b;
  }
};

long through_reference(long k, long &r) {
  long a = fib(k);
  r = 5;
  long b = fib(k - 1);
  // REMARK: statements-between-writes.cpp:[[@LINE-3]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  return a + b + r;
}
long through_element(long k, std::vector<long> &v) {
  long a = fib(k);
  v[0] = 9;
  long b = fib(k - 1);
  // REMARK: statements-between-writes.cpp:[[@LINE-3]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  return a + b;
}
long read_later(long k, std::vector<long> &v) {
  long a = fib(k);
  v[0] = 9;
  long b = total(v);
  // REMARK: statements-between-writes.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'total' not parallelized: 'v[0] = 9' between them writes through a pointer or reference, which the call to 'total' may read [purecc-missed-parallel-calls]
  return a + b;
}
long throws_later(long k, long &r) {
  long a = fib(k);
  r = 7;
  long b = checked(k + 20);
  // REMARK: statements-between-writes.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'checked' not parallelized: 'checked' may throw, and 'r = 7' runs before it in the serial program [purecc-missed-parallel-calls]
  return a + b;
}

int main(int argc, char **) {
  long k = 22 + argc;
  long x = 0;
  std::vector<long> v{1, 2, 3};
  Counter c;
  long r1 = through_reference(k, x);
  std::printf("%ld %ld\n", r1, x);
  long r2 = through_element(k, v);
  std::printf("%ld %ld\n", r2, v[0]);
  long r3 = c.run(k);
  std::printf("%ld %ld\n", r3, c.m);
  long r4 = c.run_peek(k);
  std::printf("%ld %ld\n", r4, c.m);
  v[0] = 1;
  long r5 = read_later(k, v);
  std::printf("%ld %ld\n", r5, v[0]);
  try {
    std::printf("%ld\n", throws_later(k, x));
  } catch (const std::exception &e) {
    std::printf("caught %s, r = %ld\n", e.what(), x);
  }
  return 0;
}
// OUT:      46373 5
// OUT-NEXT: 46368 9
// OUT-NEXT: 46368 1
// OUT-NEXT: 46370 2
// OUT-NEXT: 64079 9
// OUT-NEXT: caught too large, r = 7
