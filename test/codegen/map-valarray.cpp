// A std::valarray is an owning random-access container like std::vector:
// `va[i] = f(i)` is a parallel map, rows of valarrays too. A store through
// a pointer to a container (`(*po)[i] = f(i)`) stays serial: which
// container the pointer holds is not followed, so the loop may read it
// under another name (here it does, through `o`).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <valarray>
#include <vector>

#include "digest.h" // digest: an FNV-1a hash of doubles' bits

[[pure]] double g(std::size_t i) {
  if (i % 9 == 4)
    return std::nan("");
  if (i % 10 == 7)
    return -0.0;
  double s = double(i) * 0.5;
  for (int r = 0; r < 30; ++r)
    s = s * 0.875 + r;
  return s;
}

int main(int argc, char **) {
  std::size_t n = 3000 + static_cast<std::size_t>(argc);
  std::valarray<double> va(n);
  for (std::size_t i = 0; i < n; ++i)
    va[i] = g(i);
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'va' [purecc-parallel-map]
  for (std::size_t i = 0; i < va.size(); ++i)
    va[i] = g(i) + va[i];
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'va' [purecc-parallel-map]
  for (std::size_t i = 1; i < n; ++i)
    va[i] = g(i) + va[i - 1];
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'va[i - 1]', an element of 'va' that another iteration may write [purecc-missed-map]
  std::valarray<double> vs(0.5, n);
  for (std::size_t i = 0; i < n; ++i)
    vs[i] = g(i % 4) * vs.sum();
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'vs' is read inside the loop body [purecc-missed-map]
  for (double &x : va)
    x = g(7) - x;
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'va' [purecc-parallel-map]
  std::printf("va %llu\n", (unsigned long long)digest(&va[0], va.size(), digest(&vs[0], vs.size(), 1)));
  // OUT: va 1697258814053151701

  std::vector<std::valarray<double>> rows(n, std::valarray<double>(16));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < 16; ++j)
      rows[i][j] = g(i + j);
  // REMARK: map-valarray.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel map over 'rows' [purecc-parallel-map]
  std::uint64_t h = 1;
  for (const auto &r : rows)
    h = digest(&r[0], r.size(), h);
  std::printf("rows %llu\n", (unsigned long long)h);
  // OUT: rows 13231706401710339054

  std::vector<double> o(n);
  std::vector<double> *po = &o;
  for (std::size_t i = 0; i < n; ++i)
    (*po)[i] = g(i);
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop not parallelized: '(*po)[i]' writes through the pointer 'po', and which container it points to is not followed: the loop may read or write that container under another name [purecc-missed-map]
  for (std::size_t i = 1; i < n; ++i)
    (*po)[i] = g(i) + o[i - 1];
  // REMARK: map-valarray.cpp:[[@LINE-2]]:3: remark: loop not parallelized: '(*po)[i]' writes through the pointer 'po', and which container it points to is not followed: the loop may read or write that container under another name [purecc-missed-map]
  std::printf("po %llu\n", (unsigned long long)digest(o.data(), o.size(), 1));
  // OUT: po 15683458762322185297
}
