// An anonymous union declared 'static' or 'thread_local' in a loop body is
// one object for every iteration, or one per thread. Clang's AST keeps no
// 'thread_local' on the union's variable (it makes an automatic one) where
// g++ makes one per thread, so the declaration's text decides (adv63 t115:
// the map reading 'tu' was rewritten). Remarks name it "an anonymous union",
// not ''.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long work(long d) {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (d * k) % 7;
  return s;
}

long out = 0;

int main() {
  long s = 0;
  for (long i = 0; i < 2000; ++i) {
    static union {
      long cu;
      double cd;
    };
    s += work(i);
    cu = cu * 3 + i;
    out = cu;
  }
  // CHECK: anonymous-unions.cpp:[[@LINE-9]]:3: remark: loop not parallelized: the loop body uses an anonymous union, a 'static' local (one object that every run of the code shares) [purecc-missed-reduction]
  std::vector<long> v(2000);
  for (long i = 0; i < 2000; ++i) {
    thread_local union {
      long tu;
      double td;
    };
    // (Written before it is read: Clang's automatic variable and g++'s
    // per-thread one give this program one meaning.)
    tu = i;
    v[i] = work(i) + tu % 2;
  }
  // CHECK: anonymous-unions.cpp:[[@LINE-10]]:3: remark: loop not parallelized: the loop body uses an anonymous union declared 'thread_local' (each thread has its own) [purecc-missed-map]
  long d = 0;
  for (long x : v)
    d = d * 3 + x;
  std::printf("%ld %ld %ld\n", s, out, d);
}
// OUT: 15423426 3181011024827914920 {{-?[0-9]+$}}
