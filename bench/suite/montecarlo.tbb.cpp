// montecarlo.tbb.cpp — hand-written TBB: parallel_reduce over a 2-D range
// (parameters x walks), so TBB can split along both.
#define PURECC_SUITE_VARIANT
#include "montecarlo.cpp"

#include <oneapi/tbb/blocked_range2d.h>
#include <oneapi/tbb/parallel_reduce.h>

#include "suite_tbb.h"

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  long walks = suite::size_arg(argc, argv, 100000);
  suite::timer t;
  using range = oneapi::tbb::blocked_range2d<int, long>;
  long total = oneapi::tbb::parallel_reduce(
      range(0, kParams, 1, 0, walks, 1024), 0L,
      [](const range& r, long acc) {
        for (int p = r.rows().begin(); p < r.rows().end(); ++p)
          for (long s = r.cols().begin(); s < r.cols().end(); ++s)
            acc += ends_high(p, s) ? p + 1 : 0;
        return acc;
      },
      [](long x, long y) { return x + y; });
  suite::report(total, t);
}
