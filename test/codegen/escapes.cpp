// An address escapes only if it can be used while the calls run: in `main`
// (not pure), an impure call next to the calls may write a local only
// through an address that escaped before the statement, or anywhere in a
// loop around it (an earlier iteration).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long x) {
  long s = 0;
  for (long i = 0; i < x; ++i)
    s += i % 7;
  return s;
}
// REMARK: escapes.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]

void keep(long *p) { std::printf("kept %ld\n", *p); }
int note() { return std::printf("."); }

int main() {
  long a = 1000;
  // CHECK: {{^}}  auto [purecc_r1, purecc_r2] = ::purecc::parallel_invoke([&] { return work(a); }, [&] { return work(a + 1); }); std::printf("%ld %ld %d\n", purecc_r1, purecc_r2, note());
  std::printf("%ld %ld %d\n", work(a), work(a + 1), note());
  // REMARK: escapes.cpp:[[@LINE-1]]:31: remark: calls to 'work' and 'work' run in parallel [purecc-parallel-calls]
  keep(&a);
  long b = 2000;
  for (int k = 0; k < 2; ++k) {
    // REMARK: escapes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'printf' performs I/O [purecc-missed-map]
    // CHECK: {{^}}    std::printf("%ld %ld %d\n", work(b), work(b + 1), note());
    std::printf("%ld %ld %d\n", work(b), work(b + 1), note());
    // REMARK: escapes.cpp:[[@LINE-1]]:33: remark: calls to 'work' and 'work' not parallelized: 'note' may write 'b', whose address escapes [purecc-missed-parallel-calls]
    keep(&b);
  }
  long c = 3000;
  long *pc = &c;
  // CHECK: {{^}}  std::printf("%ld %ld %d\n", work(c), work(c + 1), note());
  std::printf("%ld %ld %d\n", work(c), work(c + 1), note());
  // REMARK: escapes.cpp:[[@LINE-1]]:31: remark: calls to 'work' and 'work' not parallelized: 'note' may write 'c', whose address escapes [purecc-missed-parallel-calls]
  // The call around them runs only once they have returned: whatever
  // 'printf' writes, they have read 'c' before (user49 f02).
  // CHECK: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return work(c); }, [&] { return work(c + 2); }); std::printf("%ld %ld\n", purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}});
  std::printf("%ld %ld\n", work(c), work(c + 2));
  // REMARK: escapes.cpp:[[@LINE-1]]:28: remark: calls to 'work' and 'work' run in parallel [purecc-parallel-calls]
  keep(pc);
  return 0;
}
// OUT: .2997 3003 1
// OUT-NEXT: kept 1000
// OUT-NEXT: .5995 6000 1
// OUT-NEXT: kept 2000
// OUT-NEXT: .5995 6000 1
// OUT-NEXT: kept 2000
// OUT-NEXT: .8994 8998 1
// OUT-NEXT: 8994 9003
// OUT-NEXT: kept 3000
