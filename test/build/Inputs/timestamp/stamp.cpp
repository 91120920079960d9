// Prints a sum the launcher rewrites and the source's modification time.
#include <cstdio>

[[pure]] long f(long x) {
  long r = 0;
  for (long k = 0; k < 300; ++k)
    r += (x + k) % 7;
  return r + x;
}

int main() {
  long s = 0;
  for (long i = 0; i < 3000; ++i)
    s += f(i);
  std::printf("%ld %s\n", s, __TIMESTAMP__);
}
