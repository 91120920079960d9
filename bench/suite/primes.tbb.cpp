// primes.tbb.cpp — hand-written TBB: parallel_reduce over the numbers with
// the auto partitioner (which splits further where work remains).
#define PURECC_SUITE_VARIANT
#include "primes.cpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>

#include "suite_tbb.h"

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  long n = suite::size_arg(argc, argv, 3'000'000);
  suite::timer t;
  long count = oneapi::tbb::parallel_reduce(
      oneapi::tbb::blocked_range<long>(0, n, 1024), 0L,
      [](const oneapi::tbb::blocked_range<long>& r, long acc) {
        for (long i = r.begin(); i < r.end(); ++i)
          if (is_prime(i)) ++acc;
        return acc;
      },
      [](long x, long y) { return x + y; });
  suite::report(count, t);
}
