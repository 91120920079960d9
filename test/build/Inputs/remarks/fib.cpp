// The remarks the launcher prints with PURECC_REMARKS=1, and that
// `purecc check -p <dir> --remarks` prints for the project.
#include <cstdio>

[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: fib.cpp:[[@LINE-1]]:47: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

[[pure]] int twice(int x) { return 2 * x; }

int main() {
  std::printf("%ld %d\n", fib(20), twice(21) + twice(1));
  // CHECK: fib.cpp:[[@LINE-1]]:27: remark: calls to 'fib', 'twice' and 'twice' not parallelized: 'twice' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  return 0;
}
