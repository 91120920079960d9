// Parallel calls, a reduction and a memoized function: everything that
// makes the generated code include purecc's runtime.
#include <cstdio>

[[pure]] long fib(int n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
}

[[pure]] long sum_squares(int n) {
  long s = 0;
  for (int i = 0; i < n; ++i)
    s += static_cast<long>(i) * i;
  return s;
}

[[pure]] [[purecc::memo]] long steps(long x) {
  long k = 0;
  while (x != 1) {
    x = x % 2 == 0 ? x / 2 : 3 * x + 1;
    ++k;
  }
  return k;
}

int main() { std::printf("%ld %ld %ld\n", fib(24), sum_squares(1000), steps(27)); }
