// `getcontext` returns again when a later `setcontext` resumes it, as
// `setjmp` does on a `longjmp`: an address that escapes after the loop may
// be in use when the loop runs again, so every escape in the function
// counts (adv50 t89: `g_p = hist.data(); setcontext(&uc);` after the
// histogram, whose second run read `g_p[0]`, was rewritten and printed
// another histogram).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <ucontext.h>
#include <vector>

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}

const long *g_p = nullptr;
ucontext_t uc;

int main() {
  std::vector<long> hist(16, 0);
  static volatile int round = 0;
  getcontext(&uc);
  const long *q = g_p;
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + (q ? q[0] : 0)) % 16];
  // REMARK: escapes-getcontext.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  for (long x : hist)
    std::printf("%ld ", x);
  std::printf("\n");
  if (round == 0) {
    round = 1;
    g_p = hist.data();
    setcontext(&uc);
  }
  return 0;
}
// OUT: 1252 1250 1250 1249 1249 1250 1250 1251 1250 1251 1250 1249 1249 1249 1251 1250
// OUT-NEXT: 1796 3206 1316 3681 1383 3616 1453 3549 1521 3480 1588 3410 1656 3343 1727 3275
