// Consecutive statements `a = compute(1); b = compute(2);` run their calls
// before the first result is stored, so a call must not be able to read a
// target through an address that escaped before the statements (`*slot`
// below: the serial program reads the new value). An escape after the group
// cannot be used while the calls run: passing `a` by const reference to an
// impure function later keeps nothing serial. An escape inside a loop around
// the group (the next round runs the group after it), anywhere in a function
// with `goto`, or before the group keeps it serial, with a remark naming the
// line.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>
#include <span>

[[pure]] long compute(long k) {
  long s = k;
  for (long i = 0; i < 20000; ++i)
    s = (s * 31 + i) % 1000003;
  return s;
}
[[pure]] long total(std::span<const long> s) {
  long t = 0;
  for (long x : s)
    t += x;
  // REMARK: statement-escapes.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  return t;
}
[[pure]] std::array<long, 3> triple(long k) { return {compute(k), compute(k + 1), compute(k + 2)}; }
// REMARK: statement-escapes.cpp:[[@LINE-1]]:55: remark: calls to 'compute', 'compute' and 'compute' run in parallel [purecc-parallel-calls]

void show(const char *what, const long &x) { std::printf("%s %ld\n", what, x); }
void keep(long *p, long **slot) { *slot = p; }

// Escapes after the group: parallel.
// CHECK:      {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return compute(1); },
// CHECK-NEXT: {{^}}  [&] { return compute(2); }); long a = purecc_r{{[0-9]+}}; long b = purecc_r{{[0-9]+}};
void after() {
  long a = compute(1);
  long b = compute(2);
  // REMARK: statement-escapes.cpp:[[@LINE-2]]:12: remark: calls to 'compute' and 'compute' run in parallel [purecc-parallel-calls]
  show("after", a);
  show("after", b);
}
// OUT: after 990470
// OUT-NEXT: after 313465

// Escapes before the group: `compute(*slot)` reads the `a` just stored.
// CHECK:      {{^}}  a = compute(3);
// CHECK-NEXT: {{^}}  long b = compute(*slot);
void before() {
  long a = 0;
  long *slot = nullptr;
  keep(&a, &slot);
  a = compute(3);
  long b = compute(*slot);
  // REMARK: statement-escapes.cpp:[[@LINE-2]]:7: remark: calls to 'compute' and 'compute' not parallelized: the address of 'a' escapes before them (line [[@LINE-3]]) [purecc-missed-parallel-calls]
  show("before", b);
}
// OUT-NEXT: before 326818

// Escapes after the group, inside a loop around it: the next round's
// `*slot` reads the `a` of that round.
// CHECK:      {{^}}    a = compute(r + 1);
// CHECK-NEXT: {{^}}    long b = compute(slot ? *slot : 5);
void looped() {
  long a = 0, sum = 0;
  long *slot = nullptr;
  for (int r = 0; r < 3; ++r) {
    // REMARK: statement-escapes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'keep' is not known to be pure [purecc-missed-map]
    a = compute(r + 1);
    long b = compute(slot ? *slot : 5);
    keep(&a, &slot);
    // REMARK: statement-escapes.cpp:[[@LINE-3]]:9: remark: calls to 'compute' and 'compute' not parallelized: the address of 'a' escapes inside a loop around them (line [[@LINE-1]]) [purecc-missed-parallel-calls]
    sum = sum * 7 + a + b;
  }
  show("looped", sum);
}
// OUT-NEXT: looped 72053496

// The same loop made of a `goto`.
// CHECK:      {{^}}  a = compute(round);
// CHECK-NEXT: {{^}}  long b = compute(slot ? *slot : 5);
void jumps() {
  long a = 0, sum = 0;
  long *slot = nullptr;
  int round = 0;
again:
  ++round;
  a = compute(round);
  long b = compute(slot ? *slot : 5);
  keep(&a, &slot);
  // REMARK: statement-escapes.cpp:[[@LINE-3]]:7: remark: calls to 'compute' and 'compute' not parallelized: the address of 'a' escapes (line [[@LINE-1]]) in a function with 'goto' or 'setjmp' [purecc-missed-parallel-calls]
  sum = sum * 7 + a + b;
  if (round < 3)
    goto again;
  show("jumps", sum);
}
// OUT-NEXT: jumps 72053496

