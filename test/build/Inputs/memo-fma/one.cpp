// adv44 t01: g++ contracts 'a * b + c' into an FMA at -O2 with -mfma, not
// at -O1: the same text computes another value.
#include <cstdio>
[[pure]] double kern(double a, double b, double c) { return a * b + c; }
[[pure, purecc::memo]] double integral(int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double e = 0x1p-30 * (1 + i % 7);
    s += kern(1.0 + e, 1.0 - e, -1.0);
  }
  return s;
}
int main() { std::printf("%a\n", integral(300000)); }
