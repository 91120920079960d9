// What may throw between two statements of a run is named as the user
// wrote it (adv24 R5): a 'dynamic_cast' to a reference, a 'typeid' of a
// polymorphic lvalue and a 'throw' expression, with no stray comma.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <typeinfo>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-between-throws.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

struct B { virtual ~B() = default; };
struct D : B {};

long cast_between(long k, B &b) {
  long a = fib(k);
  D &d = dynamic_cast<D &>(b);
  long c = fib(k - 1);
  // CHECK: statements-between-throws.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: 'dynamic_cast<D &>(b)', which may throw, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  (void)d;
  return a + c;
}

long typeid_between(long k, B *p) {
  long a = fib(k);
  bool same = typeid(*p) == typeid(D);
  long c = fib(k - 2);
  // CHECK: statements-between-throws.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: 'typeid(*p)', which may throw, runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + c + same;
}

long throw_between(long k, int argc) {
  long a = fib(k);
  if (argc > 5)
    throw 5;
  long c = fib(k - 3);
  // CHECK: statements-between-throws.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: a 'throw' expression runs between them, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + c;
}

int main(int argc, char **) {
  D d;
  B b;
  long k = 20 + argc;
  std::printf("%ld %ld %ld\n", cast_between(k, d), typeid_between(k, &b), throw_between(k, argc));
  // OUT: 17711 15127 13530
  try {
    cast_between(k, b);
  } catch (const std::bad_cast &) {
    std::printf("bad_cast\n");
  }
  // OUT-NEXT: bad_cast
}
