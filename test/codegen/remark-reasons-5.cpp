// Never silent, and the true reason (5): a loop storing into a standard
// keyed table by key ('m[i] = w(i)' on a 'std::map' or 'std::unordered_map')
// stays serial because the store searches the table and may insert into it,
// not because the table might alias what the loop reads.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>

[[pure]] long w(long i) {
  long s = 0;
  for (long k = 0; k < 2000; ++k)
    s += (k * i) % 7;
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
  // The update is quoted with its operator as written (adv74: '+=' was
  // quoted as '='), on a table of class values too.
  std::map<long, std::string> names;
  for (long i = 0; i < 32; ++i)
    u[i % 4] += w(i);
  // REMARK: remark-reasons-5.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'u[i % 4] +=' on the 'std::unordered_map' 'u' looks its key up in the table, and inserts it when it is missing: every iteration may change the table the others search [purecc-missed-map]
  for (long i = 0; i < 32; ++i)
    names[i % 3] += std::to_string(w(i));
  // REMARK: remark-reasons-5.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'names[i % 3] +=' on the 'std::map' 'names' looks its key up in the table, and inserts it when it is missing: every iteration may change the table the others search [purecc-missed-map]
  std::printf("%ld %ld %zu %zu\n", m[5], u[1], u.size(), names[2].size());
  // OUT: 6000 41989 34 37
}
