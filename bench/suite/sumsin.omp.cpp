// sumsin.omp.cpp — hand-written OpenMP: `parallel for reduction(+)`, static
// schedule. Its result depends on the thread count (the order of additions).
#define PURECC_SUITE_VARIANT
#include "sumsin.cpp"

int main(int argc, char** argv) {
  long n = suite::size_arg(argc, argv, 100'000'000);
  suite::timer t;
  double s = 0;
#pragma omp parallel for reduction(+ : s) schedule(static)
  for (long i = 0; i < n; ++i) s += std::sin(static_cast<double>(i));
  suite::report(s, t);
}
