// 2-D maps: a loop whose counter picks a row (`out[i]` of a vector of
// vectors or an array of arrays) and whose inner loop writes that row's
// elements. Distinct counters pick distinct rows, each an object of its
// own, so the outer loop is shared and each row is written serially by its
// own iteration (the inner loop is part of the map: no remark of its own).
// A body that reads another row, rows that are pointers (which may share
// storage), and a body that may throw stay serial, saying why.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -I%S/Inputs | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <vector>

#include "digest.h" // digest: an FNV-1a hash of doubles' bits (every bit counts)

// NaN, -0.0, +inf and -inf among ordinary values.
[[pure]] double f(std::size_t i, std::size_t j) {
  if (j % 7 == 3)
    return std::nan("");
  if (j % 11 == 5)
    return -0.0;
  if ((i + j) % 13 == 6)
    return (i % 2 ? 1.0 : -1.0) / 0.0;
  double s = double(i) * 0.25 - double(j);
  for (int k = 0; k < 20; ++k)
    s = s * 0.75 + k;
  return s;
}

[[pure]] double risky(std::size_t i, std::size_t j) {
  if (i > 100000 + j)
    throw std::domain_error("out of range");
  return f(i, j);
}

// m is unsigned: a std::size_t m may be past max_size() (std::length_error,
// which keeps the calling loop serial: speculation-size-limit.cpp).
[[pure]] std::vector<double> row(std::size_t i, unsigned m) {
  std::vector<double> r(m);
  for (std::size_t j = 0; j < m; ++j)
    r[j] = f(i, j) + 1.0;
  // REMARK: map-2d.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'r' [purecc-parallel-map]
  return r;
}

std::uint64_t digest(const std::vector<std::vector<double>> &v) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const auto &r : v)
    h = digest(r.data(), r.size(), h);
  return h;
}

constexpr std::size_t N = 300, M = 40;

