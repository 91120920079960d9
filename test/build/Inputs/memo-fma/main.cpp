// adv44 t02: 'kern' is defined in kern.cpp, which alone is rebuilt with
// -mfma.
#include <cstdio>
[[pure]] double kern(double a, double b, double c);
[[pure, purecc::memo]] double integral(int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double e = 0x1p-30 * (1 + i % 7);
    s += kern(1.0 + e, 1.0 - e, -1.0);
  }
  return s;
}
int main() { std::printf("%a\n", integral(300000)); }
