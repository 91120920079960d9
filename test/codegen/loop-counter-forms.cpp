// Counted loops whose counter is declared in ways the rewrite must respect.
// A 'static' or 'thread_local' counter keeps its last value after the loop
// (the next call starts from it): the rewritten loop would not set it, so
// such loops stay serial. A brace-initialized counter (`auto i{0L}`,
// `long i = {0}`) starts at the value inside the braces, repeated without
// them (clang warns about braces around a scalar argument).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long f(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

long once(long n) {
  long s = 0;
  for (static long i = 0; i < n; ++i)
    s += f(i);
  // REMARK: loop-counter-forms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' is declared 'static': it keeps its last value after the loop, which the rewritten loop would not set [purecc-missed-reduction]
  return s;
}

long per_thread(long n) {
  long s = 0;
  for (thread_local long i = 0; i < n; ++i)
    s += f(i);
  // REMARK: loop-counter-forms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' is declared 'thread_local': it keeps its last value after the loop, which the rewritten loop would not set [purecc-missed-reduction]
  return s;
}

long mapped(long n) {
  std::vector<long> o(n);
  for (static long i = 0; i < n; ++i)
    o[i] = f(i);
  // REMARK: loop-counter-forms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' is declared 'static': it keeps its last value after the loop, which the rewritten loop would not set [purecc-missed-map]
  long h = 0;
  for (long x : o)
    h = h * 31 + x;
  return h;
}

int main(int argc, char **) {
  long n = 3000 + argc;
  // The second call of each starts where the first ended.
  long o1 = once(n), o2 = once(n), o3 = once(n + 100);
  long t1 = per_thread(n), t2 = per_thread(n);
  long m1 = mapped(n), m2 = mapped(n);
  std::printf("%ld %ld %ld\n%ld %ld\n%ld %ld\n", o1, o2, o3, t1, t2, m1, m2);
  // OUT: 1499987993 0 50223106
  // OUT-NEXT: 1499987993 0
  // OUT-NEXT: -7237916333347855087 0

  long a = 0, b = 0, c = 0;
  for (auto i{0L}; i < n; ++i)
    a += f(i);
  // REMARK: loop-counter-forms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  for (long i{1}; i <= n; ++i)
    b += f(i);
  // REMARK: loop-counter-forms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  for (long i = {n}; i > 0; --i)
    c += f(i) * (i & 3);
  // REMARK: loop-counter-forms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  std::printf("%ld %ld %ld\n", a, b, c);
  // OUT-NEXT: 1499987993 1499942967 2250535102
}
