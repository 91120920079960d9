// nest.cpp — a 4000 x 4000 nest of a cheap pure cell(i, j) (a few ns) whose
// inner loop adds into the outer accumulator, as issue 12 reported it: with
// only the inner loop rewritten, 4000 small reductions ran one after another
// (2x slower than serial with libgomp). purecc rewrites the outer loop: one
// reduction over the nest. Prints "<result> <seconds>".
#include <chrono>
#include <cstdio>

[[pure]] double cell(long i, long j) { return static_cast<double>((i * 31 + j * 17) % 1009) * 1e-3; }

int main() {
  auto t0 = std::chrono::steady_clock::now();
  double total = 0;
  for (long i = 0; i < 4000; ++i)
    for (long j = 0; j < 4000; ++j)
      total += cell(i, j);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%.6g %.6f\n", total, dt.count());
  return 0;
}
