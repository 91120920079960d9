// matprod.cpp — the product, in order, of 2e7 4x4 rotation matrices made by
// a pure function: a reduction whose combine is a user's operator that is
// associative but not commutative, marked [[purecc::associative]]
// (docs/codegen.md, "ordered-reduction"). Written as people write it:
// `P = P * turn(i)` with P starting at a matrix that is not the identity.
// Prints "<result> <seconds>": the sum of P's entries (the tree rounds
// differently from the serial loop in the last bits; run.sh compares 6
// significant digits), then the time.
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

struct Mat4 {
  std::array<double, 16> m;
};

[[purecc::associative]] Mat4 operator*(const Mat4 &a, const Mat4 &b) {
  Mat4 c{};
  for (int r = 0; r < 4; ++r)
    for (int k = 0; k < 4; ++k)
      for (int col = 0; col < 4; ++col)
        c.m[r * 4 + col] += a.m[r * 4 + k] * b.m[k * 4 + col];
  return c;
}

// A rotation by a small angle in one of the six coordinate planes.
[[pure]] Mat4 turn(long i) {
  Mat4 t{};
  for (int d = 0; d < 4; ++d)
    t.m[d * 5] = 1.0;
  int p = static_cast<int>(i % 4), q = static_cast<int>((i / 4 + 1 + i % 4) % 4);
  if (p == q)
    q = (q + 1) % 4;
  double a = 1e-3 * static_cast<double>(i % 997) - 0.3;
  double c = std::cos(a), s = std::sin(a);
  t.m[p * 5] = c;
  t.m[q * 5] = c;
  t.m[p * 4 + q] = -s;
  t.m[q * 4 + p] = s;
  return t;
}

// The start: a scaling and a shear, not the identity.
[[pure]] Mat4 start() {
  Mat4 s{};
  for (int d = 0; d < 4; ++d)
    s.m[d * 5] = 2.0;
  s.m[1] = 0.5;
  return s;
}

[[pure]] double total(const Mat4 &a) {
  double sum = 0;
  for (double x : a.m)
    sum += x;
  return sum;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 20'000'000;
  auto t0 = std::chrono::steady_clock::now();
  Mat4 P = start();
  for (long i = 0; i < n; ++i)
    P = P * turn(i);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%.9f %.6f\n", total(P), dt.count());
  return 0;
}
