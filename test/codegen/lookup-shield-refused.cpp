// A call that the runtime's standard headers could take over and that no
// qualified name reaches (a hidden friend named like std::apply, called
// with a non-const argument, loses to std::apply once <tuple> is in: adv91
// F5): the unit is compiled as written, with a remark at the call, and
// prints what it printed (LookupShield.h, purecc-runtime-lookup).
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --input-file=%t.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <vector>

struct Box {
  std::vector<int> v;
  friend void apply(const Box &b, std::vector<int> &w) { std::printf("friend %d\n", b.v[0] + w[0]); }
};
[[pure]] long sq(long x) { return x * x % 7; }
// CHECK-NOT: {{^}}#include <purecc/purecc.h>
// CHECK: {{^}}long par_sum() { long t = 0; for (long i = 0; i < 30000; ++i) t += sq(i); return t; }{{$}}
long par_sum() { long t = 0; for (long i = 0; i < 30000; ++i) t += sq(i); return t; }
int main() {
  std::printf("%ld\n", par_sum());
  Box box{{7}};
  std::vector<int> w(2, 1);
  // REMARK: lookup-shield-refused.cpp:[[#@LINE+1]]:3: remark: unit compiled as written, without parallel code: with the standard headers purecc's runtime includes, this call of 'apply' could find 'std::apply' instead, and no qualified name reaches 'apply' [purecc-runtime-lookup]
  apply(box, w);
  return 0;
}
// OUT: 59999
// OUT-NEXT: friend 8
