// The runtime's headers raise no warning in the user's build: a global of
// the user's named like a local or parameter of the runtime ('f', 'b',
// 'size') is shadowed there, which g++'s -Wshadow reported, failing a
// -Werror build (hdr22). The headers are marked as a library's
// ('#pragma GCC system_header'); purecc's own targets define
// PURECC_RUNTIME_OWN_WARNINGS to keep seeing their warnings.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

long f = 1, b = 2, p = 3, j = 4, g = 5, size = 6, l = 7, c = 8, n = 9, t = 10;
long x = 11, lo = 12, hi = 13, mid = 14, first = 15, last = 16, rank = 17;
long result = 18, value = 19, task = 20, count = 21, args = 22, e = 23;
long r = 24, s = 25, v = 26, w = 27, y = 28, z = 29, d = 30, h = 31, m = 32;

[[pure]] long fib(long q) { return q < 2 ? q : fib(q - 1) + fib(q - 2); }
// CHECK: shadow-free-globals.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
[[pure]] double half(long q) { return (double)fib(q % 20) / 2; }
[[pure]] long scaled(long q) { return fib(q % 18) * q; }
[[pure]] [[purecc::memo]] long memo_fib(long q) { return fib(q); }

int main(int argc, char **) {
  long k = 20 + argc;
  long both = fib(k) + fib(k + 1);
  // CHECK: shadow-free-globals.cpp:[[@LINE-1]]:15: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  double total = 0;
  for (long i = 0; i < 2000; ++i)
    total += half(i);
  // CHECK: shadow-free-globals.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'total' [purecc-reduction]
  std::vector<long> out(1000);
  for (long i = 0; i < 1000; ++i)
    out[i] = scaled(i);
  // CHECK: shadow-free-globals.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  long sum = 0;
  for (long o : out)
    sum += o;
  // CHECK: shadow-free-globals.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'sum' [purecc-reduction]
  long memoized = memo_fib(k) + memo_fib(k);
  // CHECK: shadow-free-globals.cpp:[[@LINE-1]]:19: remark: calls to 'memo_fib' and 'memo_fib' run in parallel [purecc-parallel-calls]
  // CHECK: shadow-free-globals.cpp:{{[0-9]+}}:32: remark: calls to 'memo_fib' are memoized (fingerprint {{.*}}) [purecc-memo]
  long globals = f + b + p + j + g + size + l + c + n + t + x + lo + hi + mid + first + last +
                 rank + result + value + task + count + args + e + r + s + v + w + y + z + d +
                 h + m;
  std::printf("%ld %g %ld %ld %ld\n", both, total, sum, memoized, globals);
  // OUT: 28657 547250 115356449 21892 528
}
