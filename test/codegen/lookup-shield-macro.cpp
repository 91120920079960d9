// A macro's text is not qualified: it may be stringized or name a member
// elsewhere (adv92 F5, F6: `#define APPLY apply` became `::apply`, and a
// member named through it no longer compiled; a `#name` printed
// '::apply'). When its call could be taken over by a standard template of
// its name, the unit is compiled as written (purecc-runtime-lookup).
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --input-file=%t.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <vector>

// CHECK-NOT: {{^}}#include <purecc/purecc.h>
// CHECK: {{^}}#define APPLY apply{{$}}
#define APPLY apply
#define SHOW(name) (std::printf("%s\n", #name), name(v, v))
int apply(std::vector<int> &a, const std::vector<int> &b) { return a[0] + b[0]; }
struct K {
  int APPLY(std::vector<int> &a, const std::vector<int> &) { return a[0] * 10; }
};
[[pure]] long sq(long x) { return x * x % 7; }
int main() {
  long t = 0;
  for (long i = 0; i < 30000; ++i)
    t += sq(i);
  std::vector<int> v(2, 3);
  // REMARK: lookup-shield-macro.cpp:[[#@LINE+1]]:{{[0-9]+}}: remark: unit compiled as written, without parallel code: with the standard headers purecc's runtime includes, this call of 'apply' could find 'std::apply' instead, and no qualified name reaches 'apply' [purecc-runtime-lookup]
  std::printf("%ld %d %d\n", t, APPLY(v, v), K{}.apply(v, v));
  std::printf("%d\n", SHOW(apply));
  return 0;
}
// OUT: 59999 6 30
// OUT-NEXT: apply
// OUT-NEXT: 6
