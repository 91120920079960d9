// Pure member functions defined in their class get their serial clone as a
// member next to them (same qualifiers, same access); virtual ones get none.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

// CHECK:      {{^}}#line [[#@LINE+11]] "{{.*}}members.cpp"
// CHECK-NEXT: {{^}}  long purecc_serial_ways_2(int n) const {
// CHECK-NEXT: {{^}}    if (n < 2)
// CHECK-NEXT: {{^}}      return 1;
// CHECK-NEXT: {{^}}    return purecc_serial_ways_2(n - 1) + this->purecc_serial_ways_2(n - step);
// CHECK-NEXT: {{^}}  }
// CHECK-NEXT: {{^}}#line [[#@LINE+5]] "{{.*}}members.cpp"
// CHECK-NEXT: {{^}}  /*{{\[\[}}pure]]*/ long ways(int n) const { if (!::purecc::should_spawn()) return purecc_serial_ways_2(n);
class Stairs {
public:
  explicit Stairs(int s) : step(s) {}
  [[pure]] long ways(int n) const {
    if (n < 2)
      return 1;
    return ways(n - 1) + this->ways(n - step);
  }
  // REMARK: members.cpp:[[@LINE-2]]:12: remark: calls to 'Stairs::ways' and 'Stairs::ways' run in parallel [purecc-parallel-calls]

  // A static member's clone is static too.
  // CHECK:      {{^}}  static long purecc_serial_fib_5(int n) {
  // CHECK:      {{^}}  /*{{\[\[}}pure]]*/ static long fib(int n) { if (!::purecc::should_spawn()) return purecc_serial_fib_5(n);
  [[pure]] static long fib(int n) {
    if (n < 2)
      return n;
    return fib(n - 1) + fib(n - 2);
  }

private:
  int step;
};

// A virtual function may be overridden: its calls still run in parallel,
// but it gets no serial clone (the clone would have to be virtual too).
// CHECK:      {{^}}  /*{{\[\[}}pure]]*/ virtual long area(int n) const { auto [purecc_r
struct Shape {
  virtual ~Shape() = default;
  [[pure]] virtual long area(int n) const { return Stairs::fib(n) + Stairs::fib(n + 1); }
};

int main() {
  Stairs s(2);
  Shape sh;
  std::printf("%ld %ld %ld\n", s.ways(30), Stairs::fib(25), sh.area(20));
  return 0;
}
// OUT: 1346269 75025 17711
