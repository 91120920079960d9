// Storage moved into an aggregate a local names is a trade into that local:
// `H h{std::move(pool)}`, `H h(std::move(pool))`, `H h{.v =
// std::move(pool)}`, `O o{{std::move(pool)}, 3}` (adv49 t17, t19: after `p =
// pool.data()`, the map over 'h.v' reading `p[n - 1 - i]` was rewritten and
// raced with itself). Storage moved into an object no local names may come
// back into any local that may own its class, a struct with such a member
// too (adv49 t18: `Box b{std::move(pool)}` was lost before this, and `h.v =
// std::move(b.v)` brought it back into 'h').
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

void show(const char *what, const V &h) {
  unsigned long d = 0;
  for (long x : h)
    d = d * 31 + static_cast<unsigned long>(x);
  std::printf("%s: %lu\n", what, d);
}

struct H {
  V v;
};
struct Box {
  V v;
};
const long n = 20000;

void braces() {
  V pool(n, 1);
  const long *p = pool.data();
  H h{std::move(pool)};
  for (long i = 0; i < n; ++i)
    h.v[i] = heavy(i) % 1000 + p[n - 1 - i];
  // REMARK: escapes-aggregate-trades.cpp:[[@LINE-2]]:3: remark: loop not parallelized: {{.*}}'h'{{.*}} [purecc-missed-map]
  show("braces", h.v);
}
void parens() {
  V pool(n, 1);
  const long *p = pool.data();
  H h(std::move(pool));
  for (long i = 0; i < n; ++i)
    h.v[i] = heavy(i) % 1000 + p[n - 1 - i];
  // REMARK: escapes-aggregate-trades.cpp:[[@LINE-2]]:3: remark: loop not parallelized: {{.*}}'h'{{.*}} [purecc-missed-map]
  show("parens", h.v);
}
void designated() {
  V pool(n, 1);
  const long *p = pool.data();
  H h{.v = std::move(pool)};
  for (long i = 0; i < n; ++i)
    h.v[i] = heavy(i) % 1000 + p[n - 1 - i];
  // REMARK: escapes-aggregate-trades.cpp:[[@LINE-2]]:3: remark: loop not parallelized: {{.*}}'h'{{.*}} [purecc-missed-map]
  show("designated", h.v);
}
void nested() {
  V pool(n, 1);
  const long *p = pool.data();
  struct O {
    H in;
    long k;
  } o{{std::move(pool)}, 3};
  for (long i = 0; i < n; ++i)
    o.in.v[i] = heavy(i) % 1000 + p[n - 1 - i];
  // REMARK: escapes-aggregate-trades.cpp:[[@LINE-2]]:3: remark: loop not parallelized: {{.*}}'o'{{.*}} [purecc-missed-map]
  show("nested", o.in.v);
}
void throughBox() {
  H h{V(n, 0)};
  V pool(n, 1);
  const long *p = pool.data();
  Box b{std::move(pool)};
  h.v = std::move(b.v);
  for (long i = 0; i < n; ++i)
    h.v[i] = heavy(i) % 1000 + p[n - 1 - i];
  // REMARK: escapes-aggregate-trades.cpp:[[@LINE-2]]:3: remark: loop not parallelized: {{.*}}'h'{{.*}} [purecc-missed-map]
  show("through a box", h.v);
}
void nothingHeld() {
  V pool(n, 1);
  H h{std::move(pool)};
  for (long i = 0; i < n; ++i)
    h.v[i] = heavy(i) % 1000;
  // REMARK: escapes-aggregate-trades.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'h.v' [purecc-parallel-map]
  show("nothing held", h.v);
}

int main() {
  braces();
  parens();
  designated();
  nested();
  throughBox();
  nothingHeld();
  return 0;
}
// OUT: braces: [[SUM:[0-9]+]]
// OUT-NEXT: parens: [[SUM]]
// OUT-NEXT: designated: [[SUM]]
// OUT-NEXT: nested: [[SUM]]
// OUT-NEXT: through a box: [[SUM]]
// OUT-NEXT: nothing held: {{[0-9]+}}
