// `extern long g;` inside a function declares the global a second time; the
// code around names it by its first declaration. Code that uses the second
// one is taken as impure, so a loop or sibling calls around it stay serial
// (adv63 t103, t104: its writes were a local's, and the loop summed and the
// calls read another value).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// (The sibling calls' remark comes before the loop's: CHECK-DAG.)
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

long g_cnt = 0;
long g_val = 1;

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 300000; ++k)
    s += (d * k) % 7;
  // CHECK: local-extern-declarations.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main(int argc, char **) {
  long s = 0;
  for (long i = 0; i < 200; ++i) {
    extern long g_cnt;
    s += work(i);
    g_cnt = g_cnt * 3 + i;
  }
  // CHECK-DAG: local-extern-declarations.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'g_cnt' is written inside the loop body [purecc-missed-reduction]
  long a = work(argc);
  {
    extern long g_val;
    g_val = 5;
  }
  long b = work(g_val);
  // CHECK-DAG: local-extern-declarations.cpp:[[@LINE-1]]:12: remark: calls to 'work' and 'work' not parallelized: the statement on line [[@LINE-5]] between them is not known to be pure: it may write what the call to 'work' reads [purecc-missed-parallel-calls]
  std::printf("%ld %ld %ld %ld\n", s, g_cnt, a, b);
}
// OUT: {{^[0-9]+ -?[0-9]+ [0-9]+ [0-9]+$}}
