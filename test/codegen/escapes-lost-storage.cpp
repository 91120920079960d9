// Storage that moves into an object no local names — an aggregate's
// member, a function's parameter, a std::pair, a lambda's result — may come
// back into any local of its class through code purecc does not follow
// (adv48 t10, t11, t19). After `const long *p = other.data()`, p points into
// whichever vector ends up with other's buffer: `Box b{std::move(other)};
// hist = std::move(b.v);`, `hist = id(std::move(other))`, `next.swap(
// std::make_pair(std::move(pool), 0).first)`. So once an escaped local's
// storage is lost from sight, every local of its class escapes there, and
// the loops that write them through p stay serial. Storage of a local that
// never escaped may go anywhere.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <utility>
#include <vector>

using V = std::vector<long>;

[[pure]] long heavy(long i) {
  long x = i;
  for (int k = 0; k < 200; ++k)
    x = (x * 1103515245 + 12345) % 1000003;
  return x;
}
[[pure]] V id(V v) { return v; }
struct Box {
  V v;
};

void show(const char *what, const V &h) {
  unsigned long d = 0;
  for (long x : h)
    d = d * 31 + static_cast<unsigned long>(x);
  std::printf("%s: %lu\n", what, d);
}

void throughAggregate() {
  V hist(16, 0), other(16, 0);
  const long *p = other.data();
  Box b{std::move(other)};
  hist = std::move(b.v);
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-lost-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("aggregate", hist);
}

void throughFunction() {
  V other(16, 0);
  const long *p = other.data();
  V hist = id(std::move(other));
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-lost-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes [purecc-missed-reduction]
  show("function", hist);
}

void throughLambda() {
  V hist(16, 0), other(16, 0);
  const long *p = other.data();
  hist = [&] { return std::move(other); }();
  for (long i = 0; i < 20000; ++i)
    ++hist[(heavy(i) + p[0]) % 16];
  // REMARK: escapes-lost-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'hist' escapes {{.*}}[purecc-missed-reduction]
  show("lambda", hist);
}

void throughPair() {
  const long n = 20000;
  V next(n, 0), pool(n, 1);
  const long *p = pool.data();
  auto pr = std::make_pair(std::move(pool), 0);
  next.swap(pr.first);
  for (long i = 0; i < n; ++i)
    next[i] = heavy(i) % 1000 + p[n - 1 - i];
  // REMARK: escapes-lost-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'next' escapes ('std::make_pair(std::move(pool), 0)' on line [[@LINE-4]]) [purecc-missed-map]
  show("pair", next);
}

// Nothing points into 'other': its storage may go anywhere.
void neverEscaped() {
  V hist(16, 0), other(16, 0);
  Box b{std::move(other)};
  hist = std::move(b.v);
  for (long i = 0; i < 20000; ++i)
    ++hist[heavy(i) % 16];
  // REMARK: escapes-lost-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of the elements of 'hist' (a private copy per leaf) [purecc-array-reduction]
  show("never escaped", hist);
}

int main() {
  throughAggregate();
  throughFunction();
  throughLambda();
  throughPair();
  neverEscaped();
}
// The serial loops read p[0] (or p[n - 1 - i]) as the iterations before
// left it: every route prints the serial program's histogram.
// OUT:      aggregate: 10999086317411804690
// OUT-NEXT: function: 10999086317411804690
// OUT-NEXT: lambda: 10999086317411804690
// OUT-NEXT: pair: 3518076119847903833
// OUT-NEXT: never escaped: 6148265865050999966
