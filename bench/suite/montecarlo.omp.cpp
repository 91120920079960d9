// montecarlo.omp.cpp — hand-written OpenMP: the walks of all parameters as
// one collapsed `parallel for reduction(+)` (32 parameters alone would give
// too few, too coarse chunks to balance).
#define PURECC_SUITE_VARIANT
#include "montecarlo.cpp"

int main(int argc, char** argv) {
  long walks = suite::size_arg(argc, argv, 100000);
  suite::timer t;
  long total = 0;
#pragma omp parallel for collapse(2) reduction(+ : total) schedule(static)
  for (int p = 0; p < kParams; ++p)
    for (long s = 0; s < walks; ++s) total += ends_high(p, s) ? p + 1 : 0;
  suite::report(total, t);
}
