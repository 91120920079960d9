// The demo program: plain serial C++ with [[pure]] annotations. purecc turns
// the independent recursive calls and the counting loop into parallel work.
#include <cstdio>

// Number of ways to climb n stairs taking 1 or 2 steps (a fib-style recursion).
[[pure]] long ways(int n) {
  if (n < 2)
    return 1;
  return ways(n - 1) + ways(n - 2);
}

[[pure]] bool is_prime(long n) {
  if (n < 2)
    return false;
  for (long d = 2; d * d <= n; ++d)
    if (n % d == 0)
      return false;
  return true;
}

int main() {
  long primes = 0;
  for (long i = 0; i < 2000000; ++i)
    if (is_prime(i))
      ++primes;
  std::printf("primes below 2000000: %ld\n", primes);
  std::printf("ways(36) = %ld\n", ways(36));
}
