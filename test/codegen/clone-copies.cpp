// The serial clone is a copy of the function's text, so it must be the same
// function: a 'static' local would be a second object (a pointer into the
// table differs between the two paths, adv32 t05), and a class or lambda
// defined in the body is another type in the copy (a deduced return type
// deduces two types and the unit does not compile, adv32 t06; 'typeid'
// names another class, adv32 t07). Those functions get no clone. A default
// argument written on the definition is repeated by the copy and serves
// its own recursive calls, which so keep the clone's small frames: a deep
// recursion that fits the serial stack fits the rewritten one at one
// thread (adv32 t02). Only the copy's own calls are renamed: its address
// (`&own`) is the original's, as a pointer stored elsewhere compares it
// (adv39 t03: the clone's comparison was false, 121468025 for 75025).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=TEXT
// RUN: %purecc rewrite %s -o /dev/null --dump-after=plan -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PLAN
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <cstring>
#include <typeinfo>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

// PLAN: no-fast-clone {{.*}}pick: 't' is a 'static' local, and a copy would have its own
[[pure]] const long *pick(long n) {
  static const long t[2] = {1, 2};
  long a = fib(n) + fib(n - 1);
  return &t[a & 0];
}
// TEXT-NOT: purecc_serial_pi{{ck}}

// PLAN: no-fast-clone {{.*}}adder: it defines a lambda and deduces its return type: a copy's would be another type
[[pure]] auto adder(long n) {
  long a = fib(n) + fib(n - 1);
  return [a](long x) { return x + a; };
}
// PLAN: no-fast-clone {{.*}}boxed: it defines the class 'R' and deduces its return type: a copy's would be another type
[[pure]] auto boxed(long n) {
  struct R {
    long v;
  };
  long a = fib(n) + fib(n - 1);
  return R{a};
}
// PLAN: no-fast-clone {{.*}}kind: it defines the class 'Tag' and uses 'typeid': a copy's would be another type
[[pure]] long kind(long n) {
  struct Tag {};
  long a = fib(n) + fib(n - 1);
  return a * 0 + static_cast<long>(std::strlen(typeid(Tag).name()));
}
// A lambda whose type nothing observes: the clone stays.
[[pure]] long doubled_sum(long n) {
  auto twice = [](long x) { return 2 * x; };
  long a = fib(n);
  long b = fib(n - 1);
  return twice(a) + twice(b);
}
// TEXT: static long purecc_serial_doubled_sum_{{[0-9]+}}(long n) {

[[pure]] long step(long n) {
  long h = n;
  for (int r = 0; r < 100; ++r)
    h = (h * 7 + 3) % 100003;
  return h;
}
// TEXT: static long purecc_serial_sum_{{[0-9]+}}(long n, long z = 0) { return n == 0 ? z : step(n) + purecc_serial_sum_{{[0-9]+}}(n - 1, z); }
[[pure]] long sum(long n, long z = 0) { return n == 0 ? z : step(n) + sum(n - 1, z); }

// A default argument on an earlier declaration is not in the definition's
// text, which the copy repeats: no clone.
[[pure]] long sum_declared(long n, long z = 0);
// PLAN-NOT: no-fast-clone {{.*}}sum_declared
// TEXT-NOT: purecc_serial_sum_decl{{ared}}
[[pure]] long sum_declared(long n, long z) { return n == 0 ? z : step(n) + sum_declared(n - 1); }

[[pure]] long own(long n);
long (*const own_address)(long) = &own;
// TEXT: static long purecc_serial_own_{{[0-9]+}}(long n) {
// TEXT-NEXT: if (n < 2)
// TEXT-NEXT: return n + (own_address == &own ? 0 : 1000);
// TEXT-NEXT: long a = purecc_serial_own_{{[0-9]+}}(n - 1);
[[pure]] long own(long n) {
  if (n < 2)
    return n + (own_address == &own ? 0 : 1000);
  long a = own(n - 1);
  long b = own(n - 2);
  return a + b;
}

int main(int argc, char **) {
  const long *p = pick(20 + argc);
  const long *q = pick(21 + argc);
  std::printf("%d %ld\n", static_cast<int>(p == q), *p + *q);
  auto f = adder(17 + argc);
  std::printf("%ld %ld\n", f(1), boxed(17 + argc).v);
  long k1 = kind(20 + argc);
  long k2 = kind(21 + argc);
  std::printf("%d %ld\n", static_cast<int>(k1 == k2), doubled_sum(20 + argc));
  std::printf("%ld %ld\n", sum(99999 + argc), sum_declared(999 + argc));
  std::printf("%ld\n", own(24 + argc));
}
// OUT:      1 2
// OUT-NEXT: 4182 4181
// OUT-NEXT: 1 35422
// OUT-NEXT: 5000083833 50084991
// OUT-NEXT: 75025
