// Never silent, and the true reason (5): a loop storing into a standard
// keyed table by key ('m[i] = w(i)' on a 'std::map' or 'std::unordered_map')
// stays serial because the store searches the table and may insert into it,
// not because the table might alias what the loop reads.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <map>
#include <unordered_map>

[[pure]] long w(long i) {
  long s = 0;
  for (long k = 0; k < 2000; ++k)
    s += (k * i) % 7;
  // REMARK: remark-reasons-5.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main() {
  std::map<long, long> m;
  for (long i = 0; i < 32; ++i)
    m[i] = w(i);
  // REMARK: remark-reasons-5.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'm[i] =' on the 'std::map' 'm' looks its key up in the table, and inserts it when it is missing: every iteration may change the table the others search [purecc-missed-map]
  std::unordered_map<long, long> u;
  for (long i = 0; i < 32; ++i)
    u[2 * i] = w(i) + 1;
  // REMARK: remark-reasons-5.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'u[2 * i] =' on the 'std::unordered_map' 'u' looks its key up in the table, and inserts it when it is missing: every iteration may change the table the others search [purecc-missed-map]
  std::printf("%ld %ld %zu\n", m[5], u[10], u.size());
  // OUT: 6000 6001 32
}
