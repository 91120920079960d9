// A group-by: accumulating into arithmetic members of the elements of a
// local array of structs (`g[key(i)].sum += w(i); ++g[key(i)].count;`) is an
// array reduction, each member accumulated as an array of its own (user48
// k04: refused as "the element of 'g' written is not indexed by the loop
// variable", while one array per member was rewritten). Members not
// accumulated are left as they are; reading an element's member anywhere
// else in the body, combining one member with two operations, or a term
// converted to the member's type keeps the loop serial with the reason.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=CODE < %t.out.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

struct Agg {
  double sum = 0;
  long count = 0;
  long untouched = 7;
};

[[pure]] double w(int i) {
  double s = 0;
  for (int k = 1; k < 200; ++k)
    s += std::sin(i * 0.001 * k) / k;
  // REMARK: array-reduction-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 199 iterations of loop-free work (about 34 operations each) are too little to share [purecc-missed-reduction]
  return s;
}
[[pure]] int key(int i) { return (i * 7 + i / 3) % 8; }

int main() {
  const int n = 20000;
  std::vector<Agg> g(8);
  for (int i = 0; i < n; ++i) {
    g[key(i)].sum += w(i);
    g[key(i)].count += 1;
  }
  // REMARK: array-reduction-members.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of the elements of 'g[...].sum' and 'g[...].count' (a private copy per leaf) [purecc-array-reduction]
  // CODE: { purecc_acc_0[key(i)] += w(i);
  // CODE-NEXT: purecc_acc_1[key(i)] += 1;
  // CODE: ::purecc::unfolded(g[purecc_k1].sum) += std::get<0>(purecc_r2)[purecc_k1]; for (std::size_t purecc_k1 = 0; purecc_k1 < std::get<1>(purecc_r2).size(); ++purecc_k1) g[purecc_k1].count = ::purecc::wrapping_add<long>(g[purecc_k1].count, std::get<1>(purecc_r2)[purecc_k1]); }
  for (const Agg &a : g)
    std::printf("%.6f %ld %ld\n", a.sum, a.count, a.untouched);
  // OUT: 244.467762 3333 7
  // OUT-NEXT: 122.232182 1666 7
  // OUT-NEXT: 244.380983 3332 7
  // OUT-NEXT: 123.115126 1667 7
  // OUT-NEXT: 245.990112 3334 7
  // OUT-NEXT: 122.838812 1667 7
  // OUT-NEXT: 245.277273 3334 7
  // OUT-NEXT: 122.405367 1667 7

  // A built-in array, 'continue', '++' and '-=' on the members.
  Agg h[5];
  for (int i = 0; i < n; ++i) {
    if (w(i) > 0.5)
      continue;
    ++h[(i * 7) % 5].count;
    h[(i * 7) % 5].sum -= w(i + 1);
  }
  // REMARK: array-reduction-members.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of the elements of 'h[...].count' and 'h[...].sum' (a private copy per leaf) [purecc-array-reduction]
  std::printf("%.6f %ld %.6f %ld\n", h[0].sum, h[0].count, h[4].sum, h[4].count);
  // OUT-NEXT: 1325.528506 2490 1325.062892 2490

  // A read of an accumulated member of an element, two operations on one
  // member, a term converted to the member's type: serial.
  std::array<Agg, 4> r{};
  for (int i = 0; i < n; ++i) {
    r[i % 4].sum += w(i) * double(r[i % 4].count);
    r[i % 4].count += 1;
  }
  // REMARK: array-reduction-members.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'r' is written inside the loop body ('r[i % 4].sum += w(i) * double(r[i % 4].count)') and read there ('w(i) * double(r[i % 4].count)'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
  for (int i = 0; i < n; ++i) {
    r[i % 4].count += 1;
    r[i % 4].count *= 1;
    (void)w(i);
  }
  // REMARK: array-reduction-members.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the elements of 'r[...].count' are combined with both '+' and '*' [purecc-missed-reduction]
  for (int i = 0; i < n; ++i)
    r[i % 4].count += w(i);
  // REMARK: array-reduction-members.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each step converts 'double' to 'long' (the elements of 'r[...].count'), which the tree order would change [purecc-missed-reduction]
  std::printf("%.6f %ld\n", r[1].sum, r[1].count);
  // OUT-NEXT: -150976.080980 7926
  return 0;
}
