// Sizes given on the command line (-DN=2000), as benchmarks do. The
// rewritten program includes <purecc/purecc.h> before the user's code, so
// its headers must not spell a name a user may -D: they once used `T`, `N`,
// `K`, `V`, `F`, `R`... as template parameters, and the program failed to
// compile (docs/development.md, "Runtime headers"). Every letter the headers
// used is defined here; test/build/runtime-headers-macros.test tries all of
// them on every header, and test/build/launcher-macros.test the launcher.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -DN=2000 -DM=300 -DK=22 -DT=3 -DV=7 -DA=1 -DB=2 -DC=3 -DE=4 -DF=5 -DH=6 -DI=7 -DR=8 -DU=9 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_CPPFLAGS="-DN=2000 -DM=300 -DK=22 -DT=3 -DV=7 -DA=1 -DB=2 -DC=3 -DE=4 -DF=5 -DH=6 -DI=7 -DR=8 -DU=9" %e2e %s %t | FileCheck %s --check-prefix=OUT
// The cluster build (-DPURECC_DISTRIBUTED) registers tasks through the
// distributed headers: its rewritten copy compiles under the same macros.
// RUN: %purecc rewrite %s -o %t.dist.cpp -- -std=c++20 -DPURECC_DISTRIBUTED -DN=2000 -DM=300 -DK=22 -DT=3 -DV=7 -DA=1 -DF=5 -DR=8
// RUN: %cxx -fsyntax-only -Wall -Wextra -Wshadow -Werror %rt_cflags -DPURECC_DISTRIBUTED -DN=2000 -DM=300 -DK=22 -DT=3 -DV=7 -DA=1 -DF=5 -DR=8 %t.dist.cpp
// RUN: %clangxx -fsyntax-only -Wall -Wextra -Wshadow -Werror %rt_cflags -DPURECC_DISTRIBUTED -DN=2000 -DM=300 -DK=22 -DT=3 -DV=7 -DA=1 -DF=5 -DR=8 %t.dist.cpp

#include <cstdio>
#include <map>
#include <vector>

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < T * 10; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

[[pure]] long fib(int n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
}
// REMARK-DAG: command-line-macros.cpp:[[@LINE-2]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// A memoized result goes through the codecs of serialize.h.
[[pure]] [[purecc::memo]] std::map<long, std::vector<long>> table(long n) {
  std::map<long, std::vector<long>> t;
  for (long i = 0; i < n; ++i)
    t[i % (A + 2)].push_back(i * V);
  return t;
}
// REMARK-DAG: command-line-macros.cpp:[[@LINE-6]]:61: remark: calls to 'table' are memoized (fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}) [purecc-memo]

int main() {
  long s = 0;
  for (long i = 0; i < N; ++i)
    s += heavy(i);
  std::vector<long> out(M);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = heavy(static_cast<long>(i)) + V;
  const auto t = table(F + R);
  std::printf("%ld %ld %ld %zu %zu\n", s, out[M - 1], fib(K) + fib(K - 1), t.size(), t.at(1).size());
  return 0;
}
// REMARK-DAG: command-line-macros.cpp:[[@LINE-9]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
// REMARK-DAG: command-line-macros.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
// REMARK-DAG: command-line-macros.cpp:[[@LINE-5]]:55: remark: calls to 'fib' and 'fib' not parallelized: the call to 'fib' may come after 't.at', which may throw, and the compiler chooses which runs first [purecc-missed-parallel-calls]
// OUT: 1000296801 205639 28657 3 4
