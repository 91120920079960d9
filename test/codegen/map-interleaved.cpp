// Interleaved stores, `c[3 * i] = ...; c[3 * i + 1] = ...; c[3 * i + 2] =
// ...` (xyz triples in one flat array, as physics codes store positions):
// with one constant factor K and constant offsets that span less than K,
// each iteration writes elements of its own, so the loop is a map (user49
// f16, where it was "the elements of 'c' are written at different
// indexes, which different iterations may share"). The product must not
// wrap onto another iteration's element: a signed product, an unsigned one
// of a narrower counter, or a 64-bit unsigned one of a counter counting by
// one (`std::size_t i`), whose iterations meet only in an array larger than
// any address space. Offsets that reach the next iteration's elements, two
// factors, and a 32-bit unsigned product stay serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstddef>
#include <cstdio>
#include <vector>

[[pure]] double f(long i, int axis) {
  double s = 0;
  for (int k = 0; k < 80; ++k)
    s += double((i * 7 + axis * 13 + k) % 17) * 0.125;
  return s;
}

double digest(const std::vector<double> &v) {
  double d = 0;
  for (double x : v)
    d = d * 0.75 + x;
  return d;
}

int main(int argc, char **) {
  const long n = 6000 + argc;
  std::vector<double> c(3 * n);
  for (long i = 0; i < n; ++i) {
    c[3 * i] = f(i, 0);
    c[3 * i + 1] = f(i, 1);
    c[3 * i + 2] = f(i, 2);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel map over 'c' [purecc-parallel-map]
  std::printf("xyz %.17g\n", digest(c));
  // OUT: xyz 321.48143550546945

  // Written the other way round, offsets around 0, and a store read back.
  std::vector<double> d(4 * n + 1);
  for (long i = 0; i < n; ++i) {
    d[1 + i * 4] = f(i, 0);
    d[4 * i + 2] = f(i, 1) + d[1 + i * 4];
    d[(4 * i) + 3] = f(i, 2);
    d[4 * i + 4] = f(i, 3);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel map over 'd' [purecc-parallel-map]
  std::printf("quads %.17g\n", digest(d));
  // OUT-NEXT: quads 385.29126988532784

  // std::size_t counters: a 64-bit unsigned product of a counter counting
  // by one, and an 'int' counter widened to std::size_t.
  const std::size_t m = static_cast<std::size_t>(n);
  std::vector<double> e(2 * m);
  for (std::size_t i = 0; i < m; ++i) {
    e[2 * i] = f(long(i), 0);
    e[2 * i + 1] = f(long(i), 1);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'e' [purecc-parallel-map]
  std::vector<double> g(3 * m);
  for (int i = 0; i < int(m); ++i) {
    g[3 * static_cast<std::size_t>(i)] = f(i, 0);
    g[3 * static_cast<std::size_t>(i) + 2] = f(i, 2);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]
  std::vector<double> odd(2 * m);
  for (std::size_t i = 0; i < m; ++i)
    odd[2 * i + 1] = f(long(i), 3);
  // REMARK: map-interleaved.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'odd' [purecc-parallel-map]
  std::printf("unsigned %.17g %.17g %.17g\n", digest(e), digest(g), digest(odd));
  // OUT-NEXT: unsigned 322.43128236850629 216.20401339982681 180.8415418689878

  // Serial: an offset that reaches the next iteration's first element,
  // two factors, and a 32-bit unsigned product that wraps around.
  std::vector<double> h(3 * n + 3);
  for (long i = 0; i < n; ++i) {
    h[3 * i] = f(i, 0);
    h[3 * i + 3] = f(i, 1);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the elements of 'h' are written at different indexes, which different iterations may share [purecc-missed-map]
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:16: remark: calls to 'f' and 'f' not parallelized: the result of 'f' is stored into 'h[3 * i]', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  std::vector<double> k(4 * n);
  for (long i = 0; i < n; ++i) {
    k[2 * i] = f(i, 0);
    k[4 * i + 1] = f(i, 1);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the elements of 'k' are written at different indexes, which different iterations may share [purecc-missed-map]
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:16: remark: calls to 'f' and 'f' not parallelized: the result of 'f' is stored into 'k[2 * i]', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  std::vector<double> u(3 * m);
  for (unsigned i = 0; i < unsigned(m); ++i) {
    u[3 * i] = f(i, 0);
    u[3 * i + 1] = f(i, 1);
  }
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the elements of 'u' are written at different indexes, which different iterations may share [purecc-missed-map]
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:16: remark: calls to 'f' and 'f' not parallelized: the result of 'f' is stored into 'u[3 * i]', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  // Reading the next iteration's element.
  std::vector<double> r(3 * n + 3);
  for (long i = 0; i < n; ++i) {
    r[3 * i] = f(i, 0);
    r[3 * i + 1] = f(i, 1) + r[3 * i + 3];
  }
  // REMARK: map-interleaved.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop body reads 'r[3 * i + 3]', an element of 'r' that another iteration may write [purecc-missed-map]
  std::printf("serial %.17g %.17g %.17g %.17g\n", digest(h), digest(k), digest(u), digest(r));
  // OUT-NEXT: serial 79.801741293724405 67.089202054871166 183.60377183891532 77.457841244542394
}
