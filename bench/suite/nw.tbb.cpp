// nw.tbb.cpp — hand-written TBB: parallel_reduce over the first sequence of
// each pair (grain 1: rows are uneven, TBB's auto partitioner balances them).
#define PURECC_SUITE_VARIANT
#include "nw.cpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>

#include "suite_tbb.h"

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  std::vector<std::string> seqs = make_sequences(suite::size_arg(argc, argv, 100));
  suite::timer t;
  std::size_t n = seqs.size();
  long total = oneapi::tbb::parallel_reduce(
      oneapi::tbb::blocked_range<std::size_t>(0, n, 1), 0L,
      [&](const oneapi::tbb::blocked_range<std::size_t>& r, long acc) {
        for (std::size_t i = r.begin(); i < r.end(); ++i)
          for (std::size_t j = i + 1; j < n; ++j) acc += align(seqs[i], seqs[j]);
        return acc;
      },
      [](long x, long y) { return x + y; });
  suite::report(total, t);
}
