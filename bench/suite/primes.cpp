// primes.cpp — counts the primes below n (n = 3e6) by trial division: a
// composite usually costs a few divisions, a prime ~sqrt(i)/2, so task costs
// are uneven and grow along the range. The serial original of the suite's
// primes.
#include "suite.h"

[[pure]] bool is_prime(long i) {
  if (i < 2) return false;
  if (i % 2 == 0) return i == 2;
  for (long d = 3; d * d <= i; d += 2)
    if (i % d == 0) return false;
  return true;
}

[[pure]] long count_primes(long n) {
  long count = 0;
  for (long i = 0; i < n; ++i)
    if (is_prime(i)) ++count;
  return count;
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  long n = suite::size_arg(argc, argv, 3'000'000);
  suite::timer t;
  long r = count_primes(n);
  suite::report(r, t);
}
#endif
