// GCC's `__atomic_*` builtins (and Clang's `__c11_atomic_*`) are no calls
// in the AST but operations on memory through their pointer: a loop or a
// group of statements that holds one stays serial, like one that calls
// `__sync_fetch_and_add` (adv63 t38-t40, t46, t55, t56: a reduction beside
// `__atomic_store_n(&g, g * 3 + i, ...)` printed another 'g'; one whose
// bound or stride an atomic store changed summed another range).
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

long g = 0, g_old = 0, g_seen = 0;

int main() {
  long t1 = 0;
  for (long i = 0; i < 2000; ++i) {
    t1 += work(i);
    __atomic_store_n(&g, g * 3 + i, __ATOMIC_RELAXED);
  }
  // CHECK: atomic-builtins.cpp:[[@LINE-4]]:3: remark: loop not parallelized: '__atomic_store_n' is an atomic operation on memory that other threads may use [purecc-missed-reduction]
  long t2 = 0;
  for (long i = 0; i < 2000; ++i) {
    long x = g_old * 3 + i, o = 0;
    __atomic_exchange(&g_old, &x, &o, __ATOMIC_SEQ_CST);
    t2 += work(i) + (o & 1);
  }
  // CHECK: atomic-builtins.cpp:[[@LINE-5]]:3: remark: loop not parallelized: '__atomic_exchange' is an atomic operation on memory that other threads may use [purecc-missed-reduction]
  std::vector<long> v(2000);
  for (long i = 0; i < 2000; ++i) {
    v[i] = work(i) + __atomic_load_n(&g_seen, __ATOMIC_RELAXED) % 2;
    __atomic_fetch_add(&g_seen, i, __ATOMIC_RELAXED);
  }
  // CHECK: atomic-builtins.cpp:[[@LINE-4]]:3: remark: loop not parallelized: '__atomic_load_n' is an atomic operation on memory that other threads may use [purecc-missed-map]
  // The bound and the stride, changed by an atomic store in the body.
  long n = 2000, t3 = 0;
  for (long i = 0; i < n; ++i) {
    t3 += work(i);
    if (i == 10)
      __atomic_store_n(&n, 20L, __ATOMIC_RELAXED);
  }
  // CHECK: atomic-builtins.cpp:[[@LINE-5]]:3: remark: loop not parallelized: '__atomic_store_n' is an atomic operation on memory that other threads may use [purecc-missed-reduction]
  long step = 1, t4 = 0;
  for (long i = 0; i < 2000; i += step) {
    t4 += work(i);
    __atomic_store_n(&step, 1 + (i > 100), __ATOMIC_RELAXED);
  }
  // CHECK: atomic-builtins.cpp:[[@LINE-4]]:3: remark: loop not parallelized: '__atomic_store_n' is an atomic operation on memory that other threads may use [purecc-missed-reduction]
  long cnt = 0, t5 = 0;
  for (long i = 0; i < 2000 + 0 * __atomic_fetch_add(&cnt, 1, __ATOMIC_RELAXED); ++i)
    t5 += work(i);
  // CHECK: atomic-builtins.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's bound '2000 + 0 * __atomic_fetch_add(&cnt, 1, __ATOMIC_RELAXED)' has side effects: '__atomic_fetch_add' is an atomic operation on memory that other threads may use [purecc-missed-reduction]
  long d = 0;
  for (long x : v)
    d = d * 3 + x;
  std::printf("%ld %ld %ld %ld %ld %ld\n", t1, t2, d, t3, t4, t5);
  std::printf("%ld %ld %ld %ld\n", g, g_old, g_seen, cnt);
}
// OUT: 15423426 15424426 {{-?[0-9]+}} 152970 8098647 15423426
// OUT-NEXT: 3181011024827914920 3181011024827914920 1999000 2001
