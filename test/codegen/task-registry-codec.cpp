// A user's `purecc::codec` specialization, written as distributed.md tells
// (`template <> struct purecc::codec<Stats> : purecc::fields<...> {};`) or
// inside `namespace purecc { ... }`, is no name of the program's that the
// generated '::purecc::' could meet (adv71 F3: the whole unit was compiled
// as written, purecc-shadowed-name); its map and reduction travel.
// RUN: %purecc rewrite --remarks %s -o %t.dist.cpp -- -std=c++20 -DPURECC_DISTRIBUTED %rt_cflags 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.ns.cpp -- -std=c++20 -DPURECC_DISTRIBUTED -DNAMESPACE_FORM %rt_cflags 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20 %rt_cflags
// RUN: %cxx -O1 -Wall -Wextra -Werror %rt_cflags %t.cpp %rt_link -o %t.bin
// RUN: env OMP_NUM_THREADS=2 %t.bin | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <vector>
#include <purecc/serialize.h>

struct Stats {
  double mean, spread;
  long n;
};
#if defined(NAMESPACE_FORM)
namespace purecc {
template <> struct codec<Stats> : fields<&Stats::mean, &Stats::spread, &Stats::n> {};
} // namespace purecc
#else
template <> struct purecc::codec<Stats> : purecc::fields<&Stats::mean, &Stats::spread, &Stats::n> {};
#endif

[[pure]] Stats stats_of(long seed) {
  double m = 0;
  for (int k = 0; k < 200; ++k)
    m += double((seed * 31 + k) % 17);
  return Stats{m, m / 2, seed};
}

int main() {
  std::vector<Stats> st(100000);
  for (long i = 0; i < 100000; ++i) st[i] = stats_of(i);
  // CHECK: task-registry-codec.cpp:[[@LINE-1]]:3: remark: this map can run on other ranks under mpirun (task 'main#m{{[0-9]+}}') [purecc-task]
  // CHECK: task-registry-codec.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'st' [purecc-parallel-map]
  long s = 0;
  for (long i = 0; i < 100000; ++i) s += long(stats_of(i).mean);
  // CHECK: task-registry-codec.cpp:[[@LINE-1]]:3: remark: this reduction can run on other ranks under mpirun (task 'main#r{{[0-9]+}}') [purecc-task]
  // CHECK: task-registry-codec.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("%ld %g %ld\n", s, st[99].spread, st[99999].n);
  // OUT: 159999990 803 99999
}
