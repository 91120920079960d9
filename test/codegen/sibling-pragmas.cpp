// Sibling calls move to where the first statement of their run stands: a
// pragma among the statements would no longer cover the calls it covered
// (adv67 F9: a call moved out of '#pragma GCC diagnostic ignored
// "-Wparentheses"' broke a -Werror build). Such statements are left as
// written, and the remark names the pragma; runs without one still run.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long i) {
  long r = i;
  for (int k = 0; k < 3000; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

long diagnostic(long k) {
  long c = work(5);
  long d;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wparentheses"
  d = work(k & 3 | 4);
  // CHECK: sibling-pragmas.cpp:[[@LINE-1]]:7: remark: calls to 'work' and 'work' not parallelized: '#pragma GCC diagnostic push' stands among the statements, and the calls would move out of its reach: statements with a pragma among them are left as written [purecc-missed-parallel-calls]
#pragma GCC diagnostic pop
  return c + d;
}

long critical(long k) {
  long a = work(k);
  long b;
#pragma omp critical
  b = work(k + 1);
  // CHECK: sibling-pragmas.cpp:[[@LINE-1]]:7: remark: calls to 'work' and 'work' not parallelized: '#pragma omp critical' stands among the statements, {{.*}}
  return a + b;
}

#define CRITICAL _Pragma("omp critical")
long operator_form(long k) {
  long a = work(k);
  long b;
  CRITICAL b = work(k + 2);
  // CHECK: sibling-pragmas.cpp:[[@LINE-1]]:16: remark: calls to 'work' and 'work' not parallelized: 'CRITICAL' stands among the statements, {{.*}}
  return a + b;
}

// A pragma that applies to the one statement whose calls would run as
// tasks: the rewrite would make it two statements (the pragma covering the
// first), or a loop whose condition is a lambda call (adv68 F18, F19).
long g;
long owned(long k) {
#pragma omp critical
  g = work(k) + work(k + 1);
  // CHECK: sibling-pragmas.cpp:[[@LINE-1]]:7: remark: calls to 'work' and 'work' not parallelized: '#pragma omp critical' applies to the statement, which the calls' tasks would make into other code: statements a pragma applies to are left as written [purecc-missed-parallel-calls]
  return g;
}

long unrolled(long k) {
  long s = 0;
#pragma GCC unroll 2
  while (s < work(k) % 7 + work(k + 1) % 5)
    s += 1;
  // CHECK: sibling-pragmas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: a 'while' loop is not rewritten: {{.*}}
  // CHECK: sibling-pragmas.cpp:[[@LINE-3]]:14: remark: calls to 'work' and 'work' not parallelized: '#pragma GCC unroll 2' applies to the statement, {{.*}}
  return s;
}

long plain(long k) {
  long a = work(k);
  long b = work(k + 3);
  // CHECK: sibling-pragmas.cpp:[[@LINE-2]]:12: remark: calls to 'work' and 'work' run in parallel [purecc-parallel-calls]
  return a + b;
}

int main(int argc, char **) {
  long k = argc;
  std::printf("%ld %ld %ld %ld %ld %ld\n", diagnostic(k), critical(k), operator_form(k), owned(k),
              unrolled(k), plain(k));
  // OUT: 1568030 555171 414150 555171 0 1273132
}
