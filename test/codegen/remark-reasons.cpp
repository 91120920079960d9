// Never silent, and the true reason: loops over calls of standard-library
// functions the model knows pure, 'while' and 'do' loops, a macro in a
// loop's bound, iterator loops, an initializer-list insert next to a loop.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --input-file=%t.out.cpp --strict-whitespace
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <climits>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

#define N 3000
#define HALVES 1500 + 1500
#define UPTO < n

[[pure]] long work(long x) {
  long s = 0;
  for (long k = 0; k < x % 5; ++k)
    s = s * 3 + k; // a recurrence over no call: nobody's business
  return s + x;
}

namespace a {
[[pure]] long size(long x) { return x + 1; }
}
namespace b {
long calls = 0;
long size(long x) { ++calls; return x + 2; }
}

int main() {
  long n = 3000;
  std::vector<double> v(n);
  std::vector<long> w(n);
  for (long i = 0; i < n; ++i) {
    v[i] = 0.5 * static_cast<double>(i % 17) - 2.0;
    w[i] = (i * 7919) % 1000 - 300;
  }
  // REMARK: remark-reasons.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'v' and 'w' [purecc-parallel-map]

  // Library calls only: refused for a reason of their own, and said so.
  double chain = 1.0;
  for (long i = 0; i < n; ++i)
    chain = std::sqrt(chain + std::fabs(v[i]));
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'chain' from the value the iteration before left ('chain = std::sqrt(chain + std::fabs(v[i]))'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  long g = 0;
  for (long i = 0; i < n; ++i) {
    g += std::gcd(w[i], 36L);
    if (g > 40000)
      break;
  }
  // REMARK: remark-reasons.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'break' leaves the loop body [purecc-missed-reduction]
  double h = 0;
  for (long i = 0; i < n; ++i)
    h += std::hypot(v[i], 3.0);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]

  // 'while' and 'do' loops are never rewritten, and say why.
  long i = 0, t = 0;
  while (i < n) {
    t += work(i);
    ++i;
  }
  // REMARK: remark-reasons.cpp:[[@LINE-4]]:3: remark: loop not parallelized: a 'while' loop is not rewritten: only a 'for' header ('for (T i = b; i < e; ++i)') numbers the iterations before the loop runs [purecc-missed-reduction]
  // CHECK: {{^}}  while (i < n) {
  long j = 0;
  do {
    t += std::lcm(j % 12 + 1, 8L);
  } while (++j < n);
  // REMARK: remark-reasons.cpp:[[@LINE-3]]:3: remark: loop not parallelized: a 'do' loop is not rewritten: only a 'for' header ('for (T i = b; i < e; ++i)') numbers the iterations before the loop runs [purecc-missed-reduction]

  // A macro in the bound is the user's text: repeated as written.
  long q = 0;
  for (long k = 0; k < N; ++k)
    q += work(k);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'q' [purecc-reduction]
  // CHECK: {{^}}  q = ::purecc::wrapping_add<long>(q, ::purecc::parallel_reduce(0, N, {{.*}}
  long r = 0;
  for (long k = 0; k < HALVES; ++k)
    r += work(k);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'r' [purecc-reduction]
  // CHECK: {{^}}  r = ::purecc::wrapping_add<long>(r, ::purecc::parallel_reduce(0, (HALVES), {{.*}}
  long s = 0;
  for (int k = 0; k < INT_MAX; ++k) {
    s += work(k);
    if (k == 2000)
      break;
  }
  // REMARK: remark-reasons.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'break' leaves the loop body [purecc-missed-reduction]
  long u = 0;
  for (long k = 0; k UPTO; ++k)
    u += work(k);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's bound is written inside the macro 'UPTO' with more of the header: only a part that is a whole macro call, or has none, is repeated as written [purecc-missed-reduction]

  // Iterator and pointer loops: named as the user wrote them.
  long it_sum = 0;
  for (auto it = w.begin(); it != w.end(); ++it)
    it_sum += work(*it);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'it' is an iterator: only loops that count with an integer ('for (T i = b; i < e; ++i)') and range-for loops ('for (auto &x : v)') are rewritten [purecc-missed-reduction]
  for (const long *p = w.data(); p != w.data() + w.size(); ++p)
    it_sum += work(*p);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'p' is a pointer: only loops that count with an integer ('for (T i = b; i < e; ++i)') and range-for loops ('for (auto &x : v)') are rewritten [purecc-missed-reduction]

  // Appending a braced list lends the container's address to nobody.
  std::vector<long> m(n);
  m.insert(m.end(), {7, 8});
  for (long k = 0; k < n; ++k)
    m[k] = work(k);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'm' [purecc-parallel-map]
  std::vector<long> cat;
  for (long k = 0; k < n; ++k)
    cat.insert(cat.end(), {work(k), -k});
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'cat' (the pieces kept in the loop's order) [purecc-concatenation]

  // Two functions named 'size': only a::size is pure.
  long z = 0;
  for (long k = 0; k < n; ++k)
    z += b::size(k);
  for (long k = 0; k < n; ++k)
    z += a::size(k) * work(k);
  // REMARK: remark-reasons.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'z' [purecc-reduction]

  std::printf("%.9f %ld %.9f %ld %ld %ld %ld %ld %ld %zu %ld %zu %ld %ld\n", chain, g, h, t, q, r, s, u,
              it_sum, m.size(), m[2999] + m[3000], cat.size(), cat[5999] + cat[4], z + b::calls);
  return 0;
}
// OUT: 1.737902148 14010 12573.927402424 4612900 4512900 4512900 2010600 4512900 1217160 3002 3024 6000 -2996 9026138300
