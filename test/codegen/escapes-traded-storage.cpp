// Storage that moves between objects carries its escapes along (adv45
// t04-t06). After `double *p = pool.data()`, p points into the elements of
// whichever vector owns pool's old buffer: `next` after `next.swap(pool)`,
// `std::swap(next, pool)`, `next = std::move(pool)`, `next = std::exchange(pool,
// {})` or `next = std::vector<double>(std::move(pool))`. A map writing next
// while reading through p reads elements other iterations write, so it stays
// serial, naming the trade as the escape; a trade after the loop is none.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>
#include <utility>
#include <vector>

[[pure]] double f(long i) {
  double s = 0;
  for (int k = 1; k < 200; ++k)
    s += std::sin(double(i) * 0.001 * k) / k;
  return s;
}
// REMARK: escapes-traded-storage.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 199 iterations of loop-free work (about 34 operations each) are too little to share [purecc-missed-reduction]

const long n = 20000;
using V = std::vector<double>;

// An exact digest (an integer sum) of v.
void show(const char *what, const V &v) {
  long s = 0;
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    s += std::lround(v[i] * 1e6) * (i % 7);
  std::printf("%s: %ld\n", what, s);
}

void memberSwap() {
  V pool(n, 1.0), next(n, 0.0);
  double *p = pool.data();
  next.swap(pool);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the address of 'next' escapes ('next.swap(pool)' on line [[@LINE-1]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  show("member swap", next);
}

void stdSwap() {
  V pool(n, 1.0), next(n, 0.0);
  double *p = pool.data();
  std::swap(next, pool);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the address of 'next' escapes ('std::swap(next, pool)' on line [[@LINE-1]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  show("std::swap", next);
}

void moveAssign() {
  V pool(n, 1.0), next(n, 0.0);
  double *p = pool.data();
  next = std::move(pool);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the address of 'next' escapes ('next = std::move(pool)' on line [[@LINE-1]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  show("move assign", next);
}

void exchanged() {
  V pool(n, 1.0), next(n, 0.0);
  double *p = pool.data();
  next = std::exchange(pool, {});
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the address of 'next' escapes ('next = std::exchange(pool, {})' on line [[@LINE-1]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  show("exchange", next);
}

void constructed() {
  V pool(n, 1.0), next(n, 0.0);
  double *p = pool.data();
  next = V(std::move(pool));
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the address of 'next' escapes ('next = V(std::move(pool))' on line [[@LINE-1]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  show("constructed", next);
}

void initialized() {
  V pool(n, 1.0);
  double *p = pool.data();
  V next = std::exchange(pool, V(n, 0.0));
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the address of 'next' escapes ('std::exchange(pool, V(n, 0.0))' on line [[@LINE-1]]) [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  show("initialized", next);
}

// The trade comes after the loop: next's elements are its own while the
// loop runs.
void tradedAfter() {
  V pool(n, 1.0), next(n, 0.0);
  double *p = pool.data();
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'next' [purecc-parallel-map]
  for (long i = 0; i < n; ++i)
    next[i] = f(i) + p[(i + 1) % n];
  next.swap(pool);
  show("traded after", pool);
}

// A row built in the loop body and moved into an element: its storage is
// reached by nobody else, so the move is no escape of 'rows' (user46 k04).
void movedRows() {
  std::vector<V> rows(400);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'rows' [purecc-parallel-map]
  for (long y = 0; y < 400; ++y) {
    V row(50);
    // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:5: remark: loop rewritten as a parallel map over 'row' [purecc-parallel-map]
    for (long x = 0; x < 50; ++x)
      row[x] = f(y * 50 + x);
    rows[y] = std::move(row);
  }
  V flat;
  // The iterators over doubles store no address into 'flat' (user50 k07).
  for (const V &r : rows)
    flat.insert(flat.end(), r.begin(), r.end());
  // REMARK: escapes-traded-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'flat' (the pieces kept in the loop's order) [purecc-concatenation]
  flat.resize(n);
  show("moved rows", flat);
}

// The iterators given to a rewritten std::transform_reduce beside an empty
// std::plus<> do not escape into it (user46 k03).
void afterAlgorithm() {
  V data(n, 0.5);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:12: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long k = std::transform_reduce(data.begin(), data.end(), 0L, std::plus<>(),
                                 [](double t) { return std::lround(f(long(t * 4)) * 1e6); });
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'data' [purecc-parallel-map]
  for (auto &y : data)
    y -= f(long(y * 8));
  std::printf("after algorithm: %ld\n", k);
  show("after algorithm", data);
}

// The double buffer of an iterative solver: `cur.swap(next)` and
// `std::swap(cur, next)` after each sweep trade two buffers that nothing
// else reaches, so the sweep is a map (user47 k02 said "the address of
// 'next' escapes").
void doubleBuffer() {
  V cur(n, 1.0), next(n, 0.0);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the element of 'next' written is not indexed by the loop variable [purecc-missed-map]
  for (int it = 0; it < 4; ++it) {
    // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:5: remark: loop rewritten as a parallel map over 'next' [purecc-parallel-map]
    for (long i = 0; i < n; ++i)
      next[i] = f(i) * 0.5 + cur[(i + 1) % n] * 0.25;
    if (it % 2)
      cur.swap(next);
    else
      std::swap(cur, next);
  }
  show("double buffer", cur);
}

// A reference bound after the solver's loop holds storage the swap no
// longer shares with the buffer the sweep writes (user48 k02: "the address
// of 'next' escapes ('std::swap(cur, next)' ...)" for a reference into
// 'cur' declared after the loop).
void boundAfter() {
  V cur(n, 1.0), next(n, 0.0);
  // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the element of 'next' written is not indexed by the loop variable [purecc-missed-map]
  for (int it = 0; it < 4; ++it) {
    // REMARK: escapes-traded-storage.cpp:[[@LINE+1]]:5: remark: loop rewritten as a parallel map over 'next' [purecc-parallel-map]
    for (long i = 0; i < n; ++i)
      next[i] = f(i) * 0.5 + cur[(i + 1) % n] * 0.25;
    std::swap(cur, next);
  }
  const double &first = cur[0];
  std::printf("bound after: %.6f\n", first);
}

int main() {
  memberSwap();
  stdSwap();
  moveAssign();
  exchanged();
  constructed();
  initialized();
  tradedAfter();
  movedRows();
  afterAlgorithm();
  doubleBuffer();
  boundAfter();
}
// The serial loop reads p[i + 1] before iteration i + 1 writes it (1.0),
// and p[0] last, after iteration 0 wrote it: every variant prints the same.
// OUT:      member swap: 64410527466
// OUT-NEXT: std::swap: 64410527466
// OUT-NEXT: move assign: 64410527466
// OUT-NEXT: exchange: 64410527466
// OUT-NEXT: constructed: 64410527466
// OUT-NEXT: initialized: 64410527466
// OUT-NEXT: traded after: 64410527466
// OUT-NEXT: moved rows: 4413527466
// OUT-NEXT: after algorithm: 7889760000
// OUT-NEXT: after algorithm: -16097315094
// OUT-NEXT: double buffer: {{-?[0-9]+}}
// OUT-NEXT: bound after: 0.045626
