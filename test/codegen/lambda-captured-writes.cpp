// A lambda that writes what it captured by reference, handed to a function
// template, writes the caller's variable on every call: a loop over such
// calls keeps its order (adv125 F1: `apply([&](long x) { c += 1; ... }, i)`
// of a `[[pure]]` template was rewritten and raced on `c`). A pure function
// whose own local is written that way stays pure, and a loop over it runs
// in parallel; a lambda that only reads what it captured is no write.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>

[[pure]] long heavy(long i) {
  long s = 0;
  // REMARK: lambda-captured-writes.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (long k = 0; k < 3000 + i % 7; ++k)
    s += (k ^ i) % 7;
  return s;
}

template <class F> long call2(F f, long x) { return f(x); }
template <class F> long call_ref(const F &f, long x) { return f(x); }
template <class F> [[pure]] long apply(F f, long x) { return f(heavy(x)); }

// Writes only its own local, through a closure handed to templates.
[[pure]] long tally(long i) {
  long c = 0;
  call2([&](long x) { c += x; return x; }, heavy(i));
  call_ref([&](long x) { c += x; return x; }, i);
  return c;
}

// The closure's writes are loop-carried.
[[pure]] long counted(long n) {
  long c = 0, t = 0;
  // REMARK: lambda-captured-writes.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'call2' is not known to be pure [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    t += call2([&](long x) { c += 1; return x + c; }, heavy(i));
  return t + c;
}

int main() {
  const long n = 2000;
  long t = 0, c = 0, k = 3;
  // REMARK: lambda-captured-writes.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'call2' is not known to be pure [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    t += call2([&](long x) { c += 1; return x * c; }, heavy(i));
  long *p = &c;
  // REMARK: lambda-captured-writes.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'call_ref' is not known to be pure [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    t += call_ref([p](long x) { *p += 1; return x - *p; }, heavy(i));
  long u = 0;
  // REMARK: lambda-captured-writes.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    u += apply([&](long x) { return x * k; }, i);
  long w = 0;
  // REMARK: lambda-captured-writes.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 'w' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    w += tally(i);
  std::printf("%ld %ld %ld %ld %ld\n", t, c, u, w, counted(n));
  // OUT: 18028208847 4000 54026307 20007769 20011769
}
