// Never silent, and the true reason (held stores): a store through a
// pointer or reference that an element holds ('*ptrs[i]',
// 'rows[i].get()[j]', 'std::get<0>(t[i])' over tuples of references, a
// reference member), and an accumulator inside an
// anonymous union nested in an anonymous struct say so, where they said
// "the loop body neither accumulates into a variable nor stores into
// elements by index".
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <tuple>
#include <vector>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s + x % 5;
}

struct R { long k; long &v; };
struct Deep { struct { union { struct { long x; } p; struct { long y; } q; }; } w; };

int main() {
  const long n = 200;
  long s13 = 0;
  // A step under a label is a step (adv63 F14; it said "statements under a
  // label are not looked into").
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's13' [purecc-reduction]
  for (long i = 0; i < n; ++i) { goto skip; skip: s13 += heavy(i); }
  std::printf("A %ld\n", s13);
  // OUT: A 180406
  std::vector<long> shared(20, 0);
  std::vector<std::reference_wrapper<std::vector<long>>> rows(50, std::ref(shared));
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'rows[i].get()[j]' writes through 'rows[i].get()', a pointer or reference that an element holds: which object it refers to is not followed, and two elements may refer to one [purecc-missed-reduction]
  for (long i = 0; i < 50; ++i)
    // REMARK: remark-held-stores.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'rows[i].get()[j]' writes through 'rows[i].get()', a pointer or reference that an element holds: which object it refers to is not followed, and two elements may refer to one [purecc-missed-reduction]
    for (long j = 0; j < 20; ++j)
      rows[i].get()[j] = heavy(i * 20 + j) + i;
  long z = 0;
  std::vector<long *> ptrs(n, &z);
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop not parallelized: '*ptrs[i]' writes through 'ptrs[i]', a pointer or reference that an element holds: which object it refers to is not followed, and two elements may refer to one [purecc-missed-reduction]
  for (long i = 0; i < n; ++i)
    *ptrs[i] = heavy(i) + i;
  long w = 0;
  std::vector<std::tuple<long &>> t1(n, std::tuple<long &>(w));
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'std::get<0>(t1[i])' stores through a reference that 'std::tuple<long &>' holds, which may refer to anything, not only to a part of the element [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    std::get<0>(t1[i]) = heavy(i) + i;
  long x = 0;
  std::vector<R> rs;
  for (long i = 0; i < n; ++i)
    rs.push_back(R{i, x});
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'r.v' stores through the reference member 'v', which may refer to anything, not only to a part of the element [purecc-missed-map]
  for (auto &r : rs)
    r.v = heavy(r.k) + 1;
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'rs[i].v' stores through the reference member 'v', which may refer to anything, not only to a part of the element [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    rs[i].v = heavy(i) + 2;
  Deep d{};
  d.w.p.x = 0;
  // REMARK: remark-held-stores.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'd.w.p.x' is part of 'd.w.p', a member of a union, whose members share their storage: only a member of a struct or class is recognized as an accumulator [purecc-missed-reduction]
  for (long i = 0; i < n; ++i) { d.w.p.x += heavy(i); d.w.q.y += 1; }
  std::printf("B %ld %ld %ld %ld %ld\n", shared[3], z, w, x, d.w.p.x);
  // OUT: B 955 1106 1106 909 180606
}
