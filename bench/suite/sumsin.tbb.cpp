// sumsin.tbb.cpp — hand-written TBB: parallel_deterministic_reduce with a
// fixed grain, so the split tree (and the result, bit for bit) is the same
// for every thread count, like purecc's parallel_reduce.
#define PURECC_SUITE_VARIANT
#include "sumsin.cpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>

#include "suite_tbb.h"

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  long n = suite::size_arg(argc, argv, 100'000'000);
  suite::timer t;
  double s = oneapi::tbb::parallel_deterministic_reduce(
      oneapi::tbb::blocked_range<long>(0, n, 4096), 0.0,
      [](const oneapi::tbb::blocked_range<long>& r, double acc) {
        for (long i = r.begin(); i < r.end(); ++i) acc += std::sin(static_cast<double>(i));
        return acc;
      },
      [](double a, double b) { return a + b; });
  suite::report(s, t);
}
