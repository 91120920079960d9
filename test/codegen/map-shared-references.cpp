// A range-for "map" whose store goes through a reference the element holds
// (`std::tuple<long &, long>`, `std::pair<long &, long>`, a struct's
// reference member, a `std::reference_wrapper<long>` converted to `long &`)
// writes wherever that reference points, and every element may point at
// the same object: the loop stays serial (adv20: rewritten as a parallel
// map, every thread stored into one variable and the result changed from
// run to run). Early elements are slow, so a parallel map would not leave
// the last element's value.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <tuple>
#include <utility>
#include <vector>

// Costs more for early elements than for late ones.
[[pure]] long skew(long b, long n) {
  long s = 0;
  for (long k = 0; k < (n - b) * 40; ++k)
    s = (s * 5 + b * k + 3) % 7; // not a reduction: one chain
  return s % 5;
}

struct Ref {
  long k;
  long &v;
};

int main() {
  const long n = 600;
  long x = 0;
  std::vector<std::tuple<long &, long>> tv;
  for (long i = 0; i < n; ++i)
    tv.emplace_back(x, i);
  for (auto &[a, b] : tv) a = skew(b, n) + b;
  // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: 'a' names a reference that the element holds, not a part of the element: two elements may refer to one object, so two iterations may write it [purecc-missed-map]
  std::printf("tuple %ld\n", x);
  // OUT: tuple 602

  long y = 0;
  std::vector<std::pair<long &, long>> pv;
  for (long i = 0; i < n; ++i)
    pv.emplace_back(y, i);
  for (auto &[a, b] : pv) a = skew(b, n) * 3 + b;
  // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: 'a' names a reference that the element holds, not a part of the element: two elements may refer to one object, so two iterations may write it [purecc-missed-map]
  std::printf("pair %ld\n", y);
  // OUT: pair 608

  long z = 0;
  std::vector<Ref> rs;
  for (long i = 0; i < n; ++i)
    rs.push_back(Ref{i, z});
  for (auto &[k, v] : rs) v = skew(k, n) + k + 1;
  // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: 'v' names a reference that the element holds, not a part of the element: two elements may refer to one object, so two iterations may write it [purecc-missed-map]
  std::printf("member %ld\n", z);
  // OUT: member 603

  long w = 0;
  std::vector<std::reference_wrapper<long>> rv(n, std::ref(w));
  for (long &e : rv) e = (e * 3 + skew(e % 7, n) + 1) % 1000003;
  // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: 'e' is bound to what a conversion of the element returns, not to the element: two elements may refer to one object, so two iterations may write it [purecc-missed-map]
  std::printf("wrapper %ld\n", w);
  // OUT: wrapper 120679

  // Elements that own their parts are still a map.
  std::vector<std::tuple<long, long>> own;
  for (long i = 0; i < n; ++i)
    own.emplace_back(0, i);
  for (auto &[a, b] : own) a = skew(b, n) + b;
  // REMARK: [[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'own' [purecc-parallel-map]
  long h = 0;
  for (auto &[a, b] : own)
    h = h * 31 + a - b;
  std::printf("owned %ld\n", h);
  // OUT: owned -8696309013112624823
}