int main(int argc, char **) {
  std::size_t n = 1500 + static_cast<std::size_t>(argc), m = 50;
  std::vector<std::vector<double>> out(n, std::vector<double>(m));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j)
      out[i][j] = f(i, j);
  // CHECK:      {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(n), [&](std::int64_t purecc_i2) { unsigned long i = static_cast<unsigned long>(purecc_i2); {
  // CHECK-NEXT: {{^}}    for (std::size_t j = 0; j < m; ++j)
  // CHECK-NEXT: {{^}}      out[i][j] = f(i, j); } });
  // REMARK: map-2d.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  std::printf("out %llu\n", (unsigned long long)digest(out));
  // OUT: out 5018776978757111261

  double b[N][M];
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < M; ++j)
      b[i][j] = f(j, i);
  }
  // REMARK: map-2d.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'b' [purecc-parallel-map]
  std::printf("b %llu\n", (unsigned long long)digest(&b[0][0], N * M, 1));
  // OUT: b 7098024829540560865

  // Triangular: the inner bound depends on the row; whole rows first.
  std::vector<std::vector<double>> tri(n);
  for (std::size_t i = 0; i < n; ++i)
    tri[i] = row(i, unsigned(i % 97 + 1));
  // REMARK: map-2d.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'tri' [purecc-parallel-map]
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < tri[i].size(); ++j)
      tri[i][j] = f(i, j) - tri[i][tri[i].size() - 1 - j];
  // REMARK: map-2d.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'tri' [purecc-parallel-map]
  std::printf("tri %llu\n", (unsigned long long)digest(tri));
  // OUT: tri 13689599074851335573

  // Counting down, with a `continue`, rows picked by `n - 1 - i`.
  std::vector<std::vector<double>> dn(n, std::vector<double>(m));
  for (std::size_t i = n; i-- > 0;) {
    if (i % 5 == 0)
      continue;
    for (std::size_t j = 0; j < m; j += 2)
      dn[n - 1 - i][j] = f(j, i) * 2.0;
  }
  // REMARK: map-2d.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel map over 'dn' [purecc-parallel-map]
  std::printf("down %llu\n", (unsigned long long)digest(dn));
  // OUT: down 1053905651895607149

  // Three levels: the row of a row is still one iteration's.
  std::vector<std::vector<std::array<double, 3>>> cube(n, std::vector<std::array<double, 3>>(8));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < 8; ++j)
      for (std::size_t k = 0; k < 3; ++k)
        cube[i][j][k] = f(i + k, j);
  // REMARK: map-2d.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'cube' [purecc-parallel-map]
  std::uint64_t hc = 1;
  for (const auto &r : cube)
    for (const auto &a : r)
      hc = digest(a.data(), a.size(), hc);
  std::printf("cube %llu\n", (unsigned long long)hc);
  // OUT: cube 15073945781853274753

  // Reading the row before: another iteration's, so the rows are not shared;
  // each row's inner loop is a map over that row (map-row-of-nest.cpp).
  std::vector<std::vector<double>> pv(n, std::vector<double>(m, 1.0));
  for (std::size_t i = 1; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j)
      pv[i][j] = f(i, j) + pv[i - 1][j];
  // REMARK: map-2d.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the loop body reads 'pv[i - 1][j]', an element of 'pv' that another iteration may write [purecc-missed-map]
  // REMARK: map-2d.cpp:[[@LINE-3]]:5: remark: loop rewritten as a parallel map over 'pv[i]' [purecc-parallel-map]
  std::printf("prev %llu\n", (unsigned long long)digest(pv));
  // OUT: prev 5252119353441314585

  // Another row read through a pointer made before the loop.
  std::vector<std::vector<double>> fr(n, std::vector<double>(m, 2.0));
  const double *first = fr[0].data();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j)
      fr[i][j] = f(i, j) + first[j];
  // REMARK: map-2d.cpp:[[@LINE-3]]:3: remark: loop not parallelized: 'fr' is read inside the loop body (through 'first', declared on line [[@LINE-4]]) [purecc-missed-map]
  // REMARK: map-2d.cpp:[[@LINE-3]]:5: remark: loop not parallelized: 'fr' is read inside the loop body (through 'first', declared on line [[@LINE-5]]) [purecc-missed-map]
  std::printf("first %llu\n", (unsigned long long)digest(fr));
  // OUT: first 16434335168771654749

  // Rows that are pointers may overlap (here they do): two iterations
  // would write one element.
  std::vector<double> buf(n + m);
  std::vector<double *> rp(n);
  for (std::size_t i = 0; i < n; ++i)
    rp[i] = buf.data() + i;
  // REMARK: map-2d.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'rp' [purecc-parallel-map]
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j)
      rp[i][j] = f(i, j);
  // REMARK: map-2d.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the rows of 'rp' ('rp[i]') are of type 'double *', which does not own its elements: two rows may share storage, so two iterations may write one element [purecc-missed-map]
  // REMARK: map-2d.cpp:[[@LINE-3]]:5: remark: loop not parallelized: the rows of 'rp' ('rp[i]') are of type 'double *', which does not own its elements: two rows may share storage, so two iterations may write one element [purecc-missed-map]
  std::printf("rp %llu\n", (unsigned long long)digest(buf.data(), buf.size(), 1));
  // OUT: rp 13390676640025520683

  std::vector<std::span<double>> sp(n);
  for (std::size_t i = 0; i < n; ++i)
    sp[i] = std::span<double>(buf.data() + i / 2, m);
  // REMARK: map-2d.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'sp' [purecc-parallel-map]
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j)
      sp[i][j] = f(j, i);
  // REMARK: map-2d.cpp:[[@LINE-3]]:3: remark: loop not parallelized: the rows of 'sp' ('sp[i]') are of type 'std::span<double>', which does not own its elements: two rows may share storage, so two iterations may write one element [purecc-missed-map]
  // REMARK: map-2d.cpp:[[@LINE-3]]:5: remark: loop not parallelized: the rows of 'sp' ('sp[i]') are of type 'std::span<double>', which does not own its elements: two rows may share storage, so two iterations may write one element [purecc-missed-map]
  std::printf("sp %llu\n", (unsigned long long)digest(buf.data(), buf.size(), 1));
  // OUT: sp 6897262831771283547

  // The speculation rule: a body that may throw stays serial.
  std::vector<std::vector<double>> rk(n, std::vector<double>(m));
  try {
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < m; ++j)
        rk[i][j] = risky(i * 100, j);
  } catch (const std::domain_error &e) {
    std::printf("caught %s\n", e.what());
  }
  // REMARK: map-2d.cpp:[[@LINE-6]]:5: remark: loop not parallelized: 'risky' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
  // REMARK: map-2d.cpp:[[@LINE-6]]:7: remark: loop not parallelized: 'risky' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
  std::printf("risky %llu\n", (unsigned long long)digest(rk));
  // OUT: caught out of range
  // OUT: risky 15173624248628077581
}
