// A small correct program with pure functions: launcher-fault.test injects
// faults into purecc while it rewrites this file.
#include <cstdio>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main() {
  std::printf("%ld\n", fib(20));
  return 0;
}
