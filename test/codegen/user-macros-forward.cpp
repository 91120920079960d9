// An object-like macro named like a name only the generated code spells:
// an ordered reduction's combine forwards its term with 'std::forward',
// which '#define forward next' turned into 'std::next' (adv67 F10: the
// output did not compile, with no remark). The unit is compiled as
// written, and the remark says why; the remark of the rewrite it would
// have made is not shown (HeldDiagnostics.h: it was, before the macro's).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}
struct M { long a, b; };
[[purecc::associative]] M combine(M x, M y) { return M{x.a * y.a % 1000003, (x.b * y.a + y.b) % 1000003}; }
[[pure]] M term(long i) { return M{1 + work(i) % 5, i % 11}; }

#define forward next
// CHECK: user-macros-forward.cpp:[[@LINE-1]]:9: remark: unit compiled as written, without parallel code: the code purecc generates spells 'forward', which is a macro here [purecc-runtime-name-macro]

int main() {
  M p{1, 0};
  for (long i = 0; i < 4000; ++i)
    p = combine(p, term(i));
  std::printf("%ld %ld\n", p.a, p.b);
  // OUT: 705016 808383
}
