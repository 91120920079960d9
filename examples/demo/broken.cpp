// A function that claims to be pure but is not: it counts its calls in a
// global. `purecc check` rejects it and explains why.
#include <cstdio>

long g_steps = 0;

void log_step() { ++g_steps; }

[[pure]] long collatz_length(long n) {
  long length = 1;
  while (n != 1) {
    n = n % 2 ? 3 * n + 1 : n / 2;
    log_step();
    ++length;
  }
  return length;
}

int main() { std::printf("%ld\n", collatz_length(27)); }
