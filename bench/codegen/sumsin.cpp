// sumsin.cpp — the sum of sin(i) over 1e8 terms as a user writes it. `purecc
// rewrite` turns the loop into a deterministic tree reduction. Prints
// "<result> <seconds>" (the result to 6 significant digits: the tree order
// differs from the serial order in the last bits).
#include <chrono>
#include <cmath>
#include <cstdio>

[[pure]] double term(long i) { return std::sin(static_cast<double>(i)); }

int main() {
  const long n = 100'000'000;
  auto t0 = std::chrono::steady_clock::now();
  double s = 0;
  for (long i = 0; i < n; ++i)
    s += term(i);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%.6g %.6f\n", s, dt.count());
  return 0;
}
