// main.cpp under a pragma g++ applies to every function after it.
#include <cstdio>
#pragma GCC optimize("fast-math")

[[pure, purecc::memo]] double m1(double x) { return (x + 1e16) - 1e16; }
[[pure, purecc::memo]] double m2(double x) { return x / 3.0; }
[[pure, purecc::memo]] double m3(double x) { return x * 0.0; }

int main(int argc, char **) {
  std::printf("%.17g %.17g %.17g\n", m1(1.0 * argc), m2(10.0 * argc), m3(-1.0 * argc));
  return 0;
}
