// uts.omp.cpp — hand-written OpenMP UTS: a task per child down to a tuned
// depth (the root's children and their children), the serial search below.
// Subtrees are so uneven that a deeper cutoff only adds overhead and a
// shallower one leaves a thread idle behind one huge subtree.
#define PURECC_SUITE_VARIANT
#include "uts.cpp"

namespace {

constexpr int kTaskDepth = 2;

long subtree_omp(std::uint64_t id, int depth) {
  if (depth >= kTaskDepth) return subtree(id);
  long nodes = 1;
  int n = children(id);
  for (int i = 0; i < n; ++i) {
#pragma omp task shared(nodes)
    {
      long s = subtree_omp(child_id(id, i), depth + 1);
#pragma omp atomic
      nodes += s;
    }
  }
#pragma omp taskwait
  return nodes;
}

}  // namespace

int main(int argc, char** argv) {
  long b0 = suite::size_arg(argc, argv, 100000);
  suite::timer t;
  long r = 1;
#pragma omp parallel
#pragma omp single
  {
    for (long i = 0; i < b0; ++i) {
#pragma omp task shared(r)
      {
        long s = subtree_omp(child_id(0, static_cast<int>(i)), 1);
#pragma omp atomic
        r += s;
      }
    }
#pragma omp taskwait
  }
  suite::report(r, t);
}
