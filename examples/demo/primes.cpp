// The demo program: plain serial C++ with [[pure]] annotations. purecc turns
// the independent recursive calls and the loops into parallel work, and keeps
// the result of the [[purecc::memo]] function in its on-disk cache, so that a
// second run skips that work.
#include <algorithm>
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

[[pure]] long collatz_length(long n) {
  long length = 1;
  for (; n != 1; ++length)
    n = n % 2 ? 3 * n + 1 : n / 2;
  return length;
}

// Slow enough that its result is worth keeping across runs.
[[pure, purecc::memo]] long longest_collatz_below(long limit) {
  long best = 0;
  for (long i = 1; i < limit; ++i)
    best = std::max(best, collatz_length(i));
  return best;
}

int main() {
  long primes = 0;
  for (long i = 0; i < 2000000; ++i)
    if (is_prime(i))
      ++primes;
  std::printf("primes below 2000000: %ld\n", primes);
  std::printf("ways(36) = %ld\n", ways(36));
  std::printf("longest Collatz chain below 3000000: %ld\n", longest_collatz_below(3000000));
}
