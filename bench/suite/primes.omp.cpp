// primes.omp.cpp — hand-written OpenMP: `parallel for reduction(+)` with a
// dynamic schedule of 4096-number chunks (costs grow along the range).
#define PURECC_SUITE_VARIANT
#include "primes.cpp"

int main(int argc, char** argv) {
  long n = suite::size_arg(argc, argv, 3'000'000);
  suite::timer t;
  long count = 0;
#pragma omp parallel for reduction(+ : count) schedule(dynamic, 4096)
  for (long i = 0; i < n; ++i)
    if (is_prime(i)) ++count;
  suite::report(count, t);
}
