// fib.cpp — fib(n) by naive recursion (n = 40): ~1e9 calls of a few ns, the
// hardest case for task overhead. The serial original of the suite's fib.
#include "suite.h"

[[pure]] long fib(int n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 40));
  suite::timer t;
  long r = fib(n);
  suite::report(r, t);
}
#endif
