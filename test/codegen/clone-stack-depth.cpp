// A linear recursion whose sibling call is a short task finds an idle
// worker at every level, and its parallel path costs far more stack per
// level than the serial code (the lambdas, parallel_invoke's frame, the
// task machinery). Once a thread has used a sixteenth of its stack, the
// fast clone's test sends it to the serial copy, which has the rest: depth
// 100000 ran out of stack at 2 and 4 threads before (adv34 t03; from
// about 10000 on), and the serial program fits it several times over.
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=RW < %t.rw.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long n) {
  long h = n;
  for (int k = 0; k < 50; ++k)
    h = (h * 31 + k) % 1000003;
  return h;
}
[[pure]] long chain(long n) {
  if (n == 0)
    return 0;
  return chain(n - 1) % 1000003 + work(n);
  // CHECK: clone-stack-depth.cpp:[[@LINE-1]]:10: remark: calls to 'chain' and 'work' run in parallel [purecc-parallel-calls]
  // RW: long chain(long n) { if (!::purecc::should_spawn()) return purecc_serial_chain_{{[0-9]+}}(n);
}

int main(int argc, char **) {
  std::printf("%ld\n", chain(99999 + argc));
}
// OUT: 1138336
