// Overflow in a floating-point sum depends on the order of the additions
// (docs/codegen.md, "Floating point"): 20000 terms 1e308 and then 20000 terms
// -1e308 are +inf in the serial loop (it overflows at the second term and
// stays there), NaN in the tree (its left half overflows to +inf, its right
// half to -inf). The tree's answer is the documented one, and like every bit
// of a tree sum it is the same at every thread count and on both call paths
// (the serial clone at 1 thread). Not an %e2e test: the serial build differs
// by design.
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20
// RUN: %cxx -O1 -w %s -o %t.serial
// RUN: %t.serial | FileCheck %s --check-prefix=SERIAL
// RUN: %cxx -O1 -Wall -Wextra -Wshadow -Werror %rt_cflags %t.cpp %rt_link -o %t.gxx
// RUN: %clangxx -O1 -Wall -Wextra -Wshadow -Werror %rt_cflags %t.cpp %rt_link -o %t.clangxx
// RUN: bash -c 'for b in %t.gxx %t.clangxx; do for t in 1 2 4; do OMP_NUM_THREADS=$t $b || exit 1; done; done' | FileCheck %s --check-prefix=TREE

#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

[[pure]] double loop(const std::vector<double> &v) {
  double s = 0.0;
  for (double x : v)
    s += x;
  return s;
}
[[pure]] double acc(const std::vector<double> &v) { return std::accumulate(v.begin(), v.end(), 0.0); }

const char *kind(double d) { return std::isnan(d) ? "NaN" : std::isinf(d) ? (d > 0 ? "+inf" : "-inf") : "finite"; }

int main() {
  std::vector<double> v(40000, 1e308);
  for (long i = 20000; i < 40000; ++i)
    v[i] = -1e308;
  std::printf("loop %s accumulate %s\n", kind(loop(v)), kind(acc(v)));
}
// SERIAL: loop +inf accumulate +inf
// TREE-COUNT-6: loop NaN accumulate NaN
// TREE-NOT: {{.}}
