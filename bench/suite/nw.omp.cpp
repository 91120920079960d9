// nw.omp.cpp — hand-written OpenMP: `parallel for reduction(+)` over the
// first sequence of each pair; dynamic schedule because row i has n-i-1
// pairs (a static schedule would leave the last thread little work).
#define PURECC_SUITE_VARIANT
#include "nw.cpp"

int main(int argc, char** argv) {
  std::vector<std::string> seqs = make_sequences(suite::size_arg(argc, argv, 100));
  suite::timer t;
  long total = 0;
  long n = static_cast<long>(seqs.size());
#pragma omp parallel for reduction(+ : total) schedule(dynamic, 1)
  for (long i = 0; i < n; ++i)
    for (long j = i + 1; j < n; ++j) total += align(seqs[i], seqs[j]);
  suite::report(total, t);
}
