// Code under `#ifdef _OPENMP`: the serial build and purecc's parallel
// build (-fopenmp) would run different code.
#include <cstdio>
[[pure]] long work(long i) {
  long x = i;
  for (long k = 0; k < 300; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}
int main() {
#ifdef _OPENMP
  std::printf("built with OpenMP\n");
#else
  std::printf("built without OpenMP\n");
#endif
  long s = 0;
  for (long i = 0; i < 2000; ++i)
    s += work(i);
  std::printf("%ld\n", s);
  return 0;
}
