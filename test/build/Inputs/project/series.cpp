// Three pure functions, one of which breaks the rules.
#include "series.h"

long evaluations = 0;

[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

[[pure]] long sum_to(int n) {
  long s = 0;
  for (int i = 1; i <= n; ++i)
    s += i;
  return s;
}

[[pure]] long counted(int n) {
  // CHECK: series.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}[purecc-global-write]
  evaluations += 1;
  return n;
}
