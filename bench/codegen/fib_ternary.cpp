// fib_ternary.cpp — fib(40) written the way most people write it: one
// `?:`. purecc parallelizes the calls inside the taken branch (and keeps
// the serial clone); run.sh compares it with fib.cpp's if/return form.
// Prints "<result> <seconds>".
#include <chrono>
#include <cstdio>
#include <cstdlib>

[[pure]] int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main() {
  int n = std::getenv("FIB_N") ? std::atoi(std::getenv("FIB_N")) : 40;
  auto t0 = std::chrono::steady_clock::now();
  int r = fib(n);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%d %.6f\n", r, dt.count());
  return 0;
}
