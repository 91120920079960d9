// A benchmark whose sizes come from the command line: -DN=... -DT=...
#include <cstdio>

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < T; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

int main() {
  long s = 0;
  for (long i = 0; i < N; ++i)
    s += heavy(i);
  std::printf("%ld\n", s);
  return 0;
}
