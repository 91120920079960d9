// integral() is memoized; the functions it calls are defined in other files.
#include <cstdio>

[[pure]] double kernel(double x); // kernel.cpp

[[pure, purecc::memo]] double integral(int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += kernel(double(i) / n) / n;
  return s;
}

#ifndef MEMO_LINK_LIBRARY // built into libcalc.so, app.cpp has the main
int main() { std::printf("integral = %.5f\n", integral(1000)); }
#endif
