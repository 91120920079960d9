// A 'thread_local' is another object on each worker thread: a standard
// algorithm whose lambda reads one stays serial, as a loop body or a
// sibling call's argument that reads one does (adv37 t06: the workers read
// the initial value, and the results changed from run to run).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK-DAG: algorithm-thread-local.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] double cost(long x) {
  double s = 0;
  for (int k = 0; k < 300; ++k)
    s += (double)((x * 31 + k) % 17);
  return s;
}
thread_local long tl = 1;

int main(int argc, char **) {
  tl = 4 + argc;
  long n = 3000 + argc;
  std::vector<long> v(n);
  std::iota(v.begin(), v.end(), 0L);
  long t = std::transform_reduce(v.begin(), v.end(), 0L, std::plus<>(),
                                 [](long x) { return fib(x % 7 + 10) * tl; });
  // CHECK-DAG: algorithm-thread-local.cpp:[[@LINE-2]]:12: remark: call to 'std::transform_reduce' not parallelized: the transformation uses 'tl', which is 'thread_local' (each thread has its own) [purecc-missed-algorithm]
  long c = std::count_if(v.begin(), v.end(), [](long x) { return (fib(x % 7 + 10) + tl) % 3 == 0; });
  // CHECK-DAG: algorithm-thread-local.cpp:[[@LINE-1]]:12: remark: call to 'std::count_if' not parallelized: the predicate uses 'tl', which is 'thread_local' (each thread has its own) [purecc-missed-algorithm]
  std::vector<long> w(n);
  std::transform(v.begin(), v.end(), w.begin(), [](long x) { return fib(x % 7 + 10) + tl; });
  // CHECK-DAG: algorithm-thread-local.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' not parallelized: the function applied uses 'tl', which is 'thread_local' (each thread has its own) [purecc-missed-algorithm]
  long h = 0;
  for (long x : w)
    h = h * 31 + x;
  auto it = std::min_element(v.begin(), v.end(), [](long a, long b) {
    return cost(a) + (double)(a % 7 == tl) * -100 < cost(b) + (double)(b % 7 == tl) * -100;
    // CHECK-DAG: algorithm-thread-local.cpp:[[@LINE-1]]:12: remark: calls to 'cost' and 'cost' run in parallel [purecc-parallel-calls]
  });
  // CHECK-DAG: algorithm-thread-local.cpp:[[@LINE-4]]:13: remark: call to 'std::min_element' not parallelized: the comparator uses 'tl', which is 'thread_local' (each thread has its own) [purecc-missed-algorithm]
  std::printf("%ld %ld %ld %ld\n", t, c, h, (long)(it - v.begin()));
}
// OUT: 5343790 857 7149572078200512451 68
