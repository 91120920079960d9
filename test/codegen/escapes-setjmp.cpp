// A `longjmp` arrives at its `setjmp` again from code after it, as a `goto`
// arrives at a label: an address that escapes after a loop may be in use
// when the loop runs again (adv49 t64: `g_p = hist.data(); longjmp(jb, 1);`
// after the histogram, whose second run read `g_p[0]`, was rewritten and
// printed another histogram). In a function that calls `setjmp`, every
// escape counts, wherever it is written.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <csetjmp>
#include <cstdio>
#include <vector>

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}

const long *g_p = nullptr;
std::jmp_buf jb;

int main() {
  std::vector<long> hist(16, 0);
  static int round = 0;
  if (setjmp(jb) != 0)
    round = 1;
  const long *q = g_p;
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + (q ? q[0] : 0)) % 16];
  // REMARK: escapes-setjmp.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  for (long x : hist)
    std::printf("%ld ", x);
  std::printf("\n");
  if (round == 0) {
    g_p = hist.data();
    std::longjmp(jb, 1);
  }
  return 0;
}
// OUT: 1252 1250 1250 1249 1249 1250 1250 1251 1250 1251 1250 1249 1249 1249 1251 1250
// OUT-NEXT: 1796 3206 1316 3681 1383 3616 1453 3549 1521 3480 1588 3410 1656 3343 1727 3275
