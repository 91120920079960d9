// Containers that are members: a struct holding a std::vector, read and
// written by loops in free functions and in its own member functions
// (adv22 F4). A container of a local object ('h.v', 'a.b.v') is as much the
// loop's own as a local vector: maps store into it and reductions read it,
// while the body reads other scalar members ('h.bias') beside it. Reached
// through 'this', the object may be reached under another name too: stores
// stay serial with that reason; through a reference, stores are a map when
// the body reads nothing that may be the container's elements under another
// name ('Grid &a, Grid &b' may be one object: LentContainers.h); reads are
// reductions like any other. A bound or range that
// is a member's size stays while nothing in the body resizes a container.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=CODE < %t.out.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return s;
}

struct Grid {
  std::vector<long> v;
  long total = 0;
  long bias = 1;
  void grow() { v.push_back(1); }
  long sum() const {
    long s = 0;
    for (long x : v)
      s += heavy(x);
    // REMARK: member-containers.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    // CODE: ::purecc::parallel_reduce(0, static_cast<std::int64_t>(v.size())
    return s;
  }
  long sumGrow() {
    long s = 0;
    for (long x : v) {
      s += heavy(x);
      if (x < 0)
        grow();
    }
    // REMARK: member-containers.cpp:[[@LINE-5]]:5: remark: loop not parallelized: the range 'v' may change: the loop body may resize a container ('grow()') [purecc-missed-reduction]
    return s;
  }
  void step() {
    for (std::size_t i = 0; i < v.size(); ++i)
      v[i] = heavy(v[i]) + bias;
    // REMARK: member-containers.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'v' is a member of '*this', not of a local object, so it may alias what the loop reads [purecc-missed-map]
  }
};

struct Outer {
  long k = 2;
  Grid b;
};

void step(Grid &g) {
  for (std::size_t i = 0; i < g.v.size(); ++i)
    g.v[i] = heavy(g.v[i]) + g.bias;
  // A container the caller lent (LentContainers.h): its own element and a
  // scalar member of its object are all the body reads.
  // REMARK: member-containers.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'g.v' [purecc-parallel-map]
}