// Holders made before the group and read by a call of it: the call reads
// the target, so it waits for the statement that stores it (a dependency,
// as `b = compute(a)` is: no remark). It runs beside the next assignment
// (of a class, 'std::array'), across the declarations between them, and
// that one's result is stored where the statement stands.
// CHECK:      {{^}}  a = compute(4);
// CHECK-NEXT: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return compute(ra); }, [&] { return triple(5); }); long viaRef = purecc_r{{[0-9]+}};
// A lambda that captures 'c' by reference holds its address like a
// pointer: 'total(sv)' runs beside 'c = compute(6)', and 'compute(get())'
// waits for it (adv57 t16).
// CHECK:      {{^}}  v = ::purecc::take_result(purecc_r{{[0-9]+}});
// CHECK-NEXT: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return ::total(sv); }, [&] { return compute(6); }); long viaSpan = purecc_r{{[0-9]+}};
// CHECK:      {{^}}  c = purecc_r{{[0-9]+}};
// CHECK-NEXT: {{^}}  long viaLambda = compute(get());
// CHECK:      {{^}}  d = compute(7);
// CHECK:      {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return compute(*pd); }, [&] { return compute(8); }, [&] { return compute(9); }); long viaPointer = purecc_r{{[0-9]+}};
// CHECK:      {{^}}  x = purecc_r{{[0-9]+}};
// CHECK-NEXT: {{^}}  long y = purecc_r{{[0-9]+}};
void holders() {
  long a = 0;
  const long &ra = a;
  a = compute(4);
  long viaRef = compute(ra);
  // REMARK: statement-escapes.cpp:[[@LINE-1]]:17: remark: calls to 'compute' and 'triple' run in parallel [purecc-parallel-calls]
  std::array<long, 3> v{};
  std::span<const long> sv(v);
  v = triple(5);
  long viaSpan = total(sv);
  // REMARK: statement-escapes.cpp:[[@LINE-1]]:18: remark: calls to 'total' and 'compute' run in parallel [purecc-parallel-calls]
  long c = 0;
  auto get = [&c] { return c; };
  c = compute(6);
  long viaLambda = compute(get());
  long d = 0;
  const long *pd = &d;
  d = compute(7);
  // REMARK: statement-escapes.cpp:[[@LINE-1]]:7: remark: calls to 'compute' and 'compute' not parallelized: the address of 'd' escapes before them (line [[@LINE-2]]) [purecc-missed-parallel-calls]
  long viaPointer = compute(*pd);
  // A holder no call of the group reads is no matter, nor are the
  // declarations between the statements (the later calls move before them).
  long x = 0;
  const long &rx = x;
  x = compute(8);
  long y = compute(9);
  // REMARK: statement-escapes.cpp:[[@LINE-7]]:21: remark: calls to 'compute', 'compute' and 'compute' run in parallel [purecc-parallel-calls]
  show("holders", viaRef + viaSpan + viaLambda + viaPointer);
  show("holders", a + c + d + rx + y);
}
// OUT-NEXT: holders 3956994
// OUT-NEXT: holders 3319259

// A view returned by a function of the user's that is not pure may hold
// what its argument names (adv40 t01: 'first(s)' ran before 'v[0] = 13').
std::span<const long> view(const std::array<long, 3> &a) { return a; }
void returned_views() {
  std::array<long, 3> v{3, 4, 5};
  std::span<const long> s = view(v);
  long a = compute(1);
  v[0] = 13;
  long b = total(s);
  // REMARK: statement-escapes.cpp:[[@LINE-1]]:12: remark: calls to 'compute' and 'total' not parallelized: 'v' is written between them ('v[0] = 13'), and the call to 'total' reads it [purecc-missed-parallel-calls]
  show("views", a + b);
}
// OUT-NEXT: views {{[0-9]+}}

int main() {
  after();
  before();
  looped();
  jumps();
  holders();
  returned_views();
  return 0;
}
