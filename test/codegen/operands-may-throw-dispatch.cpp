// A call of a virtual member may run an override the unit does not show, so
// it counts as "may throw" -- unless the call names the member it runs: a
// qualified call `d.Shape::area(i)` (found by adv23, R4), a call on a local
// object (its dynamic type is its declared type), or a `final` member or
// class. Those are judged by the body they run, as any direct call is.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < 300; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

struct Shape {
  virtual ~Shape() = default;
  [[pure]] virtual long area(long x) const { return heavy(x) % 7; }
};
struct Square final : Shape {
  [[pure]] long area(long x) const override { return heavy(x) % 5; }
};
struct Thrower : Shape {
  [[pure]] long area(long x) const override {
    if (x == 1500)
      throw std::runtime_error("area of 1500");
    return heavy(x) % 3;
  }
};

[[pure]] long qualified(long i) {
  Square q;
  return q.Shape::area(i) + 1;
}
[[pure]] long local_object(long i) {
  Shape s;
  return s.area(i);
}
[[pure]] long final_member(const Square &q, long i) { return q.area(i); }
[[pure]] long dynamic(const Shape &s, long i) { return s.area(i); }
[[pure]] long qualified_thrower(long i) {
  Thrower t;
  return t.Thrower::area(i);
}

int main() {
  Square sq;
  Thrower th;
  long a = 0, b = 0, c = 0, d = 0, e = 0;
  for (long i = 0; i < 3000; ++i)
    a += qualified(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    b += local_object(i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  for (long i = 0; i < 3000; ++i)
    c += final_member(sq, i);
  // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  try {
    for (long i = 0; i < 3000; ++i)
      d += dynamic(th, i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'dynamic' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("dynamic: %s after %ld\n", x.what(), d);
  }
  try {
    for (long i = 0; i < 3000; ++i)
      e += qualified_thrower(i);
    // REMARK: operands-may-throw-dispatch.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'qualified_thrower' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &x) {
    std::printf("qualified thrower: %s after %ld\n", x.what(), e);
  }
  std::printf("%ld %ld %ld\n", a, b, c);
  return 0;
}
// OUT: dynamic: area of 1500 after 1498
// OUT-NEXT: qualified thrower: area of 1500 after 1498
// OUT-NEXT: 12018 9018 5985
