// Never silent, and the true reason: a loop that writes a variable from
// outside in a form no transformation takes (a '?:' or '&&' around '++c',
// a lambda or a local reference that adds into it, 'std::back_inserter'),
// or a data member through 'this', said before "neither accumulates nor
// stores" (adv66 F5). An accumulator named for its type only ('sizeof',
// 'decltype') keeps its loop serial: the rewritten body would name a
// private accumulator of another type there ('std::numeric_limits<
// decltype(a)>::max()' of a wrapping type is 0: a wrong sum when it was
// let through).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <vector>

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (d * k) % 7;
  return s;
}

struct Best {
  double best = HUGE_VAL;
  long at = -1;
  void run(long n) {
    for (long i = 0; i < n; ++i) {
      // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:5: remark: loop not parallelized: 'best' is a data member, reached through 'this': only a variable, or a part of a local object named with '.', is recognized as an accumulator [purecc-missed-reduction]
      double d = double(work(i) % 1000);
      if (d < best) { best = d; at = i; }
    }
  }
};

int main() {
  long n = 3000;
  long c = 0;
  for (long i = 0; i < n; ++i) work(i) > 880 ? ++c : c;
  // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'c' is written inside the loop body ('work(i) > 880 ? ++c : c') in a form no transformation recognizes: an accumulator is updated by a statement of its own that names it ('c += term;', '++c;', 'if (cond) ++c;', 'c = std::max(c, term);') [purecc-missed-reduction]
  long e = 0;
  for (long i = 0; i < n; ++i) (void)(work(i) > 880 && ++e);
  // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'e' is written inside the loop body ('(void)(work(i) > 880 && ++e)') in a form {{.*}}
  long a = 0;
  auto acc = [&](long x) { a += x; };
  for (long i = 0; i < n; ++i) acc(work(i));
  // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'a' is written by code the loop body calls ('a += x') in a form {{.*}}
  long d = 0;
  for (long i = 0; i < n; ++i) [&] { d += work(i); }();
  // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'd' is written inside the loop body ('d += work(i)') in a form {{.*}}
  std::vector<long> x;
  for (long i = 0; i < n; ++i) {
    // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'x' is written inside the loop body ('std::copy(p.rbegin(), p.rend(), std::back_inserter(x))') in a form {{.*}}
    std::vector<long> p{work(i), i};
    std::copy(p.rbegin(), p.rend(), std::back_inserter(x));
  }
  long t = 0;
  for (long i = 0; i < n; ++i) t += work(i) & std::numeric_limits<decltype(t)>::max();
  // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 't' is named in the loop body for its type only, by 'sizeof' or 'decltype', where the rewritten body would name its private accumulator, whose type is another: loops that name the accumulator so are left as written [purecc-missed-reduction]
  int z = 0;
  for (long i = 0; i < n; ++i) z += int(work(i)) * int(sizeof(z));
  // CHECK: remark-unrecognized-writes.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'z' is named in the loop body for its type only, by 'sizeof' or 'decltype' ('int(work(i)) * int(sizeof(z))'), {{.*}}
  Best b;
  b.run(n);
  long h = 0;
  for (long v : x)
    h = h * 31 + v;
  std::printf("%ld %ld %ld %ld %ld %ld %d %g %ld\n", c, e, a, d, h, t, z, b.best, b.at);
  // OUT: 2571 2571 2312610 2312610 7889583824965487710 2312610 9250440 0 0
}
