// A function-like macro named like a runtime member the generated code
// calls ('fail', in a selection's records: 'purecc_a0_one.fail(...)')
// would expand there (adv66 F8: the output did not compile). The unit is
// compiled as written, and the remark says why; the remark of the
// selection it would have made is not shown (HeldDiagnostics.h).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <cstdlib>

#define fail(msg) (std::fprintf(stderr, "%s\n", msg), std::exit(2))
// CHECK: user-macros-member-names.cpp:[[@LINE-1]]:9: remark: unit compiled as written, without parallel code: the code purecc generates spells 'fail', which is a macro here [purecc-runtime-name-macro]

[[pure]] double dist(long v) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (v * k) % 7;
  return double((s * 7919 + v) % 1000);
}

int main() {
  double best = HUGE_VAL;
  long at = -1;
  for (long i = 0; i < 5000; ++i) {
    double d = dist(i);
    if (d < best) { best = d; at = i; }
  }
  if (at < 0)
    fail("no minimum");
  std::printf("%g %ld\n", best, at);
  // OUT: 0 0
}
