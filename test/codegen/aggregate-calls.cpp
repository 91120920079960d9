// Sibling calls under an assignment, in braced and aggregate initializers
// and as constructor arguments: the callee may write the temporary it is
// given (`V::operator=(V&&)`), which nobody else sees, so the calls still
// run in parallel. (These crashed `purecc rewrite` once.)
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <utility>

struct V { double x, y; };
struct C {
  C(double a, double b) : s(a - b) {}
  double s;
};

[[pure]] double u(int n) {
  double s = 0;
  for (int i = 1; i <= n; ++i)
    s += 1.0 / i;
  return s;
}

V mk(double a, double b) { return V{a, b}; }

int main() {
  V v;
  v = {u(10), u(20)};
  // REMARK: aggregate-calls.cpp:[[@LINE-1]]:8: remark: calls to 'u' and 'u' run in parallel [purecc-parallel-calls]
  std::printf("%.6f %.6f\n", v.x, v.y);
  v = V{u(30), u(40)};
  // REMARK: aggregate-calls.cpp:[[@LINE-1]]:9: remark: calls to 'u' and 'u' run in parallel [purecc-parallel-calls]
  std::printf("%.6f %.6f\n", v.x, v.y);
  v = mk(u(50), u(60));
  // REMARK: aggregate-calls.cpp:[[@LINE-1]]:10: remark: calls to 'u' and 'u' run in parallel [purecc-parallel-calls]
  std::printf("%.6f %.6f\n", v.x, v.y);
  C c(u(70), u(80));
  // REMARK: aggregate-calls.cpp:[[@LINE-1]]:7: remark: calls to 'u' and 'u' run in parallel [purecc-parallel-calls]
  c = C{u(90), u(100)};
  // REMARK: aggregate-calls.cpp:[[@LINE-1]]:9: remark: calls to 'u' and 'u' run in parallel [purecc-parallel-calls]
  std::pair<double, double> p;
  p = {u(3), u(4)};
  // REMARK: aggregate-calls.cpp:[[@LINE-1]]:8: remark: calls to 'u' and 'u' run in parallel [purecc-parallel-calls]
  std::printf("%.6f %.6f %.6f\n", c.s, p.first, p.second);
  return 0;
}
// OUT:      2.928968 3.597740
// OUT-NEXT: 3.994987 4.278543
// OUT-NEXT: 4.499205 4.679870
// OUT-NEXT: -0.104807 1.833333 2.083333
