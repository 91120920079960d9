// fib.cpp — fib(40) as a user writes it: plain serial recursion, [[pure]].
// `purecc rewrite` turns the two calls into parallel tasks. Prints
// "<result> <seconds>" (see run.sh).
#include <chrono>
#include <cstdio>
#include <cstdlib>

[[pure]] int fib(int n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
}

int main() {
  int n = std::getenv("FIB_N") ? std::atoi(std::getenv("FIB_N")) : 40;
  auto t0 = std::chrono::steady_clock::now();
  int r = fib(n);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%d %.6f\n", r, dt.count());
  return 0;
}
