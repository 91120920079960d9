// A static data member named through an object (`c.k`, `pc->k`, `tmp.last`)
// is the member itself, one variable for the whole program, not a part of
// the object: a 'thread_local' one has another value on each thread, and a
// write of one is a write of a global (adv63 t89, t91, t92, t97, t99,
// t100: each was rewritten as if it were the local object's).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

struct Cfg {
  static thread_local long k;
  long own = 0;
};
thread_local long Cfg::k = 2;

struct Log {
  static long last;
  static long hist[4];
};
long Log::last = 0;
long Log::hist[4] = {};

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (d * k) % 7;
  return s + d;
}

int main(int argc, char **) {
  Cfg c;
  const Cfg *pc = &c;
  c.k = 9 + argc;
  long t = 0;
  for (long i = 0; i < 2000; ++i)
    t += work(i) * c.k;
  // CHECK: static-members-through-objects.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body uses 'k', which is 'thread_local' (each thread has its own) [purecc-missed-reduction]
  long r = work(pc->k) + work(pc->k + 1);
  // CHECK: static-members-through-objects.cpp:[[@LINE-1]]:12: remark: calls to 'work' and 'work' not parallelized: an argument of 'work' uses 'k', which is 'thread_local' (each thread has its own) [purecc-missed-parallel-calls]
  std::vector<long> v(2000);
  for (long i = 0; i < 2000; ++i) {
    v[i] = work(i);
    Log tmp;
    tmp.last = tmp.last * 3 + i;
  }
  // CHECK: static-members-through-objects.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'last' is written inside the loop body [purecc-missed-map]
  long s = 0;
  for (long i = 0; i < 2000; ++i) {
    s += work(i);
    Log *p = new Log;
    p->hist[i % 4] = p->hist[i % 4] * 3 + i;
    delete p;
  }
  // CHECK: static-members-through-objects.cpp:[[@LINE-6]]:3: remark: loop not parallelized: 'hist' is written inside the loop body [purecc-missed-reduction]
  long d = 0;
  for (long x : v)
    d = d * 3 + x;
  std::printf("%ld %ld %ld %ld\n", t, r, d, s);
  std::printf("%ld %ld\n", Log::last, Log::hist[1]);
}
// OUT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+$}}
// OUT-NEXT: 3181011024827914920 {{-?[0-9]+$}}
