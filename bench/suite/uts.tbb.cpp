// uts.tbb.cpp — hand-written TBB UTS: parallel_reduce over the root's
// children (TBB's work stealing splits the range as threads go idle), and
// task_group over the children of nodes down to the same depth as OpenMP.
#define PURECC_SUITE_VARIANT
#include "uts.cpp"

#include <atomic>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/task_group.h>

#include "suite_tbb.h"

namespace {

constexpr int kTaskDepth = 2;

long subtree_tbb(std::uint64_t id, int depth) {
  if (depth >= kTaskDepth) return subtree(id);
  std::atomic<long> nodes{1};
  oneapi::tbb::task_group g;
  int n = children(id);
  for (int i = 0; i < n; ++i)
    g.run([&, i] { nodes += subtree_tbb(child_id(id, i), depth + 1); });
  g.wait();
  return nodes.load();
}

}  // namespace

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  long b0 = suite::size_arg(argc, argv, 100000);
  suite::timer t;
  long r = 1 + oneapi::tbb::parallel_reduce(
                   oneapi::tbb::blocked_range<long>(0, b0), 0L,
                   [](const oneapi::tbb::blocked_range<long>& range, long acc) {
                     for (long i = range.begin(); i < range.end(); ++i)
                       acc += subtree_tbb(child_id(0, static_cast<int>(i)), 1);
                     return acc;
                   },
                   [](long x, long y) { return x + y; });
  suite::report(r, t);
}
