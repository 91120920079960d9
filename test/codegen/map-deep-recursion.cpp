// A program that raises its own stack limit (the usual setrlimit idiom for
// deep recursion), then maps a pure recursion about 60 MB deep: the serial
// program's main thread grows into the new limit, and so must the map's
// workers (adv58 t42: they got glibc's start-up default, 8 MiB, and the
// g++ build died of SIGSEGV at 2 and 4 threads; purecc/worker_stack.h).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=300 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <sys/resource.h>
#include <vector>

// Not a tail call: each level adds to what the next returns.
[[pure]] long walk(const std::vector<int> &next, int v, long depth) {
  if (v < 0)
    return depth;
  return (long)v * 31 % 7 + walk(next, next[v], depth + 1);
}

int main() {
  rlimit rl{};
  getrlimit(RLIMIT_STACK, &rl);
  const rlim_t want = rlim_t{512} << 20;
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) {
    std::printf("the hard stack limit is too low to test here\n");
    return 0;
  }
  rl.rlim_cur = want;
  setrlimit(RLIMIT_STACK, &rl);
  const int n = 2000000;
  std::vector<int> next(n);
  for (int i = 0; i < n; ++i)
    next[i] = i + 1 < n ? i + 1 : -1;
  // CHECK: map-deep-recursion.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'next' [purecc-parallel-map]
  std::vector<long> res(8);
  for (int q = 0; q < 8; ++q)
    res[q] = walk(next, q * 100000, 0);
  // CHECK: map-deep-recursion.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'res' [purecc-parallel-map]
  long s = 0;
  for (long r : res)
    s += r;
  // CHECK: map-deep-recursion.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("%ld\n", s);
  // OUT: {{^[0-9]+$}}
}
