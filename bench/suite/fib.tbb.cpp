// fib.tbb.cpp — hand-written TBB fib: task_group down to the same cutoff as
// the OpenMP variant, the serial fib below it.
#define PURECC_SUITE_VARIANT
#include "fib.cpp"

#include <oneapi/tbb/task_group.h>

#include "suite_tbb.h"

namespace {

constexpr int kSerialLevels = 12;

long fib_tbb(int n, int cutoff) {
  if (n < cutoff) return fib(n);
  long a, b;
  oneapi::tbb::task_group g;
  g.run([&] { a = fib_tbb(n - 1, cutoff); });
  b = fib_tbb(n - 2, cutoff);
  g.wait();
  return a + b;
}

}  // namespace

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  int n = static_cast<int>(suite::size_arg(argc, argv, 40));
  suite::timer t;
  long r = fib_tbb(n, n - kSerialLevels);
  suite::report(r, t);
}
