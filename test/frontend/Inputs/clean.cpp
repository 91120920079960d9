// A small correct program with pure functions: every step of the pipeline
// has work to do on it (internal-error.test injects faults into them).
#include <cstdio>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main() {
  std::printf("%ld\n", fib(20));
  return 0;
}