long sum(const Grid &g) {
  long s = 0;
  for (long x : g.v)
    s += heavy(x);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

long sumCounted(const Grid &g) {
  long s = 0;
  for (std::size_t i = 0; i < g.v.size(); ++i)
    s += heavy(g.v[i]) * g.bias;
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

struct Cell {
  long a = 1;
  long b[3] = {1, 2, 3};
};

struct Fixed {
  long a[64];
  long k = 7;
};

struct View {
  std::vector<long> &r;
};

// 'a' and 'b' may be one object: only reads, so a reduction.
long dot(const Grid &a, const Grid &b) {
  long s = 0;
  for (std::size_t i = 0; i < a.v.size(); ++i)
    s += heavy(a.v[i]) * b.v[i];
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

void copyInto(Grid &a, const Grid &b) {
  for (std::size_t i = 0; i < a.v.size(); ++i)
    a.v[i] = heavy(b.v[i]);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'a.v' is a container the caller lent by reference, and the loop body reads through 'b', which may be its elements under another name [purecc-missed-map]
}

int main(int argc, char **) {
  const long n = 1000 + argc;
  Grid h{std::vector<long>(n, 1)};
  h.bias = 3;
  for (std::size_t i = 0; i < h.v.size(); ++i)
    h.v[i] = heavy(i) + h.bias;
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'h.v' [purecc-parallel-map]
  // CODE: ::purecc::parallel_for(0, static_cast<std::int64_t>(h.v.size())
  long s = 0;
  for (long x : h.v)
    s += heavy(x);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  // CODE: ::purecc::parallel_reduce(0, static_cast<std::int64_t>(h.v.size())
  // In place, counting down, through a reference element, nested 'a.b.v'.
  for (std::size_t i = h.v.size(); i-- > 0;)
    h.v[i] = heavy(h.v[i]) - h.bias;
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'h.v' [purecc-parallel-map]
  for (long &x : h.v)
    x = heavy(x + 1);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'h.v' [purecc-parallel-map]
  Outer o{5, Grid{std::vector<long>(n, 2)}};
  for (std::size_t i = 0; i < o.b.v.size(); ++i)
    o.b.v[i] = heavy(i) * o.k + o.b.bias;
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'o.b.v' [purecc-parallel-map]
  long t = 0;
  for (long x : o.b.v)
    t += heavy(x);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  std::printf("A %ld %ld %ld %ld %ld %ld\n", s, h.v[0] + h.v[n - 1], t, o.b.v[n / 2], sum(h),
              sumCounted(h));
  // OUT: A 900900 2102 900900 4496 900900 2702700
  Grid g{std::vector<long>(n, 4)};
  step(g);
  copyInto(o.b, g);
  g.step();
  std::printf("B %ld %ld %ld %ld\n", g.sum(), dot(g, o.b), dot(g, g), o.b.v[7]);
  // OUT: B 1200199 1078978901 1080179100 899

  // Not sound, or not known to be: the serial loop's reasons.
  Grid w{std::vector<long>(n, 1)};
  for (std::size_t i = 0; i < w.v.size(); ++i) {
    w.v[i] = heavy(i);
    if (i == 3)
      w.grow();
  }
  // REMARK: member-containers.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the bound 'w.v.size()' may change: the loop body may resize a container ('w.grow()') [purecc-missed-map]
  for (long x : w.v)
    if (x == 3)
      w.v.clear();
    else
      t += heavy(x);
  // REMARK: member-containers.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the range 'w.v' may change: the loop body may resize a container ('w.v.clear()') [purecc-missed-reduction]
  for (std::size_t i = 1; i < w.v.size(); ++i)
    w.v[i] = w.v[i - 1] + heavy(i);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'w.v[i - 1]', an element of 'w.v' that another iteration may write [purecc-missed-map]
  for (std::size_t i = 0; i < w.v.size(); ++i) {
    w.v[i] = heavy(i);
    w.bias = (long)i;
  }
  // REMARK: member-containers.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'w' is written inside the loop body ('w.bias = (long)i') [purecc-missed-map]
  for (std::size_t i = 0; i < w.v.size(); ++i)
    w.v[i] = heavy(i) + w.sum();
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body ('w.v[i] = heavy(i) + w.sum()'), other than through the elements of 'w.v' that each iteration writes and the arithmetic members and elements apart from it [purecc-missed-map]
  Grid &alias = w;
  for (std::size_t i = 0; i < w.v.size(); ++i)
    w.v[i] = heavy(i) + alias.v[0];
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body (through 'alias', declared on line [[@LINE-3]]) [purecc-missed-map]
  View view{w.v};
  for (long x : view.r)
    t += heavy(x);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the range 'view.r' is the reference member 'r', which may refer to any container: only a container that is a member itself is looped over [purecc-missed-reduction]

  // Parts of elements that are arrays; bits read by value; an array member.
  std::vector<Cell> q(n);
  for (long i = 0; i < n; ++i)
    q[i].b[i % 3] = heavy(i) + q[i].b[(i + 1) % 3];
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'q' [purecc-parallel-map]
  for (long i = 1; i < n; ++i)
    q[i].b[1] = q[i - 1].b[1] + heavy(i);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'q[i - 1]', an element of 'q' that another iteration may write [purecc-missed-map]
  std::vector<bool> flags(n);
  for (long i = 0; i < n; i += 3)
    flags[i] = true;
  long u = 0;
  for (bool b : flags)
    u += heavy(b ? 3 : 4);
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  Fixed f;
  for (long i = 0; i < 64; ++i)
    f.a[i] = heavy(i) * f.k;
  // REMARK: member-containers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'f.a' [purecc-parallel-map]
  std::printf("C %ld %ld %ld %ld %ld %ld %ld %ld\n", w.v[0], w.v[n - 1], w.bias, t, q[5].b[2],
              q[n - 1].b[1], u, f.a[63] + g.sumGrow());
  // OUT: C 902704 903306 1001 2704199 898 900301 1099999 1204406
  return 0;
}
