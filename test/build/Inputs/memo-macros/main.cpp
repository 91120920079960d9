// A memoized function whose text reads macros: SCALE from the command line,
// and an #ifdef in its body. The same text compiles to other code under
// other -D flags, so it must get another key.
#include <cstdio>

#ifndef SCALE
#define SCALE 5
#endif

[[pure, purecc::memo]] double scaled(int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += (i % 3) * 0.5;
#ifdef DOUBLED
  s *= 2;
#endif
  return s * SCALE;
}

int main() { std::printf("scaled = %g\n", scaled(30000)); }
