// fib.omp.cpp — hand-written OpenMP fib: a task per call down to a tuned
// cutoff (the bottom 12 levels run the serial fib), as OpenMP users write it.
#define PURECC_SUITE_VARIANT
#include "fib.cpp"

namespace {

constexpr int kSerialLevels = 12;  // fib(28) ≈ 0.3M calls per leaf task

long fib_omp(int n, int cutoff) {
  if (n < cutoff) return fib(n);
  long a, b;
#pragma omp task shared(a)
  a = fib_omp(n - 1, cutoff);
  b = fib_omp(n - 2, cutoff);
#pragma omp taskwait
  return a + b;
}

}  // namespace

int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 40));
  suite::timer t;
  long r = 0;
#pragma omp parallel
#pragma omp single
  r = fib_omp(n, n - kSerialLevels);
  suite::report(r, t);
}
